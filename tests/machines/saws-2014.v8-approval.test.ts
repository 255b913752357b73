/**
 * saws-2014 version 8 (diff review finding 1): 五(一)2 作出定性…报总局分管领导批准后实施、五(三)2
 * 报总局分管领导审定后实施 — at 较大 after the response meeting, a unit's `PROPOSE` is a new 应急处置意见
 * the 批示 and the meeting never saw: the leader approves it before the response, as a
 * `SET_CATEGORY` since the meeting already owed (version 7's `APPROVAL_OWED_V7`). Version 7
 * (frozen) let the proposal through unapproved.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV8 as plan, planV7 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  act,
  consulted,
  LEAD,
  MON,
  OFF,
  open,
  PHONE,
  PRIN,
  regrade,
  respond,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

/** 重大 consulted (phone report, activation, special report, both 批示, the meeting), lowered to 较大. */
function loweredInConsultation(p: PlanDefinition, category: 'suggestion' | null = 'suggestion') {
  const w = consulted(p, 'major', category)
  regrade(w, 'large', '回落')
  return w
}

describe('saws-2014 v8, 五(一)2 报总局分管领导批准后实施: a PROPOSE since the meeting owes the approval at 较大', () => {
  it('a changed 定性 proposed at 较大 after the meeting: approved before the response and the takedown', () => {
    const w = loweredInConsultation(plan)
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(true)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
    // Version 7 (frozen): nobody approved it.
    const v7 = loweredInConsultation(planV7)
    expect(act(v7, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(true)
    expect(statuses(v7, R.approveProposal)).toEqual([])
    expect(act(v7, OFF, 'START_RESPONSE')).toBe(true)
  })

  it('proposed at 重大 after the meeting, lowered before the meeting it owed: the leader approves it at 较大', () => {
    const w = consulted(plan, 'major', 'suggestion')
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    regrade(w, 'large', '回落')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:withdrawn'])
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  })

  it('the first 定性, proposed at 较大 after a meeting held without one: approved (as by SET_CATEGORY)', () => {
    const w = loweredInConsultation(plan, null)
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '辟谣' })).toBe(true)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
    const set = loweredInConsultation(plan, null)
    expect(act(set, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(statuses(set, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
  })

  it('a proposal keeping the 定性 is a new 应急处置意见: approved too', () => {
    const w = loweredInConsultation(plan)
    expect(act(w, UNIT, 'PROPOSE', { category: 'suggestion', proposal: '维持跟帖答复' })).toBe(true)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
  })

  it('controls: lowered with no new 定性 or proposal, the 批示 and the meeting stand; opened at 较大, approved as before', () => {
    const lowered = toResponse(plan, 'major', 'suggestion')
    respond(lowered)
    regrade(lowered, 'large', '回落')
    expect(statuses(lowered, R.approveProposal)).toEqual([])
    const idle = loweredInConsultation(plan)
    expect(statuses(idle, R.approveProposal)).toEqual([])
    expect(act(idle, OFF, 'START_RESPONSE')).toBe(true)
    const large = consulted(plan, 'large', 'suggestion')
    expect(statuses(large, R.approveProposal)).toEqual(['approve:proposal#1:met'])
    expect(act(large, OFF, 'START_RESPONSE')).toBe(true)
  })
})

describe('saws-2014 v8: a proposal at 重大 after the 批示 and before any meeting', () => {
  it('lowered to 较大 before the meeting: the leader approves it (version 7 read the earlier 批示 as approval)', () => {
    const walkTo = (p: PlanDefinition) => {
      const w = open(p, 'major', 'suggestion')
      expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
      expect(act(w, MON, 'ACTIVATE_PLAN')).toBe(true)
      expect(act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '专报' })).toBe(
        true,
      )
      expect(act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥处' })).toBe(true)
      expect(act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '回应' })).toBe(true)
      expect(act(w, OFF, 'CONVENE')).toBe(true)
      expect(act(w, UNIT, 'PROPOSE', { category: 'suggestion', proposal: '跟帖答复' })).toBe(true)
      regrade(w, 'large', '回落')
      return w
    }
    const w = walkTo(plan)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
    expect(statuses(walkTo(planV7), R.approveProposal)).toEqual([])
  })
})
