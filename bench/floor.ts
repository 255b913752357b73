/**
 * The floor under a send: the work of `engine.send.no-fsync` done by a plain prototype
 * (better-sqlite3 statements, nothing around them) on the plans' own machines and a
 * population's own incidents, in three storage designs, beside the engine itself and the
 * bare commit of `engine.send.no-fsync` (one journal-sized row per transaction), all at
 * synchronous=OFF, run alternately in one process, CPU time per accepted send:
 *
 * - `stored`, the row's design: read the row and its snapshot, parse it, restore, validate,
 *   quote, `can()`, transition, write the snapshot's JSON, the journal row and the row;
 * - `memory`: every incident's machine kept in memory (restored before timing): validate,
 *   quote, `can()`, transition, the journal row and the row's version;
 * - `journal`: as `memory`, writing the journal row alone;
 * - `engine`: `engine.send` with every incident kept live (its live cache).
 *
 * The prototypes build no view, no ledger diff, no hash chain, no timer rows, no outbox
 * and no idempotency record: what is left is the machines' own work and the statements'.
 * Sends are random accepted steps on `--incidents` random open incidents of the
 * population; each incident's first send is not counted (it restores the engine's).
 *
 *   npm run bench -- engine --size small --keep --dir /tmp/b   # leaves a population
 *   npx tsx bench/floor.ts /tmp/b/population-10000.db [--sends 3000] [--runs 3] [--incidents 500]
 *     [--only stored,memory,journal,engine] [--profile FILE]   # FILE: a profile of one more engine run
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import * as registry from '../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../machines/kit/types.js'
import { acceptedEvents, type Running, restore } from '../src/engine/actor.js'
import { createEngine } from '../src/engine/engine.js'
import { lazyQuotes } from '../src/engine/quotes.js'
import { parseSnapshot } from '../src/engine/snapshot-text.js'
import { AppError } from '../src/errors.js'
import { createStore, withoutFsync } from '../src/store/connection.js'
import { benchCaller } from './lib/closing.js'
import { formatFrames, profiled, topFrames } from './lib/profile.js'
import { baselineDb, calendar } from './lib/setup.js'
import { median, randomInt, seedRandom } from './lib/stats.js'
import { randomStep, type Step } from './lib/workload.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sends: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '3' },
    incidents: { type: 'string', default: '500' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
})
const source = positionals[0]
if (!source)
  throw new Error(
    'usage: tsx bench/floor.ts <population.db> [--sends N] [--runs N] [--incidents N] [--only d,…] [--profile FILE]',
  )
const SENDS = Number(values.sends)
const dir = mkdtempSync(join(tmpdir(), 'floor-'))

const ALL = ['stored', 'memory', 'journal', 'engine'] as const
type Design = (typeof ALL)[number]
const DESIGNS = ALL.filter((d) => values.only === undefined || values.only.split(',').includes(d))
interface Row {
  id: string
  plan_id: string
  plan_version: number
  version: number
  head_hash: string
  snapshot: string
}
const planOf = (r: Pick<Row, 'plan_id' | 'plan_version'>) =>
  (registry.getPlan(r.plan_id, r.plan_version) ?? registry.getPlan(r.plan_id)) as PlanDefinition
const restoreRow = (r: Row) => restore(planOf(r).machine, parseSnapshot(planOf(r), r.snapshot))
const SELECT =
  'SELECT i.id, i.plan_id, i.plan_version, i.version, i.head_hash, s.snapshot FROM incidents i JOIN snapshots s ON s.incident_id = i.id'

/** A plain prototype's send: CPU µs, or null when refused (rolled back). */
function prototype(design: Exclude<Design, 'engine'>, db: SQLite.Database) {
  const select = db.prepare(`${SELECT} WHERE i.id = ?`)
  const insert = db.prepare(
    'INSERT INTO journal (incident_id, seq, type, payload, actor_name, actor_role, occurred_at, recorded_at, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const update = db.prepare(
    'UPDATE incidents SET version = ?, updated_at = ?, head_hash = ? WHERE id = ? AND version = ?',
  )
  const saveSnapshot = db.prepare('UPDATE snapshots SET snapshot = ?, version = ? WHERE incident_id = ?')
  const [begin, commit, rollback] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK'].map((q) => db.prepare(q)) as [
    SQLite.Statement,
    SQLite.Statement,
    SQLite.Statement,
  ]
  // `memory` and `journal` keep every machine live.
  const live = new Map<string, { row: Row; actor: Running }>()
  return (id: string, step: Step, at: string): string[] | null => {
    begin.run()
    const known = live.get(id)
    const row = known?.row ?? (select.get(id) as Row)
    const plan = planOf(row)
    const actor = known?.actor ?? restoreRow(row)
    const before = actor.getSnapshot()
    const parsed = plan.events.find((e) => e.type === step.type)?.schema.safeParse(step.fields)
    const book = lazyQuotes(plan.obligations, calendar, before.context as IncidentContext, at)
    const event = {
      ...(parsed?.data ?? {}),
      type: step.type,
      at,
      actor: { name: 'bench', role: step.role },
      quotes: book.quotes,
    }
    if (!parsed?.success || !before.can(event)) {
      rollback.run()
      return null
    }
    actor.send(event)
    const s = actor.getSnapshot()
    const version = row.version + 1
    const payload = JSON.stringify(step.fields)
    insert.run(id, version, step.type, payload, 'bench', step.role, at, at, 'h', row.head_hash)
    if (design !== 'journal') update.run(version, at, 'h', id, row.version)
    if (design === 'stored') {
      const persisted = {
        status: s.status,
        value: s.value,
        historyValue: {},
        context: s.context,
        children: {},
      }
      saveSnapshot.run(JSON.stringify(persisted), version, id)
    }
    commit.run()
    if (design !== 'stored') live.set(id, { row: { ...row, version }, actor })
    return acceptedEvents(s)
  }
}

