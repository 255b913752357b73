/**
 * Where a change's CPU goes: CPU time per send (or per firing) on a population of open
 * incidents of every plan, at synchronous=OFF, with each SQL statement's own time beside
 * it (better-sqlite3's statements timed one by one). For a profile, run it under
 * `node --cpu-prof --import tsx`.
 *
 *   npx tsx bench/send-cost.ts [--incidents 300] [--sends 3000] [--cache 1000] [--fire] [--minimal] [--wal] [--profile FILE]
 *
 * `--minimal` sends as `Prefer: return=minimal` does (no view built for the answer);
 * `--cache 0` restores every incident from its row; `--fire` opens the incidents, then
 * fires every deadline and warning due within three days with a fresh (cold) engine;
 * `--wal` also prints the bytes each accepted send adds to the WAL (checkpoints held off);
 * `--profile FILE` profiles the measured part alone (the firings, or the last round of sends)
 * and prints its top frames.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import * as registry from '../machines/index.js'
import { createEngine } from '../src/engine/engine.js'
import { AppError } from '../src/errors.js'
import { createStore, withoutFsync } from '../src/store/connection.js'
import { migrateToLatest } from '../src/store/migrate.js'
import { formatFrames, profiled, topFrames } from './lib/profile.js'
import { calendar, callerFor } from './lib/setup.js'
import { randomInt, seedRandom } from './lib/stats.js'
import { callerOf, randomStep, requestOf } from './lib/workload.js'

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '300' },
    sends: { type: 'string', default: '3000' },
    cache: { type: 'string', default: '1000' },
    fire: { type: 'boolean', default: false },
    minimal: { type: 'boolean', default: false },
    wal: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
})

/** Microseconds and calls per SQL text (its first 70 characters; every incident UPDATE as one). */
const spent = new Map<string, { us: number; n: number }>()
type Method = (...args: unknown[]) => unknown
const proto = SQLite.prototype as unknown as { prepare: (sql: string) => Record<string, Method> }
const prepare = proto.prepare
proto.prepare = function (this: unknown, sql: string) {
  const stmt = prepare.call(this, sql)
  // An incident's UPDATE names the columns its change moved: one line for all of them.
  const key = sql.startsWith('update "incidents" set')
    ? 'update "incidents" set … (the row)'
    : sql.slice(0, 70)
  for (const m of ['run', 'all', 'get']) {
    const f = stmt[m]
    if (!f) continue
    stmt[m] = function (this: unknown, ...args: unknown[]) {
      const t0 = process.hrtime.bigint()
      try {
        return f.apply(this, args)
      } finally {
        const e = spent.get(key) ?? { us: 0, n: 0 }
        e.us += Number(process.hrtime.bigint() - t0) / 1000
        e.n++
        spent.set(key, e)
      }
    }
  }
  return stmt
}

const cpuUs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since)
  return d.user + d.system
}
function print(what: string, n: number, us: number) {
  console.log(`${what}: ${n}, ${(us / n).toFixed(0)} µs of CPU each`)
  for (const [sql, e] of [...spent].sort((a, b) => b[1].us - a[1].us).slice(0, 10))
    console.log(`  ${(e.us / n).toFixed(1).padStart(7)} µs ${String(e.n).padStart(7)}×  ${sql}`)
}

/** Runs `fn`, under the profiler when `--profile` names a file (and `profile` is true). */
async function measured(profile: boolean, fn: () => Promise<void>) {
  if (!(profile && values.profile)) return fn()
  const { profile: p } = await profiled(values.profile, fn)
  const top = topFrames(p, 25)
  console.log('self time:')
  for (const l of formatFrames(top.self)) console.log(`  ${l}`)
  console.log('inclusive time:')
  for (const l of formatFrames(top.inclusive)) console.log(`  ${l}`)
}

seedRandom(1)
const dir = mkdtempSync(join(tmpdir(), 'send-cost-'))
let t = Date.parse('2026-10-09T01:00:00.000Z')
const clock = { now: () => new Date(t) }
const store = createStore(join(dir, 'cost.db'))
await migrateToLatest(store.db, store.schema)
withoutFsync(store)
/** The WAL file's size (it grows by 4,120 bytes a page written while checkpoints are held off). */
const walBytes = () => {
  try {
    return statSync(join(dir, 'cost.db-wal')).size
  } catch {
    return 0
  }
}
const engine = (actorCacheSize: number) =>
  createEngine({ store, plans: registry, clock, calendar, actorCacheSize })
const opener = engine(Number(values.cache))
const plans = registry.currentPlans()
const open: Array<{ id: string; planId: string; allowed: string[] }> = []
for (let i = 0; i < Number(values.incidents); i++) {
  const plan = plans[i % plans.length]!
  const view = await opener.open({ planId: plan.id, title: `cost ${i}` }, callerFor('office'))
  open.push({ id: view.id, planId: plan.id, allowed: view.allowedEvents })
}

if (values.fire) {
  const cold = engine(Number(values.cache))
  t += 3 * 86_400_000
  spent.clear()
  const started = process.cpuUsage()
  let fired = 0
  await measured(true, async () => {
    for (let n = await cold.fireDue(); n > 0; n = await cold.fireDue()) fired += n
  })
  print('firings', fired, cpuUs(started))
} else {
  for (let round = 1; round <= 3; round++) {
    spent.clear()
    let accepted = 0
    if (values.wal) store.sqlite?.pragma('wal_autocheckpoint = 0')
    const walBefore = walBytes()
    const started = process.cpuUsage()
    await measured(round === 3, async () => {
      while (accepted < Number(values.sends)) {
        const c = open[randomInt(open.length)]!
        const step = randomStep(registry.getPlan(c.planId)!, c.allowed)
        if (!step) continue
        t += 1000
        try {
          const send = values.minimal ? opener.sendMinimal : opener.send
          c.allowed = (await send(c.id, requestOf(step), callerOf(step))).allowedEvents
          accepted++
        } catch (e) {
          if (!(e instanceof AppError)) throw e
        }
      }
    })
    print(`round ${round}, sends accepted`, accepted, cpuUs(started))
    if (values.wal) {
      const bytes = (walBytes() - walBefore) / accepted
      console.log(`  WAL: ${bytes.toFixed(0)} bytes an accepted send (${(bytes / 4120).toFixed(2)} pages)`)
    }
  }
}
await store.close()
rmSync(dir, { recursive: true, force: true })
