/**
 * 南宁市工商局预案 version 12, part B (README "Who approves", "Version 12"): 四(四) 经新闻宣传分管领导
 * 审定, 三(二)3 由单位主要负责人签署意见, 四(四) 经业务股室主要负责人审核 name a person within a role.
 * Version 11 took LEADER_APPROVE from any `leader` token — the business 分管领导's too — and
 * SIGN_OFF and SECTION_REVIEW from any `unit` staff member but the author. Version 12 takes them
 * from `newsLeader` and `unitHead` alone; the unit's head does what the unit does beside them.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV12 as plan, planV11 } from '../../machines/nanning-aic-2017/index.js'
import type { Walker } from '../helpers/machine.js'
import { act, grade, ob, openOn, P, reportFields, toPreparing } from '../helpers/nanning.js'

const rolesOf = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)?.roles
const owedApprovals = (w: Walker) =>
  w
    .owed()
    .filter((o) => o.kind === 'approval')
    .map((o) => [o.discharge.type, o.owedBy])

describe('nanning-aic-2017 v12: each approval from the person the text names', () => {
  it('四(四) 新闻宣传分管领导审定: LEADER_APPROVE from newsLeader alone; version 11 took any leader token', () => {
    expect(rolesOf(planV11, 'LEADER_APPROVE')).toEqual(['leader'])
    expect(rolesOf(plan, 'LEADER_APPROVE')).toEqual(['newsLeader'])
  })

  it('三(二)3 单位主要负责人签署意见, 四(四) 业务股室主要负责人审核: SIGN_OFF and SECTION_REVIEW from unitHead alone', () => {
    for (const type of ['SIGN_OFF', 'SECTION_REVIEW']) {
      expect(rolesOf(planV11, type)).toEqual(['unit'])
      expect(rolesOf(plan, type)).toEqual(['unitHead'])
    }
  })

  it('一般: the owed approvals name their approvers (签署 unitHead, 审定 newsLeader)', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    expect(owedApprovals(w)).toEqual([
      ['SIGN_OFF', ['unitHead']],
      ['OFFICE_REVIEW', ['office']],
      ['LEADER_APPROVE', ['newsLeader']],
    ])
    act(w, 'SIGN_OFF', { draftId: 'd1' }, { by: P.unitHead })
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' }, { by: P.newsLeader })
    expect(w.context().drafts[0]?.approvals.map((a) => [a.code, a.by.role])).toEqual([
      ['unitSignOff', 'unitHead'],
      ['officeReview', 'office'],
      ['leaderApproval', 'newsLeader'],
    ])
  })

  it('重大: the section head’s review is owed by unitHead', () => {
    const w = openOn(plan, grade('major'))
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    expect(owedApprovals(w)).toEqual([
      ['SECTION_REVIEW', ['unitHead']],
      ['OFFICE_REVIEW', ['office']],
      ['GROUP_APPROVE', ['group']],
    ])
  })

  it('the unit’s head does what the unit does: reports 逐级 (version 11 refused a unitHead’s report), owes its duties', () => {
    const v11 = openOn(planV11)
    expect(v11.can('REPORT', reportFields(['leader', 'office']), P.unitHead)).toBe(false)
    const w = openOn(plan, { category: 'doubt' })
    expect(w.can('REPORT', reportFields(['leader', 'office']), P.unitHead)).toBe(true)
    for (const rule of ['step:evidence', 'report:leader', 'report:office', 'answer:initial'])
      expect(ob(w, rule)?.owedBy).toContain('unitHead')
  })

  it('四(四) 重大 由新闻宣传分管领导牵头…落实源头化解: newsLeader and unitHead owe and take RESOLVE_SOURCE', () => {
    expect(rolesOf(plan, 'RESOLVE_SOURCE')).toEqual(
      expect.arrayContaining(['leader', 'unit', 'unitHead', 'newsLeader']),
    )
    const w = openOn(plan, grade('major'))
    expect(ob(w, 'step:source')?.owedBy).toEqual(expect.arrayContaining(['unitHead', 'newsLeader']))
    act(w, 'RESOLVE_SOURCE', {}, { by: P.newsLeader })
    expect(ob(w, 'step:source')?.status).toBe('met')
  })
})

describe('nanning-aic-2017 v12: the unit’s head signs what the unit’s staff draft', () => {
  it('DRAFT and WITHDRAW_DRAFT stay the unit’s and the office’s (a head who wrote a text could not sign it)', () => {
    for (const type of ['DRAFT', 'WITHDRAW_DRAFT']) expect(rolesOf(plan, type)).not.toContain('unitHead')
  })
})
