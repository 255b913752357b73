/**
 * 舆情应急预案（市人社局）version 8, from a review of version 7 (findings 1, 3, 5, 8 and 9):
 * - 三第二步: the monitor's report of the worsening, made before the office or group raised the
 *   grade for it within 30 minutes (or that met a relapse's 续报 then), is the 续报 the rise owes
 *   (kit `raiseTold: 'sinceSettled'`; a report older than that is none); version 7 owed a
 *   second report and breached it 30 minutes after the rise.
 * - 三第四步: after a relapse the commentary is owed again once the new reply is settled (kit
 *   `againOnEvents: 'whenHolds'`); version 7 let the incident subside with none.
 * - 四(一): `CITY_DIRECT` is recorded at 特别重大 only, once per request, after the group's yes
 *   and the request made; version 7 took it at 一般, twice, and after a no.
 * - 四(三) "同时报告市委网信办备案": the filing is due 2 hours from the grade (policy); version 7
 *   set no time.
 * - The event table cites what the chart does: APPROVE_RELEASE is local policy, REPORT files 四(三).
 */
import { describe, expect, it } from 'vitest'
import { planV8 as plan, planV7 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { day, G, M, O, ob, opened, replied, S, U } from './hrss-city.helpers.js'

describe('hrss-city v8: 三第二步 the worsening reported before the rise is the 续报 (finding 1)', () => {
  /** w1.ts 1: 一般, the monitor reports the worsening at 10:00, the office raises the grade at 10:01. */
  function reportedThenRaised(p: PlanDefinition) {
    const w = opened(p, 'general')
    w.send('REPORT', { to: ['group'], summary: '舆情恶化，影响面扩大' }, { actor: M, at: day('10:00') })
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:01') })
    return w
  }

  it('the rise to 重大 owes no second report: report:group#2 is met at the 10:00 report, nothing breaches', () => {
    const w = reportedThenRaised(plan)
    expect(ob(w, 'report:group#2')).toMatchObject({
      startedAt: day('10:01'),
      status: 'met',
      metAt: day('10:00'),
      breachedAt: null,
    })
    expect(w.owed().some((o) => o.rule === 'report:group')).toBe(false)
    expect(() => w.fire('report:group#2')).toThrow(/no owed obligation/)
    // Version 7 owed it from the rise, and it breached at 10:31 (rule 1: for good).
    const v7 = reportedThenRaised(planV7)
    expect(ob(v7, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: day('10:31') })
    v7.fire('report:group#2')
    expect(ob(v7, 'report:group#2')?.breachedAt).toBe(day('10:31'))
  })

  it('w3.ts: from 重大, the report at 12:00 serves the rise to 特别重大 at 12:05', () => {
    const w = opened(plan, 'major')
    w.send('REPORT', { to: ['group'], summary: '境外媒体大量转载，恶化' }, { actor: M, at: day('12:00') })
    w.send('SET_SEVERITY', { severity: 'critical', reason: '监控员报告恶化' }, { actor: O, at: day('12:05') })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'met', metAt: day('12:00') })
  })

  it('a rise with no report since the first owes the 续报, 30 minutes from the rise', () => {
    const w = opened(plan, 'general')
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:01') })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: day('10:31') })
  })

  it('a relapse owes the 续报 though a report was made before it', () => {
    const w = replied(plan)
    w.send('SUBSIDE', {}, { actor: O })
    w.send('REPORT', { to: ['group'], summary: '舆情反复' }, { actor: M })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M })
    expect(w.owed().map((o) => o.id)).toContain('report:group#2')
  })

  it('walk A: a report made 6.5 hours before the rise is no 续报 of it (only one within 30 minutes counts)', () => {
    const w = opened(plan, 'general')
    w.send('REPORT', { to: ['group', 'cityCac'], summary: '备案' }, { actor: O, at: day('09:30') })
    w.send('SET_SEVERITY', { severity: 'major', reason: '境外媒体开始关注' }, { actor: G, at: day('16:00') })
    expect(ob(w, 'report:group#2')).toMatchObject({
      startedAt: day('16:00'),
      status: 'owed',
      dueAt: day('16:30'),
    })
  })

  it('walk B2: the report that met the relapse’s 续报 at 10:05 is the 续报 of the rise at 10:06', () => {
    const w = replied(plan)
    w.send('SUBSIDE', {}, { actor: O })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M, at: day('10:00') })
    w.send(
      'REPORT',
      { to: ['group'], summary: '舆情反复且恶化，境外媒体开始关注' },
      { actor: M, at: day('10:05') },
    )
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O, at: day('10:06') })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'met', metAt: day('10:05') })
    expect(ob(w, 'report:group#3')).toMatchObject({
      startedAt: day('10:06'),
      status: 'met',
      metAt: day('10:05'),
    })
    expect(w.owed().some((o) => o.rule === 'report:group' || o.rule === 'escalate')).toBe(false)
  })
})

