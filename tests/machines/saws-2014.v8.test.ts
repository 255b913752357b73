/**
 * 安全生产网络舆情应对预案 (saws-2014) version 8: a 定性 changed while the incident was below 重大
 * owes the response meeting at the next rise (五(三)3 根据舆情反映的事件性质…拟定应对方案). Version 7
 * (frozen) owed the meeting again only for a change made at 重大以上 (kit `again.categoryChanged`
 * asks only the rules the grade admits): the meeting held before the lowering counted at the rise,
 * though it planned for a 定性 since replaced.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV8 as plan, planV7 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import {
  act,
  consulted,
  LEAD,
  MON,
  migrate,
  OFF,
  PHONE,
  regrade,
  respond,
  rolesOf,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

/** 重大 answered after both 批示 and the meeting, then lowered to 较大 (the meeting stays met). */
function lowered(p: PlanDefinition) {
  const w = toResponse(p, 'major', 'suggestion')
  respond(w)
  regrade(w, 'large', '回落')
  expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
  return w
}

describe('saws-2014 v8, 五(三)3 根据…事件性质: a 定性 changed at 较大 owes the meeting at a rise to 重大', () => {
  it('changed and approved at 较大, risen: the meeting is owed again and holds the next public step', () => {
    const changedThenRisen = (p: PlanDefinition) => {
      const w = lowered(p)
      expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
      expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
      regrade(w, 'major', '再度扩散')
      return w
    }
    const w = changedThenRisen(plan)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    // Version 7 (frozen): the meeting held for the old 定性 counts.
    expect(statuses(changedThenRisen(planV7), R.meeting)).toEqual(['meeting#1:met'])
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
    expect(act(w, LEAD, 'HOLD_MEETING', { plan: '辟谣方案' })).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })

  it('changed at 较大 and risen before the approval: the meeting replaces the approval', () => {
    const w = lowered(plan)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:withdrawn'])
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
  })

  it('changed at 重大, lowered before the meeting, approved at 较大, risen: owed again', () => {
    const w = toResponse(plan, 'major', 'suggestion')
    respond(w)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    regrade(w, 'large', '回落')
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    regrade(w, 'critical', '激增')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:withdrawn', 'meeting#3:owed'])
  })

  it('a unit’s PROPOSE that changes the 定性 in the consultation at 较大 counts too', () => {
    const w = consulted(plan, 'major', 'suggestion')
    regrade(w, 'large', '回落')
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
  })

  it('risen with the 定性 unchanged, the meeting held before counts (control: rule 6)', () => {
    const w = lowered(plan)
    regrade(w, 'major', '再度扩散')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })

  it('the first 定性 at 较大 after the meeting is the meeting’s own: the rise owes none (as at 重大)', () => {
    const w = consulted(plan, 'major', null)
    regrade(w, 'large', '回落')
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
  })

  it('the change kept is not compared with the 定性 the meeting saw: changed and changed back, the rise owes it (waivable)', () => {
    const w = lowered(plan)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'suggestion' })).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(act(w, LEAD, 'WAIVE', { obligation: 'meeting#2', reason: '定性与应对会所见相同' })).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:waived'])
  })

  it('a change at 较大 answered by a meeting already owes nothing more at a second rise', () => {
    const w = lowered(plan)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(act(w, LEAD, 'HOLD_MEETING', { plan: '辟谣方案' })).toBe(true)
    regrade(w, 'critical', '激增')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:met'])
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })
})

describe('saws-2014 version 8', () => {
  it('GET /plans shows the meeting owed again on a change below its grades; version 7 shows a change only', () => {
    const meeting = (p: PlanDefinition) =>
      describeObligations(p).obligations.find((o) => o.id === R.meeting)?.again
    expect(meeting(plan)).toMatchObject({ categoryChanged: 'untilAdmitted', whileOwed: false })
    expect(meeting(planV7)).toMatchObject({ categoryChanged: true, whileOwed: false })
  })

  it('migrates from version 7 (same states), which stays registered; an incident owes after it what it owed before', () => {
    expect(plan).toMatchObject({ version: 8, migratesFrom: { from: 7 } })
    expect(planV7).toMatchObject({ version: 7, migratesFrom: { from: 6 } })
    const w = toResponse(planV7, 'major', 'suggestion')
    respond(w)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    const before = w.context().obligations.map((o) => `${o.id}:${o.status}`)
    expect(before).toContain('meeting#2:owed')
    const after = migrate(planV7, plan, w).obligations.map((o) => `${o.id}:${o.status}`)
    expect(after).toEqual(before)
  })
})

describe('saws-2014 README, readings kept: who re-characterises (五(三)1; from version 7, unchanged in 8)', () => {
  it('a unit may propose another 定性 in the consultation; once the response started, only 人事司', () => {
    const w = consulted(plan, 'general', 'suggestion')
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(true)
    expect(w.context().category).toBe('rumor')
    expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
    expect(act(w, UNIT, 'PROPOSE', { category: 'inquiry', proposal: '再改' })).toBe(false)
    expect(rolesOf(plan, 'SET_CATEGORY')).toEqual(['office'])
  })
})
