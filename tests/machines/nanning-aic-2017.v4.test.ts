/**
 * 南宁市工商局预案 version 4: what it changes from version 3, clause by clause, each
 * checked on both versions (versions 3 and 4 stay registered for the incidents opened on them;
 * version 5 is the current one, nanning-aic-2017.v5.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { missingApprovalsOf } from '../../machines/kit/drafts.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { LEVEL_WAIVED, planV4 as plan, planV3 } from '../../machines/nanning-aic-2017/index.js'
import type { Facts } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { act, approvedDraft, can, ob, P, reportFields, state, toPreparing } from '../helpers/nanning.js'

const start = (p: PlanDefinition, facts: Facts = {}) => startIncident(p, { facts }, P.office)
const approvalsOwed = (w: Walker, draftId: string) =>
  w.context().obligations.filter((o) => o.kind === 'approval' && o.draftId === draftId)

describe('nanning-aic-2017 version 4', () => {
  it('migrates from version 3, which stays registered', () => {
    expect(plan).toMatchObject({ version: 4, migratesFrom: { from: 3 } })
    expect(planV3.version).toBe(3)
  })

  describe('四(二) 逐级: a waived level lets the report go on above it', () => {
    /** Walk A: the office is told, the group waives telling 分管领导. */
    const leaderWaived = (p: PlanDefinition) => {
      const w = start(p)
      act(w, 'KEEP_EVIDENCE')
      act(w, 'REPORT', reportFields(['office']), { by: P.monitor })
      act(w, 'WAIVE', { obligation: 'report:leader#1', reason: '分管领导已当面知悉' })
      return w
    }

    it('分管领导 waived: 主要领导 is owed, and 分管领导 reports to 主要领导 (version 3: never owed, refused)', () => {
      const w = leaderWaived(plan)
      expect(ob(w, 'report:principal')).toMatchObject({
        status: 'owed',
        owedBy: ['leader'],
        clause: '四(二)',
        policy: LEVEL_WAIVED,
      })
      expect(can(w, 'REPORT', reportFields(['principal']), P.monitor)).toBe(false)
      act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
      expect(ob(w, 'report:principal')?.status).toBe('met')

      const v3 = leaderWaived(planV3)
      expect(ob(v3, 'report:principal')).toBeUndefined()
      expect(can(v3, 'REPORT', reportFields(['principal']), P.leader)).toBe(false)
    })

    /** Walk B: 分管领导 and 主要领导 told, the group waives telling the office; released, subsided, no review. */
    const officeWaived = (p: PlanDefinition) => {
      const w = start(p)
      act(w, 'KEEP_EVIDENCE')
      act(w, 'REPORT', reportFields(['leader']), { by: P.monitor })
      act(w, 'WAIVE', { obligation: 'report:office#1', reason: '办公室已在现场' })
      act(w, 'ASSESS')
      act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
      act(w, 'DECIDE_MEASURES')
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      act(w, 'SUBSIDE')
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '影响小' })
      return w
    }

    it('市局办公室 waived: the office still owes 分管新闻宣传工作的局领导, and closing waits for it (version 3 closed)', () => {
      const w = officeWaived(plan)
      expect(ob(w, 'report:newsLeader')).toMatchObject({ status: 'owed', owedBy: ['office'] })
      expect(can(w, 'CLOSE')).toBe(false)
      act(w, 'REPORT', reportFields(['newsLeader']), { by: P.office })
      expect(ob(w, 'report:newsLeader')?.status).toBe('met')
      act(w, 'CLOSE')
      expect(w.phase()).toBe('closed')

      const v3 = officeWaived(planV3)
      act(v3, 'CLOSE')
      expect(v3.phase()).toBe('closed')
      expect(ob(v3, 'report:newsLeader')).toBeUndefined()
    })

    it('without a waiver the order is kept: 主要领导 only after 分管领导 has the report', () => {
      const w = start(plan)
      expect(can(w, 'REPORT', reportFields(['principal']), P.leader)).toBe(false)
      expect(ob(w, 'report:principal')).toBeUndefined()
    })
  })

  describe('三(二)1: the office reviews every text that goes online in the bureau’s name', () => {
    it('一般: signed and approved by the leader alone is refused; the office’s review comes before the 审定', () => {
      const w = start(plan)
      toPreparing(w)
      act(w, 'DRAFT', { content: '情况通报' })
      act(w, 'SIGN_OFF', { draftId: 'd1' })
      expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
      expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
      const d1 = w.context().drafts[0]!
      expect(missingApprovalsOf(plan.approvals, w.context(), d1).map((a) => a.code)).toEqual([
        'officeReview',
        'leaderApproval',
      ])
      expect(approvalsOwed(w, 'd1').find((o) => o.rule === 'approval:officeReview')).toMatchObject({
        status: 'owed',
        owedBy: ['office'],
        clause: '三(二)1',
        discharge: { type: 'OFFICE_REVIEW', fields: { draftId: 'd1' } },
      })
      expect(plan.events.find((e) => e.type === 'OFFICE_REVIEW')?.roles).toEqual(['office'])
      act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
      act(w, 'LEADER_APPROVE', { draftId: 'd1' })
      act(w, 'RELEASE', { draftId: 'd1' })
      expect(state(w)).toBe('{"response":"following"}')
    })

    it('the office does not review a draft it wrote itself (审核 by another person)', () => {
      const w = start(plan, { reposts: 25 })
      act(w, 'DRAFT', { content: '情况通报' }, { by: P.office })
      act(w, 'SIGN_OFF', { draftId: 'd1' })
      act(w, 'SECTION_REVIEW', { draftId: 'd1' })
      expect(can(w, 'OFFICE_REVIEW', { draftId: 'd1' }, P.office)).toBe(false)
      expect(can(w, 'OFFICE_REVIEW', { draftId: 'd1' }, P.officeHead)).toBe(true)
    })

    it('version 3 released with the unit head’s and the leader’s approvals only', () => {
      const w = start(planV3)
      toPreparing(w)
      act(w, 'DRAFT', { content: '情况通报' })
      act(w, 'SIGN_OFF', { draftId: 'd1' })
      act(w, 'LEADER_APPROVE', { draftId: 'd1' })
      act(w, 'RELEASE', { draftId: 'd1' })
      expect(w.context().drafts[0]?.approvals.map((a) => a.code)).toEqual(['unitSignOff', 'leaderApproval'])
      expect(state(w)).toBe('{"response":"following"}')
    })
  })

  describe('五(二): the formal reply needs the 部门领导审定 the clause names, not the release chain', () => {
    const formalDraft = (p: PlanDefinition) => {
      const w = start(p, { reposts: 25 })
      act(w, 'FORMAL_HANDLING')
      act(w, 'DRAFT', { content: '答复意见', purpose: 'formalReply' })
      act(w, 'SIGN_OFF', { draftId: 'd1' })
      return w
    }

    it('重大: signed off by the department leader, the reply is settled (version 3 refused it)', () => {
      const w = formalDraft(plan)
      expect(approvalsOwed(w, 'd1').map((o) => [o.rule, o.status])).toEqual([['approval:unitSignOff', 'met']])
      act(w, 'FORMAL_REPLY', { draftId: 'd1' })
      expect(ob(w, 'answer:formal')?.status).toBe('met')

      const v3 = formalDraft(planV3)
      expect(can(v3, 'FORMAL_REPLY', { draftId: 'd1' })).toBe(false)
      expect(approvalsOwed(v3, 'd1').map((o) => o.rule)).toEqual([
        'approval:unitSignOff',
        'approval:sectionReview',
        'approval:groupApproval',
      ])
    })

    it('unsigned, the formal reply is still refused', () => {
      const w = start(plan)
      act(w, 'FORMAL_HANDLING')
      act(w, 'DRAFT', { content: '答复意见', purpose: 'formalReply' })
      expect(can(w, 'FORMAL_REPLY', { draftId: 'd1' })).toBe(false)
    })
  })
})
