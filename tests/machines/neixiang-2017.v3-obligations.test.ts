/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): the
 * shared obligation rules (issue 17; OBLIGATIONS.md), no close while owed, rises and lowerings, done
 * before owed, one escalation per breach, and a walk per grade to `closed`.
 */
import { describe, expect, it } from 'vitest'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  accepted,
  group,
  ob,
  office,
  openV3 as open,
  owedRules,
  principal,
  report,
  speaker,
  toFollowingV3 as toFollowing,
  toReview,
} from './neixiang-2017.helpers.js'

describe('neixiang-2017 shared obligation rules (issue 17)', () => {
  it('refuses to close while anything is owed, and never cancels an owed obligation at close', () => {
    const w = open('major')
    toReview(w)
    expect(owedRules(w)).toEqual(['press', 'review'])
    expect(accepted(w, 'REVIEW', { summary: '结案' }, office)).toBe(false)
    expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    expect(accepted(w, 'REVIEW', { summary: '结案' }, office)).toBe(true)
    expect(w.phase()).toBe('closed')
    expect(w.owed()).toEqual([])
  })

  it('keeps owed due times on a rise and adds the new grade’s obligations from the rise', () => {
    const w = open('general')
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' }, { at: addMinutes(T0, 25), actor: group })
    expect(ob(w, 'report:group#1')?.dueAt).toBe(addMinutes(T0, 30))
    expect(ob(w, 'report:group#2')).toMatchObject({
      startedAt: addMinutes(T0, 25),
      dueAt: addMinutes(T0, 55),
    })
    expect(ob(w, 'report:principal#2')?.dueAt).toBe(addMinutes(T0, 55))
    expect(ob(w, 'press#1')?.startedAt).toBe(addMinutes(T0, 25))
  })

  it('withdraws on a lowering only what is not yet due, never a met or breached one, and invents no breach', () => {
    const w = open('critical')
    expect(accepted(w, 'COORDINATE', {}, principal)).toBe(true)
    w.fire('report:group')
    w.send('SET_SEVERITY', { severity: 'general', reason: '经核实影响有限' }, { actor: group })
    expect(ob(w, 'press#1')).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '经核实影响有限' } })
    expect(ob(w, 'report:higher#1')?.status).toBe('withdrawn')
    expect(ob(w, 'coordinate#1')?.status).toBe('met')
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(
      w
        .context()
        .obligations.filter((o) => o.breachedAt !== null)
        .map((o) => o.rule),
    ).toEqual(['report:group'])
    w.send('SET_SEVERITY', { severity: 'critical', reason: '再次扩散' }, { actor: group })
    expect(w.context().obligations.filter((o) => o.rule === 'coordinate')).toHaveLength(1)
    expect(ob(w, 'report:higher#2')?.status).toBe('owed')
  })

  it('counts a press conference held before the grade required it (done before owed)', () => {
    const w = open('general')
    w.send('PRESS_CONFERENCE', {}, { actor: speaker, at: addMinutes(T0, 10) })
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' }, { actor: group })
    expect(ob(w, 'press#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 10) })
  })

  it('escalates a breach once, by ESCALATE', () => {
    const w = open('general')
    w.fire('report:group')
    expect(owedRules(w)).toContain('escalate')
    expect(accepted(w, 'ESCALATE', { to: ['县委办'] }, office)).toBe(true)
    expect(owedRules(w)).not.toContain('escalate')
  })

  it.each(['general', 'major', 'critical'] as const)(
    'walks a %s incident to closed, discharging every obligation',
    (grade) => {
      const w = open(grade)
      toFollowing(w)
      if (grade !== 'general') expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
      if (grade === 'critical') {
        expect(accepted(w, 'COORDINATE', {}, principal)).toBe(true)
        expect(report(w, ['higher'], principal)).toBe(true)
      }
      expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
      expect(accepted(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
      expect(accepted(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(true)
      expect(w.phase()).toBe('closed')
      expect(w.context().obligations.every((o) => o.status === 'met')).toBe(true)
    },
  )
})