describe('hrss-city v8: 三第四步 a relapse owes a new commentary on the new 通稿 (finding 3)', () => {
  /** w1.ts 2 (`replied`: 一般, led, no conference, d1 approved and replied, the commentary written), relapsed. */
  function relapsed(p: PlanDefinition) {
    const w = replied(p)
    w.send('SUBSIDE', {}, { actor: O })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M })
    w.send('REPORT', { to: ['group'], summary: '续报' }, { actor: M })
    return w
  }

  it('the new reply made, commentary#2 is owed and SUBSIDE waits for it', () => {
    const w = relapsed(plan)
    w.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: O })
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: G })
    w.send('REPLY', { draftId: 'd2', channel: '官微' }, { actor: S })
    expect(ob(w, 'commentary#2')?.status).toBe('owed')
    expect(w.can('SUBSIDE', {}, O)).toBe(false)
    w.send('COMMENTARY', { title: '再评', outlet: 'o' }, { actor: U })
    expect(ob(w, 'commentary#2')?.status).toBe('met')
    expect(w.can('SUBSIDE', {}, O)).toBe(true)
    // Version 7 owed no second commentary: SUBSIDE passed on the first.
    const v7 = relapsed(planV7)
    v7.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: O })
    v7.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: G })
    v7.send('REPLY', { draftId: 'd2', channel: '官微' }, { actor: S })
    expect(ob(v7, 'commentary#2')).toBeUndefined()
    expect(v7.can('SUBSIDE', {}, O)).toBe(true)
  })

  it('the new reply waived, commentary#2 is owed all the same (a waiver frees the spokesperson only)', () => {
    const w = relapsed(plan)
    w.send('WAIVE', { obligation: 'reply#2', reason: '无须再次回复' }, { actor: G })
    expect(ob(w, 'commentary#2')?.status).toBe('owed')
    expect(w.can('SUBSIDE', {}, O)).toBe(false)
  })
})

describe('hrss-city v8: 四(一) the city’s lead is recorded at 特别重大, once per request (finding 5)', () => {
  function requested(p: PlanDefinition) {
    const w = opened(p, 'critical')
    w.send('DECIDE', { decision: DECISIONS.cityLead, answer: 'yes', reason: '需要' }, { actor: G })
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: G })
    return w
  }
  const direct = { instruction: '市委、市政府部署' }

  it('accepted once after the request, then refused', () => {
    const w = requested(plan)
    expect(w.can('CITY_DIRECT', direct, O)).toBe(true)
    w.send('CITY_DIRECT', direct, { actor: O })
    expect(w.context().steps.cityLead).toBeDefined()
    expect(w.can('CITY_DIRECT', direct, O)).toBe(false)
    // Version 7 took it a second time.
    const v7 = requested(planV7)
    v7.send('CITY_DIRECT', direct, { actor: O })
    expect(v7.can('CITY_DIRECT', direct, O)).toBe(true)
  })

  it('refused before the request, and after a lowering to 一般 (四(三): the group leads)', () => {
    const w = opened(plan, 'critical')
    w.send('DECIDE', { decision: DECISIONS.cityLead, answer: 'yes', reason: '需要' }, { actor: G })
    expect(w.can('CITY_DIRECT', direct, O)).toBe(false)
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: G })
    w.send('SET_SEVERITY', { severity: 'general', reason: '缓和' }, { actor: G })
    expect(w.can('CITY_DIRECT', direct, O)).toBe(false)
    // Version 7 took it at 一般.
    const v7 = requested(planV7)
    v7.send('SET_SEVERITY', { severity: 'general', reason: '缓和' }, { actor: G })
    expect(v7.can('CITY_DIRECT', direct, O)).toBe(true)
  })

  it('refused after the group’s latest answer is no, though an earlier request was made', () => {
    const w = opened(plan, 'major')
    w.send('SET_SEVERITY', { severity: 'critical', reason: '恶化' }, { actor: G })
    w.send('DECIDE', { decision: DECISIONS.cityLead, answer: 'yes', reason: '需要' }, { actor: G })
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: G })
    w.send('SET_SEVERITY', { severity: 'major', reason: '缓和' }, { actor: G })
    w.send('SET_SEVERITY', { severity: 'critical', reason: '再恶化' }, { actor: G })
    w.send('DECIDE', { decision: DECISIONS.cityLead, answer: 'no', reason: '不再请示' }, { actor: G })
    expect(w.can('CITY_DIRECT', direct, O)).toBe(false)
  })
})

describe('hrss-city v8: 四(三) the filing is due 2 hours from the grade (finding 8)', () => {
  it('opened at 一般, the filing is due at 11:00 and breaches when not made', () => {
    const w = opened(plan, 'general')
    expect(ob(w, 'report:filing#1')).toMatchObject({ status: 'owed', dueAt: day('11:00') })
    w.fire('report:filing#1')
    expect(ob(w, 'report:filing#1')?.breachedAt).toBe(day('11:00'))
    // Version 7 set no time: a filing made at the review counted as met.
    expect(ob(opened(planV7, 'general'), 'report:filing#1')?.dueAt).toBeNull()
  })

  it('lowered from 重大 to 一般 at 10:30, it is due at 12:30', () => {
    const w = opened(plan, 'major')
    w.send('SET_SEVERITY', { severity: 'general', reason: '缓和' }, { actor: G, at: day('10:30') })
    expect(ob(w, 'report:filing#1')).toMatchObject({ status: 'owed', dueAt: day('12:30') })
  })
})

describe('hrss-city v8: the event table cites what the chart does (finding 9)', () => {
  const meta = (type: string) => plan.events.find((e) => e.type === type)?.meta
  it('APPROVE_RELEASE is local policy; REPORT cites 四(三)', () => {
    expect(meta('APPROVE_RELEASE')).toMatchObject({ clause: null })
    expect(meta('APPROVE_RELEASE')?.policy).toContain('本地政策')
    expect(meta('REPORT')?.clause).toContain('四(三)')
    // Version 7 cited 三第四步 for the approval and left 四(三) out of REPORT.
    const v7 = (type: string) => planV7.events.find((e) => e.type === type)?.meta
    expect(v7('APPROVE_RELEASE')?.clause).toBe('三第四步')
    expect(v7('REPORT')?.clause).not.toContain('四(三)')
  })
})
