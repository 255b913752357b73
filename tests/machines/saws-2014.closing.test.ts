/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: follow-up, closing and waivers (六,
 * OBLIGATIONS.md rule 2), the tracking, guidance, talking and summary, no close while anything is
 * owed, who may waive, a rise during review and a relapse.
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  actCurrent as act,
  can,
  LEAD,
  MON,
  majorDutiesCurrent as majorDuties,
  OFF,
  obligations,
  one,
  openCurrent as open,
  owedRules,
  route,
  spec,
  toResponseCurrent as toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 follow-up, closing and waivers (六, OBLIGATIONS.md rule 2)', () => {
  it('六(一)–(四): tracking, guidance, talking and the summary are owed after the aftercare', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'SUBSIDE')
    act(w, UNIT, 'CONTACT_POSTER')
    act(w, OFF, 'DISPOSAL_DONE')
    expect(owedRules(w).sort()).toEqual([R.guide, R.review, R.track, R.talk].sort())
    expect(can(w, 'SUMMARISE', { summary: '总结' })).toBe(false)
  })

  it('closing is refused while anything is owed; nothing owed is cancelled at close', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'large', accident: '事故' })
    act(w, MON, 'SUBSIDE')
    act(w, UNIT, 'CONTACT_POSTER')
    act(w, OFF, 'DISPOSAL_DONE')
    act(w, MON, 'TRACK')
    act(w, OFF, 'GUIDE')
    act(w, UNIT, 'KEEP_TALKING')
    expect(can(w, 'SUMMARISE', { summary: '总结' })).toBe(false)
    w.fire(R.dutyRoom)
    act(w, MON, 'NOTIFY_DUTY_ROOM')
    expect(can(w, 'SUMMARISE', { summary: '总结' })).toBe(false)
    act(w, OFF, 'ESCALATE', { to: ['分管领导'] })
    act(w, OFF, 'SUMMARISE', { summary: '总结' })
    expect(w.phase()).toBe('closed')
    expect(one(w, R.dutyRoom)).toMatchObject({ status: 'late' })
    expect(w.context().obligations.every((o) => o.status !== 'owed')).toBe(true)
  })

  it('only the leader in charge or the principal may waive; a waived breach stays breached', () => {
    expect([...spec('WAIVE').roles].sort()).toEqual(['leader', 'principal'])
    expect(plan.waivers.roles).toEqual(['leader', 'principal'])
    const w = open('general')
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'large', accident: '事故' })
    w.fire(R.dutyRoom)
    const id = one(w, R.dutyRoom).id
    act(w, LEAD, 'WAIVE', { obligation: id, reason: '总值班室已从其他渠道获悉' })
    expect(one(w, R.dutyRoom)).toMatchObject({ status: 'waived', waived: { by: LEAD } })
    expect(one(w, R.dutyRoom).breachedAt).not.toBeNull()
  })

  it('a rise during review is reported and authorised there, without going back to the response', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'SUBSIDE')
    act(w, UNIT, 'CONTACT_POSTER')
    act(w, OFF, 'DISPOSAL_DONE')
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 301 } })
    expect(w.phase()).toBe('review')
    majorDuties(w)
    expect(w.phase()).toBe('review')
    act(w, MON, 'TRACK')
    act(w, OFF, 'GUIDE')
    act(w, UNIT, 'KEEP_TALKING')
    act(w, OFF, 'SUMMARISE', { summary: '总结' })
    expect(w.phase()).toBe('closed')
  })

  it('a relapse owes a new report of the grade and a new answer (六(一)、六(二))', () => {
    const w = toResponse(open('large'))
    route(w)
    act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
    act(w, MON, 'SUBSIDE')
    act(w, OFF, 'RELAPSE', { reason: '再次发酵' })
    expect(w.phase()).toBe('response')
    expect(obligations(w, R.reportLarge).map((o) => o.status)).toEqual(['met', 'owed'])
    expect(obligations(w, R.answer).map((o) => o.status)).toEqual(['met', 'owed'])
  })
})
