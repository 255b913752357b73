/**
 * nanchong-npc-2022 version 13 (a clause review of version 12's open readings):
 * (a) 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况 — the 相关部门 are decided by the group from the
 *     subsiding, and a yes owes them the report of the handling work;
 * (b) 三(四)4 对于捏造、歪曲或夸大事实…要寻求网信办和公安机关落地找人 — a 谣言 owes the group's finding, a yes the referral;
 * (c) 立即 / 第一时间 duties are due by a named local policy (IMMEDIATE_POLICY): nanchong-npc-2022.v13-due.test.ts;
 * (d) 三(四)3 …或特别重大舆情，可以召开新闻发布会 — a no at 重大 is asked again at a rise to 特别重大:
 *     nanchong-npc-2022.v13-press-conference.test.ts;
 * (e) 三(四)1 由纪检监察组或机关纪委调查核实 — the investigation is theirs, not the unit's.
 * This file holds the version itself, its events, (a), (b) and (e).
 */
import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../machines/kit/types.js'
import { planV13 as plan, planV12 } from '../../machines/nanchong-npc-2022/index.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  as,
  declineAll,
  type Grade,
  group,
  monitor,
  of,
  office,
  one,
  owedRules,
  publish,
  toResponse,
} from './nanchong-npc-2022.helpers.js'

const discipline = as('discipline', '纪检监察组')
const D = 'decide:departments'
const R = 'report:departments'
const TO_DEPARTMENTS = { to: ['departments'], summary: '处置工作情况', subject: 'handling' }
const HANDLING = { to: ['cac'], summary: '处置工作情况', subject: 'handling' }
const yes = (w: Walker, decision: string, reason = '须办', at?: string) =>
  w.send('DECIDE', { decision, answer: 'yes', reason }, { actor: group, ...(at ? { at } : {}) })
const no = (w: Walker, decision: string, reason = '无需') =>
  w.send('DECIDE', { decision, answer: 'no', reason }, { actor: group })

/** From the response (a reply given), subsided at `when`. */
function subsided(grade: Grade, when?: string, category: 'inquiry' | 'rumor' = 'inquiry'): Walker {
  const w = toResponse(grade, category, plan)
  publish(w, category === 'rumor' ? 'REFUTE' : 'REPLY')
  w.send('SUBSIDE', {}, { actor: office, ...(when ? { at: when } : {}) })
  expect(w.phase()).toBe('disposal')
  return w
}
/** Declines what is left to decide, watches the trend, reviews: whether the review closed it. */
const close = (w: Walker) => {
  declineAll(w)
  w.send('WATCH_TREND', {}, { actor: office })
  w.send('START_REVIEW', {}, { actor: group })
  return accepted(w, group, 'REVIEW', { summary: '总结' })
}

describe('nanchong-npc-2022 version 13', () => {
  it('is the current version, migrating from 12; version 12 stays for its incidents', () => {
    expect(plan.version).toBe(13)
    expect(plan.migratesFrom?.from).toBe(12)
    expect(planV12.version).toBe(12)
  })

  it('accepts version 12’s events; REPORT may name the 相关部门, INVESTIGATE is 纪检监察组或机关纪委’s', () => {
    expect(plan.events.map((e) => e.type)).toEqual(planV12.events.map((e) => e.type))
    for (const e of planV12.events)
      if (e.type !== 'REPORT' && e.type !== 'INVESTIGATE')
        expect(plan.events.find((x) => x.type === e.type)).toBe(e)
    const report = (p: typeof plan) => p.events.find((e) => e.type === 'REPORT')!.schema
    expect(report(plan).safeParse(TO_DEPARTMENTS).success).toBe(true)
    expect(report(planV12).safeParse(TO_DEPARTMENTS).success).toBe(false)
  })
})

