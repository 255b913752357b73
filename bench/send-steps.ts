/**
 * A cold send, step by step: for each open incident of a population (read, not changed),
 * the pure work a send does before and after its statements, each step timed on its own:
 * reading the snapshot, restoring it, the events accepted, the quote book, `can()`, the
 * transition, the snapshot's text, the stored extras, the view, the stored view, the
 * journal entry's hash, and the answer's JSON. Microseconds per send, averaged over the
 * last three of six passes (the first warm the code).
 *
 *   npm run bench -- engine --size small --keep --dir /tmp/b   # leaves a population
 *   npx tsx bench/send-steps.ts /tmp/b/population-10000.db
 *
 * Each step's time includes the collector's pauses that fall in it, so steps that
 * allocate more look dearer than a profile says.
 */
import SQLite from 'better-sqlite3'
import * as registry from '../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../machines/kit/types.js'
import { acceptedEvents, restore } from '../src/engine/actor.js'
import { entryHash } from '../src/engine/hash.js'
import { lazyQuotes } from '../src/engine/quotes.js'
import { snapshotText, snapshotToChange } from '../src/engine/snapshot-text.js'
import { storedOf, storedViewText } from '../src/engine/stored-view.js'
import { buildView, rowFactsOf } from '../src/engine/view.js'
import type { IncidentRow } from '../src/store/schema.js'
import { calendar } from './lib/setup.js'
import { seedRandom } from './lib/stats.js'
import { randomStep } from './lib/workload.js'

const file = process.argv[2]
if (!file) throw new Error('usage: tsx bench/send-steps.ts <population.db>')
seedRandom(7)
const db = new SQLite(file, { readonly: true })
const rows = db
  .prepare(
    'SELECT i.*, s.snapshot, s.version AS snapshot_version FROM incidents i JOIN snapshots s ON s.incident_id = i.id WHERE i.closed_at IS NULL LIMIT 1500',
  )
  .all() as IncidentRow[]
const AT = '2026-06-01T03:00:00.000Z'

const spent = new Map<string, number>()
function timed<T>(step: string, f: () => T): T {
  const t0 = process.hrtime.bigint()
  const r = f()
  spent.set(step, (spent.get(step) ?? 0) + Number(process.hrtime.bigint() - t0) / 1000)
  return r
}

let sends = 0
for (let pass = 0; pass < 6; pass++) {
  if (pass === 3) {
    spent.clear()
    sends = 0
  }
  for (const row of rows) {
    const plan = (registry.getPlan(row.plan_id, row.plan_version) ??
      registry.getPlan(row.plan_id)) as PlanDefinition
    // A string of its own, as a row read gives.
    const text = `${row.snapshot} `.slice(0, -1)
    const persisted = timed('read the snapshot', () => snapshotToChange(plan, text))
    const actor = timed('restore', () => restore(plan.machine, persisted))
    const before = actor.getSnapshot()
    const allowed = timed('events accepted', () => acceptedEvents(before))
    const step = randomStep(plan, allowed)
    if (!step) continue
    const ctx = before.context as IncidentContext
    const book = timed('quote book', () => lazyQuotes(plan.obligations, calendar, ctx, AT))
    const event = {
      ...step.fields,
      type: step.type,
      at: AT,
      actor: { name: 'bench', role: step.role },
      quotes: book.quotes,
    }
    if (!timed('can()', () => before.can(event))) continue
    timed('transition', () => actor.send(event))
    const s = actor.getSnapshot()
    if (s === before) continue
    timed('snapshot text', () => snapshotText(plan, s))
    const extras = timed('stored extras', () => storedOf(row.view))
    const facts = rowFactsOf(row, extras.source, row.version + 1, AT)
    const view = timed('view', () => buildView(plan, s, facts, false))
    timed('stored view', () => storedViewText(view))
    timed('journal entry', () =>
      entryHash(row.head_hash, {
        incident_id: row.id,
        seq: row.version + 1,
        type: step.type,
        payload: JSON.stringify(step.fields),
        actor_name: 'bench',
        actor_role: step.role,
        occurred_at: AT,
        recorded_at: AT,
      }),
    )
    timed("the answer's JSON", () => JSON.stringify(view))
    sends++
  }
}
let before = 0
for (const [step, us] of spent) {
  console.log(`${step.padEnd(20)} ${(us / sends).toFixed(1).padStart(7)} µs`)
  if (step !== "the answer's JSON") before += us / sends
}
console.log(`${'before statements'.padEnd(20)} ${before.toFixed(1).padStart(7)} µs (${sends} sends)`)
db.close()
