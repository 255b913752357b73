/**
 * A batch of due timers is read in the index's order (timers_due: unfired, by due time):
 * with 100,000 deadlines due at the same instant, ordering them all by incident to take a
 * batch of 100 held the event loop ≈ 100 ms a batch (BENCHMARKS.md, seventeenth round).
 * Checked on the query plan SQLite chooses for the very SQL the scheduler runs, and on
 * what it returns: every due timer, each once, batch after batch, in due order.
 */
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../../src/store/schema.js'
import { dueTimers } from '../../src/store/timers.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'

let t: TestEngine
const AT = '2026-10-09T02:00:00.000Z'
const incidents = 120
const perIncident = 10
beforeAll(async () => {
  t = await freshEngine()
  const sqlite = t.store.sqlite
  if (!sqlite) throw new Error('SQLite only')
  // Rows of the table alone (no incident behind them): what the query reads. Foreign keys off
  // for the fixture, as the timers name incidents that do not exist.
  sqlite.pragma('foreign_keys = OFF')
  const insert = sqlite.prepare(
    'INSERT INTO timers (incident_id, instance, deadline, due_at) VALUES (?, ?, ?, ?)',
  )
  // Inserted with incidents interleaved, so that rowid order is not incident order.
  for (let k = 0; k < perIncident; k++)
    for (let i = incidents - 1; i >= 0; i--)
      insert.run(`inc-${String(i).padStart(3, '0')}`, `d${k}#1`, `d${k}`, AT)
  insert.run('inc-early', 'd#1', 'd', '2026-10-09T01:00:00.000Z')
  insert.run('inc-later', 'd#1', 'd', '2026-10-09T03:00:00.000Z')
})
afterAll(() => t.store.close())

it('reads a batch among the first rows of the due-time index, not by sorting every timer due at once', async () => {
  const sqlite = t.store.sqlite!
  const seen: CompiledQuery[] = []
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      seen.push(e.query)
    },
  })
  await dueTimers(db, AT, 100)
  const q = seen.at(-1)!
  const plan = (
    sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>
  ).map((r) => r.detail)
  expect(plan.some((d) => /SEARCH timers USING INDEX timers_due/.test(d))).toBe(true)
  // The sort by incident is of the candidates read in the index's order (a bounded subquery);
  // before, the index's rows themselves were sorted ('USE TEMP B-TREE FOR LAST TERM OF ORDER
  // BY' on the SEARCH), every timer due at that instant.
  expect(plan).toContain('SCAN candidates')
  expect(plan.some((d) => /^CO-ROUTINE candidates/.test(d))).toBe(true)
})

it('returns every due timer once, batch after batch, oldest first, each batch in due-time and incident order', async () => {
  const sqlite = t.store.sqlite!
  const fire = sqlite.prepare('UPDATE timers SET fired_at = ? WHERE incident_id = ? AND instance = ?')
  const fired: string[] = []
  for (;;) {
    const batch = await dueTimers(t.store.db, AT, 100)
    if (batch.length === 0) break
    expect(batch.length).toBeLessThanOrEqual(100)
    // Sorted by due time, then incident, within the batch.
    const keys = batch.map((r) => `${r.due_at} ${r.incident_id}`)
    expect(keys).toEqual([...keys].sort())
    for (const r of batch) {
      fire.run(AT, r.incident_id, r.instance)
      fired.push(`${r.incident_id} ${r.instance}`)
    }
  }
  expect(fired[0]).toBe('inc-early d#1')
  expect(new Set(fired).size).toBe(fired.length)
  expect(fired).toHaveLength(incidents * perIncident + 1)
  expect(fired).not.toContain('inc-later d#1')
})
