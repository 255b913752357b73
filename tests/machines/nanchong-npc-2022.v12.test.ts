/**
 * nanchong-npc-2022 version 12 (a clause review of version 11 found a duty never owed):
 * 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况 — version 11 cited the clause on 三(二)'s report of the
 * 舆情, but nothing owed a report of the handling work: the handling could end and the incident close
 * without it. Version 12 owes it at 较大 and above from the subsiding (处置结束, 三(六)), by the group,
 * to 市网信办, met by `REPORT { to: ['cac'], subject: 'handling' }` (local policy: 24 hours), waivable
 * by the group, holding the close (rule 2), withdrawn by a lowering to 一般 only while not yet due
 * (rule 5), owed again at a later subsiding after a relapse.
 * OBLIGATIONS.md rule 4 with rule 5 (kit `again.revivesWithdrawn: 'byOwer'`, rules/versions-v12.ts
 * `REVIVED_V12`): a report a rise begins keeps the due time of the instance its own ower's lowering
 * withdrew, while that is still ahead — without it the office, owing the report to the group, lowered
 * and raised again for 10 more minutes (the group likewise for the reports to 市网信办).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { REVIVED_POLICY } from '../../machines/kit/revive-withdrawn.js'
import type { Obligation } from '../../machines/kit/types.js'
import { planV12 as plan, planV11 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  declineAll,
  type Grade,
  group,
  monitor,
  of,
  office,
  one,
  open,
  owedRules,
  publish,
  reportCac,
  reportGroup,
  toResponse,
} from './nanchong-npc-2022.helpers.js'

const HANDLING = { to: ['cac'], summary: '处置工作情况', subject: 'handling' }
const H = 'report:handling'

/** From the response: the reply, subside (at `when`), decline what is left, watch, start the review. */
function subsided(grade: 'general' | 'large' | 'major' | 'critical', when?: string): Walker {
  const w = toResponse(grade, 'inquiry', plan)
  publish(w, 'REPLY')
  w.send('SUBSIDE', {}, { actor: office, ...(when ? { at: when } : {}) })
  expect(w.phase()).toBe('disposal')
  declineAll(w)
  w.send('WATCH_TREND', {}, { actor: office })
  return w
}
const review = (w: Walker) => accepted(w, group, 'REVIEW', { summary: '总结' })

describe('nanchong-npc-2022 version 12', () => {
  it('is registered, migrating from 11; the tests here run on version 12 itself (version 13 keeps its rules)', () => {
    expect(getPlan('nanchong-npc-2022', 12)).toMatchObject({ version: 12, migratesFrom: { from: 11 } })
    expect(plan.version).toBe(12)
  })

  it('accepts version 11’s events (its categories too); REPORT alone gains `subject`', () => {
    expect(plan.events.map((e) => e.type)).toEqual(planV11.events.map((e) => e.type))
    for (const e of planV11.events)
      if (e.type !== 'REPORT') expect(plan.events.find((x) => x.type === e.type)).toBe(e)
    const report = plan.events.find((e) => e.type === 'REPORT')!
    expect(report.schema.safeParse({ to: ['cac'], summary: 's', subject: 'handling' }).success).toBe(true)
    expect(report.schema.safeParse({ to: ['cac'], summary: 's', subject: 'incident' }).success).toBe(false)
    // `facts` names the 舆情 itself (三(二)), as no subject does: a form offers it by name beside `handling`.
    expect(report.schema.safeParse({ to: ['group'], summary: 's', subject: 'facts' }).success).toBe(true)
  })
})

