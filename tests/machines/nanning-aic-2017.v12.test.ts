/**
 * 南宁市工商局预案 version 12, part A (README "Version 12"). 三(二)1 办公室…根据需要通报网上评论引导
 * 信息，组织和协调针对性网上评论工作 and 三(二)3 各有关单位…根据需要及时研究并提出引导口径，组织开展
 * 网上评论: GUIDE_COMMENTS was a step no one was asked to decide; 根据需要 makes it conditional
 * (OBLIGATIONS.md rule 3), the need judged by those the clauses charge — the office and the
 * units — on the record (finding 1). 三(二)2 法制科对涉及市局的舆情危机处置提供法律支持: LEGAL_OPINION
 * was owed by no rule (finding 2). Version 11 (frozen, planV11) is the control.
 */
import { describe, expect, it } from 'vitest'
import {
  COMMENTS_DECISION_POLICY,
  COMMENTS_POLICY,
  LEGAL_POLICY,
  planV12 as plan,
  planV11,
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

const legal = P.legal
const comments = (w: Walker, answer: 'yes' | 'no', by: (typeof P)[keyof typeof P] = P.office) =>
  act(w, 'DECIDE', { decision: 'decision:comments', answer, reason: '根据需要' }, { by })

describe('nanning-aic-2017 v12, finding 1: 三(二)1、三(二)3 根据需要…网上评论 is decided by the office or the unit, on the record', () => {
  it('the measures decided, whether to guide comments is owed by the office and the units, due 1 hour; version 11 owed nothing', () => {
    const v11 = openOn(planV11)
    toPreparing(v11)
    expect(of(v11, 'decision:comments')).toEqual([])

    const w = openOn(plan)
    toPreparing(w)
    const decidedAt = lastAt(w)
    expect(of(w, 'decision:comments')).toMatchObject([
      {
        kind: 'decision',
        status: 'owed',
        clause: '三(二)1、三(二)3',
        policy: COMMENTS_DECISION_POLICY,
        startedAt: decidedAt,
        dueAt: addMinutes(decidedAt, 60),
      },
    ])
    expect(ob(w, 'decision:comments')?.owedBy).toEqual(expect.arrayContaining(['office', 'unit']))
    expect(ob(w, 'decision:comments')?.owedBy).not.toContain('group')
  })

  it('the office answers yes: the comment work is owed, due 1 hour from the yes; GUIDE_COMMENTS meets it', () => {
    const w = openOn(plan)
    toPreparing(w)
    comments(w, 'yes', P.office)
    const yesAt = lastAt(w)
    expect(ob(w, 'step:comments')).toMatchObject({
      status: 'owed',
      clause: '三(二)1、三(二)3',
      policy: COMMENTS_POLICY,
      startedAt: yesAt,
      dueAt: addMinutes(yesAt, 60),
      discharge: { type: 'GUIDE_COMMENTS' },
    })
    act(w, 'GUIDE_COMMENTS', {}, { by: P.staff })
    expect(ob(w, 'step:comments')?.status).toBe('met')
  })

  it('a unit answers no: who and why are recorded, nothing more is owed', () => {
    const w = openOn(plan)
    toPreparing(w)
    comments(w, 'no', P.staff)
    expect(ob(w, 'decision:comments')).toMatchObject({
      status: 'met',
      decision: { answer: 'no', by: P.staff, reason: '根据需要' },
    })
    expect(of(w, 'step:comments')).toEqual([])
  })

  it('a decision of no public response asks it too (the comments are no text in the bureau’s name)', () => {
    const w = openOn(plan)
    toConsultation(w)
    act(w, 'DECIDE_NO_RESPONSE')
    expect(of(w, 'decision:comments').map((o) => o.status)).toEqual(['owed'])
  })

  it('a yes given after the subsiding can be carried out (GUIDE_COMMENTS in every open phase; version 11 refused it there)', () => {
    expect(toSubsided(openOn(planV11)).can('GUIDE_COMMENTS', {}, P.office)).toBe(false)
    const w = toSubsided(openOn(plan))
    comments(w, 'yes')
    act(w, 'GUIDE_COMMENTS')
    expect(ob(w, 'step:comments')?.status).toBe('met')
  })

  it('a relapse asks again once the asking is answered; a yes then owes the comment work anew', () => {
    const w = openOn(plan)
    toPreparing(w)
    comments(w, 'yes')
    act(w, 'GUIDE_COMMENTS')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(of(w, 'decision:comments').map((o) => o.status)).toEqual(['met', 'owed'])
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(of(w, 'decision:comments').map((o) => o.status)).toEqual(['met', 'owed'])
    comments(w, 'yes', P.staff)
    expect(of(w, 'step:comments').map((o) => o.status)).toEqual(['met', 'owed'])
  })

  it('closing waits for the decision', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: legal })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '无需沟通' })
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w)).toEqual(['decision:comments'])
    comments(w, 'no')
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })
})

describe('nanning-aic-2017 v12, finding 2: 三(二)2 法制科对舆情危机处置提供法律支持', () => {
  for (const g of ['general', 'major'] as const) {
    it(`${g}: the measures decided, the legal support is owed by 法制科 (every grade is a 舆情危机, 四(四)); version 11 owed none`, () => {
      const v11 = openOn(planV11, grade(g))
      toPreparing(v11)
      expect(of(v11, 'step:legal')).toEqual([])

      const w = openOn(plan, grade(g))
      toPreparing(w)
      expect(of(w, 'step:legal')).toMatchObject([
        {
          kind: 'step',
          status: 'owed',
          clause: '三(二)2、四(四)',
          policy: LEGAL_POLICY,
          owedBy: ['legal'],
          startedAt: lastAt(w),
          dueAt: null,
          discharge: { type: 'LEGAL_OPINION' },
        },
      ])
      act(w, 'LEGAL_OPINION', { opinion: '经营户涉嫌违反食品安全法' }, { by: legal })
      expect(ob(w, 'step:legal')?.status).toBe('met')
    })
  }

  it('an opinion given before the measures (对事件定性, for the group’s 确定事件性质) meets it when it begins; version 11 refused it there', () => {
    const v11 = openOn(planV11)
    toConsultation(v11)
    expect(v11.can('LEGAL_OPINION', { opinion: '定性意见' }, legal)).toBe(false)

    const w = openOn(plan)
    toConsultation(w)
    act(w, 'LEGAL_OPINION', { opinion: '定性意见' }, { by: legal })
    const givenAt = lastAt(w)
    act(w, 'DECIDE_MEASURES')
    expect(of(w, 'step:legal')).toMatchObject([{ status: 'met', metAt: givenAt }])
  })

  it('a decision of no public response owes none (no handling to support: 四(四) 协同法制科…统一发布)', () => {
    const w = openOn(plan)
    toConsultation(w)
    act(w, 'DECIDE_NO_RESPONSE')
    expect(of(w, 'step:legal')).toEqual([])
  })

  it('closing waits for it; after the subsiding 法制科 can still give it', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '无需沟通' })
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    comments(w, 'no')
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w)).toEqual(['step:legal'])
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: legal })
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })
})
