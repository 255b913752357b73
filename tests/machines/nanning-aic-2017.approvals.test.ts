/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), the current version: drafts and approvals
 * (三(二)3、四(四)), each grade's chain in order, bound to the draft released, owed again at a rise;
 * no interview without the group's decision; approvals cannot be waived.
 */
import { describe, expect, it } from 'vitest'
import { act, approvedDraft, can, ob, open, owedRules, P, state, toPreparing } from '../helpers/nanning.js'

describe('nanning-aic-2017 drafts and approvals (三(二)3、四(四))', () => {
  it('一般: the unit head signs the draft first (not its author), the office reviews, then the news-and-propaganda leader', () => {
    const w = open()
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报' })
    expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
    // Version 12: only the unit's head signs (三(二)3 单位主要负责人签署意见): staff are refused by role.
    expect(() => can(w, 'SIGN_OFF', { draftId: 'd1' }, P.staff)).toThrow('unit may not send SIGN_OFF')
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'SECTION_REVIEW', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'RELEASE', { draftId: 'd1' })
    expect(state(w)).toBe('{"response":"following"}')
    expect(ob(w, 'release')?.status).toBe('met')
  })

  it('重大: the section head reviews (the unit head’s one signature, from version 10), the office reviews, THEN the group approves; the group’s approval first is refused', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报' })
    expect(can(w, 'SIGN_OFF', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'GROUP_APPROVE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
    act(w, 'SECTION_REVIEW', { draftId: 'd1' })
    expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'GROUP_APPROVE', { draftId: 'd1' })).toBe(false)
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'GROUP_APPROVE', { draftId: 'd1' })
    expect(w.context().drafts[0]?.approvals.map((a) => a.code)).toEqual([
      'sectionReview',
      'officeReview',
      'groupApproval',
    ])
    act(w, 'RELEASE', { draftId: 'd1' })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('the 3-working-hour initial answer is a draft too: unsigned it cannot go out', () => {
    const w = open({}, { category: 'doubt' })
    act(w, 'DRAFT', { content: '已收到，正在核查', purpose: 'initialResponse' })
    expect(can(w, 'INITIAL_RESPONSE', { draftId: 'd1' })).toBe(false)
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    expect(can(w, 'INITIAL_RESPONSE', { draftId: 'd1' })).toBe(false)
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'INITIAL_RESPONSE', { draftId: 'd1' })
    expect(ob(w, 'answer:initial')?.status).toBe('met')
  })

  it('approvals bind to the draft released: a second text needs its own', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    const d1 = approvedDraft(w)
    act(w, 'RELEASE', { draftId: d1 })
    act(w, 'DRAFT', { content: '第二份通报' })
    expect(can(w, 'RELEASE', { draftId: 'd2' })).toBe(false)
    expect(owedRules(w)).toContain('approval:sectionReview')
    expect(w.owed().find((o) => o.kind === 'approval')?.draftId).toBe('d2')
    expect(can(w, 'INITIAL_RESPONSE', { draftId: d1 })).toBe(false) // a release text is not an answer
  })

  it('a rise owes the group’s approvals of the next release; the 一般 approval no longer suffices', () => {
    const w = open({ reposts: 5 })
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报' })
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'METRICS_UPDATED', { facts: { reposts: 30 } })
    expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['approval:sectionReview', 'approval:groupApproval']))
    act(w, 'SECTION_REVIEW', { draftId: 'd1' })
    act(w, 'GROUP_APPROVE', { draftId: 'd1' })
    act(w, 'RELEASE', { draftId: 'd1' })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('no interview without the group’s authority: a proposal owes the group’s decision, yes or no on the record', () => {
    const w = open()
    toPreparing(w)
    expect(can(w, 'INTERVIEW')).toBe(false)
    act(w, 'PROPOSE_INTERVIEW')
    expect(ob(w, 'decision:interview')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    act(w, 'DECIDE', { decision: 'decision:interview', answer: 'no', reason: '暂不接受采访' })
    expect(ob(w, 'decision:interview')?.decision).toMatchObject({
      answer: 'no',
      by: P.group,
      reason: '暂不接受采访',
    })
    expect(can(w, 'INTERVIEW')).toBe(false)
    act(w, 'PROPOSE_INTERVIEW')
    act(w, 'DECIDE', { decision: 'decision:interview', answer: 'yes', reason: '同意' })
    expect(can(w, 'INTERVIEW')).toBe(true)
    act(w, 'INTERVIEW')
    expect(w.context().steps.interview).toBeDefined()
  })
})

describe('nanning-aic-2017 approvals cannot be waived', () => {
  it('WAIVE of an approval is refused; withdrawing the draft withdraws its approvals on the record', () => {
    const w = open({ reposts: 25 })
    act(w, 'DRAFT', { content: '情况通报' })
    const id = w.owed().find((o) => o.rule === 'approval:sectionReview')!.id
    expect(can(w, 'WAIVE', { obligation: id, reason: '免签' })).toBe(false)
    act(w, 'WITHDRAW_DRAFT', { draftId: 'd1', reason: '口径调整' })
    const approvals = w.context().obligations.filter((o) => o.kind === 'approval')
    expect(approvals.map((o) => o.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn'])
    expect(approvals[0]?.withdrawn?.reason).toBe('稿件已撤回：口径调整')
  })
})
