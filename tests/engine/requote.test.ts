/**
 * OBLIGATIONS.md rule 9's one exception: a due time computed uncertain (its window reached
 * a year the holiday data did not cover) is re-quoted once when that year's data is in
 * force, by a journaled REQUOTE stating the old and the new due time; replay reproduces it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createCalendar, type HolidayYear, loadHolidayYears } from '../../src/calendar/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

/** A made-up 2027 arrangement for the test: 2027-03-01 (a Monday) off. */
const year2027: HolidayYear = {
  year: 2027,
  source: 'test data',
  holidays: [{ name: '测试假日', off: ['2027-03-01', '2027-03-01'], work: [] }],
}

const office = caller('office')

describe.each(STORE_KINDS)('re-quoting uncertain due times (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })
  /** An incident whose answer is due in 3 working hours of 2027, a year the built-in holiday data lacks. */
  async function openAcrossTheYear() {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    t.clock.set('2027-03-01T01:00:00.000Z')
    return t.engine.open(
      { planId: 'toy', title: '跨年', severity: 'general', severityReason: '人工', category: 'doubt' },
      office,
    )
  }
  /** An engine on the same store whose calendar has 2027's holiday data loaded. */
  const withYear2027 = () =>
    createEngine({
      store: t.store,
      plans: toyRegistry,
      clock: t.clock,
      calendar: createCalendar({ years: [...loadHolidayYears(), year2027] }),
    })

  it('re-quotes an uncertain due time once when its year is in force, on the record', async () => {
    const v = await openAcrossTheYear()
    const before = v.obligations.find((o) => o.rule === 'answer')
    expect(before).toMatchObject({ certain: false, dueAt: '2027-03-01T04:00:00.000Z' })
    expect(await t.engine.requote()).toEqual({ requoted: 0, skipped: [] })

    const engine = withYear2027()
    expect(await engine.requote()).toEqual({ requoted: 1, skipped: [] })
    expect(await engine.requote()).toEqual({ requoted: 0, skipped: [] })
    const after = await engine.get(v.id, office)
    const answer = after.obligations.find((o) => o.rule === 'answer')
    // 2027-03-01 is off in the loaded data: 3 working hours run on Tuesday from 09:00.
    expect(answer).toMatchObject({
      certain: true,
      dueAt: '2027-03-02T04:00:00.000Z',
      requoted: { from: '2027-03-01T04:00:00.000Z', to: '2027-03-02T04:00:00.000Z' },
    })
    const entry = (await engine.history(v.id, office)).at(-1)
    expect(entry).toMatchObject({
      type: 'REQUOTE',
      payload: {
        obligation: answer?.id,
        from: '2027-03-01T04:00:00.000Z',
        dueAt: '2027-03-02T04:00:00.000Z',
      },
    })
    expect((await engine.replay(v.id)).context.obligations).toEqual(
      after.obligations.map(({ discharge: _d, firstStep: _f, ...o }) => expect.objectContaining(o)),
    )
  })
  it('moves the timer rows with the due time, so the breach and its warnings come at the new time', async () => {
    const v = await openAcrossTheYear()
    const engine = withYear2027()
    expect(await engine.requote()).toEqual({ requoted: 1, skipped: [] })
    const answer = (await engine.get(v.id, office)).obligations.find((o) => o.rule === 'answer')!
    expect(answer).toMatchObject({ certain: true, dueAt: '2027-03-02T04:00:00.000Z' })
    const rows = await t.store.db
      .selectFrom('timers')
      .select(['instance', 'due_at', 'fired_at'])
      .where('incident_id', '=', v.id)
      .where('instance', 'like', `${answer.id}%`)
      .orderBy('instance')
      .execute()
    // The due time and its warnings at 50 % and 80 % of the new window (01:00 → Tuesday 04:00).
    expect(rows).toEqual([
      { instance: answer.id, due_at: '2027-03-02T04:00:00.000Z', fired_at: null },
      { instance: `${answer.id}~w50`, due_at: '2027-03-01T14:30:00.000Z', fired_at: null },
      { instance: `${answer.id}~w80`, due_at: '2027-03-01T22:36:00.000Z', fired_at: null },
    ])

    // Past the old due time nothing is breached; past the new one the breach is on the record.
    t.clock.set('2027-03-01T05:00:00.000Z')
    await engine.fireDue()
    expect(
      (await engine.get(v.id, office)).obligations.find((o) => o.id === answer.id)?.breachedAt,
    ).toBeNull()
    t.clock.set('2027-03-02T05:00:00.000Z')
    await engine.fireDue()
    const after = await engine.get(v.id, office)
    expect(after.obligations.find((o) => o.id === answer.id)).toMatchObject({
      status: 'owed',
      breachedAt: '2027-03-02T04:00:00.000Z',
    })
    const mine = (await engine.history(v.id, office)).filter(
      (e) => (e.payload as { obligation?: string }).obligation === answer.id,
    )
    expect(mine.map((e) => [e.type, e.occurredAt])).toEqual([
      ['REQUOTE', '2027-03-01T01:00:00.000Z'],
      ['DEADLINE_WARNING', '2027-03-01T14:30:00.000Z'],
      ['DEADLINE_WARNING', '2027-03-01T22:36:00.000Z'],
      ['DEADLINE_PASSED', '2027-03-02T04:00:00.000Z'],
    ])
  })
  it('leaves a due time that already passed and breached as it was: the breach was judged on it (rule 1)', async () => {
    const v = await openAcrossTheYear()
    const id = v.obligations.find((o) => o.rule === 'answer')!.id
    t.clock.set('2027-03-01T05:00:00.000Z')
    await t.engine.fireDue()
    const breached = (await t.engine.get(v.id, office)).obligations.find((o) => o.id === id)
    expect(breached).toMatchObject({
      status: 'owed',
      certain: false,
      dueAt: '2027-03-01T04:00:00.000Z',
      breachedAt: '2027-03-01T04:00:00.000Z',
    })
    const engine = withYear2027()
    const entries = (await engine.history(v.id, office)).length
    expect(await engine.requote()).toEqual({ requoted: 0, skipped: [] })
    const after = await engine.get(v.id, office)
    expect(after.obligations.find((o) => o.id === id)).toEqual(breached)
    expect((await engine.history(v.id, office)).length).toBe(entries)
  })
})
