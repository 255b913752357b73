/**
 * 南宁市工商局预案 version 7, 四(五): whether to review is asked again at a subsiding only once
 * the asking before it was answered or waived (kit `again.whileOwed: false`). Version 6
 * (registered unchanged for the incidents opened on it) asked it again while the first asking
 * was still owed: the group's yes went to the older asking while the later one stayed the
 * latest, so the review the yes ordered was not owed, not shown, and CLOSE in review was
 * refused naming nothing (found by tests/engine/close-refusal.property.test.ts). The engine
 * walk is tests/engine/nanning-asked-again.test.ts. Version 7 stays registered too (version 8
 * is the current one, nanning-aic-2017.v8.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { planV7 as plan, planV6 } from '../../machines/nanning-aic-2017/index.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import { act, approvedDraft, can, P, payload, settledAtClose, toPreparing } from '../helpers/nanning.js'

const start = (p: PlanDefinition) => startIncident(p, { facts: {} }, P.office)

/** Why the engine refuses the event (its 409 detail). */
function refusal(p: PlanDefinition, w: Walker, type: string) {
  const { fields, who } = payload(type)
  const ctx = w.context()
  const at = new Date(Date.parse(ctx.acts.at(-1)?.at ?? ctx.discoveredAt) + 60_000).toISOString()
  const event = { ...fields, type, at, actor: who, quotes: quoteRules(p.obligations, calendar, ctx, at) }
  return refusalDetail(p, w.actor.getSnapshot(), event)
}

const ids = (os: readonly Obligation[]) => os.map((o) => o.id)
const askings = (w: Walker) => w.context().obligations.filter((o) => o.rule === 'decision:review')
const yes = { decision: 'decision:review', answer: 'yes', reason: '需要总结' }

/** Released and subsided, then relapsed and subsided again with no decision taken. */
function subsidedTwice(p: PlanDefinition) {
  const w = start(p)
  toPreparing(w)
  act(w, 'RELEASE', { draftId: approvedDraft(w) })
  act(w, 'SUBSIDE')
  act(w, 'RELAPSE')
  act(w, 'SUBSIDE')
  return w
}

describe('nanning-aic-2017 version 7', () => {
  it('migrates from version 6, which stays registered unchanged', () => {
    expect(plan).toMatchObject({ version: 7, migratesFrom: { from: 6 } })
    expect(planV6).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    expect(plan.approvals).toBe(planV6.approvals)
    const differs = plan.obligations.filter((r, i) => r !== planV6.obligations[i])
    expect(differs.map((r) => [r.id, r.again, r.clause])).toEqual([
      ['decision:review', { events: ['SUBSIDE'], whileOwed: false }, '四(五)'],
    ])
  })

  describe('四(五): whether to review, asked again while still owed', () => {
    it('version 6 asked twice: two askings owed at once', () => {
      const w = subsidedTwice(planV6)
      expect(askings(w).map((o) => o.status)).toEqual(['owed', 'owed'])
    })

    it('version 7 asks once: the asking owed stays the one question', () => {
      const w = subsidedTwice(plan)
      expect(w.phase()).toBe('disposal')
      expect(askings(w).map((o) => [o.id, o.status])).toEqual([['decision:review#1', 'owed']])
    })

    it('version 7: the yes answers the one asking and orders the review, named by a refused CLOSE', () => {
      const w = subsidedTwice(plan)
      act(w, 'DECIDE', yes)
      expect(w.phase()).toBe('review')
      expect(ids(w.owed())).toEqual(['review#1'])
      expect(ids(refusal(plan, w, 'CLOSE').owed as Obligation[])).toEqual(['review#1'])
      act(w, 'REVIEW')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
    })

    it('version 6: the later asking waived, a yes to the older one ordered a review nobody owed', () => {
      const w = subsidedTwice(planV6)
      act(w, 'WAIVE', { obligation: 'decision:review#2', reason: '不再决定' })
      act(w, 'DECIDE', yes)
      expect(w.phase()).toBe('review')
      expect(w.owed()).toEqual([])
      expect(can(w, 'CLOSE')).toBe(false)
      expect(refusal(planV6, w, 'CLOSE').owed).toBeUndefined()
    })

    it('version 7: the one asking waived, CLOSE ends the handling and no yes is left to give', () => {
      const w = subsidedTwice(plan)
      act(w, 'WAIVE', { obligation: 'decision:review#1', reason: '不再决定' })
      expect(w.owed()).toEqual([])
      expect(can(w, 'DECIDE', yes)).toBe(false)
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
    })

    it('an asking answered, a relapse and a new subsiding ask again (as before)', () => {
      const w = start(plan)
      toPreparing(w)
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      act(w, 'SUBSIDE')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
      act(w, 'RELAPSE')
      act(w, 'SUBSIDE')
      expect(askings(w).map((o) => [o.id, o.status])).toEqual([
        ['decision:review#1', 'met'],
        ['decision:review#2', 'owed'],
      ])
    })
  })

  it('migrating from 6 keeps the first asking owed and withdraws the later one; the yes then orders the review', () => {
    const w = subsidedTwice(planV6)
    const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 5)
    const r = migrateSnapshot(planV6, plan, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '回顾总结只问一次',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const asked = r.context.obligations.filter((o) => o.rule === 'decision:review')
    expect(asked.map((o) => [o.id, o.status])).toEqual([
      ['decision:review#1', 'owed'],
      ['decision:review#2', 'withdrawn'],
    ])
    expect(asked[1]?.withdrawn).toMatchObject({ by: { role: 'admin' }, at })
    // The group answers the one asking left: the yes orders the review, owed and shown.
    const migrated = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const then = addMinutes(at, 1)
    migrated.send({
      ...payload('DECIDE', yes).fields,
      type: 'DECIDE',
      at: then,
      actor: P.group,
      quotes: quoteRules(plan.obligations, calendar, r.context, then),
    })
    const after = migrated.getSnapshot()
    migrated.stop()
    expect((after.value as { phase: unknown }).phase).toEqual({ review: 'reviewing' })
    const owed = (after.context as IncidentContext).obligations.filter((o) => o.status === 'owed')
    expect(ids(owed)).toEqual(['review#1'])
  })

  it('GET /plans shows that the asking waits for the one owed', () => {
    const rule = describeObligations(plan).obligations.find((o) => o.id === 'decision:review')
    expect(rule?.again).toMatchObject({ events: ['SUBSIDE'], whileOwed: false })
    const before = describeObligations(planV6).obligations.find((o) => o.id === 'decision:review')
    expect(before?.again).toMatchObject({ events: ['SUBSIDE'], whileOwed: true })
  })
})
