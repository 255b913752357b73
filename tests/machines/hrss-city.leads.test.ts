/**
 * 舆情应急预案（市人社局）, the current version: 四 who leads each grade (the city at 特别重大 on the
 * group head's decision, the group at 一般, the office with the group's consent at 影响较小).
 */
import { describe, expect, it } from 'vitest'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  approvedDraft,
  decide,
  discover,
  GROUP,
  H,
  has,
  OFFICE,
  ob,
  owedRules,
  report,
  SPOKES,
  spec,
  substate,
  toConsultation,
  toGuiding,
  took,
  UNIT,
} from './hrss-city.walks.js'

describe('hrss-city: 四 who leads each grade', () => {
  it('四(一) critical: asking 市委、市政府 is the group head’s decision (根据需要), not always required', () => {
    const w = discover('critical')
    expect(ob(w, 'decide:cityLead#1')).toMatchObject({
      kind: 'decision',
      owedBy: ['group'],
      clause: '四(一)',
    })
    expect(has(w, 'request:cityLead#1')).toBe(false)
    decide(w, DECISIONS.cityLead, 'no')
    expect(ob(w, 'decide:cityLead#1')).toMatchObject({
      status: 'met',
      decision: { answer: 'no', by: GROUP, reason: '组长研究决定' },
    })
    expect(has(w, 'request:cityLead#1')).toBe(false)
    expect(took(w, 'REQUEST_CITY_LEAD', { request: 'x' }, GROUP)).toBe(false)
  })

  it('四(一) deciding yes owes the group head’s request; CITY_DIRECT is the city’s act, recorded by the office after it', () => {
    const w = discover('critical')
    expect(took(w, 'CITY_DIRECT', { instruction: 'x' }, OFFICE)).toBe(false)
    decide(w, DECISIONS.cityLead, 'yes')
    expect(ob(w, 'request:cityLead#1')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(spec('REQUEST_CITY_LEAD').roles).toEqual(['group'])
    expect(spec('CITY_DIRECT').roles).toEqual(['office'])
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: GROUP })
    expect(ob(w, 'request:cityLead#1').status).toBe('met')
    expect(took(w, 'CITY_DIRECT', { instruction: '市委统一领导' }, OFFICE)).toBe(true)
    expect(w.context().steps.cityLead).toBeDefined()
  })

  it('a critical incident waiting for the decision still makes its 12-hour reply', () => {
    const w = toConsultation('critical')
    expect(owedRules(w)).toContain(DECISIONS.cityLead)
    w.send('START_RESPONSE')
    expect(w.phase()).toBe('response')
    const d = approvedDraft(w)
    w.send('REPLY', { draftId: d, channel: '发布会' }, { actor: SPOKES, at: addMinutes(T0, 11 * H) })
    expect(ob(w, 'reply#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 11 * H) })
    expect(owedRules(w)).toContain(DECISIONS.cityLead)
  })

  it('a rise to critical after the reply owes the decision again', () => {
    const w = toConsultation('critical')
    decide(w, DECISIONS.cityLead, 'no')
    w.send('SET_SEVERITY', { severity: 'major', reason: '关注度回落' }, { actor: GROUP })
    toGuiding('major', w)
    w.send('SET_SEVERITY', { severity: 'critical', reason: '即将化为行为舆论' }, { actor: GROUP })
    expect(ob(w, 'decide:cityLead#1').status).toBe('met')
    expect(ob(w, 'decide:cityLead#2').status).toBe('owed')
    expect(w.can('DECIDE', { decision: DECISIONS.cityLead, answer: 'yes', reason: 'r' })).toBe(true)
  })

  it('a first rise to critical after the reply owes the decision there, and the request can follow there', () => {
    const w = toGuiding('general')
    w.send('SET_SEVERITY', { severity: 'critical', reason: '境外媒体高度关注' }, { actor: GROUP })
    expect(substate(w)).toBe('guiding')
    expect(ob(w, 'decide:cityLead#1').status).toBe('owed')
    decide(w, DECISIONS.cityLead, 'yes')
    expect(took(w, 'REQUEST_CITY_LEAD', { request: '请示' }, GROUP)).toBe(true)
    expect(ob(w, 'request:cityLead#1').status).toBe('met')
  })

  it('四(四) minor: the response starts after the group consents to the office’s request', () => {
    const w = discover('minor')
    w.send('CONVENE')
    expect(took(w, 'START_RESPONSE', {}, OFFICE)).toBe(false)
    w.send('CONSENT_OFFICE_LEAD', { request: '请示' }, { actor: GROUP })
    expect(took(w, 'START_RESPONSE', {}, OFFICE)).toBe(true)
  })

  it('四(三) general: the group directs, and 备案 with 市委网信办 is owed before closing', () => {
    const w = discover('general')
    w.send('CONVENE')
    expect(owedRules(w)).toEqual(expect.arrayContaining(['lead:groupDirect', 'report:filing']))
    w.send('DIRECT_GROUP_LEAD', { direction: '部署' }, { actor: GROUP })
    decide(w, DECISIONS.pressConference, 'no')
    toGuiding('general', w)
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('DISPOSAL_DONE')
    expect(took(w, 'REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' }, OFFICE)).toBe(false)
    expect(w.owed().map((o) => o.id)).toEqual(['report:filing#1', 'review#1'])
    report(w, ['cityCac'])
    w.send('REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' }, { actor: OFFICE })
    expect(w.phase()).toBe('closed')
  })
})
