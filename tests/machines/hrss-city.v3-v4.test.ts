/**
 * 舆情应急预案（市人社局）: what versions 3 and 4 changed (a rise, a lowering and what follows a decision;
 * a waived reply; the commentary and the filing read again), on the current version, each against
 * the version kept for the incidents opened on it.
 */
import { describe, expect, it } from 'vitest'
import { plan, planV2, planV3, planV4 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  approvedDraft,
  CITY,
  decide,
  discover,
  GROUP,
  type Grade,
  has,
  OFFICE,
  ob,
  report,
  SPOKES,
  substate,
  toConsultation,
  toGuiding,
  took,
  UNIT,
} from './hrss-city.walks.js'

describe('hrss-city: a rise, a lowering, and what follows a decision (version 3)', () => {
  const at = (minutes: number) => addMinutes(T0, minutes)
  const regrade = (w: Walker, severity: Grade, minutes: number) =>
    w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: GROUP, at: at(minutes) })
  const decideAt = (w: Walker, decision: string, answer: 'yes' | 'no', minutes: number) =>
    w.send('DECIDE', { decision, answer, reason: '组长研究决定' }, { actor: GROUP, at: at(minutes) })
  const of = (w: Walker, rule: string) =>
    w
      .context()
      .obligations.filter((o) => o.rule === rule)
      .map((o) => [o.status, o.startedAt])

  /** Critical, the city asked to lead and asked; lowered to 重大, then 特别重大 again. */
  function askedThenRisenAgain(w: Walker) {
    decideAt(w, DECISIONS.cityLead, 'yes', 20)
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: GROUP, at: at(25) })
    regrade(w, 'major', 60)
    regrade(w, 'critical', 120)
    expect(ob(w, 'decide:cityLead#2').status).toBe('owed')
    return w
  }

  it('四(一): a yes to the decision asked again after a rise owes a new request to the city, from that yes', () => {
    const w = askedThenRisenAgain(toConsultation('critical'))
    expect(of(w, 'request:cityLead')).toEqual([['met', at(20)]])
    decideAt(w, DECISIONS.cityLead, 'yes', 130)
    expect(of(w, 'request:cityLead')).toEqual([
      ['met', at(20)],
      ['owed', at(130)],
    ])
    expect(took(w, 'REQUEST_CITY_LEAD', { request: '再次请示' }, GROUP, at(135))).toBe(true)
    expect(ob(w, 'request:cityLead#2')).toMatchObject({ status: 'met', metAt: at(135) })
    // A no asked again owes nothing new.
    const v = askedThenRisenAgain(toConsultation('critical'))
    decideAt(v, DECISIONS.cityLead, 'no', 130)
    expect(of(v, 'request:cityLead')).toEqual([['met', at(20)]])
  })

  it('五(三)3: a yes to the conference asked again after a rise owes a new report to 市委、市政府 and a new conference', () => {
    const w = toGuiding('major')
    decideAt(w, DECISIONS.pressConference, 'yes', 20)
    report(w, ['cityLeadership'], GROUP, at(25))
    const first = approvedDraft(w, 'conference')
    expect(took(w, 'PRESS_CONFERENCE', { draftId: first, speaker: '指定发言人' }, SPOKES, at(30))).toBe(true)
    regrade(w, 'critical', 60)
    expect(ob(w, 'decide:pressConference#2').status).toBe('owed')
    decideAt(w, DECISIONS.pressConference, 'yes', 70)
    expect(of(w, 'report:cityLeadership')).toEqual([
      ['met', at(20)],
      ['owed', at(70)],
    ])
    expect(of(w, 'release:conference')).toEqual([
      ['met', at(20)],
      ['owed', at(70)],
    ])
    // The second conference waits for the second report, as the first did.
    const second = approvedDraft(w, 'conference')
    expect(took(w, 'PRESS_CONFERENCE', { draftId: second, speaker: '指定发言人' }, SPOKES, at(75))).toBe(
      false,
    )
    report(w, ['cityLeadership'], GROUP, at(80))
    expect(took(w, 'PRESS_CONFERENCE', { draftId: second, speaker: '指定发言人' }, SPOKES, at(90))).toBe(true)
    expect(w.owed().map((o) => o.rule)).not.toContain('release:conference')
  })

  it('五(三)3: a rise recorded at the same minute as the first conference still owes the second after a yes', () => {
    const w = toGuiding('major')
    decideAt(w, DECISIONS.pressConference, 'yes', 20)
    report(w, ['cityLeadership'], GROUP, at(20))
    const first = approvedDraft(w, 'conference')
    expect(took(w, 'PRESS_CONFERENCE', { draftId: first, speaker: '指定发言人' }, SPOKES, at(20))).toBe(true)
    regrade(w, 'critical', 20)
    decideAt(w, DECISIONS.pressConference, 'yes', 70)
    expect(of(w, 'report:cityLeadership').map(([status]) => status)).toEqual(['met', 'owed'])
    expect(of(w, 'release:conference').map(([status]) => status)).toEqual(['met', 'owed'])
    // The draft the first conference published is not the second one's.
    report(w, ['cityLeadership'], GROUP, at(75))
    expect(took(w, 'PRESS_CONFERENCE', { draftId: first, speaker: '指定发言人' }, SPOKES, at(80))).toBe(false)
  })

  it('四(二): the city’s leader told at 特别重大 owes no new report after a lowering to 重大 (rules 5, 6)', () => {
    const w = discover('critical')
    report(w, ['cityLeader'], GROUP, at(10))
    regrade(w, 'major', 60)
    expect(ob(w, 'report:cityLeader#1')).toMatchObject({ status: 'met', metAt: at(10) })
    // Not told at 特别重大: the 重大 report is owed from the lowering.
    const v = discover('critical')
    regrade(v, 'major', 60)
    expect(ob(v, 'report:cityLeader#1')).toMatchObject({ status: 'owed', dueAt: at(180) })
  })

  it('version 2, kept for the incidents opened on it, owed neither (the request was met once; the lowering owed a report)', () => {
    const w = askedThenRisenAgain(toConsultation('critical', startIncident(planV2, {}, OFFICE)))
    decideAt(w, DECISIONS.cityLead, 'yes', 130)
    expect(of(w, 'request:cityLead')).toEqual([['met', at(20)]])
    const v = discover('critical', startIncident(planV2, {}, OFFICE))
    report(v, ['cityLeader'], GROUP, at(10))
    regrade(v, 'major', 60)
    expect(ob(v, 'report:cityLeader#1')).toMatchObject({ status: 'owed', dueAt: at(180) })
    expect(planV3).toMatchObject({ version: 3, migratesFrom: { from: 2 } })
  })
})