/** One design on its own copy of the population: CPU µs per accepted send. */
async function measure(design: Design, sends = SENDS): Promise<number> {
  const file = join(dir, `${design}.db`)
  copyFileSync(source as string, file)
  const db = new SQLite(file, { readonly: true })
  seedRandom(7)
  const open = db.prepare(`${SELECT} WHERE i.closed_at IS NULL`).all() as Row[]
  const rows = Array.from({ length: Number(values.incidents) }, () => open[randomInt(open.length)] as Row)
  db.close()
  let t = Date.parse('2026-06-01T03:00:00.000Z')
  let send: (id: string, step: Step, at: string) => Promise<string[] | null>
  let close: () => Promise<void>
  if (design === 'engine') {
    const store = createStore(file)
    withoutFsync(store)
    const clock = { now: () => new Date(t) }
    const engine = createEngine({ store, plans: registry, clock, calendar, actorCacheSize: rows.length * 2 })
    send = async (id, step) => {
      try {
        return (await engine.send(id, { type: step.type, fields: step.fields }, benchCaller(step.role)))
          .allowedEvents
      } catch (e) {
        if (e instanceof AppError) return null
        throw e
      }
    }
    close = () => store.close()
  } else {
    const rw = new SQLite(file)
    rw.pragma('journal_mode = WAL')
    rw.pragma('synchronous = OFF')
    const one = prototype(design, rw)
    send = async (id, step, at) => one(id, step, at)
    close = async () => {
      rw.close()
    }
  }
  const allowed = new Map(rows.map((r) => [r.id, acceptedEvents(restoreRow(r).getSnapshot())]))
  const seen = new Set<string>()
  let accepted = 0
  let us = 0
  let idle = 0
  while (accepted < sends) {
    const row = rows[randomInt(rows.length)] as Row
    const step = randomStep(planOf(row), allowed.get(row.id) ?? [])
    if (!step) {
      // Every incident closed (none accepts a step): a larger --incidents is needed.
      if (++idle > 100_000) throw new Error(`${design}: no incident takes a step after ${accepted} sends`)
      continue
    }
    idle = 0
    t += 1000
    const started = process.cpuUsage()
    const next = await send(row.id, step, new Date(t).toISOString())
    const d = process.cpuUsage(started)
    if (!next) continue
    // An incident's first accepted send restores it (and makes it live): not counted.
    if (seen.has(row.id)) {
      us += d.user + d.system
      accepted++
    } else seen.add(row.id)
    allowed.set(row.id, next)
  }
  await close()
  return us / accepted
}

const base = baselineDb(join(dir, 'baseline.db'), 400)
base.db.pragma('synchronous = OFF')
const bareUs = () => 1e6 / base.measure(SENDS)
// A first pass of each, not counted: V8 compiles the paths.
for (const design of DESIGNS) await measure(design, Math.min(SENDS, 1000))
bareUs()
const results = new Map<Design, Array<{ us: number; ratio: number }>>()
for (let r = 0; r < Number(values.runs); r++)
  for (const design of DESIGNS) {
    const b1 = bareUs()
    const us = await measure(design)
    const bare = (b1 + bareUs()) / 2
    results.set(design, [...(results.get(design) ?? []), { us, ratio: bare / us }])
    console.log(
      `run ${r + 1} ${design}: ${us.toFixed(0)} µs a send, bare commit ${bare.toFixed(1)} µs, ratio ${(bare / us).toFixed(3)}`,
    )
  }
if (values.profile) {
  const { profile } = await profiled(values.profile, () => measure('engine'))
  const top = topFrames(profile, 40)
  for (const l of formatFrames(top.inclusive)) console.log(`  ${l}`)
}
for (const [design, list] of results)
  console.log(
    `RESULT floor.${design} | ${median(list.map((x) => x.us)).toFixed(0)} µs of CPU a send | ratio ${median(list.map((x) => x.ratio)).toFixed(3)} (engine.send.no-fsync's target: ≥ 0.25)`,
  )
base.close()
rmSync(dir, { recursive: true, force: true })
