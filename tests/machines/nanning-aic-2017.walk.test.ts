/**
 * 南宁市工商局预案: one walk per grade to `closed` that discharges every obligation, and the
 * relapse routes. The random walk holding OBLIGATIONS.md's invariants is in
 * nanning-aic-2017.random-walk.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { Severity } from '../../machines/vocabulary.js'
import type { Walker } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  open,
  P,
  reportFields,
  settledAtClose,
  state,
  toPreparing,
} from '../helpers/nanning.js'

function answerInitially(w: Walker) {
  act(w, 'INITIAL_RESPONSE', { draftId: approvedDraft(w, 'initialResponse') })
}

describe('nanning-aic-2017 walks to closed', () => {
  it('一般: office leads, leader approves, the group declines a review and ends the handling', () => {
    const w = open({}, { category: 'doubt' })
    expect(w.owed().map((o) => o.rule)).toEqual([
      'step:evidence',
      'report:leader',
      'report:office',
      'step:source',
      'answer:initial',
    ])
    toPreparing(w)
    // 四(四) 视情况…沟通 (version 11): the group decides, on the record, and the office liaises.
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '涉及市场监管，须与公安机关沟通' })
    act(w, 'LIAISE', { departments: '市公安局' })
    // 三(二)1 / 三(二)3 根据需要…网上评论 (version 13): the office and the unit each judge their own part.
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-office', answer: 'no', reason: '跟帖平稳，无需引导' },
      { by: P.office },
    )
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-unit', answer: 'no', reason: '跟帖平稳，无需引导口径' },
      { by: P.head },
    )
    answerInitially(w)
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: P.legal })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    // 三(二)3 签署意见…及时向分管领导汇报 (version 11): both texts signed, told at once.
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '影响小' })
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
    settledAtClose(w.context())
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('一般: the group may decide on no public response and keep watching', () => {
    const w = open({}, { category: 'rumor' })
    act(w, 'KEEP_EVIDENCE')
    act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
    act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
    act(w, 'REPORT', reportFields(['newsLeader']), { by: P.office })
    act(w, 'ASSESS')
    act(w, 'DECIDE_NO_RESPONSE')
    expect(state(w)).toBe('{"response":"following"}')
    expect(w.owed().map((o) => o.rule)).toEqual([
      'step:source',
      'decision:liaise',
      'decision:comments-office',
      'decision:comments-unit',
    ])
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '关注度低，无需沟通' })
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-office', answer: 'no', reason: '关注度低，无需引导' },
      { by: P.office },
    )
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-unit', answer: 'no', reason: '关注度低，无需引导' },
      { by: P.staff },
    )
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾' })
    act(w, 'REVIEW')
    settledAtClose(w.context())
  })

  for (const s of ['major', 'critical'] as Severity[]) {
    it(`${s}: every obligation discharged on time, then review and close`, () => {
      const w = open({ reposts: 25 }, { ...grade(s), category: 'demand' })
      expect(w.context().severity).toBe(s)
      toPreparing(w)
      act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '重大舆情，须与宣传部沟通' })
      act(w, 'NOTIFY_AUTHORITIES')
      answerInitially(w)
      act(w, 'FORMAL_HANDLING')
      act(w, 'RESOLVE_SOURCE')
      // 三(二)1 / 三(二)3 (version 13): each body judges and does its own part.
      act(
        w,
        'DECIDE',
        { decision: 'decision:comments-office', answer: 'yes', reason: '须通报引导信息' },
        { by: P.office },
      )
      act(
        w,
        'DECIDE',
        { decision: 'decision:comments-unit', answer: 'yes', reason: '须提出引导口径' },
        { by: P.unitHead },
      )
      act(w, 'GUIDE_COMMENTS', { part: 'office' }, { by: P.office })
      act(w, 'GUIDE_COMMENTS', { part: 'unit' }, { by: P.staff })
      act(w, 'LEGAL_OPINION', { opinion: '经营户涉嫌违法' }, { by: P.legal })
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      expect(state(w)).toBe('{"response":"following"}')
      act(w, 'FORMAL_REPLY', { draftId: approvedDraft(w, 'formalReply') })
      act(w, 'REPORT', reportFields(['leader']), { by: P.head })
      act(w, 'LIAISE', { departments: '市委宣传部' })
      act(w, 'SUBSIDE')
      expect(can(w, 'CLOSE')).toBe(false)
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾总结' })
      expect(w.owed().map((o) => o.rule)).toEqual(['review'])
      act(w, 'REVIEW')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
      expect(w.context().obligations.every((o) => o.status === 'met')).toBe(true)
    })
  }

  it('a relapse from disposal or review goes back to response; the next release is a new, approved draft', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'RESOLVE_SOURCE')
    const d1 = approvedDraft(w)
    act(w, 'RELEASE', { draftId: d1 })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(state(w)).toBe('{"response":"preparing"}')
    // 再次发布须为新稿并重新审批 (the relapse's policy; version 3): d1 went out once.
    expect(can(w, 'RELEASE', { draftId: d1 })).toBe(false)
    act(w, 'DRAFT', { content: '最新情况通报' })
    expect(can(w, 'RELEASE', { draftId: 'd2' })).toBe(false)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾' })
    act(w, 'RELAPSE')
    expect(w.phase()).toBe('response')
  })
})
