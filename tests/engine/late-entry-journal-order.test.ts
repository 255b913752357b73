/**
 * An incident recorded late holds its past-due deadlines for the grace (late-entry.ts) and
 * journals each breach once it is over; entries journaled meanwhile (a due-soon warning of
 * another deadline, a client's event) come before it. README ("HTTP API") promises that an
 * event is never stamped before the entry before it and that times never run backwards: the
 * breach keeps its due time as the obligation's `breachedAt` and the entry's `payload.dueAt`,
 * and its entry is stamped at the later of that and the entry before it. Every entry, a
 * warning too, bounds what the next event may be stamped with. Both stores.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { auditIncident } from '../../src/engine/audit.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'

const GRACE = 10 * 60_000
const office = caller('office')
// The clock starts at 2026-10-09T01:00Z; discovered 90 minutes before: hrss-city's report to the
// group (30 minutes) was due at 00:00, held until 01:10; the filing report (2 hours) is due at
// 01:30, its 80 % warning at 01:06, inside the grace.
const DISCOVERED = '2026-10-08T23:30:00.000Z'

describe.each(STORE_KINDS)('an incident recorded late: the journal never runs backwards (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  const entries = async (id: string) =>
    (await t.engine.history(id, office)).map((e) => ({ type: e.type, at: e.occurredAt, payload: e.payload }))
  const expectMonotonic = (list: { type: string; at: string }[]) => {
    for (let i = 1; i < list.length; i++) {
      const [before, after] = [list[i - 1], list[i]]
      expect(
        Date.parse(after?.at ?? ''),
        `${after?.type} (#${i + 1}) stamped before ${before?.type} (#${i})`,
      ).toBeGreaterThanOrEqual(Date.parse(before?.at ?? ''))
    }
  }
  const audited = async (id: string) => {
    const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans: registry }, id)
    expect(audit.readModel.mismatches).toEqual([])
    expect(audit.ok).toBe(true)
  }
  const open = async (planId = 'hrss-city', discoveredAt = DISCOVERED) => {
    t = await freshEngine(await newDb(kind), undefined, undefined, { lateEntryGraceMs: GRACE })
    return t.engine.open({ planId, title: '补录', severity: 'general', discoveredAt }, office)
  }

  it('a breach held past a due-soon warning is stamped no earlier than the warning, its due time kept as the fact', async () => {
    const v = await open()
    t.clock.advance(7)
    await t.engine.fireDue()
    t.clock.advance(4)
    await t.engine.fireDue()
    const list = await entries(v.id)
    expectMonotonic(list)
    const warning = list.find((e) => e.type === 'DEADLINE_WARNING')
    const breach = list.find((e) => e.type === 'DEADLINE_PASSED')
    expect(warning?.at).toBe('2026-10-09T01:06:00.000Z')
    expect(breach?.at).toBe(warning?.at)
    expect(breach?.payload).toMatchObject({ obligation: 'report:group#1', dueAt: '2026-10-09T00:00:00.000Z' })
    const o = (await t.engine.get(v.id, office)).obligations.find((x) => x.id === 'report:group#1')
    expect(o?.breachedAt).toBe('2026-10-09T00:00:00.000Z')
    await audited(v.id)
  })

  it('an event recorded during the grace is not followed by a breach stamped before it', async () => {
    // neixiang-2017, discovered an hour before: its reports (30 minutes) were due at 00:30, held
    // until 01:10; no warning falls in the grace (the first response's 80 % is at 01:36).
    const v = await open('neixiang-2017', '2026-10-09T00:00:00.000Z')
    t.clock.advance(2)
    await t.engine.send(v.id, { type: 'RECORD_SOURCE', fields: { source: 'https://example.org/p' } }, office)
    t.clock.advance(8)
    await t.engine.fireDue()
    const list = await entries(v.id)
    expect(list.map((e) => e.type)).toContain('DEADLINE_PASSED')
    expectMonotonic(list)
    for (const b of list.filter((e) => e.type === 'DEADLINE_PASSED'))
      expect(b).toMatchObject({
        at: '2026-10-09T01:02:00.000Z',
        payload: { dueAt: '2026-10-09T00:30:00.000Z' },
      })
    await audited(v.id)
  })

  it('after a warning, an event is not taken with a time before it', async () => {
    const v = await open()
    t.clock.advance(7)
    await t.engine.fireDue()
    const backdated = t.engine.send(
      v.id,
      {
        type: 'RECORD_SOURCE',
        fields: { source: 'https://example.org/p' },
        occurredAt: '2026-10-09T00:30:00.000Z',
      },
      office,
    )
    await expect(backdated).rejects.toMatchObject({ status: 400 })
    await t.engine.send(
      v.id,
      {
        type: 'RECORD_SOURCE',
        fields: { source: 'https://example.org/p' },
        occurredAt: '2026-10-09T01:06:30.000Z',
      },
      office,
    )
    expectMonotonic(await entries(v.id))
  })
})