describe('nanchong-npc-2022 v12 二(三)6: the report of the handling work to 市网信办', () => {
  it('较大: owed by the group from the subsiding, 24 h; the close is refused until it is sent', () => {
    const at = addMinutes(T0, 300)
    const w = subsided('large', at)
    expect(one(w, H)).toMatchObject({
      kind: 'report',
      status: 'owed',
      owedBy: ['group'],
      recipient: { code: 'cac', label: '市网信办' },
      clause: '二(三)6、三(六)',
      startedAt: at,
      dueAt: addMinutes(at, 24 * 60),
      breachedAt: null,
      discharge: { type: 'REPORT', fields: { to: ['cac'], subject: 'handling' } },
    })
    expect(one(w, H).policy).toContain('本地政策')
    w.send('START_REVIEW', {}, { actor: group })
    // Rule 2: the close (REVIEW) is refused (409) naming the handling report.
    const close = { type: 'REVIEW', summary: '总结', at: addMinutes(T0, 10_000), actor: group }
    const refused = refusalDetail(plan, w.actor.getSnapshot(), close)
    expect((refused.owed as Obligation[] | undefined)?.map((o) => o.id)).toEqual([`${H}#1`])
    expect(review(w)).toBe(false)
    // A report of the 舆情 to 市网信办 is not the report of the handling work, named `facts` or not.
    w.send('REPORT', { to: ['cac'], summary: '续报舆情' }, { actor: group })
    w.send('REPORT', { to: ['cac'], summary: '续报舆情', subject: 'facts' }, { actor: group })
    expect(one(w, H).status).toBe('owed')
    // The monitor may not send it (逐级: only the group reports to 市网信办), nor to the group.
    expect(accepted(w, monitor, 'REPORT', HANDLING)).toBe(false)
    expect(accepted(w, monitor, 'REPORT', { ...HANDLING, to: ['group'] })).toBe(false)
    expect(accepted(w, monitor, 'REPORT', { ...HANDLING, to: ['group', 'cac'] })).toBe(false)
    expect(accepted(w, group, 'REPORT', HANDLING)).toBe(true)
    expect(one(w, H).status).toBe('met')
    expect(review(w)).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('at every grade from 较大 up; 一般 owes none (三(二): 一般 is not reported to 市网信办)', () => {
    for (const g of ['major', 'critical'] as const) expect(one(subsided(g), H).status).toBe('owed')
    const w = subsided('general')
    expect(of(w, H)).toEqual([])
    w.send('START_REVIEW', {}, { actor: group })
    expect(review(w)).toBe(true)
  })

  it('not owed before the subsiding; a handling report sent before it does not meet it', () => {
    const w = toResponse('large', 'inquiry', plan)
    expect(of(w, H)).toEqual([])
    expect(accepted(w, group, 'REPORT', HANDLING)).toBe(true)
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    expect(one(w, H).status).toBe('owed')
  })

  it('waived by the group (rule 2): the review closes; the waiver is on the record', () => {
    const w = subsided('large')
    w.send('WAIVE', { obligation: `${H}#1`, reason: '已当面汇报' }, { actor: group })
    expect(one(w, H)).toMatchObject({ status: 'waived', waived: { by: group, reason: '已当面汇报' } })
    w.send('START_REVIEW', {}, { actor: group })
    expect(review(w)).toBe(true)
  })

  it('breached at its due time, it stays breached: sent later it is late', () => {
    const w = subsided('large')
    w.fire(H)
    expect(one(w, H).breachedAt).toBe(one(w, H).dueAt)
    w.send('REPORT', HANDLING, { actor: group, at: addMinutes(T0, 5000) })
    expect(one(w, H).status).toBe('late')
  })

  it('rule 5: lowered to 一般 while not yet due, withdrawn; once breached, a lowering leaves it owed', () => {
    const w = subsided('large')
    w.send('SET_SEVERITY', { severity: 'general', reason: '研判降级' }, { actor: group })
    expect(one(w, H)).toMatchObject({ status: 'withdrawn', withdrawn: { by: group } })
    w.send('START_REVIEW', {}, { actor: group })
    expect(review(w)).toBe(true)
    const b = subsided('major')
    b.fire(H)
    b.send(
      'SET_SEVERITY',
      { severity: 'general', reason: '研判降级' },
      { actor: group, at: addMinutes(T0, 5000) },
    )
    expect(one(b, H).status).toBe('owed')
    expect(one(b, H).breachedAt).not.toBeNull()
    // 较大 → 重大 keeps it owed (still 较大 and above).
    const k = subsided('large')
    k.send('SET_SEVERITY', { severity: 'major', reason: '研判升级' }, { actor: group })
    expect(one(k, H).status).toBe('owed')
  })

  it('a rise to 较大 after a 一般 incident subsided owes it from the rise (rule 4)', () => {
    const w = subsided('general')
    const at = addMinutes(T0, 900)
    w.send('SET_SEVERITY', { severity: 'large', reason: '研判升级' }, { actor: group, at })
    expect(one(w, H)).toMatchObject({ status: 'owed', startedAt: at, dueAt: addMinutes(at, 24 * 60) })
  })

  it('a relapse: the handling since is reported again at the next subsiding; one owed at a time', () => {
    const w = subsided('large')
    w.send('REPORT', HANDLING, { actor: group })
    expect(one(w, H).status).toBe('met')
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: office })
    expect(w.phase()).toBe('response')
    w.send('SUBSIDE', {}, { actor: office })
    expect(of(w, H).map((o) => o.status)).toEqual(['met', 'owed'])
    // Owed when it relapses again: the one owed covers the next subsiding too.
    w.send('RELAPSE', { reason: '再次反复' }, { actor: office })
    w.send('SUBSIDE', {}, { actor: office })
    expect(of(w, H).map((o) => o.status)).toEqual(['met', 'owed'])
    expect(owedRules(w)).toContain(H)
  })
})

