/**
 * saws-2014 7 → 8 (diff review finding 2): a 定性 changed on version 7 while the incident was
 * below 重大, since the latest response meeting, owes that meeting again at the next rise
 * (五(三)3 根据舆情反映的事件性质…拟定应对方案) as version 8 would have remembered it (kit
 * `again.categoryChanged: 'untilAdmitted'`): the migration keeps it in the ledger mark below 重大,
 * and at 重大以上 begins the meeting at the migration. Version 7 kept no memory of it.
 */
import { describe, expect, it } from 'vitest'
import { planV8 as plan, planV7 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  act,
  consulted,
  LEAD,
  MON,
  majorDuties,
  migrated,
  OFF,
  PHONE,
  regrade,
  respond,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

/** On version 7: 重大 answered after both 批示 and the meeting, lowered to 较大. */
function loweredOnV7() {
  const w = toResponse(planV7, 'major', 'suggestion')
  respond(w)
  regrade(w, 'large', '回落')
  return w
}

describe('saws-2014 7 → 8: a 定性 changed on version 7 below 重大 owes the meeting at the next rise', () => {
  it('changed and approved at 较大, migrated, risen: the meeting is owed and holds the takedown', () => {
    const w = loweredOnV7()
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    const m = migrated(planV7, plan, w)
    expect(m.context().ledger.pending).toEqual([R.meeting])
    expect(m.act(OFF, 'SET_SEVERITY', { severity: 'major', reason: '再度扩散' })).toBe(true)
    expect(m.statuses(R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(m.act(MON, 'REPORT', PHONE)).toBe(true)
    expect(m.act(OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
    expect(m.act(LEAD, 'HOLD_MEETING', { plan: '辟谣方案' })).toBe(true)
    expect(m.act(OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })

  it('changed at 较大 and already risen on version 7 (which owed no meeting): the migration begins it', () => {
    const w = loweredOnV7()
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
    const m = migrated(planV7, plan, w)
    expect(m.statuses(R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(m.context().obligations.find((o) => o.id === 'meeting#2')?.startedAt).toBe(m.at)
    expect(m.act(OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
    expect(m.act(LEAD, 'HOLD_MEETING', { plan: '辟谣方案' })).toBe(true)
    expect(m.act(OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })

  it('a change at 重大 whose meeting a lowering withdrew: kept at 较大, owed at the rise', () => {
    const w = toResponse(planV7, 'major', 'suggestion')
    respond(w)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    regrade(w, 'large', '回落')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:withdrawn'])
    const m = migrated(planV7, plan, w)
    expect(m.context().ledger.pending).toEqual([R.meeting])
    expect(m.act(OFF, 'SET_SEVERITY', { severity: 'critical', reason: '激增' })).toBe(true)
    expect(m.statuses(R.meeting)).toEqual(['meeting#1:met', 'meeting#2:withdrawn', 'meeting#3:owed'])
  })

  it('a unit’s PROPOSE changing the 定性 at 较大 counts; one keeping it does not', () => {
    const proposedOnV7 = (category: 'rumor' | 'suggestion') => {
      const w = consulted(planV7, 'major', 'suggestion')
      regrade(w, 'large', '回落')
      expect(act(w, UNIT, 'PROPOSE', { category, proposal: '应对意见' })).toBe(true)
      return migrated(planV7, plan, w)
    }
    expect(proposedOnV7('rumor').context().ledger.pending).toEqual([R.meeting])
    // The 定性 in force on the record (proposed at 较大 before the rise): a proposal keeping it is no change.
    const w = consulted(planV7, 'large', 'suggestion')
    regrade(w, 'major', '扩散')
    majorDuties(w)
    regrade(w, 'large', '回落')
    expect(act(w, UNIT, 'PROPOSE', { category: 'suggestion', proposal: '维持' })).toBe(true)
    expect(migrated(planV7, plan, w).context().ledger.pending).toBeUndefined()
  })

  it('controls: lowered with no change, or changed at 重大 and the meeting held again: nothing kept', () => {
    const idle = migrated(planV7, plan, loweredOnV7())
    expect(idle.context().ledger.pending).toBeUndefined()
    expect(idle.act(OFF, 'SET_SEVERITY', { severity: 'major', reason: '再度扩散' })).toBe(true)
    expect(idle.statuses(R.meeting)).toEqual(['meeting#1:met'])
    const w = toResponse(planV7, 'major', 'suggestion')
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    expect(act(w, LEAD, 'HOLD_MEETING', { plan: '辟谣方案' })).toBe(true)
    regrade(w, 'large', '回落')
    const held = migrated(planV7, plan, w)
    expect(held.context().ledger.pending).toBeUndefined()
    expect(held.act(OFF, 'SET_SEVERITY', { severity: 'major', reason: '再度扩散' })).toBe(true)
    expect(held.statuses(R.meeting)).toEqual(['meeting#1:met', 'meeting#2:met'])
  })
})
