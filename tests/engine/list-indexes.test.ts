/**
 * Every filter of GET /incidents is served by an index in the list's own order, so a
 * page reads only the rows it returns (BENCHMARKS.md, benchmark 5): checked on the
 * query plan SQLite chooses for the very SQL the list runs.
 */
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ListFilter, listIncidents } from '../../src/engine/list.js'
import type { IncidentView } from '../../src/engine/view.js'
import type { Database } from '../../src/store/schema.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'

let t: TestEngine
beforeAll(async () => {
  t = await freshEngine()
  for (let i = 0; i < 3; i++)
    await t.engine.open({ planId: 'nanning-aic-2017', title: `事件 ${i}` }, caller('monitor'))
})
afterAll(() => t.store.close())

/** The query plan of the list's SELECT of incidents for this filter. */
async function planOf(filter: ListFilter): Promise<string> {
  const sqlite = t.store.sqlite
  if (!sqlite) throw new Error('SQLite only')
  const seen: CompiledQuery[] = []
  // The same handle, with kysely's log telling what ran (never destroyed: it would close the handle).
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      seen.push(e.query)
    },
  })
  await listIncidents(db, filter, 'default', t.clock.now(), async (rows) =>
    rows.map((r) => JSON.parse(r.view) as IncidentView),
  )
  const list = seen.find((q) => q.sql.includes('order by "created_at" desc'))
  if (!list) throw new Error('the list ran no ordered SELECT')
  return (
    sqlite.prepare(`EXPLAIN QUERY PLAN ${list.sql}`).all(...list.parameters) as Array<{ detail: string }>
  )
    .map((r) => r.detail)
    .join(' | ')
}

describe('the list reads through the index of its filter', () => {
  const cases: Array<[string, ListFilter, string]> = [
    ['no filter', {}, 'incidents_organisation_created_at_id'],
    ['plan', { plan: 'nanning-aic-2017' }, 'incidents_organisation_plan_id_created_at_id'],
    ['phase', { phase: 'closed' }, 'incidents_organisation_phase_created_at_id'],
    ['severity', { severity: 'major' }, 'incidents_organisation_severity_created_at_id'],
    ['owner', { owner: 'someone' }, 'incidents_organisation_owner_created_at_id'],
    ['overdue', { overdue: true }, 'incidents_open_overdue'],
    [
      'phase, next page',
      { phase: 'discovery', cursor: Buffer.from('2026-10-09T01:00:00.000Z|x').toString('base64url') },
      'incidents_organisation_phase_created_at_id',
    ],
  ]
  it.each(cases)('%s', async (_name, filter, index) => {
    const plan = await planOf(filter)
    expect(plan).toContain(`USING INDEX ${index}`)
    // The index's order is the page's order: no sorting of what was read.
    expect(plan).not.toContain('TEMP B-TREE')
  })
})
