/**
 * 安全生产网络舆情应对预案 (saws-2014) version 7: the findings of the review of version 6
 * (reports, 定性, the 批示 before the route steps), each test naming its clause and the
 * review's finding. Each fails on version 6, which (frozen) keeps the old behaviour for the
 * incidents opened on it: one assertion per finding shows it.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV6, planV7 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  act,
  FACTS,
  LEAD,
  MON,
  majorDuties,
  migrate,
  OFF,
  open,
  owedRules,
  PHONE,
  POST,
  regrade,
  respond,
  rolesOf,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 v7 (finding 1), 五(二) and rule 5: a relapse reported no longer keeps the 续报 owed', () => {
  const relapsedThenLowered = (p: PlanDefinition) => {
    const w = toResponse(p, 'major')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    expect(statuses(w, R.reportMajor).at(-1)).toBe('report:office:major#2:owed')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    regrade(w, 'critical', '扩散')
    regrade(w, 'major', '误判')
    return w
  }

  it('重大, relapse reported by phone, 特别重大 then 重大 again: the 续报 of 特别重大 is withdrawn', () => {
    const w = relapsedThenLowered(planV7)
    expect(statuses(w, R.reportMajor)).toEqual([
      'report:office:major#1:met',
      'report:office:major#2:met',
      'report:office:major#3:withdrawn',
    ])
    expect(() => w.fire('report:office:major#3')).toThrow(/no owed obligation/)
    // Version 6 (frozen): owed for the rest of the incident, it breaches and owes an escalation.
    const v6 = relapsedThenLowered(planV6)
    expect(statuses(v6, R.reportMajor).at(-1)).toBe('report:office:major#3:owed')
  })

  it('a relapse not yet reported keeps the report owed across a rise and a lowering (control)', () => {
    const w = toResponse(planV7, 'major')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    regrade(w, 'critical', '扩散')
    regrade(w, 'major', '误判')
    expect(statuses(w, R.reportMajor)).toEqual([
      'report:office:major#1:met',
      'report:office:major#2:owed',
      'report:office:major#3:owed',
    ])
  })
})

describe('saws-2014 v7 (finding 7), rule 2 and rule 5: a waived 重大 phone report is not owed again by a round trip', () => {
  const roundTrip = (p: PlanDefinition) => {
    const w = open(p, 'major')
    const id = w.owed().find((o) => o.rule === R.reportMajor)?.id as string
    expect(act(w, LEAD, 'WAIVE', { obligation: id, reason: '人事司已当面知悉' })).toBe(true)
    regrade(w, 'critical', '扩散')
    expect(statuses(w, R.reportMajor).at(-1)).toBe('report:office:major#2:owed')
    regrade(w, 'major', '误判')
    return w
  }

  it('waived at 重大, risen to 特别重大 and lowered before the 续报 was due: withdrawn', () => {
    expect(statuses(roundTrip(planV7), R.reportMajor)).toEqual([
      'report:office:major#1:waived',
      'report:office:major#2:withdrawn',
    ])
    expect(statuses(roundTrip(planV6), R.reportMajor).at(-1)).toBe('report:office:major#2:owed')
  })

  it('a waiver of the 续报 of 特别重大 does not withdraw the report of 重大 still owed (walk A: nobody told 人事司)', () => {
    const waivedLater = (p: PlanDefinition) => {
      const w = open(p, 'major')
      regrade(w, 'critical', '扩散')
      const id = w
        .owed()
        .filter((o) => o.rule === R.reportMajor)
        .at(-1)?.id as string
      expect(id).toBe('report:office:major#2')
      expect(act(w, LEAD, 'WAIVE', { obligation: id, reason: '领导已知悉特别重大' })).toBe(true)
      regrade(w, 'major', '误判')
      return w
    }
    const w = waivedLater(planV7)
    expect(statuses(w, R.reportMajor)).toEqual(['report:office:major#1:owed', 'report:office:major#2:waived'])
    expect(w.context().acts.filter((a) => a.type === 'REPORT')).toEqual([])
    expect(statuses(waivedLater(planV6), R.reportMajor)[0]).toBe('report:office:major#1:owed')
  })

  it('a waiver of the 续报 after a relapse does not withdraw the relapse report still owed (walk B)', () => {
    const w = toResponse(planV7, 'major')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    regrade(w, 'critical', '扩散')
    const id = w
      .owed()
      .filter((o) => o.rule === R.reportMajor)
      .at(-1)?.id as string
    expect(id).toBe('report:office:major#3')
    expect(act(w, LEAD, 'WAIVE', { obligation: id, reason: '领导已知悉' })).toBe(true)
    regrade(w, 'major', '误判')
    expect(statuses(w, R.reportMajor)).toEqual([
      'report:office:major#1:met',
      'report:office:major#2:owed',
      'report:office:major#3:waived',
    ])
  })

  it('a waiver of another rule (the 较大 written report) is not a waiver of the 重大 report (control)', () => {
    const w = open(planV7, 'large')
    const id = w.owed().find((o) => o.rule === R.reportLarge)?.id as string
    expect(act(w, LEAD, 'WAIVE', { obligation: id, reason: '已当面知悉' })).toBe(true)
    regrade(w, 'major', '扩散')
    expect(statuses(w, R.reportMajor)).toEqual(['report:office:major#1:owed'])
  })
})

describe('saws-2014 v7 (finding 2), 五(一)2 作出定性…报总局分管领导批准后实施: a 定性 changed after approval is approved again', () => {
  it('较大, after APPROVE_PROPOSAL: a unit’s PROPOSE outside the consultation is refused', () => {
    const w = toResponse(planV7, 'large', 'suggestion')
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(false)
    expect(w.context().category).toBe('suggestion')
    expect(
      act(toResponse(planV6, 'large', 'suggestion'), UNIT, 'PROPOSE', { category: 'rumor', proposal: 'x' }),
    ).toBe(true)
  })

  it('较大: 人事司’s SET_CATEGORY after approval owes the leader’s approval again before the measures', () => {
    const w = toResponse(planV7, 'large', 'suggestion')
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:met', 'approve:proposal#2:owed'])
    expect(act(w, OFF, 'MOBILISE_COMMENTATORS')).toBe(false)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    expect(act(w, OFF, 'MOBILISE_COMMENTATORS')).toBe(true)
    const v6 = toResponse(planV6, 'large', 'suggestion')
    expect(act(v6, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(statuses(v6, R.approveProposal)).toEqual(['approve:proposal#1:met'])
  })

  it('a SET_CATEGORY that changes nothing is refused (it would owe the approval again for nothing)', () => {
    const w = toResponse(planV7, 'large', 'suggestion')
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'suggestion' })).toBe(false)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:met'])
  })

  it('重大, after both 批示 and the meeting: a new 定性 owes the meeting again (五(三)3 根据…事件性质) before publishing', () => {
    const w = toResponse(planV7, 'major', 'suggestion')
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(false)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(act(w, UNIT, 'DRAFT', { content: '辟谣稿', purpose: 'answer' })).toBe(true)
    expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'pressRelease' })).toBe(false)
    expect(act(w, LEAD, 'HOLD_MEETING', { plan: '辟谣方案' })).toBe(true)
    expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'pressRelease' })).toBe(true)
  })

  it('PROPOSE in review is refused; only 人事司 sets the category (三: 人事司 organises, 舆情处 collects)', () => {
    const w = toResponse(planV7, 'general', 'inquiry')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
    expect(act(w, UNIT, 'PROPOSE', { category: 'tip_off', proposal: 'x' })).toBe(false)
    expect(rolesOf(planV7, 'SET_CATEGORY')).toEqual(['office'])
    expect(rolesOf(planV6, 'SET_CATEGORY')).toEqual(['monitor', 'office'])
  })

  it('the proposal still owed (lowered 重大 → 较大 before the meeting) is made outside the consultation (control)', () => {
    const w = open(planV7, 'major')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    regrade(w, 'large', '回落')
    expect(owedRules(w)).toContain(R.propose)
    expect(act(w, UNIT, 'PROPOSE', { category: 'inquiry', proposal: '答复' })).toBe(true)
  })
})

describe('saws-2014 v7 (finding 8), 五(一)3 批示后组织开展应对工作: solving and investigating wait for the 批示', () => {
  const STEP = { criticism: ['SOLVE_PROBLEM', {}], tip_off: ['INVESTIGATE', { findings: '查处' }] } as const
  it.each(['criticism', 'tip_off'] as const)('the %s route, risen to 重大 in the response', (category) => {
    const [type, fields] = STEP[category]
    const risen = (p: PlanDefinition) => {
      const w = toResponse(p, 'general', category)
      respond(w)
      expect(act(w, MON, 'METRICS_UPDATED', { facts: FACTS.major })).toBe(true)
      return w
    }
    const w = risen(planV7)
    expect(act(w, UNIT, type, fields)).toBe(false)
    majorDuties(w)
    expect(act(w, UNIT, type, fields)).toBe(true)
    expect(act(risen(planV6), UNIT, type, fields)).toBe(true)
  })

  it('in disposal, a category set late after a rise there', () => {
    const late = (p: PlanDefinition) => {
      const w = toResponse(p, 'general', 'inquiry')
      respond(w)
      expect(act(w, MON, 'SUBSIDE')).toBe(true)
      regrade(w, 'major', '激增')
      expect(act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })).toBe(true)
      return w
    }
    const w = late(planV7)
    expect(act(w, UNIT, 'SOLVE_PROBLEM')).toBe(false)
    majorDuties(w)
    expect(act(w, UNIT, 'SOLVE_PROBLEM')).toBe(true)
    expect(act(late(planV6), UNIT, 'SOLVE_PROBLEM')).toBe(true)
  })
})

describe('saws-2014 version 7', () => {
  it('migrates from version 6 (same states), which stays registered; the 续报 a reported relapse left owed is withdrawn', () => {
    expect(planV7).toMatchObject({ version: 7, migratesFrom: { from: 6 } })
    expect(planV6).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    const w = toResponse(planV6, 'major')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    regrade(w, 'critical', '扩散')
    regrade(w, 'major', '误判')
    const context = migrate(planV6, planV7, w)
    const migrated = context.obligations.filter((o) => o.rule === R.reportMajor).map((o) => o.status)
    expect(migrated).toEqual(['met', 'met', 'withdrawn'])
  })
})
