/**
 * A cold firing, step by step: for each deadline due in a timer cohort (read, not changed;
 * `bench/drain-cohorts.ts` leaves some), the pure work `fireIn` does around its
 * statements, each step timed on its own: reading the snapshot, restoring it, `can()`,
 * the transition, the derived columns and snapshot text, the ledger's changes, the
 * journal entry, the stored extras, the view, the stored view, the timer rows compared
 * and moved. Microseconds per firing, averaged over the last three of six passes (the
 * first warm the code), and the CPU time of those passes per firing.
 *
 *   npx tsx bench/fire-steps.ts /tmp/cohorts/once-0.db [--profile FILE]
 *
 * Each step's time includes the collector's pauses that fall in it.
 */
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import * as registry from '../machines/index.js'
import type { PlanDefinition } from '../machines/kit/types.js'
import { contextOf, restore } from '../src/engine/actor.js'
import type { Core } from '../src/engine/core.js'
import { ledgerChanges } from '../src/engine/obligations.js'
import { createProjection } from '../src/engine/projection.js'
import { snapshotText, snapshotToChange } from '../src/engine/snapshot-text.js'
import { storedOf, storedViewText } from '../src/engine/stored-view.js'
import { buildView, rowFactsOf } from '../src/engine/view.js'
import type { IncidentRow, TimerRow } from '../src/store/schema.js'
import { formatFrames, profiled, topFrames } from './lib/profile.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { profile: { type: 'string' } },
})
const file = positionals[0]
if (!file) throw new Error('usage: tsx bench/fire-steps.ts <cohort.db> [--profile FILE]')
const db = new SQLite(file, { readonly: true })
const timers = db
  .prepare(
    "SELECT * FROM timers WHERE fired_at IS NULL AND instance NOT LIKE '%~w%' ORDER BY due_at LIMIT 2000",
  )
  .all() as TimerRow[]
const rowOf = db.prepare(
  'SELECT i.*, s.snapshot, s.version AS snapshot_version FROM incidents i JOIN snapshots s ON s.incident_id = i.id WHERE i.id = ?',
)
const work = timers.map((t) => ({ t, row: rowOf.get(t.incident_id) as IncidentRow }))
db.close()

const AT = '2026-06-01T03:00:01.000Z'
const core = {
  clock: { now: () => new Date(AT) },
  warnAt: [0.5, 0.8],
  planOf: (r: Pick<IncidentRow, 'plan_id' | 'plan_version'>) =>
    registry.getPlan(r.plan_id, r.plan_version) as PlanDefinition,
} as unknown as Core
const p = createProjection(core)

const spent = new Map<string, number>()
function timed<T>(step: string, f: () => T): T {
  const t0 = process.hrtime.bigint()
  const r = f()
  spent.set(step, (spent.get(step) ?? 0) + Number(process.hrtime.bigint() - t0) / 1000)
  return r
}

let fired = 0
function pass() {
  for (const { t, row } of work) {
    const plan = core.planOf(row)
    // A string of its own, as a row read gives.
    const text = `${row.snapshot} `.slice(0, -1)
    const persisted = timed('read the snapshot', () => snapshotToChange(plan, text))
    const actor = timed('restore', () => restore(plan.machine, persisted))
    const event = {
      type: 'DEADLINE_PASSED',
      at: t.due_at,
      actor: { name: 'system', role: 'system' },
      obligation: t.instance,
    }
    if (!timed('can()', () => actor.getSnapshot().can(event))) continue
    const before = contextOf(actor.getSnapshot())
    timed('transition', () => actor.send(event))
    if (process.env.SPLIT) timed('snapshot text alone', () => snapshotText(plan, actor.getSnapshot(), false))
    const d = timed('derive (columns, snapshot text)', () => p.derive(plan, actor, false))
    const changes = timed('ledger changes', () => ledgerChanges(before.obligations, d.ctx.obligations))
    timed('journal entry', () =>
      p.entryFor(
        row,
        {
          type: 'DEADLINE_PASSED',
          payload: {
            deadline: t.deadline,
            obligation: t.instance,
            instance: t.instance,
            dueAt: t.due_at,
            obligations: changes,
          },
          actor: { name: 'system', role: 'system' },
          occurredAt: t.due_at,
        },
        AT,
      ),
    )
    const extras = timed('stored extras', () => storedOf(row.view))
    const view = timed('view', () =>
      buildView(plan, d.s, rowFactsOf(row, extras.source, row.version + 1, AT)),
    )
    timed('stored view', () => storedViewText(view))
    timed('timer rows', () => {
      p.timerMoves(before, d.ctx)
    })
    fired++
  }
}
for (let n = 0; n < 3; n++) pass()
spent.clear()
fired = 0
const cpu = process.cpuUsage()
if (values.profile) {
  const { profile } = await profiled(values.profile, async () => {
    for (let n = 0; n < 3; n++) pass()
  })
  const top = topFrames(profile, 40, /src\/|machines\/|xstate/)
  for (const l of formatFrames(top.self)) console.log(`  ${l}`)
  console.log('inclusive:')
  for (const l of formatFrames(top.inclusive)) console.log(`  ${l}`)
} else for (let n = 0; n < 3; n++) pass()
const used = process.cpuUsage(cpu)
let total = 0
for (const [step, us] of spent) {
  console.log(`${step.padEnd(32)} ${(us / fired).toFixed(1).padStart(7)} µs`)
  total += us / fired
}
console.log(`${'all steps'.padEnd(32)} ${total.toFixed(1).padStart(7)} µs (${fired / 3} firings a pass)`)
// CPU time is the process's own: others' load on the machine moves it less than the steps' wall time.
console.log(`${'CPU per firing'.padEnd(32)} ${((used.user + used.system) / fired).toFixed(1).padStart(7)} µs`)
