/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: the monitor's report to 人事司(宣教办)
 * by grade (五(一)1–3, 五(二)), what a rise or a lowering owes of it, who reports and who grades;
 * and the report to 总值班室 of an accident (五(一)4). Version 2 where a test names `planV2`.
 */
import { describe, expect, it } from 'vitest'
import { planV2, planV3 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { addMinutes, startIncident, T0 } from '../helpers/machine.js'
import {
  actCurrent as act,
  can,
  FACTS,
  MON,
  OFF,
  obligations,
  one,
  openCurrent as open,
  owedRules,
  report,
  spec,
  valid,
} from './saws-2014.helpers.js'

describe('saws-2014 reports to 人事司(宣教办) (五(一)1–3, 五(二))', () => {
  it('general: the monitor owes a report (舆情动态) to 人事司 within 24 h (policy)', () => {
    const w = open('general')
    expect(one(w, R.reportGeneral)).toMatchObject({
      status: 'owed',
      dueAt: addMinutes(T0, 24 * 60),
      recipient: { code: 'office' },
      owedBy: ['monitor'],
      clause: '五(一)1、五(二)',
      deadline: 'report',
    })
    act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })
    expect(one(w, R.reportGeneral).status).toBe('met')
  })

  it('large: owes a report to 人事司 within 2 h (policy for 及时), any channel', () => {
    const w = open('large')
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 120) })
    act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })
    expect(one(w, R.reportLarge).status).toBe('met')
  })

  it.each(['major', 'critical'] as const)(
    '%s: owes a phone report within 30 min; a written one does not do',
    (g) => {
      const w = open(g)
      expect(one(w, R.reportMajor)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 30) })
      act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })
      expect(one(w, R.reportMajor).status).toBe('owed')
      act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' }, addMinutes(T0, 20))
      expect(one(w, R.reportMajor)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 20) })
    },
  )

  it('a breach is permanent: a late report is late, with one escalation owed', () => {
    const w = open('major')
    w.fire(R.reportMajor)
    expect(one(w, R.reportMajor).breachedAt).toBe(addMinutes(T0, 30))
    expect(owedRules(w)).toContain('escalate')
    act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' })
    expect(one(w, R.reportMajor)).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 30) })
    act(w, OFF, 'ESCALATE', { to: ['分管领导'] })
    expect(one(w, 'escalate').status).toBe('met')
  })

  it('a rise keeps owed due times and adds the new grade’s report from the rise', () => {
    const w = open('general')
    const riseAt = addMinutes(T0, 25)
    act(w, MON, 'METRICS_UPDATED', { facts: { sites: 2, clicksPerDay: 10_001 } }, riseAt)
    expect(w.context().severity).toBe('major')
    expect(one(w, R.reportGeneral)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 24 * 60) })
    expect(one(w, R.reportMajor)).toMatchObject({
      status: 'owed',
      startedAt: riseAt,
      dueAt: addMinutes(riseAt, 30),
    })
  })

  it('a rise owes a new report though 人事司 already had one of the lower grade (五(二))', () => {
    const w = open('general')
    report(w)
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 101 } })
    expect(one(w, R.reportLarge).status).toBe('owed')
  })

  it('重大 → 特别重大 owes another phone report (续报, 五(二))', () => {
    const w = open('major')
    report(w)
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 501 } })
    expect(obligations(w, R.reportMajor).map((o) => o.status)).toEqual(['met', 'owed'])
  })

  it('a lowering withdraws only what is not yet due, keeps met ones met and invents no breach', () => {
    // Met stays met; the meeting (no due time) is withdrawn; no breach anywhere.
    const w = open('major')
    report(w, addMinutes(T0, 5))
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转发多为机器人' }, addMinutes(T0, 60))
    expect(one(w, R.reportMajor).status).toBe('met')
    expect(one(w, R.meeting)).toMatchObject({ status: 'withdrawn', withdrawn: { by: OFF } })
    // 人事司 was told of 重大 by phone: the 较大 report is met by it (rule 6), not owed anew.
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 5) })
    expect(() => w.fire(R.reportLarge)).toThrow()
    expect(w.context().obligations.every((o) => o.breachedAt === null)).toBe(true)
    // Lowered on to 一般: the bulletin report too is met by the phone report.
    act(w, OFF, 'SET_SEVERITY', { severity: 'general', reason: '热度回落' }, addMinutes(T0, 90))
    expect(one(w, R.reportGeneral)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 5) })
    expect(w.owed().map((o) => o.rule)).not.toContain(R.reportGeneral)
    // A report not yet due is withdrawn; a breached one stays owed and breached.
    const early = open('major')
    act(early, OFF, 'SET_SEVERITY', { severity: 'large', reason: '误判' }, addMinutes(T0, 20))
    expect(one(early, R.reportMajor).status).toBe('withdrawn')
    const late = open('major')
    late.fire(R.reportMajor)
    act(late, OFF, 'SET_SEVERITY', { severity: 'large', reason: '误判' })
    expect(one(late, R.reportMajor)).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
  })

  it('a lowering owes a new report when 人事司 was told nothing at the higher grade', () => {
    const w = open('major')
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '误判' }, addMinutes(T0, 20))
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 140) })
  })

  it('version 2, kept for the incidents opened on it, still owed a new report after a lowering', () => {
    const w = startIncident(planV2, { category: 'suggestion', facts: FACTS.major }, MON)
    report(w, addMinutes(T0, 5))
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转发多为机器人' }, addMinutes(T0, 60))
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 180) })
    expect(planV3).toMatchObject({ version: 3, migratesFrom: { from: 2 } })
  })

  it('lowering back never re-creates a met report', () => {
    const w = open('general')
    report(w)
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转载上升' })
    report(w)
    act(w, OFF, 'SET_SEVERITY', { severity: 'general', reason: '回落' })
    expect(obligations(w, R.reportGeneral).map((o) => o.status)).toEqual(['met'])
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })

  it('the report is the monitor’s own: only 舆情处 reports, only 人事司 receives (offices act for themselves)', () => {
    expect(spec('REPORT').roles).toEqual(['monitor'])
    expect(valid('REPORT', { to: ['leader'], channel: 'phone' })).toBe(false)
    expect(spec('SUBMIT_SPECIAL_REPORT').roles).toEqual(['office'])
    expect(spec('PRINCIPAL_INSTRUCT').roles).toEqual(['principal'])
    expect(spec('LEADER_INSTRUCT').roles).toEqual(['leader'])
  })

  it('a monitor cannot set or lower a grade by hand; 人事司 and the leaders can, with a reason', () => {
    expect(spec('SET_SEVERITY').roles).not.toContain('monitor')
    expect(spec('SET_SEVERITY').roles).toEqual(expect.arrayContaining(['office', 'leader', 'principal']))
    expect(valid('SET_SEVERITY', { severity: 'large' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'minor', reason: 'x' })).toBe(false)
  })
})

describe('saws-2014 总值班室 (五(一)4)', () => {
  it('an accident of 较大 or worse noted on the incident owes the duty room within 30 min, at any grade', () => {
    const w = open('general')
    expect(obligations(w, R.dutyRoom)).toEqual([])
    expect(can(w, 'NOTIFY_DUTY_ROOM')).toBe(false)
    expect(valid('NOTE_ACCIDENT', { grade: 'general', accident: '一般事故' })).toBe(false)
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'large', accident: '某煤矿透水事故' }, addMinutes(T0, 10))
    expect(one(w, R.dutyRoom)).toMatchObject({
      status: 'owed',
      dueAt: addMinutes(T0, 40),
      recipient: { code: 'dutyRoom' },
    })
    act(w, MON, 'NOTIFY_DUTY_ROOM')
    expect(one(w, R.dutyRoom).status).toBe('met')
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'major', accident: '另一起事故' })
    expect(obligations(w, R.dutyRoom).map((o) => o.status)).toEqual(['met', 'owed'])
  })
})
