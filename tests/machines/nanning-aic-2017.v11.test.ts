/**
 * 南宁市工商局预案 version 11 (README "Version 11"): the findings carried from the review of
 * version 10. 四(四) 视情况与南宁市宣传部、应急办、维稳办、综治办、公安机关等部门及时沟通 was a step
 * (LIAISE) no one decided: OBLIGATIONS.md rule 3 makes what the plan leaves conditional a
 * decision on the record (finding 1). 三(二)3 提出以市局名义发布的答复内容，由单位主要负责人签署
 * 意见，并及时向分管领导汇报 owed nothing: the 汇报 is 分管领导's own obligation (rule 7), after
 * each signature (finding 2). Version 10 (frozen, planV10) is the control.
 */
import { describe, expect, it } from 'vitest'
import {
  LIAISE_DECISION_POLICY,
  LIAISE_POLICY,
  planV11 as plan,
  planV10,
  SIGNED_REPORT_POLICY,
} from '../../machines/nanning-aic-2017/index.js'
import { addMinutes, type Walker } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  lastAt,
  ob,
  of,
  openOn,
  owedRules,
  P,
  reportFields,
  toConsultation,
  toPreparing,
  toSubsided,
} from '../helpers/nanning.js'

const liaise = (w: Walker, answer: 'yes' | 'no', reason = '视情况') =>
  act(w, 'DECIDE', { decision: 'decision:liaise', answer, reason })

describe('nanning-aic-2017 v11, finding 1: 四(四) 视情况…沟通 is the group’s decision, on the record', () => {
  it('the measures decided, whether to liaise is owed by the group, due 1 hour from them; version 10 owed nothing', () => {
    const v10 = openOn(planV10)
    toPreparing(v10)
    expect(of(v10, 'decision:liaise')).toEqual([])

    const w = openOn(plan)
    toPreparing(w)
    const decidedAt = lastAt(w)
    expect(of(w, 'decision:liaise')).toMatchObject([
      {
        kind: 'decision',
        status: 'owed',
        clause: '四(四)、三(一)',
        policy: LIAISE_DECISION_POLICY,
        owedBy: ['group'],
        startedAt: decidedAt,
        dueAt: addMinutes(decidedAt, 60),
      },
    ])
  })

  it('yes owes the liaison (office or leader), due 1 hour from the yes; LIAISE meets it', () => {
    const w = openOn(plan)
    toPreparing(w)
    liaise(w, 'yes', '涉及食品安全，须与公安机关沟通')
    const yesAt = lastAt(w)
    expect(ob(w, 'step:liaise')).toMatchObject({
      status: 'owed',
      clause: '四(四)',
      policy: LIAISE_POLICY,
      owedBy: ['office', 'leader'],
      startedAt: yesAt,
      dueAt: addMinutes(yesAt, 60),
      discharge: { type: 'LIAISE' },
    })
    act(w, 'LIAISE')
    expect(ob(w, 'step:liaise')?.status).toBe('met')
  })

  it('no records who decided and why, and owes nothing more', () => {
    const w = openOn(plan)
    toPreparing(w)
    liaise(w, 'no', '影响局限于本局，无需沟通')
    expect(ob(w, 'decision:liaise')).toMatchObject({
      status: 'met',
      decision: { answer: 'no', by: P.group, reason: '影响局限于本局，无需沟通' },
    })
    expect(of(w, 'step:liaise')).toEqual([])
  })

  it('a decision of no public response asks it too (the situation is followed either way)', () => {
    const w = openOn(plan)
    toConsultation(w)
    act(w, 'DECIDE_NO_RESPONSE')
    expect(of(w, 'decision:liaise').map((o) => o.status)).toEqual(['owed'])
  })

  it('closing waits for the decision; a late one breached and owes an escalation', () => {
    const w = openOn(plan)
    toPreparing(w)
    w.fire('decision:liaise')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w).sort()).toEqual(['decision:liaise', 'escalate'])
    liaise(w, 'no')
    expect(ob(w, 'decision:liaise')).toMatchObject({ status: 'late' })
    act(w, 'ESCALATE', { to: ['局长'], note: '超时' })
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('a relapse asks again once the asking is answered; a yes then owes the liaison anew', () => {
    const w = openOn(plan)
    toPreparing(w)
    liaise(w, 'yes')
    act(w, 'LIAISE')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(of(w, 'decision:liaise').map((o) => o.status)).toEqual(['met', 'owed'])
    // Relapsed again before the group answered: still the one question.
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(of(w, 'decision:liaise').map((o) => o.status)).toEqual(['met', 'owed'])
    liaise(w, 'yes')
    expect(of(w, 'step:liaise').map((o) => o.status)).toEqual(['met', 'owed'])
    act(w, 'LIAISE')
    expect(of(w, 'step:liaise').map((o) => o.status)).toEqual(['met', 'met'])
  })

  it('a yes given after the subsiding can be carried out (LIAISE in every open phase; version 10 refused it there)', () => {
    expect(toSubsided(openOn(planV10)).can('LIAISE', { departments: '市公安局' }, P.office)).toBe(false)
    const w = toSubsided(openOn(plan))
    liaise(w, 'yes')
    act(w, 'LIAISE')
    expect(ob(w, 'step:liaise')?.status).toBe('met')
  })
})

