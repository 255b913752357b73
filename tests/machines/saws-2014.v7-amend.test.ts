/**
 * saws-2014 version 7 (unreleased, amended): the diff review of version 7 (its finding
 * numbers). A 定性 changed after a lowering to 较大 owes the leader's approval (2); only a
 * change of a category that was set owes the meeting again (3); a migration from 6 does not ask
 * whether a statement already published defames (4); who owes the answer may send it (5).
 */
import { describe, expect, it } from 'vitest'
import { planV6, planV7 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Walker } from '../helpers/machine.js'
import {
  act,
  consulted,
  HEAD,
  LEAD,
  LEGAL,
  MON,
  migrate,
  OFF,
  owedRules,
  regrade,
  respond,
  rolesOf,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 v7 (diff review 2), 五(一)2 作出定性…报总局分管领导批准后实施: after a lowering to 较大', () => {
  const lowered = () => {
    const w = toResponse(planV7, 'major', 'suggestion')
    respond(w)
    regrade(w, 'large', '回落')
    expect(statuses(w, R.approveProposal)).toEqual([])
    return w
  }

  it('a new 定性 at 较大, after the 批示 and the meeting, owes the leader’s approval before the measures', () => {
    const w = lowered()
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'MOBILISE_COMMENTATORS')).toBe(false)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })

  it('a new 定性 at 重大 whose meeting was not yet held, then lowered: the approval replaces the meeting', () => {
    const w = toResponse(planV7, 'major', 'suggestion')
    respond(w)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    regrade(w, 'large', '回落')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:withdrawn'])
    expect(statuses(w, R.approveProposal)).toEqual(['approve:proposal#1:owed'])
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
  })

  it('lowered with the 定性 unchanged, nothing is approved again (control: the 批示 authorised it)', () => {
    const w = lowered()
    expect(act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 150 } })).toBe(true)
    expect(statuses(w, R.approveProposal)).toEqual([])
  })
})

describe('saws-2014 v7 (diff review 3), 五(三)3 根据…事件性质: only a changed 定性 owes the meeting again', () => {
  /** 重大, reported, convened, 五(一)3 done to the meeting (category as opened). */
  const met = (category: 'suggestion' | null) => {
    const w = consulted(planV7, 'major', category)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
    return w
  }

  it('a PROPOSE with the same category after the meeting owes nothing', () => {
    const w = met('suggestion')
    expect(act(w, OFF, 'PROPOSE', { category: 'suggestion', proposal: '记录会议意见' })).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  })

  it.each(['PROPOSE', 'SET_CATEGORY'] as const)(
    'the first 定性 (%s) after the meeting owes nothing',
    (type) => {
      const w = met(null)
      const fields =
        type === 'PROPOSE' ? { category: 'rumor', proposal: '按会议方案辟谣' } : { category: 'rumor' }
      expect(act(w, OFF, type, fields)).toBe(true)
      expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
      expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
    },
  )

  it('a PROPOSE that changes the category after the meeting owes it again (control)', () => {
    const w = met('suggestion')
    expect(act(w, OFF, 'PROPOSE', { category: 'rumor', proposal: '改为辟谣' })).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
  })
})

describe('saws-2014 v7 (diff review 4): a migration from 6 asks nothing of a legal statement already published', () => {
  const migrated = (w: Walker) => migrate(planV6, planV7, w)

  it('a v6 rumor in review, its statement out: no decide:defames; decide:refer is owed (the README says so)', () => {
    const w = toResponse(planV6, 'general', 'rumor')
    respond(w)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, LEGAL, 'DRAFT', { content: '法律声明', purpose: 'statement' })).toBe(true)
    const draftId = w.context().drafts.at(-1)?.id as string
    expect(act(w, HEAD, 'APPROVE_ANSWER', { draftId })).toBe(true)
    expect(act(w, LEGAL, 'LEGAL_STATEMENT', { draftId })).toBe(true)
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
    const ctx = migrated(w)
    const owed = ctx.obligations.filter((o) => o.status === 'owed').map((o) => o.rule)
    expect(owed).not.toContain(R.decideDefames)
    expect(owed).toContain('decide:refer')
    expect(ctx.obligations.filter((o) => o.rule === R.legalRumor).map((o) => o.status)).toEqual(['met'])
  })

  it('a v7 rumor subsided with no statement yet still owes the decision (control)', () => {
    const w = toResponse(planV7, 'general', 'rumor')
    respond(w)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(owedRules(w)).toContain(R.decideDefames)
  })
})

describe('saws-2014 v7 (diff review 5 and 8), 三: whoever owes a duty may send what discharges it', () => {
  it('the answer is owed by the spokesperson and the units, who alone may RESPOND', () => {
    const answer = planV7.obligations.find((r) => r.id === R.answer)
    expect(answer?.owedBy).toEqual(rolesOf(planV7, 'RESPOND'))
    expect(answer?.owedBy).not.toContain('office')
  })

  it('the channels 三 assigns to no one are kept from 人事司 by a stated local policy (diff review 6)', () => {
    const meta = planV7.events.find((e) => e.type === 'RESPOND')?.meta
    expect(meta?.clause?.split('、')).toContain('三')
    expect(meta?.policy).toMatch(/本地政策/)
    expect(planV6.events.find((e) => e.type === 'RESPOND')?.meta.policy).toBeNull()
  })

  it('no rule of version 7 is owed by a role its discharge event refuses', () => {
    const mismatched = planV7.obligations.flatMap((r) => {
      const roles = rolesOf(planV7, r.discharge.type)
      return roles !== undefined && r.owedBy.some((x) => !roles.includes(x)) ? [r.id] : []
    })
    expect(mismatched).toEqual([])
  })
})
