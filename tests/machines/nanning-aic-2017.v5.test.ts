/**
 * 南宁市工商局预案 version 5: the defects a black-box check found in version 4, each shown
 * on version 4 (registered unchanged for the incidents opened on it) and fixed on version 5.
 * Version 5 stays registered too (version 6 is the current one, nanning-aic-2017.v6.test.ts).
 */
import { describe, expect, it } from 'vitest'
import type { Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { planV5 as plan, planV4, REVIEW_WAIVED } from '../../machines/nanning-aic-2017/index.js'
import type { Actor, Facts } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, startIncident, type Walker } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  ob,
  P,
  payload,
  settledAtClose,
  state,
  toPreparing,
} from '../helpers/nanning.js'

const start = (p: PlanDefinition, facts: Facts = {}) => startIncident(p, { facts }, P.office)

/** Why the engine refuses the event (its 409 detail), sent as `can` would send it. */
function refusal(p: PlanDefinition, w: Walker, type: string, extra: Record<string, unknown>, by?: Actor) {
  const { fields, who } = payload(type, extra, by)
  const ctx = w.context()
  const at = new Date(Date.parse(ctx.acts.at(-1)?.at ?? ctx.discoveredAt) + 60_000).toISOString()
  const event = { ...fields, type, at, actor: who, quotes: quoteRules(p.obligations, calendar, ctx, at) }
  return refusalDetail(p, w.actor.getSnapshot(), event)
}

const SUPERSEDED = 'draft d1 is superseded by d2: approve and publish d2, or withdraw d2 first'

