/**
 * Old engine against new, in one process, alternately, each beside the same baseline:
 * better-sqlite3 committing one journal-sized row per transaction (bench/lib/setup.ts),
 * all at synchronous=OFF so the figures are CPU, not the disk. CPU time is the process's
 * own (user + system), so the neighbours' load moves it less than wall time.
 *
 *   npx tsx bench/ab-engine.ts --old /path/to/older/checkout [--incidents 2000] [--sends 600] [--runs 3]
 *
 * Workloads: `spread` sends to random open incidents (more than the live cache holds),
 * `hot` to a set the cache holds; `fire` fires every due deadline (and warning) of the
 * population after the clock jumps past them (one fireDue pass at a time, 500 a pass).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import * as registry from '../machines/index.js'
import { AppError } from '../src/errors.js'
import { baselineDb, calendar, callerFor } from './lib/setup.js'
import { median, randomInt, seedRandom } from './lib/stats.js'
import { callerOf, randomStep, requestOf } from './lib/workload.js'

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    incidents: { type: 'string', default: '2000' },
    sends: { type: 'string', default: '600' },
    runs: { type: 'string', default: '3' },
  },
})
if (!values.old) throw new Error('--old DIR: a checkout of the engine to compare with')
const N = Number(values.incidents)
const SENDS = Number(values.sends)
const RUNS = Number(values.runs)

type Mod = typeof import('../src/engine/engine.js')
type StoreMod = typeof import('../src/store/connection.js')
type MigrateMod = typeof import('../src/store/migrate.js')
interface Variant {
  name: string
  engine: Mod
  store: StoreMod
  migrate: MigrateMod
}
async function variant(name: string, root: string): Promise<Variant> {
  return {
    name,
    engine: (await import(join(root, 'src/engine/engine.ts'))) as Mod,
    store: (await import(join(root, 'src/store/connection.ts'))) as StoreMod,
    migrate: (await import(join(root, 'src/store/migrate.ts'))) as MigrateMod,
  }
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

async function population(v: Variant, dir: string) {
  let t = Date.parse('2026-10-09T01:00:00.000Z')
  const clock = { now: () => new Date(t), advance: (ms: number) => (t += ms) }
  const store = v.store.createStore(join(dir, `${v.name}-${Date.now()}.db`))
  await v.migrate.migrateToLatest(store.db, store.schema)
  // Either checkout's store: synchronous=OFF, and no WAL sync where the store makes its own.
  store.sqlite?.pragma('synchronous = OFF')
  const own = store as { durability?: { enabled: boolean } | null }
  if (own.durability) own.durability.enabled = false
  const engine = v.engine.createEngine({ store, plans: registry, clock, calendar })
  const plans = registry.currentPlans()
  const open: Array<{ id: string; planId: string; allowed: string[] }> = []
  for (let i = 0; i < N; i++) {
    const plan = plans[i % plans.length]!
    const view = await engine.open({ planId: plan.id, title: `bench ${i}` }, callerFor('office'))
    open.push({ id: view.id, planId: plan.id, allowed: view.allowedEvents })
  }
  return { store, engine, clock, open }
}

type Pop = Awaited<ReturnType<typeof population>>

/** CPU ms per accepted send on `pool` (indices into pop.open). */
async function sends(pop: Pop, pool: number[]): Promise<number> {
  let accepted = 0
  const started = process.cpuUsage()
  while (accepted < SENDS) {
    const c = pop.open[pool[randomInt(pool.length)]!]!
    const step = randomStep(registry.getPlan(c.planId)!, c.allowed)
    if (!step) continue
    pop.clock.advance(1000)
    try {
      const view = await pop.engine.send(c.id, requestOf(step), callerOf(step))
      c.allowed = view.allowedEvents
      accepted++
    } catch (e) {
      // The old checkout has its own errors module: a refusal is anything with an HTTP status.
      if (!(e instanceof AppError) && typeof (e as { status?: unknown }).status !== 'number') throw e
    }
  }
  return cpuMs(started) / SENDS
}

/** Firings per CPU second: every deadline and warning due within the next 30 days. */
async function fire(pop: Pop): Promise<{ rate: number; fired: number }> {
  pop.clock.advance(30 * 86_400_000)
  let fired = 0
  const started = process.cpuUsage()
  for (;;) {
    const n = await pop.engine.fireDue()
    fired += n
    if (n === 0) break
  }
  return { rate: fired / (cpuMs(started) / 1000), fired }
}

const dir = mkdtempSync(join(tmpdir(), 'ab-engine-'))
seedRandom(1)
const variants = [await variant('old', resolve(values.old)), await variant('new', resolve('.'))]
const base = baselineDb(join(dir, 'baseline.db'), 600)
base.db.pragma('synchronous = OFF')
const figures: Record<string, number[]> = {}
const add = (k: string, x: number) => {
  figures[k] ??= []
  figures[k].push(x)
}
for (let r = 0; r < RUNS; r++) {
  for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
    const b0 = process.cpuUsage()
    for (let i = 0; i < 5000; i++) base.commitOne()
    const bareMs = cpuMs(b0) / 5000
    add('bare.ms', bareMs)
    const pop = await population(v, dir)
    const all = pop.open.map((_, i) => i)
    const spread = await sends(pop, all)
    const hot = await sends(pop, all.slice(0, 200))
    add(`${v.name}.spread.ms`, spread)
    add(`${v.name}.hot.ms`, hot)
    add(`${v.name}.spread.ratio`, bareMs / spread)
    add(`${v.name}.hot.ratio`, bareMs / hot)
    const f = await fire(pop)
    add(`${v.name}.fire.rate`, f.rate)
    add(`${v.name}.fire.count`, f.fired)
    await pop.store.close()
    console.log(
      `run ${r + 1} ${v.name}: bare ${(bareMs * 1000).toFixed(0)} µs; send spread ${(spread * 1000).toFixed(0)} µs ` +
        `(ratio ${(bareMs / spread).toFixed(3)}), hot ${(hot * 1000).toFixed(0)} µs (ratio ${(bareMs / hot).toFixed(3)}); ` +
        `fire ${f.fired} at ${f.rate.toFixed(0)}/CPU-s; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    )
  }
}
base.close()
rmSync(dir, { recursive: true, force: true })
for (const [k, xs] of Object.entries(figures)) console.log(`MEDIAN ${k} ${median(xs).toFixed(4)}`)
