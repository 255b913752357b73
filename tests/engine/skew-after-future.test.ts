/**
 * A client time a little ahead of the server clock (within the skew) is taken as now, but
 * never as a time before the incident's previous event: a row an earlier release stamped in
 * the future (it stored such times as given) takes the next event at that previous time, as
 * an event without a time does, so the journal's times never run backwards (both stores).
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')

describe.each(STORE_KINDS)('a skewed time after a future-stamped event (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('stores a time ahead within the skew at the previous event, not before it', async () => {
    // Not kept live: the row is read as stored.
    t = await freshEngine(await newDb(kind), undefined, toyRegistry, { actorCacheSize: 0 })
    const v = await t.engine.open(
      { planId: 'toy', title: '时钟偏差', severity: 'general', severityReason: '人工定级' },
      office,
    )
    // An earlier release stored the last event three minutes ahead of the server clock.
    const future = '2026-10-09T01:03:00.000Z'
    await t.store.db
      .updateTable('incidents')
      .set({ last_occurred_at: future })
      .where('id', '=', v.id)
      .execute()
    // One minute ahead of the server (01:00): within the skew.
    await t.engine.send(
      v.id,
      { type: 'REPORT', fields: { to: ['group'] }, occurredAt: '2026-10-09T01:01:00.000Z' },
      office,
    )
    const rows = await t.store.db
      .selectFrom('journal')
      .select(['seq', 'occurred_at'])
      .where('incident_id', '=', v.id)
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => r.occurred_at)).toEqual(['2026-10-09T01:00:00.000Z', future])
    const row = await t.store.db
      .selectFrom('incidents')
      .select(sql<string>`last_occurred_at`.as('last'))
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow()
    expect(row.last).toBe(future)
  })
})
