/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): the
 * reports (第四條, 第二條1, 第二條3), to the leading group and the principal county leaders each within
 * 30 minutes, to higher authorities at 特别重大, in every open phase, each office to its own recipients.
 */
import { describe, expect, it } from 'vitest'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  accepted,
  group,
  monitor,
  ob,
  office,
  openV3 as open,
  owedRules,
  principal,
  report,
  toFollowingV3 as toFollowing,
  toReview,
} from './neixiang-2017.helpers.js'

describe('neixiang-2017 reports (第四條, 第二條1, 第二條3)', () => {
  it('owes the leading group and the principal county leaders each their own report, 30 min from discovery', () => {
    const w = open('general')
    const g = ob(w, 'report:group#1')
    const p = ob(w, 'report:principal#1')
    expect(g).toMatchObject({ kind: 'report', clause: '第四條', status: 'owed', dueAt: addMinutes(T0, 30) })
    expect(p).toMatchObject({ kind: 'report', status: 'owed', dueAt: addMinutes(T0, 30) })
    expect(p?.recipient?.code).toBe('principal')
    expect(report(w, ['group'])).toBe(true)
    expect(ob(w, 'report:group#1')?.status).toBe('met')
    expect(ob(w, 'report:principal#1')?.status).toBe('owed')
    w.fire('report:principal#1')
    expect(ob(w, 'report:principal#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
  })

  it('owes the report to the principal leaders while the incident is still ungraded', () => {
    const w = open(null)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'report:principal']))
  })

  it('accepts a report in every open phase: a rise during review is reported there (第三條5/6 续报)', () => {
    const w = open('general')
    toReview(w)
    expect(accepted(w, 'SET_SEVERITY', { severity: 'major', reason: '转载激增' }, group)).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'report:principal', 'press']))
    expect(report(w, ['group', 'principal'])).toBe(true)
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
    expect(w.phase()).toBe('review')
  })

  it('owes a critical incident 县委办/县政府办 coordination and their report to higher authorities, accepted in disposal after a rise', () => {
    const w = open('general')
    toFollowing(w)
    expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(accepted(w, 'COORDINATE', {}, principal)).toBe(false)
    expect(accepted(w, 'SET_SEVERITY', { severity: 'critical', reason: '全国关注' }, group)).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['coordinate', 'report:higher']))
    expect(ob(w, 'report:higher#1')).toMatchObject({ clause: '第二條3', owedBy: ['principal'], dueAt: null })
    expect(w.phase()).toBe('disposal')
    expect(accepted(w, 'COORDINATE', {}, principal)).toBe(true)
    expect(report(w, ['higher'], principal)).toBe(true)
    expect(ob(w, 'coordinate#1')?.status).toBe('met')
    expect(ob(w, 'report:higher#1')?.status).toBe('met')
  })

  it('lets each office report only to the recipients it answers for', () => {
    const w = open('critical')
    expect(report(w, ['higher'], monitor)).toBe(false)
    expect(report(w, ['group', 'higher'], office)).toBe(false)
    expect(report(w, ['group'], principal)).toBe(false)
    expect(report(w, ['principal'], group)).toBe(true)
    expect(report(w, ['higher'], principal)).toBe(true)
    expect(report(w, ['group'], monitor)).toBe(true)
  })

  it('convenes the group only once the group has the report (第三條4 after 第四條)', () => {
    const w = open('general')
    expect(report(w, ['principal'], office)).toBe(true)
    expect(w.phase()).toBe('reporting')
    expect(accepted(w, 'CONVENE', {}, group)).toBe(false)
    expect(report(w, ['group'], office)).toBe(true)
    expect(accepted(w, 'CONVENE', {}, group)).toBe(true)
    expect(w.phase()).toBe('consultation')
  })
})
