/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), the current version: review, close and waivers
 * (四(五)), the review the group's decision (the latest answer governs), no close while anything is
 * owed, WAIVE the group's alone, reports and releases still possible in disposal and review.
 */
import { describe, expect, it } from 'vitest'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  H,
  ob,
  open,
  owedRules,
  P,
  plan,
  reportFields,
  toPreparing,
  v11Settled,
} from '../helpers/nanning.js'

describe('nanning-aic-2017 review, close and waivers (四(五))', () => {
  /**
   * Categorised (else the category is owed, version 10), released, the source resolved (owed at
   * every grade from version 10) and subsided: the group owes the review decision.
   */
  const subsided = (input: Parameters<typeof open>[1] = {}) => {
    const w = open({}, { category: 'rumor', ...input })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'RESOLVE_SOURCE')
    v11Settled(w)
    act(w, 'SUBSIDE')
    return w
  }

  it('the review is the group’s decision: yes owes the review, which closes', () => {
    const w = subsided()
    expect(ob(w, 'decision:review')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '由办公室、青秀分局回顾总结' })
    expect(w.phase()).toBe('review')
    expect(ob(w, 'review')?.status).toBe('owed')
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
    expect(ob(w, 'review')?.status).toBe('met')
  })

  it('no review is recorded with who and why, then the group ends the handling', () => {
    const w = subsided()
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '影响小，无需回顾' })
    expect(w.phase()).toBe('disposal')
    expect(ob(w, 'decision:review')?.decision).toMatchObject({
      answer: 'no',
      by: P.group,
      reason: '影响小，无需回顾',
    })
    expect(ob(w, 'review')).toBeUndefined()
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('a waived review decision orders no review: the group may end the handling (not a trap)', () => {
    const w = subsided()
    act(w, 'WAIVE', { obligation: 'decision:review#1', reason: '领导小组不再研究' })
    expect(ob(w, 'decision:review')?.status).toBe('waived')
    expect(ob(w, 'review')).toBeUndefined()
    expect(can(w, 'CLOSE')).toBe(true)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('the latest answer governs: a review ordered before a relapse is withdrawn by a later no, on the record', () => {
    const w = subsided()
    act(w, 'RELAPSE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需回顾' })
    expect(ob(w, 'review')?.status).toBe('owed')
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '再次平息，无需回顾' })
    expect(ob(w, 'review')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: P.group, reason: '再次平息，无需回顾' },
    })
    v11Settled(w) // version 11: the relapse asked again whether to liaise
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('a review ordered before a relapse is withdrawn too when the group waives the decision asked again', () => {
    const w = subsided()
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需回顾' })
    act(w, 'RELAPSE')
    act(w, 'SUBSIDE')
    act(w, 'WAIVE', { obligation: 'decision:review#2', reason: '不再研究' })
    expect(ob(w, 'review')).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '不再研究' } })
    v11Settled(w) // version 11: the relapse asked again whether to liaise
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('closing is refused while anything is owed, and closing cancels nothing', () => {
    const w = subsided({ category: 'doubt' })
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需回顾' })
    expect(owedRules(w)).toEqual(['answer:initial'])
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('disposal')
    expect(ob(w, 'answer:initial')?.status).toBe('owed')
  })

  it('WAIVE: the leading group only, with a reason; a waived breach stays breached', () => {
    const waive = plan.events.find((e) => e.type === 'WAIVE')!
    expect(waive.roles).toEqual(['group'])
    expect(plan.waivers.roles).toEqual(['group'])
    expect(waive.schema.safeParse({ obligation: 'report:higher#1' }).success).toBe(false)
    expect(() => act(open(), 'WAIVE', { obligation: 'x', reason: 'y' }, { by: P.office })).toThrow()
    const w = open({ reposts: 25 })
    w.fire('report')
    act(w, 'WAIVE', { obligation: 'report:higher#1', reason: '上级已电话知悉' })
    expect(ob(w, 'report:higher')).toMatchObject({
      status: 'waived',
      breachedAt: addMinutes(T0, 4 * H),
      waived: { by: P.group, reason: '上级已电话知悉' },
    })
  })

  it('reports, approvals and releases stay possible in disposal and review after a rise there', () => {
    const w = open({}, { category: 'rumor' })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾' })
    act(w, 'METRICS_UPDATED', { facts: { mainstreamMedia: true } })
    expect(w.phase()).toBe('review')
    expect(can(w, 'REVIEW')).toBe(false)
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'RESOLVE_SOURCE')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(w.phase()).toBe('review')
    v11Settled(w)
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
  })
})