describe('nanchong-npc-2022 v12: a state the bounded graph search leaves (known-gaps.ts perturbed)', () => {
  it('opened unclassified, 恶意炒作, the report to the group breached, graded 较大: it still closes', () => {
    const w = startIncident(plan, { category: null }, office)
    w.send('SET_CATEGORY', { category: 'malicious' }, { actor: office })
    w.fire('report:group')
    w.send('ESCALATE', { to: ['小组'] }, { actor: office })
    w.send('CLASSIFY', { severity: 'large' }, { actor: monitor })
    reportGroup(w)
    reportCac(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    expect(publish(w, 'REFUTE')).toBe(true)
    w.send('REFER_TO_POLICE', { grounds: '恶意炒作' }, { actor: group })
    declineAll(w)
    w.send('SUBSIDE', {}, { actor: office })
    declineAll(w)
    expect(owedRules(w)).toContain(H)
    w.send('REPORT', HANDLING, { actor: group })
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(owedRules(w)).toEqual(['review'])
    expect(review(w)).toBe(true)
    expect(w.phase()).toBe('closed')
  })
})

const at = (m: number) => addMinutes(T0, m)
const setGrade = (w: Walker, severity: Grade, minute: number, by: Actor) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: by, at: at(minute) })
const latestOf = (w: Walker, rule: string) => of(w, rule).at(-1)
const window = (w: Walker, rule: string) => {
  const o = latestOf(w, rule)
  return { status: o?.status, startedAt: o?.startedAt, dueAt: o?.dueAt, countsFrom: o?.countsFrom }
}
/** 一般, reported to the group at 09:02; raised to 较大 at 09:10 by `by`: the report to the group again, due 09:20. */
function risen(by: Actor): Walker {
  const w = open('general', 'inquiry', plan)
  reportGroup(w, at(2))
  setGrade(w, 'large', 10, by)
  expect(window(w, G)).toEqual({ status: 'owed', startedAt: at(10), dueAt: at(20), countsFrom: at(10) })
  return w
}
const G = 'report:group'

describe('nanchong-npc-2022 v12: lowering and raising again buys no new window (rules 4 and 5)', () => {
  it('the office (owing the report to the group) lowers and raises again within the window: same due time', () => {
    const w = risen(office)
    setGrade(w, 'general', 15, office)
    expect(latestOf(w, G)).toMatchObject({ status: 'withdrawn', withdrawn: { by: office } })
    setGrade(w, 'large', 18, office)
    expect(window(w, G)).toEqual({ status: 'owed', startedAt: at(18), dueAt: at(20), countsFrom: at(10) })
    expect(latestOf(w, G)?.policy).toContain(REVIVED_POLICY)
  })

  it('raised again after the window: a new window from the rise, and no breach (rule 5)', () => {
    const w = risen(office)
    setGrade(w, 'general', 15, office)
    setGrade(w, 'large', 25, office)
    expect(window(w, G)).toEqual({ status: 'owed', startedAt: at(25), dueAt: at(35), countsFrom: at(25) })
    expect(latestOf(w, G)?.policy ?? '').not.toContain(REVIVED_POLICY)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('lowered by the group (it does not owe the report to the group), raised by the office: a new window', () => {
    const w = risen(office)
    setGrade(w, 'general', 15, group)
    setGrade(w, 'large', 18, office)
    expect(window(w, G)).toEqual({ status: 'owed', startedAt: at(18), dueAt: at(28), countsFrom: at(18) })
    expect(latestOf(w, G)?.policy ?? '').not.toContain(REVIVED_POLICY)
  })

  it('the report to 市网信办 is the group’s: its own lowering keeps its due time, the office’s does not', () => {
    // 一般, reported to the group at 09:02; the group raises to 较大 at 09:10: 市网信办 is owed a report by 10:10.
    for (const [by, dueAt] of [
      [group, at(70)],
      [office, at(100)],
    ] as const) {
      const w = open('general', 'inquiry', plan)
      reportGroup(w, at(2))
      setGrade(w, 'large', 10, group)
      expect(window(w, 'report:cac')).toMatchObject({ status: 'owed', dueAt: at(70) })
      setGrade(w, 'general', 30, by)
      expect(latestOf(w, 'report:cac')?.status).toBe('withdrawn')
      setGrade(w, 'large', 40, group)
      expect(window(w, 'report:cac')).toMatchObject({ status: 'owed', startedAt: at(40), dueAt })
    }
  })

  it('the report of the handling work: the group lowers to 一般 and raises again, same due time', () => {
    const w = subsided('large', at(100))
    expect(window(w, H)).toMatchObject({ status: 'owed', dueAt: at(100 + 24 * 60) })
    setGrade(w, 'general', 200, group)
    expect(latestOf(w, H)?.status).toBe('withdrawn')
    setGrade(w, 'large', 300, group)
    expect(window(w, H)).toEqual({
      status: 'owed',
      startedAt: at(300),
      dueAt: at(100 + 24 * 60),
      countsFrom: at(100),
    })
    expect(latestOf(w, H)?.policy).toContain(REVIVED_POLICY)
  })
})
