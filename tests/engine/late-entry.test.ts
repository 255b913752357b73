/**
 * An incident recorded after the fact (late-entry.ts): a deadline that had already passed
 * when it was opened waits LATE_ENTRY_GRACE after the opening, so a step done offline
 * before it can be recorded with its own time and meet it on time; still owed then, its
 * breach is journaled at its own due time. A waiver meanwhile journals the breach first
 * (rule 1). Both stores.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { auditIncident } from '../../src/engine/audit.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const audited = async (t: TestEngine, id: string) => {
  const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans: toyRegistry }, id)
  expect(audit.readModel.mismatches).toEqual([])
  expect(audit.ok).toBe(true)
}

const office = caller('office')
const group = caller('group')
const GRACE = 10 * 60_000
// The clock starts at 2026-10-09T01:00Z: discovered forty minutes before, the report to the
// group (30 minutes from discovery) was due at 00:50, before the incident was recorded.
const DISCOVERED = '2026-10-09T00:20:00.000Z'
const DUE = '2026-10-09T00:50:00.000Z'
const REPORT = 'report:group#1'

describe.each(STORE_KINDS)('an incident recorded late (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })
  const open = async (grace = GRACE) => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry, { lateEntryGraceMs: grace })
    return t.engine.open(
      {
        planId: 'toy',
        title: '补录',
        severity: 'general',
        severityReason: '人工定级',
        discoveredAt: DISCOVERED,
      },
      office,
    )
  }
  const history = async (id: string) =>
    (await t.engine.history(id, office)).map((e) => `${e.type} ${e.occurredAt}`)
  const obligation = async (id: string) =>
    (await t.engine.get(id, office)).obligations.find((o) => o.id === REPORT)

  it('holds a deadline passed before the opening: a step done offline and recorded meanwhile meets it on time', async () => {
    const v = await open()
    expect(await t.engine.fireDue()).toBe(0)
    t.clock.advance(2)
    await t.engine.send(
      v.id,
      { type: 'REPORT', fields: { to: ['group'] }, occurredAt: '2026-10-09T00:25:00.000Z' },
      office,
    )
    t.clock.advance(10)
    expect(await t.engine.fireDue()).toBe(0)
    expect(await obligation(v.id)).toMatchObject({
      status: 'met',
      metAt: '2026-10-09T00:25:00.000Z',
      breachedAt: null,
    })
    expect(await history(v.id)).toEqual([`OPENED ${DISCOVERED}`, 'REPORT 2026-10-09T00:25:00.000Z'])
  })

  it('journals the breach at its own due time once the grace is over, and no warning of what was already due', async () => {
    const v = await open()
    t.clock.advance(9)
    expect(await t.engine.fireDue()).toBe(0)
    t.clock.advance(1)
    expect(await t.engine.fireDue()).toBe(1)
    expect(await obligation(v.id)).toMatchObject({ status: 'owed', breachedAt: DUE })
    expect(await history(v.id)).toEqual([`OPENED ${DISCOVERED}`, `DEADLINE_PASSED ${DUE}`])
    await audited(t, v.id)
  })

  it('journals the breach before a waiver given during the grace (a waiver never hides a breach)', async () => {
    const v = await open()
    t.clock.advance(3)
    await t.engine.send(
      v.id,
      { type: 'WAIVE', fields: { obligation: REPORT, reason: '已电话报告，补录' } },
      group,
    )
    expect(await obligation(v.id)).toMatchObject({ status: 'waived', breachedAt: DUE })
    expect((await history(v.id)).slice(0, 3)).toEqual([
      `OPENED ${DISCOVERED}`,
      `DEADLINE_PASSED ${DUE}`,
      'WAIVE 2026-10-09T01:03:00.000Z',
    ])
    await audited(t, v.id)
  })

  it('fires at once without a grace, and leaves the timers of an incident opened in time as they are', async () => {
    const late = await open(0)
    expect(await t.engine.fireDue()).toBeGreaterThan(0)
    expect((await obligation(late.id))?.breachedAt).toBe(DUE)
    await t.store.close()
    t = await freshEngine(await newDb(kind), undefined, toyRegistry, { lateEntryGraceMs: GRACE })
    const v = await t.engine.open(
      { planId: 'toy', title: '及时', severity: 'general', severityReason: '人工定级' },
      office,
    )
    const rows = await t.store.db
      .selectFrom('timers')
      .select(['instance', 'due_at'])
      .where('incident_id', '=', v.id)
      .where('instance', 'like', `${REPORT}%`)
      .orderBy('due_at')
      .execute()
    expect(rows).toEqual([
      { instance: `${REPORT}~w50`, due_at: '2026-10-09T01:15:00.000Z' },
      { instance: `${REPORT}~w80`, due_at: '2026-10-09T01:24:00.000Z' },
      { instance: REPORT, due_at: '2026-10-09T01:30:00.000Z' },
    ])
  })
})