describe('nanchong-npc-2022 v13 (a) 二(三)6: the report of the handling work to the 相关部门', () => {
  it('from the subsiding, at every grade, the group decides which 相关部门 are told; the close waits for it', () => {
    for (const g of ['general', 'large'] as const) {
      const w = subsided(g)
      expect(one(w, D)).toMatchObject({
        kind: 'decision',
        status: 'owed',
        owedBy: ['group'],
        clause: '二(三)6、三(六)',
      })
      expect(one(w, D).policy).toContain('规则 3')
      if (g === 'large') w.send('REPORT', HANDLING, { actor: group })
      w.send('WATCH_TREND', {}, { actor: office })
      w.send('START_REVIEW', {}, { actor: group })
      const refused = refusalDetail(plan, w.actor.getSnapshot(), {
        type: 'REVIEW',
        summary: '总结',
        at: addMinutes(T0, 10_000),
        actor: group,
      })
      expect((refused.owed as Obligation[] | undefined)?.map((o) => o.rule)).toContain(D)
    }
    expect(of(toResponse('general', 'inquiry', plan), D)).toEqual([])
  })

  it('no: recorded with who and why, nothing owed, the incident closes', () => {
    const w = subsided('general')
    no(w, D, '未涉及其他部门')
    expect(one(w, D).decision).toMatchObject({ answer: 'no', by: group, reason: '未涉及其他部门' })
    expect(of(w, R)).toEqual([])
    expect(close(w)).toBe(true)
  })

  it('yes: the group owes the 相关部门 the report, 24 h from the yes; only a report of the handling meets it', () => {
    const w = subsided('general')
    const at = addMinutes(T0, 500)
    yes(w, D, '市公安局参与落地处置，向其报告', at)
    expect(one(w, R)).toMatchObject({
      kind: 'report',
      status: 'owed',
      owedBy: ['group'],
      recipient: { code: 'departments', label: '相关部门' },
      clause: '二(三)6',
      startedAt: at,
      dueAt: addMinutes(at, 24 * 60),
      discharge: { type: 'REPORT', fields: { to: ['departments'], subject: 'handling' } },
    })
    // The 相关部门 are told of the handling work only, and by the group only.
    expect(accepted(w, group, 'REPORT', { to: ['departments'], summary: '舆情' })).toBe(false)
    expect(accepted(w, monitor, 'REPORT', TO_DEPARTMENTS)).toBe(false)
    expect(accepted(w, office, 'REPORT', TO_DEPARTMENTS)).toBe(false)
    expect(accepted(w, group, 'REPORT', { ...TO_DEPARTMENTS, to: ['group', 'departments'] })).toBe(false)
    expect(one(w, R).status).toBe('owed')
    expect(accepted(w, group, 'REPORT', TO_DEPARTMENTS)).toBe(true)
    expect(one(w, R).status).toBe('met')
    expect(close(w)).toBe(true)
  })

  it('one report to 市网信办 and the 相关部门 meets both (较大)', () => {
    const w = subsided('large')
    yes(w, D)
    expect(accepted(w, group, 'REPORT', { ...HANDLING, to: ['cac', 'departments'] })).toBe(true)
    expect(one(w, 'report:handling').status).toBe('met')
    expect(one(w, R).status).toBe('met')
  })

  it('after a relapse the next subsiding asks again; a yes owes a new report, one owed covers it', () => {
    const w = subsided('general')
    yes(w, D)
    w.send('REPORT', TO_DEPARTMENTS, { actor: group })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: office })
    w.send('SUBSIDE', {}, { actor: office })
    expect(of(w, D).map((o) => o.status)).toEqual(['met', 'owed'])
    yes(w, D)
    expect(of(w, R).map((o) => o.status)).toEqual(['met', 'owed'])
    // Owed at the next relapse and subsiding: not asked again, the report owed covers it.
    w.send('RELAPSE', { reason: '再次反复' }, { actor: office })
    w.send('SUBSIDE', {}, { actor: office })
    expect(of(w, D).map((o) => o.status)).toEqual(['met', 'met'])
    w.send('REPORT', TO_DEPARTMENTS, { actor: group })
    expect(owedRules(w)).not.toContain(R)
  })
})

describe('nanchong-npc-2022 v13 (b) 三(四)4: a 谣言 found 捏造、歪曲或夸大事实 is referred to 网信办 and 公安机关', () => {
  it('a 谣言 owes the group’s finding; yes owes the referral (REFER_TO_POLICE)', () => {
    const w = toResponse('general', 'rumor', plan)
    expect(one(w, 'decide:police')).toMatchObject({
      kind: 'decision',
      status: 'owed',
      owedBy: ['group'],
      clause: '三(四)1、三(四)4',
    })
    yes(w, 'decide:police', '经查证系捏造事实')
    expect(one(w, 'step:police')).toMatchObject({
      status: 'owed',
      owedBy: ['group', 'office'],
      clause: '三(四)4',
    })
    w.send('REFER_TO_POLICE', { grounds: '捏造事实' }, { actor: office })
    expect(one(w, 'step:police').status).toBe('met')
  })

  it('no (an honest 求证) owes nothing and is on the record; other categories owe no finding; 恶意炒作 owes the referral as before', () => {
    const w = toResponse('general', 'rumor', plan)
    no(w, 'decide:police', '网民求证，非捏造')
    expect(one(w, 'decide:police').decision).toMatchObject({ answer: 'no', by: group })
    expect(of(w, 'step:police')).toEqual([])
    expect(of(toResponse('general', 'inquiry', plan), 'decide:police')).toEqual([])
    const m = toResponse('general', 'malicious', plan)
    expect(of(m, 'decide:police')).toEqual([])
    expect(one(m, 'offline:police').status).toBe('owed')
  })

  it('a 谣言 closes only once the finding is made (rule 2)', () => {
    const w = subsided('general', undefined, 'rumor')
    declineAll(w)
    expect(of(w, 'decide:police').map((o) => o.status)).toEqual(['met'])
    expect(close(w)).toBe(true)
  })
})

describe('nanchong-npc-2022 v13 (e) 三(四)1: the investigation is 纪检监察组或机关纪委’s', () => {
  it('a tip-off’s investigation is owed by `discipline`, who alone sends INVESTIGATE', () => {
    const w = toResponse('general', 'tip_off', plan)
    expect(one(w, 'offline:investigate')).toMatchObject({ status: 'owed', owedBy: ['discipline'] })
    expect(one(w, 'offline:investigate').label).toContain('纪检监察组或机关纪委')
    expect(plan.events.find((e) => e.type === 'INVESTIGATE')?.roles).toEqual(['discipline'])
    // Version 12 owed it the unit the tip-off concerns.
    expect(planV12.events.find((e) => e.type === 'INVESTIGATE')?.roles).toEqual(['unit'])
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: discipline })
    expect(one(w, 'offline:investigate').status).toBe('met')
  })
})
