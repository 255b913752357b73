/**
 * 南宁市工商局预案 version 6, 四(五): a review the group orders again after a relapse, the
 * one it ordered before waived, is owed anew (kit `again.onYes`, OBLIGATIONS.md rule 3) and
 * shown: in the owed list and in a refused CLOSE's `owed` (rule 2). Version 5 (registered
 * unchanged for the incidents opened on it) owed that review without showing it: CLOSE was
 * refused with nothing owed, and only REVIEW closed. The engine walk is
 * tests/engine/nanning-review-again.test.ts. Version 6 stays registered too (versions 7 and
 * 8 follow: nanning-aic-2017.v7.test.ts, nanning-aic-2017.v8.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { planV6 as plan, planV5 } from '../../machines/nanning-aic-2017/index.js'
import type { Actor } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import { act, approvedDraft, can, ob, P, payload, settledAtClose, toPreparing } from '../helpers/nanning.js'

const start = (p: PlanDefinition) => startIncident(p, { facts: {} }, P.office)

/** Why the engine refuses the event (its 409 detail), sent as `can` would send it. */
function refusal(
  p: PlanDefinition,
  w: Walker,
  type: string,
  extra: Record<string, unknown> = {},
  by?: Actor,
) {
  const { fields, who } = payload(type, extra, by)
  const ctx = w.context()
  const at = new Date(Date.parse(ctx.acts.at(-1)?.at ?? ctx.discoveredAt) + 60_000).toISOString()
  const event = { ...fields, type, at, actor: who, quotes: quoteRules(p.obligations, calendar, ctx, at) }
  return refusalDetail(p, w.actor.getSnapshot(), event)
}

const ids = (os: readonly Obligation[]) => os.map((o) => o.id)
const reviews = (w: Walker) => w.context().obligations.filter((o) => o.rule === 'review')

/** Released and subsided; the group orders a review (yes), `first` is done to it, then a relapse and a new subsiding. */
function relapsedAfter(p: PlanDefinition, first: 'waive' | 'keep') {
  const w = start(p)
  toPreparing(w)
  act(w, 'RELEASE', { draftId: approvedDraft(w) })
  act(w, 'SUBSIDE')
  act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' })
  if (first === 'waive') act(w, 'WAIVE', { obligation: 'review#1', reason: '改为不总结' })
  act(w, 'RELAPSE')
  act(w, 'SUBSIDE')
  return w
}

const orderAgain = (w: Walker) =>
  act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '再次发酵，须总结' })