describe('hrss-city version 3: a waived reply frees the response (OBLIGATIONS.md rule 2)', () => {
  it('the group waives the reply: the response moves on to guiding, and may subside', () => {
    const w = toConsultation('general')
    decide(w, DECISIONS.pressConference, 'no')
    w.send('START_RESPONSE')
    expect(substate(w)).toBe('replying')
    w.send('WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' }, { actor: GROUP })
    expect(ob(w, 'reply#1').status).toBe('waived')
    expect(substate(w)).toBe('guiding')
    // Version 9: no 通稿 to write the commentary from (三第四步 根据通稿): the group waives it too.
    w.send('WAIVE', { obligation: 'commentary#1', reason: '无通稿，不撰写' }, { actor: GROUP })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })

  it('version 2 kept the response in replying until a reply (its incidents move on by migration)', () => {
    const w = toConsultation('general', startIncident(planV2, {}, OFFICE))
    decide(w, DECISIONS.pressConference, 'no')
    w.send('START_RESPONSE')
    w.send('WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' }, { actor: GROUP })
    expect(substate(w)).toBe('replying')
  })
})

describe('hrss-city version 4: the commentary and the filing, read again', () => {
  const at = (minutes: number) => addMinutes(T0, minutes)
  /** General, the 通稿 approved, the reply waived by the group head: the response is in guiding. */
  function replyWaived(p = plan) {
    const w = toConsultation('general', startIncident(p, {}, OFFICE))
    decide(w, DECISIONS.pressConference, 'no')
    w.send('START_RESPONSE')
    approvedDraft(w)
    w.send('WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' }, { actor: GROUP })
    expect(substate(w)).toBe('guiding')
    return w
  }
  /** Opened 重大, told to the group and the city offices (市委网信办 at minute 10), lowered to 一般. */
  function toldThenLowered(p = plan, toCity = true) {
    const w = discover('major', startIncident(p, {}, OFFICE))
    if (toCity) report(w, [...CITY], OFFICE, at(10))
    w.send('SET_SEVERITY', { severity: 'general', reason: '影响缩小' }, { actor: GROUP, at: at(60) })
    return w
  }

  it('三第四步: a waived reply frees the spokesperson only: the commentary 根据通稿 is still owed before it subsides', () => {
    const w = replyWaived()
    expect(ob(w, 'commentary#1')).toMatchObject({
      status: 'owed',
      clause: '三第四步',
      owedBy: ['office', 'unit'],
    })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(false)
    w.send('COMMENTARY', { title: '评论', outlet: '本地新闻网' }, { actor: UNIT })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })

  it('三第四步: version 3, kept for its incidents, owed no commentary after a waived reply', () => {
    const w = replyWaived(planV3)
    expect(has(w, 'commentary#1')).toBe(false)
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })

  it('四(三): 市委网信办 told at 重大 owes no filing after a lowering to 一般 (rules 5, 6); not told, it does', () => {
    expect(ob(toldThenLowered(), 'report:filing#1')).toMatchObject({ status: 'met', metAt: at(10) })
    expect(ob(toldThenLowered(plan, false), 'report:filing#1').status).toBe('owed')
    // A report to 市委网信办 made at a lower grade does not count for 一般's filing.
    const w = discover('minor')
    report(w, ['cityCac'], OFFICE, at(10))
    expect(
      w
        .context()
        .acts.filter((a) => a.type === 'REPORT')
        .map((a) => a.severity),
    ).toEqual(['minor', 'minor'])
    w.send('SET_SEVERITY', { severity: 'general', reason: '关注度上升' }, { actor: GROUP, at: at(60) })
    expect(ob(w, 'report:filing#1').status).toBe('owed')
  })

  it('四(三): version 3, kept for its incidents, owed the filing though 市委网信办 had the 重大 report', () => {
    expect(ob(toldThenLowered(planV3), 'report:filing#1').status).toBe('owed')
    expect(planV4).toMatchObject({ version: 4, migratesFrom: { from: 3 } })
  })
})