describe('nanning-aic-2017 v11, finding 2: 三(二)3 签署意见后及时向分管领导汇报', () => {
  it('a sign-off owes 分管领导 the 汇报, due 1 hour from it; the 四(二) report before it does not count; version 10 owed none', () => {
    const v10 = openOn(planV10)
    toPreparing(v10)
    approvedDraft(v10)
    expect(of(v10, 'report:leader-signed')).toEqual([])

    const w = openOn(plan)
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    const signedAt = lastAt(w)
    expect(ob(w, 'report:leader')?.status).toBe('met')
    expect(of(w, 'report:leader-signed')).toMatchObject([
      {
        kind: 'report',
        status: 'owed',
        clause: '三(二)3',
        policy: SIGNED_REPORT_POLICY,
        owedBy: ['unit'],
        recipient: { code: 'leader', label: '分管领导' },
        startedAt: signedAt,
        dueAt: addMinutes(signedAt, 60),
        discharge: { type: 'REPORT', fields: { to: ['leader'] } },
      },
    ])
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    expect(ob(w, 'report:leader-signed')?.status).toBe('met')
  })

  it('重大: the section head’s review (the same head’s 签署意见) owes it', () => {
    const w = openOn(plan, grade('major'))
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    act(w, 'SECTION_REVIEW', { draftId: 'd1' })
    expect(of(w, 'report:leader-signed').map((o) => [o.status, o.startedAt])).toEqual([['owed', lastAt(w)]])
  })

  it('texts signed before the 汇报 are reported at once; a text signed after it owes a new one', () => {
    const w = openOn(plan)
    act(w, 'DRAFT', { content: '初步回应', purpose: 'initialResponse' })
    act(w, 'DRAFT', { content: '答复意见', purpose: 'formalReply' })
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    act(w, 'SIGN_OFF', { draftId: 'd2' })
    expect(of(w, 'report:leader-signed').map((o) => o.status)).toEqual(['owed'])
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    act(w, 'SIGN_OFF', { draftId: 'd3' })
    expect(of(w, 'report:leader-signed').map((o) => [o.status, o.startedAt])).toEqual([
      ['met', of(w, 'report:leader-signed')[0]?.startedAt],
      ['owed', lastAt(w)],
    ])
  })

  it('late, it breaches and owes an escalation; closing waits for it', () => {
    const w = openOn(plan)
    toPreparing(w)
    liaise(w, 'no')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w)).toEqual(['report:leader-signed'])
    w.fire('report:leader-signed')
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    expect(ob(w, 'report:leader-signed')?.status).toBe('late')
    expect(owedRules(w)).toEqual(['escalate'])
  })
})