describe('nanning-aic-2017 version 5', () => {
  it('migrates from version 4, which stays registered unchanged', () => {
    expect(plan).toMatchObject({ version: 5, migratesFrom: { from: 4 } })
    expect(planV4).toMatchObject({ version: 4, migratesFrom: { from: 3 } })
    expect(plan.obligations).toBe(planV4.obligations)
    expect(plan.approvals).toBe(planV4.approvals)
  })

  describe('四(四) 已有新稿，旧稿不再审批: a superseded draft is neither approved nor released', () => {
    /**
     * d1 of `purpose`, given its first `given` approvals (the order the grade requires), then
     * a newer d2 of the same purpose: d1's remaining approvals are withdrawn.
     */
    const superseded = (p: PlanDefinition, facts: Facts, purpose: string, given: number) => {
      const w = start(p, facts)
      if (purpose === 'formalReply') act(w, 'FORMAL_HANDLING')
      act(w, 'DRAFT', { content: '第一稿', purpose })
      for (let i = 0; i < given; i++) {
        const o = w.owed().find((x) => x.kind === 'approval' && x.draftId === 'd1')
        if (o === undefined) throw new Error(`d1 owes no approval ${i + 1}`)
        act(w, o.discharge.type, { draftId: 'd1' })
      }
      const next = w.owed().find((x) => x.kind === 'approval' && x.draftId === 'd1')?.discharge.type
      act(w, 'DRAFT', { content: '第二稿', purpose })
      return { w, next }
    }

    // Every approval event of the plan, each where it is d1's next approval.
    const approvalCases: [string, string, Facts, number][] = [
      ['一般', 'SIGN_OFF', {}, 0],
      ['一般', 'OFFICE_REVIEW', {}, 1],
      ['一般', 'LEADER_APPROVE', {}, 2],
      ['重大', 'SECTION_REVIEW', { reposts: 25 }, 1],
      ['重大', 'GROUP_APPROVE', { reposts: 25 }, 3],
    ]
    it.each(approvalCases)('%s: %s of a superseded draft', (_grade, type, facts, given) => {
      const v4 = superseded(planV4, facts, 'release', given)
      expect(v4.next).toBe(type)
      // Version 4: the ledger withdrew d1's approvals, yet the approval was accepted.
      expect(v4.w.owed().some((o) => o.draftId === 'd1')).toBe(false)
      expect(can(v4.w, type, { draftId: 'd1' })).toBe(true)

      const v5 = superseded(plan, facts, 'release', given)
      expect(can(v5.w, type, { draftId: 'd1' })).toBe(false)
      expect(refusal(plan, v5.w, type, { draftId: 'd1' }).reason).toBe(SUPERSEDED)
      // d2, the current draft, is approved as ever.
      expect(can(v5.w, 'SIGN_OFF', { draftId: 'd2' })).toBe(true)
    })

    // Every release event: d1 fully approved, then superseded by d2 (unapproved).
    const releaseCases: [string, Facts, string, string][] = [
      ['RELEASE', {}, 'release', 'release'],
      ['INITIAL_RESPONSE', {}, 'initialResponse', 'answer:initial'],
      ['FORMAL_REPLY', { reposts: 25 }, 'formalReply', 'answer:formal'],
    ]
    it.each(releaseCases)('%s of a superseded draft', (type, facts, purpose) => {
      const ready = (p: PlanDefinition) => {
        const w = start(p, facts)
        if (type === 'RELEASE') toPreparing(w)
        if (type === 'INITIAL_RESPONSE') act(w, 'SET_CATEGORY', { category: 'doubt' })
        if (type === 'FORMAL_REPLY') act(w, 'FORMAL_HANDLING')
        expect(approvedDraft(w, purpose)).toBe('d1')
        act(w, 'DRAFT', { content: '第二稿', purpose })
        return w
      }
      // Version 4: d1 went out while d2's approvals stayed owed for a text never published.
      const v4 = ready(planV4)
      act(v4, type, { draftId: 'd1' })
      expect(v4.context().drafts[0]?.releasedAt).not.toBeNull()
      expect(v4.owed().filter((o) => o.draftId === 'd2').length).toBeGreaterThan(0)

      const v5 = ready(plan)
      expect(can(v5, type, { draftId: 'd1' })).toBe(false)
      expect(refusal(plan, v5, type, { draftId: 'd1' }).reason).toBe(SUPERSEDED)
      // Withdrawing d2 makes d1 current again: the approvals it was given stand, and it goes out.
      act(v5, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '沿用第一稿' }, { by: P.staff })
      expect(can(v5, type, { draftId: 'd1' })).toBe(true)
      act(v5, type, { draftId: 'd1' })
      expect(v5.context().drafts[0]?.releasedAt).not.toBeNull()
      expect(v5.owed().filter((o) => o.kind === 'approval')).toEqual([])
    })
  })

  it('四(四) rule 8: an approval is still not waived, and the refusal now says why', () => {
    const walk = (p: PlanDefinition) => {
      const w = start(p)
      toPreparing(w)
      act(w, 'DRAFT', { content: '情况通报' })
      return w
    }
    const v4 = walk(planV4)
    expect(can(v4, 'WAIVE', { obligation: 'approval:unitSignOff:d1#1', reason: '来不及' })).toBe(false)
    const v5 = walk(plan)
    expect(ob(v5, 'approval:unitSignOff')).toMatchObject({ status: 'owed', id: 'approval:unitSignOff:d1#1' })
    expect(can(v5, 'WAIVE', { obligation: 'approval:unitSignOff:d1#1', reason: '来不及' })).toBe(false)
    expect(refusal(plan, v5, 'WAIVE', { obligation: 'approval:unitSignOff:d1#1', reason: '来不及' })).toEqual(
      {
        reason:
          'approval obligations cannot be waived: withdraw the draft (WITHDRAW_DRAFT) or give the approval',
      },
    )
    // Anything else the group may waive, as before.
    expect(can(v5, 'WAIVE', { obligation: 'release#1', reason: '改为口头说明' })).toBe(true)
  })

  describe('四(五): a review the group ordered, then waived, lets CLOSE end the handling', () => {
    /** Released, subsided, the group orders a review (yes) and then waives it. */
    const waivedReview = (p: PlanDefinition, before?: (w: Walker) => void) => {
      const w = start(p)
      toPreparing(w)
      before?.(w)
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      act(w, 'SUBSIDE')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' })
      expect(w.phase()).toBe('review')
      expect(can(w, 'CLOSE')).toBe(false)
      act(w, 'WAIVE', { obligation: 'review#1', reason: '改为不总结' })
      return w
    }

    it('version 5 closes on CLOSE with nothing owed; version 4 refused it and closed only on the waived REVIEW', () => {
      const v4 = waivedReview(planV4)
      expect(v4.owed()).toEqual([])
      expect(can(v4, 'CLOSE')).toBe(false)
      // Version 4's review takes no CLOSE: the refusal says where it is taken (guard-refusal.ts).
      expect(refusal(planV4, v4, 'CLOSE', {}).acceptedIn?.map((a) => a.state)).toEqual([
        'disposal.handlingEnded',
      ])

      const w = waivedReview(plan)
      expect(w.owed()).toEqual([])
      expect(ob(w, 'review')?.status).toBe('waived')
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
      expect(ob(w, 'review')?.status).toBe('waived')
      const close = plan.machine.config.states?.phase?.states?.review?.states?.reviewing?.on?.CLOSE as {
        meta: unknown
      }
      expect(close.meta).toMatchObject({ clause: '四(五)', policy: REVIEW_WAIVED })
    })

    it('the waived review frees only the review: CLOSE waits for what else is owed (rule 2)', () => {
      const w = waivedReview(plan, (x) => act(x, 'FORMAL_HANDLING'))
      expect(w.owed().map((o) => o.rule)).toEqual(['answer:formal'])
      expect(can(w, 'CLOSE')).toBe(false)
      expect(refusal(plan, w, 'CLOSE', {}).owed?.map((o) => (o as Obligation).rule)).toEqual([
        'answer:formal',
      ])
      act(w, 'FORMAL_REPLY', { draftId: approvedDraft(w, 'formalReply') })
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
    })

    it('after a relapse the group’s new yes orders a review again, which CLOSE does not skip (rule 3)', () => {
      const w = waivedReview(plan)
      act(w, 'RELAPSE')
      expect(state(w)).toBe('{"response":"preparing"}')
      act(w, 'SUBSIDE')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '再次发酵，须总结' })
      expect(w.phase()).toBe('review')
      expect(can(w, 'CLOSE')).toBe(false)
      act(w, 'REVIEW')
      expect(w.phase()).toBe('closed')
    })

    it('after a relapse the group’s no ends the handling from disposal, as before', () => {
      const w = waivedReview(plan)
      act(w, 'RELAPSE')
      act(w, 'SUBSIDE')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '已平息' })
      expect(w.phase()).toBe('disposal')
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
    })
  })
})
