/**
 * Quotes priced on demand: an event's journal entry keeps exactly the due times the
 * ledger asked for (the obligations it began), each as the calendar prices it, and
 * nothing for an event that began none; replay reproduces the ledger from them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lazyQuotes, quoteRules } from '../../src/engine/quotes.js'
import { calendar, caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { toyPlan, toyRegistry } from '../helpers/toy-plan.js'

const anchors = {
  discoveredAt: '2026-10-09T01:00:00.000Z',
  knownAt: '2026-10-09T02:00:00.000Z',
  occurredAt: '2026-10-08T23:00:00.000Z',
}

describe('a quote book priced on demand', () => {
  it('prices what is read, as quoteRules would, and keeps only that', () => {
    const at = '2026-10-09T05:30:00.000Z'
    const all = quoteRules(toyPlan.obligations, calendar, anchors, at)
    const book = lazyQuotes(toyPlan.obligations, calendar, anchors, at)
    expect(book.asked()).toEqual({})
    expect(book.quotes.answer).toEqual(all.answer)
    expect(book.quotes['report:higher@event']).toEqual(all['report:higher@event'])
    expect(book.quotes['report:group@event']).toEqual(all['report:group@event'])
    expect(book.asked()).toEqual({
      answer: all.answer,
      'report:higher@event': all['report:higher@event'],
      'report:group@event': all['report:group@event'],
    })
    // A rule without a due time, or no rule at all, has no quote.
    expect(book.quotes.release).toBeUndefined()
    expect(book.quotes['no-such-rule']).toBeUndefined()
    expect('release' in book.quotes).toBe(false)
    expect(Object.keys(book.asked())).toHaveLength(3)
  })
})

describe('the journal keeps the quotes an event used', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('the obligations an event began, and only those, are quoted in its entry', async () => {
    t = await freshEngine(await newDb('sqlite'), undefined, toyRegistry)
    t.clock.set('2026-10-09T01:00:00.000Z')
    const office = caller('office')
    const v = await t.engine.open({ planId: 'toy', title: '按需报价', category: 'doubt' }, office)
    t.clock.set('2026-10-09T01:05:00.000Z')
    await t.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    t.clock.set('2026-10-09T01:10:00.000Z')
    await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, caller('monitor'))
    t.clock.set('2026-10-09T01:12:00.000Z')
    await t.engine.send(v.id, { type: 'ANSWER', fields: { content: '已答复' } }, caller('unit'))

    const rows = await t.store.db
      .selectFrom('journal')
      .select(['seq', 'type', 'payload', 'occurred_at'])
      .where('incident_id', '=', v.id)
      .orderBy('seq')
      .execute()
    const entries = rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }))
    const after = await t.engine.get(v.id, office)
    const ruleOf = new Map(after.obligations.map((o) => [o.id, o.rule]))
    for (const e of entries.filter((x) => x.type !== 'OPENED')) {
      const quotes = (e.payload.quotes ?? {}) as Record<string, unknown>
      const begun = ((e.payload.obligations as { begun?: string[] } | undefined)?.begun ?? []).map((id) =>
        ruleOf.get(id),
      )
      const quotedRules = Object.keys(quotes).map((k) => k.replace(/@event$/, ''))
      const timed = begun.filter((r) => toyPlan.obligations.find((x) => x.id === r)?.due)
      expect(new Set(quotedRules), `${e.type}`).toEqual(new Set(timed))
      const all = quoteRules(toyPlan.obligations, calendar, after, e.occurred_at)
      for (const [k, q] of Object.entries(quotes)) expect(q).toEqual(all[k])
    }
    // CLASSIFY to major began timed reports; the answer began nothing and carries no quotes.
    expect(
      Object.keys(entries.find((e) => e.type === 'CLASSIFY')?.payload.quotes ?? {}).length,
    ).toBeGreaterThan(0)
    expect(entries.find((e) => e.type === 'ANSWER')?.payload).not.toHaveProperty('quotes')
    expect((await t.engine.replay(v.id)).context.obligations).toEqual(
      after.obligations.map(({ discharge: _d, firstStep: _f, ...o }) => expect.objectContaining(o)),
    )
  })
})
