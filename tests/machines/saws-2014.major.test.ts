/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: 重大以上 (五(一)3, 五(三)3), the
 * activation, the special report through 人事司 (逐级), both 批示, the meeting, other units decided
 * on the record, and all of it owed again at a rise during the response.
 */
import { describe, expect, it } from 'vitest'
import { R } from '../../machines/saws-2014/rules.js'
import {
  actCurrent as act,
  approvedDraft,
  can,
  LEAD,
  MON,
  OFF,
  obligations,
  one,
  openCurrent as open,
  owedRules,
  PRIN,
  report,
  respondCurrent as respond,
  toResponseCurrent as toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 重大以上 (五(一)3, 五(三)3)', () => {
  it('owes activation, the special report to both leaders, both 批示 and the meeting before the response', () => {
    const w = open('major')
    report(w)
    expect(owedRules(w)).toEqual(
      expect.arrayContaining([R.activate, R.specialPrincipal, R.specialLeader, R.meeting, R.decideUnits]),
    )
    expect(can(w, 'CONVENE')).toBe(false)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, OFF, 'CONVENE')
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })
    expect(one(w, R.specialPrincipal).status).toBe('met')
    expect(one(w, R.specialLeader).status).toBe('owed')
    expect(one(w, R.instructPrincipal).status).toBe('owed')
    expect(obligations(w, R.instructLeader)).toEqual([])
    expect(can(w, 'LEADER_INSTRUCT', { instruction: '阅' })).toBe(false)
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['leader'], content: '专报' })
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
    act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '抓紧回应' })
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
    expect(can(w, 'START_RESPONSE')).toBe(true)
  })

  it('逐级: the special report goes through 人事司 only once 人事司 has the phone report', () => {
    const w = open('critical')
    act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })
    expect(obligations(w, R.specialPrincipal)).toEqual([])
    expect(can(w, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })).toBe(false)
    act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' })
    expect(can(w, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })).toBe(true)
  })

  it('whether other units are needed is decided on the record; yes owes notifying them', () => {
    const w = open('major')
    const d = one(w, R.decideUnits)
    expect(d).toMatchObject({ kind: 'decision', owedBy: ['office'] })
    expect(can(w, 'NOTIFY_UNITS', { units: ['安全监管一司'] })).toBe(false)
    act(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'yes', reason: '需安监一司配合' })
    expect(one(w, R.decideUnits).decision).toMatchObject({ answer: 'yes', by: OFF })
    expect(one(w, R.notifyUnits).status).toBe('owed')
    act(w, OFF, 'NOTIFY_UNITS', { units: ['安全监管一司'] })
    expect(one(w, R.notifyUnits).status).toBe('met')
    const no = open('major')
    act(no, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '无需配合' })
    expect(one(no, R.decideUnits).decision).toMatchObject({ answer: 'no', reason: '无需配合' })
    expect(obligations(no, R.notifyUnits)).toEqual([])
  })

  it('a rise to 重大 during the response owes the phone report, activation, special report, both 批示 and the meeting before the next public step', () => {
    const w = toResponse(open('large', { category: 'criticism' }))
    respond(w)
    act(w, UNIT, 'SOLVE_PROBLEM')
    const result = approvedDraft(w, 'result')
    expect(can(w, 'PUBLISH_RESULT', { draftId: result })).toBe(true)
    act(w, OFF, 'SET_SEVERITY', { severity: 'major', reason: '转载激增' })
    expect(w.phase()).toBe('response')
    const blocked = () => can(w, 'PUBLISH_RESULT', { draftId: result })
    expect(blocked()).toBe(false)
    report(w)
    expect(blocked()).toBe(false)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '专报' })
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '同意' })
    expect(blocked()).toBe(false)
    act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '同意' })
    expect(blocked()).toBe(false)
    act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
    expect(blocked()).toBe(true)
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: result })
    expect(one(w, R.result).status).toBe('met')
  })
})