describe('nanning-aic-2017 version 6', () => {
  it('migrates from version 5, which stays registered unchanged', () => {
    expect(plan).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    expect(planV5).toMatchObject({ version: 5, migratesFrom: { from: 4 } })
    expect(plan.approvals).toBe(planV5.approvals)
    // The one rule that differs: the review is owed anew on a yes once settled.
    const differs = plan.obligations.filter((r, i) => r !== planV5.obligations[i])
    expect(differs.map((r) => [r.id, r.again, r.clause])).toEqual([['review', { onYes: true }, '四(五)']])
    expect(planV5.obligations.find((r) => r.id === 'review')?.again).toBeUndefined()
  })

  describe('四(五): the review ordered, waived, and ordered again after a relapse', () => {
    it('version 5 owed it without showing it: nothing owed, CLOSE refused with no owed list', () => {
      const w = relapsedAfter(planV5, 'waive')
      orderAgain(w)
      expect(w.phase()).toBe('review')
      expect(w.owed()).toEqual([])
      expect(can(w, 'CLOSE')).toBe(false)
      expect(refusal(planV5, w, 'CLOSE').owed).toBeUndefined()
    })

    it('version 6 owes a new review from the yes, and a refused CLOSE names it', () => {
      const w = relapsedAfter(plan, 'waive')
      expect(can(w, 'CLOSE')).toBe(false)
      orderAgain(w)
      expect(w.phase()).toBe('review')
      const yes = ob(w, 'decision:review')
      expect(ids(w.owed())).toEqual(['review#2'])
      expect(ob(w, 'review')).toMatchObject({
        id: 'review#2',
        status: 'owed',
        clause: '四(五)',
        startedAt: yes?.decision?.at,
        discharge: { type: 'REVIEW', fields: {} },
      })
      expect(reviews(w).map((o) => o.status)).toEqual(['waived', 'owed'])
      expect(can(w, 'CLOSE')).toBe(false)
      expect(ids(refusal(plan, w, 'CLOSE').owed as Obligation[])).toEqual(['review#2'])
      act(w, 'REVIEW')
      expect(w.phase()).toBe('closed')
      expect(ob(w, 'review')).toMatchObject({ id: 'review#2', status: 'met' })
      settledAtClose(w.context())
    })

    it('the new review waived in turn, CLOSE ends the handling (REVIEW_WAIVED)', () => {
      const w = relapsedAfter(plan, 'waive')
      orderAgain(w)
      act(w, 'WAIVE', { obligation: 'review#2', reason: '已另行总结' })
      expect(w.owed()).toEqual([])
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      expect(reviews(w).map((o) => o.status)).toEqual(['waived', 'waived'])
      settledAtClose(w.context())
    })

    it('after the relapse the group’s no ends the handling from disposal, as in version 5', () => {
      const w = relapsedAfter(plan, 'waive')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '已平息' })
      expect(w.phase()).toBe('disposal')
      expect(reviews(w).map((o) => o.status)).toEqual(['waived'])
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
    })

    it('a review still owed at the relapse stays the one owed: a second yes begins no other', () => {
      const w = relapsedAfter(plan, 'keep')
      orderAgain(w)
      expect(ids(w.owed())).toEqual(['review#1'])
      expect(reviews(w)).toHaveLength(1)
      // Waived after the second yes: nothing is owed, and CLOSE ends the handling.
      act(w, 'WAIVE', { obligation: 'review#1', reason: '改为不总结' })
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
    })

    it('the first order and its waiver are as in version 5: CLOSE ends the handling', () => {
      const w = start(plan)
      toPreparing(w)
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      act(w, 'SUBSIDE')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' })
      expect(ids(refusal(plan, w, 'CLOSE').owed as Obligation[])).toEqual(['review#1'])
      act(w, 'WAIVE', { obligation: 'review#1', reason: '改为不总结' })
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      expect(reviews(w)).toHaveLength(1)
    })
  })

  it('migrating a version 5 incident left owing the review unshown begins it at the migration', () => {
    const w = relapsedAfter(planV5, 'waive')
    orderAgain(w)
    expect(w.owed()).toEqual([])
    const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 30)
    const r = migrateSnapshot(planV5, plan, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '再次决定的回顾总结须列为应办',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
    })
    if (!r.ok) throw new Error(r.reason)
    expect(r.mapping).toEqual([{ from: 'phase.review.reviewing', to: 'phase.review.reviewing' }])
    const owed = r.context.obligations.filter((o) => o.status === 'owed')
    expect(owed.map((o) => [o.id, o.startedAt])).toEqual([['review#2', at]])
    const next = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const close = { type: 'CLOSE', at: addMinutes(at, 1), actor: P.group, quotes: {} }
    expect(next.getSnapshot().can(close)).toBe(false)
    expect(ids(refusalDetail(plan, next.getSnapshot(), close).owed as Obligation[])).toEqual(['review#2'])
    // A version 5 incident whose review is not owed again migrates with nothing begun.
    const quiet = relapsedAfter(planV5, 'waive')
    const moved = migrateSnapshot(
      planV5,
      plan,
      quiet.actor.getPersistedSnapshot() as unknown as PersistedSnapshot,
      {
        at,
        actor: { name: '管理员', role: 'admin' },
        reason: '升级',
        quotes: quoteRules(plan.obligations, calendar, quiet.context(), at),
        settle: true,
        rejudge: true,
      },
    )
    if (!moved.ok) throw new Error(moved.reason)
    expect(moved.context.obligations.filter((o) => o.rule === 'review').map((o) => o.status)).toEqual([
      'waived',
    ])
  })

  it('GET /plans says the review is owed anew on a new yes (again.onYes)', () => {
    const rule = describeObligations(plan).obligations.find((o) => o.id === 'review')
    expect(rule?.again).toEqual({
      raise: false,
      onceConditionHolds: false,
      events: [],
      onYes: true,
      whileOwed: true,
      toldSameGrade: false,
    })
    expect(describeObligations(planV5).obligations.find((o) => o.id === 'review')?.again).toBeNull()
  })
})
