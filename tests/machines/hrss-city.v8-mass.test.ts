/**
 * 舆情应急预案（市人社局）version 8, 五(一)2 (finding 2 of the review of version 7): "当发生群体性
 * 突发事件时，组织职能科室监控员对网络舆情进行24小时不间断监控。加强与市委网信办、市公安网安办等部门
 * 对接". `MARK_MASS_INCIDENT` records that the incident is a 群体性突发事件; from then the office
 * owes `monitor:roundTheClock`, discharged by `ORGANIZE_MONITORING`, which records the
 * round-the-clock monitoring organised and the liaison with 市委网信办 and 市公安网安办. The text
 * sets no time: owed before closing (rule 2). Version 7 had no duty, event or guard for it.
 */
import { describe, expect, it } from 'vitest'
import { planV8 as plan } from '../../machines/hrss-city/index.js'
import type { Walker } from '../helpers/machine.js'
import { G, M, O, opened as openedOn, organised, S, U } from './hrss-city.helpers.js'

const rule = 'monitor:roundTheClock'
const ob = (w: Walker) => w.context().obligations.find((o) => o.rule === rule)
const schema = (type: string) => plan.events.find((e) => e.type === type)?.schema
const opened = () => openedOn(plan, 'major', 'demand')

describe('hrss-city v8: 五(一)2 round-the-clock monitoring of a 群体性突发事件 (finding 2)', () => {
  it('the mark owes the office the monitoring organised and the liaison, by clause 五(一)2', () => {
    const w = opened()
    expect(ob(w)).toBeUndefined()
    expect(w.can('ORGANIZE_MONITORING', organised, O)).toBe(false)
    w.send('MARK_MASS_INCIDENT', { description: '数十名参保人员聚集' }, { actor: M })
    expect(ob(w)).toMatchObject({ status: 'owed', clause: '五(一)2', owedBy: ['office'], dueAt: null })
    expect(ob(w)?.discharge.type).toBe('ORGANIZE_MONITORING')
    w.send('ORGANIZE_MONITORING', organised, { actor: O })
    expect(ob(w)?.status).toBe('met')
    expect(w.can('ORGANIZE_MONITORING', organised, O)).toBe(false)
  })

  it('the mark is recorded once, by a monitor, the office or the group; the office organises', () => {
    const w = opened()
    w.send('MARK_MASS_INCIDENT', { description: '聚集' }, { actor: O })
    expect(w.can('MARK_MASS_INCIDENT', { description: '再次' }, O)).toBe(false)
    const roles = (type: string) => plan.events.find((e) => e.type === type)?.roles
    expect(roles('MARK_MASS_INCIDENT')).toEqual(['monitor', 'office', 'group'])
    expect(roles('ORGANIZE_MONITORING')).toEqual(['office'])
  })

  it('closing waits for it: REVIEW is refused while the monitoring is owed', () => {
    const w = opened()
    w.send('MARK_MASS_INCIDENT', { description: '聚集' }, { actor: M })
    w.send('REPORT', { to: ['cityPartyOffice', 'cityGovOffice', 'cityCac'], summary: 's' }, { actor: O })
    w.send('REPORT', { to: ['cityLeader'], summary: 's' }, { actor: G })
    w.send('CONVENE', {}, { actor: O })
    w.send('START_RESPONSE', {}, { actor: O })
    w.send('DECIDE', { decision: 'decide:pressConference', answer: 'no', reason: '不需要' }, { actor: G })
    w.send('DRAFT', { content: '通稿', purpose: 'pressRelease' }, { actor: O })
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
    w.send('REPLY', { draftId: 'd1', channel: '官微' }, { actor: S })
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: U })
    w.send('SUBSIDE', {}, { actor: O })
    w.send('DISPOSAL_DONE', {}, { actor: O })
    const review = { summary: 's', appraisal: 'a', improvements: 'i' }
    expect(w.owed().map((o) => o.rule)).toEqual([rule, 'review'])
    expect(w.can('REVIEW', review, O)).toBe(false)
    w.send('ORGANIZE_MONITORING', organised, { actor: O })
    expect(w.can('REVIEW', review, O)).toBe(true)
  })

  it('the organising records both liaisons: each is required', () => {
    const s = schema('ORGANIZE_MONITORING')
    expect(s?.safeParse(organised).success).toBe(true)
    expect(s?.safeParse({ arrangement: 'a', cityCac: 'b' }).success).toBe(false)
    expect(s?.safeParse({ arrangement: 'a', cityPolice: 'c' }).success).toBe(false)
  })
})
