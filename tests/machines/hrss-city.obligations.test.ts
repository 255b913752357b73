/**
 * 舆情应急预案（市人社局）, the current version: obligations (issue 17) — closing waits for what is owed,
 * what a lowering withdraws, waivers, a rise during the review, and every grade walked to closed.
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  CITY,
  decide,
  discover,
  GRADES,
  GROUP,
  H,
  has,
  MONITOR,
  OFFICE,
  ob,
  owedRules,
  report,
  spec,
  toClosed,
  toConsultation,
  toGuiding,
  took,
  UNIT,
} from './hrss-city.walks.js'

describe('hrss-city: obligations (issue 17)', () => {
  it('closing is refused while anything is owed; nothing owed is cancelled at close', () => {
    const w = discover('major')
    w.send('CONVENE')
    decide(w, DECISIONS.pressConference, 'no')
    toGuiding('major', w)
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('DISPOSAL_DONE')
    const review = { summary: 's', appraisal: 'a', improvements: 'i' }
    expect(took(w, 'REVIEW', review, OFFICE)).toBe(false)
    expect(w.owed().map((o) => o.rule)).toEqual([
      ...CITY.map((c) => `report:${c}`),
      'report:cityLeader',
      'review',
    ])
    report(w, [...CITY, 'cityLeader'], GROUP)
    w.send('REVIEW', review, { actor: OFFICE })
    expect(w.phase()).toBe('closed')
    const statuses = new Set(w.context().obligations.map((o) => o.status))
    expect([...statuses].every((s) => s === 'met' || s === 'late')).toBe(true)
  })

  it('a lowering withdraws only what is not yet due, keeps what was met, and invents no breach', () => {
    const w = discover('major')
    report(w, ['cityPartyOffice'])
    w.send(
      'SET_SEVERITY',
      { severity: 'general', reason: '经核实影响有限' },
      { actor: GROUP, at: addMinutes(T0, 40) },
    )
    expect(ob(w, 'report:group#1').status).toBe('met')
    expect(ob(w, 'report:cityPartyOffice#1').status).toBe('met')
    expect(ob(w, 'report:cityGovOffice#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: GROUP, reason: '经核实影响有限' },
    })
    expect(has(w, 'report:group#2')).toBe(false)
    expect(w.context().obligations.every((o) => o.breachedAt === null)).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:filing', 'lead:groupDirect']))
  })

  it('a lowering leaves a breached report owed with its breach', () => {
    const w = discover('major')
    w.fire('report:cityGovOffice')
    w.send('SET_SEVERITY', { severity: 'general', reason: '影响有限' }, { actor: GROUP })
    const o = ob(w, 'report:cityGovOffice#1')
    expect(o).toMatchObject({ status: 'owed', breachedAt: o.dueAt })
    expect(o.breachedAt).not.toBeNull()
  })

  it('WAIVE is the group head’s (policy); a waived breach stays breached', () => {
    expect(plan.waivers.roles).toEqual(['group'])
    expect(spec('WAIVE').roles).toEqual(['group'])
    const w = discover('major')
    w.fire('report:cityLeader')
    w.send('WAIVE', { obligation: 'report:cityLeader#1', reason: '分管领导已在现场' }, { actor: GROUP })
    expect(ob(w, 'report:cityLeader#1')).toMatchObject({
      status: 'waived',
      breachedAt: addMinutes(T0, 2 + 2 * H),
      waived: { by: GROUP, reason: '分管领导已在现场' },
    })
  })

  it('a rise during the review is reported there, and closing waits for it', () => {
    const w = toConsultation('general')
    decide(w, DECISIONS.pressConference, 'no')
    toGuiding('general', w)
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
    w.send('SET_SEVERITY', { severity: 'major', reason: '境外媒体开始关注' }, { actor: GROUP })
    expect(w.phase()).toBe('review')
    expect(owedRules(w)).toEqual(
      expect.arrayContaining([
        'report:group',
        'report:cityCac',
        'report:cityLeader',
        DECISIONS.pressConference,
      ]),
    )
    const review = { summary: 's', appraisal: 'a', improvements: 'i' }
    expect(took(w, 'REVIEW', review, OFFICE)).toBe(false)
    report(w, ['group'], MONITOR)
    report(w, [...CITY])
    report(w, ['cityLeader'], GROUP)
    decide(w, DECISIONS.pressConference, 'no')
    w.send('REVIEW', review, { actor: OFFICE })
    expect(w.phase()).toBe('closed')
  })

  it.each(GRADES)('%s walks every phase to closed with every obligation met', (grade) => {
    const w = toClosed(grade)
    expect(w.phase()).toBe('closed')
    expect(w.context().closedAt).not.toBeNull()
    expect(w.context().obligations.filter((o) => o.status !== 'met')).toEqual([])
  })
})
