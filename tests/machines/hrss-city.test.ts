/**
 * 舆情应急预案（市人社局）, the current version: grading by a person (三第一步, 四), the fast report
 * (三第三步) and the city's reports (四(二)). The rest of the current version's tests, one concern a
 * file: hrss-city.leads, .response, .v3-v4, .obligations, .random-walk.property and .plan-data.
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/hrss-city/index.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  CITY,
  discover,
  GRADES,
  GROUP,
  H,
  has,
  MONITOR,
  OFFICE,
  ob,
  open,
  owedRules,
  report,
  spec,
  toConsultation,
  toGuiding,
  took,
  UNIT,
  valid,
} from './hrss-city.walks.js'

describe('hrss-city: grading by a person (三第一步, 四)', () => {
  it('never computes a grade from facts, and labels the four grades in the text’s words', () => {
    expect(plan.hasCriteria).toBe(false)
    expect(plan.classify({ reposts: 10_000_000, foreignMedia: true }).severity).toBeNull()
    expect(plan.severities.map((s) => s.label)).toEqual(['影响较小', '一般', '重大或较大', '特别重大'])
  })

  it('refuses grades the plan does not have (较大 is folded into 重大或较大)', () => {
    expect(valid('CLASSIFY', { severity: 'large' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'large', reason: 'x' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'minor', reason: '影响面小' })).toBe(true)
  })

  it('records the source, then the grade; the 30-minute report need not wait for the grade', () => {
    const w = open()
    expect(w.value()).toMatchObject({ phase: { discovery: 'capturing' } })
    // Either may come first (三第一步 记录其出处并分类; version 12, hrss-city.v12.test.ts): version 11 refused CLASSIFY here.
    expect(w.can('CLASSIFY', { severity: 'general' }, MONITOR)).toBe(true)
    w.send('RECORD_SOURCE', { source: '微博' }, { actor: MONITOR })
    expect(w.value()).toMatchObject({ phase: { discovery: 'grading' } })
    report(w, ['group'], MONITOR, addMinutes(T0, 20))
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 20) })
    expect(w.phase()).toBe('discovery')
    w.send('CLASSIFY', { severity: 'general' }, { actor: MONITOR })
    expect(w.phase()).toBe('reporting')
  })

  it('a monitor cannot re-grade (lower) an incident; the office or the group can', () => {
    expect(spec('SET_SEVERITY').roles).not.toContain('monitor')
    expect(spec('SET_SEVERITY').roles).toEqual(expect.arrayContaining(['office', 'group']))
    // CLASSIFY (the monitor's) gives the first grade only: it cannot lower one.
    const w = discover('major')
    expect(took(w, 'CLASSIFY', { severity: 'minor' }, MONITOR)).toBe(false)
    expect(w.context().severity).toBe('major')
  })
})

describe('hrss-city: 三第三步 the fast report, 四(二) the city', () => {
  it('the 30-minute report is owed to the leading group only, and is met by the report to the group', () => {
    const w = discover('major', open({ severity: 'major', severityReason: '境外媒体开始关注' }))
    expect(ob(w, 'report:group#1')).toMatchObject({
      status: 'met',
      dueAt: addMinutes(T0, 30),
      recipient: { code: 'group', label: '局网络舆情应急处置领导小组' },
    })
    for (const code of CITY) expect(ob(w, `report:${code}#1`)).toMatchObject({ status: 'owed' })
    expect(w.phase()).toBe('reporting')
  })

  it.each(GRADES)(
    '%s: 市委办、市政府办、市委网信办 are separate obligations only for 重大 and above, due 2 h from the grade (policy)',
    (grade) => {
      const w = open()
      w.send('RECORD_SOURCE', { source: '微博' }, { actor: MONITOR })
      const gradedAt = addMinutes(T0, 10)
      w.send('CLASSIFY', { severity: grade }, { actor: MONITOR, at: gradedAt })
      const city = grade === 'major' || grade === 'critical'
      for (const code of CITY) {
        expect(has(w, `report:${code}#1`)).toBe(city)
        if (city)
          expect(ob(w, `report:${code}#1`)).toMatchObject({
            dueAt: addMinutes(gradedAt, 2 * H),
            policy: expect.stringContaining('2 小时'),
            owedBy: ['office', 'group'],
          })
      }
      report(w, ['cityCac'])
      if (city) {
        expect(ob(w, 'report:cityCac#1').status).toBe('met')
        expect(ob(w, 'report:cityGovOffice#1').status).toBe('owed')
      }
    },
  )

  it('四(二) major: the group reports to 市政府分管领导 and 市委网信办 — recipients, not approvals', () => {
    const w = discover('major')
    expect(ob(w, 'report:cityLeader#1')).toMatchObject({ kind: 'report', owedBy: ['group'], status: 'owed' })
    expect(ob(w, 'report:cityCac#1').clause).toBe('三第三步、四(二)')
    expect(plan.approvals.major?.map((a) => a.event)).toEqual(['APPROVE_RELEASE'])
    report(w, ['cityLeader', 'cityCac'], GROUP)
    expect(ob(w, 'report:cityLeader#1').status).toBe('met')
    expect(ob(w, 'report:cityCac#1').status).toBe('met')
  })

  it('a monitor reports to the leading group only; the city hears from the office or the group', () => {
    const w = discover('major')
    expect(took(w, 'REPORT', { to: ['cityCac'], summary: 'x' }, MONITOR)).toBe(false)
    expect(took(w, 'REPORT', { to: ['cityLeader'], summary: 'x' }, OFFICE)).toBe(false)
    expect(took(w, 'REPORT', { to: ['cityCac'], summary: 'x' }, OFFICE)).toBe(true)
    expect(took(w, 'REPORT', { to: ['cityLeader'], summary: 'x' }, GROUP)).toBe(true)
    // allowedEvents asks without a payload, whatever the caller's role: REPORT is listed.
    const system = { type: 'REPORT', at: addMinutes(T0, 9 * H), actor: { name: '', role: 'system' } }
    expect(w.actor.getSnapshot().can(system)).toBe(true)
  })

  it('a rise 25 minutes into the 30-minute window does not move the due time (续报 owed from the rise)', () => {
    const w = open({ severity: 'general', severityReason: '关注度较高' })
    const riseAt = addMinutes(T0, 25)
    w.send('SET_SEVERITY', { severity: 'major', reason: '影响扩大' }, { actor: GROUP, at: riseAt })
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 30) })
    expect(ob(w, 'report:group#2')).toMatchObject({ startedAt: riseAt, dueAt: addMinutes(riseAt, 30) })
    expect(ob(w, 'report:cityGovOffice#1')).toMatchObject({
      startedAt: riseAt,
      dueAt: addMinutes(riseAt, 2 * H),
    })
    w.fire('report:group#1')
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(ob(w, 'report:group#2').breachedAt).toBeNull()
    report(w, ['group'], MONITOR, addMinutes(T0, 40))
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'late', metAt: addMinutes(T0, 40) })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 40) })
  })

  it('三第二步: a rise after the first report owes a new report to the group', () => {
    const w = toConsultation('minor')
    expect(owedRules(w)).not.toContain('report:group')
    const riseAt = addMinutes(T0, 5 * H)
    w.send('SET_SEVERITY', { severity: 'general', reason: '舆情恶化' }, { actor: OFFICE, at: riseAt })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(riseAt, 30) })
    expect(ob(w, 'report:group#1').status).toBe('met')
  })

  it.each(['disposal', 'review'] as const)(
    '三第二步: a relapse in %s goes back to the reply and owes a new report to the group',
    (phase) => {
      const w = toGuiding('general')
      w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
      w.send('SUBSIDE')
      if (phase === 'review') w.send('DISPOSAL_DONE')
      expect(w.phase()).toBe(phase)
      const at = addMinutes(T0, 20 * H)
      w.send('RELAPSE', { reason: '再度发酵' }, { actor: MONITOR, at })
      expect(w.value()).toMatchObject({ phase: { response: 'replying' } })
      expect(ob(w, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(at, 30) })
      expect(ob(w, 'reply#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(at, 12 * H) })
    },
  )

  it('missed by the timer, then done late: late with the breach kept, and the breach owes an escalation', () => {
    const v = open()
    v.send('RECORD_SOURCE', { source: 's' }, { actor: MONITOR })
    v.fire('report')
    expect(ob(v, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(ob(v, 'escalate#1').status).toBe('owed')
    report(v, ['group'], MONITOR)
    expect(ob(v, 'report:group#1')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 30) })
    v.send('ESCALATE', { to: ['局主要领导'] }, { actor: OFFICE })
    expect(ob(v, 'escalate#1').status).toBe('met')
  })
})
