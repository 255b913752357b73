/**
 * 舆情应急预案（市人社局）version 9, from a review of version 8:
 * - 五(一)2: the round-the-clock monitoring of a 群体性突发事件 is due 1 hour from the mark (local
 *   policy; the text sets no time): a late organising breaches and owes its escalation, as every
 *   due duty does. Version 8 set none: owed only before closing, never late.
 * - Words: the events and the approval requirement say what the text says (no 认定 of a mass
 *   incident, 等部门, the recipients of REPORT by name, the new reply after a relapse a policy).
 * - 三第二步 发现舆情恶化、影响面扩大等不良发展趋势时要及时上报: a spread the monitoring records
 *   (`crossRegion` or `foreignMedia` turning true) owes the group a report, as a rise and a relapse do.
 * - Migration 8 → 9: a monitoring owed on version 8 (no due time) is withdrawn on the record and a
 *   new one begins at the migration, due 1 hour after it (amended: diff review of v9, finding 2);
 *   a spread fact already true owes nothing, one turning true afterwards does.
 */
import { describe, expect, it } from 'vitest'
import { planV9 as plan, planV8 } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, G, M, migrated, O, organised, resumed } from './hrss-city.helpers.js'

const ROUND = 'monitor:roundTheClock'
const ob = (w: Walker, rule: string) => w.context().obligations.findLast((o) => o.rule === rule)

function marked(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'major', severityReason: '研判', category: 'demand' }, O)
  w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:05') })
  w.send('MARK_MASS_INCIDENT', { description: '数十名参保人员聚集' }, { actor: M, at: day('10:00') })
  return w
}

describe('hrss-city v9: 五(一)2 the round-the-clock monitoring is due 1 hour from the mark (finding 1)', () => {
  it('is due at 11:00 for a mark at 10:00, and says so as a local policy', () => {
    const w = marked(plan)
    expect(ob(w, ROUND)).toMatchObject({ status: 'owed', startedAt: day('10:00'), dueAt: day('11:00') })
    expect(ob(w, ROUND)?.policy).toContain('1 小时')
    // Version 8 set no time: it could never be late.
    expect(ob(marked(planV8), ROUND)?.dueAt).toBeNull()
  })

  it('organised at 10:50 it is met; not organised by 11:00 it breaches and owes the escalation', () => {
    const onTime = marked(plan)
    onTime.send('ORGANIZE_MONITORING', organised, { actor: O, at: day('10:50') })
    expect(ob(onTime, ROUND)).toMatchObject({ status: 'met', breachedAt: null })

    const late = marked(plan)
    late.fire(ROUND)
    expect(ob(late, ROUND)).toMatchObject({ status: 'owed', breachedAt: day('11:00') })
    expect(late.owed().some((o) => o.rule === 'escalate')).toBe(true)
    late.send('ORGANIZE_MONITORING', organised, { actor: O, at: day('11:30') })
    expect(ob(late, ROUND)).toMatchObject({ status: 'late', metAt: day('11:30'), breachedAt: day('11:00') })
  })

  it('an incident of version 8 with the monitoring owed migrates to a new duty due 1 hour after the migration', () => {
    const w = marked(planV8)
    const at = day('12:00')
    const r = migrated(planV8, plan, w, at)
    // Amended (diff review of v9, finding 2): version 8's silent duty is withdrawn on the record and
    // a new one begins at the migration with its own hour — a new obligation, not a moved due time.
    const round = r.context.obligations.filter((o) => o.rule === ROUND)
    expect(round.map((o) => o.status)).toEqual(['withdrawn', 'owed'])
    expect(round[0]?.dueAt).toBeNull()
    expect(round[0]?.withdrawn).toMatchObject({ by: G, at })
    expect(round[0]?.withdrawn?.reason).toContain('第9版起限时组织：重新起算')
    expect(round[1]).toMatchObject({ startedAt: at, dueAt: day('13:00'), breachedAt: null })
    // It does not breach at once, and is met by the organising within the hour.
    const moved = resumed(plan, r)
    const t = day('12:40')
    moved.send('ORGANIZE_MONITORING', organised, O, t)
    const after = moved.context().obligations.filter((o) => o.rule === ROUND)
    expect(after.at(-1)).toMatchObject({ status: 'met', metAt: t, breachedAt: null })
  })

  it('a monitoring organised on version 8 stays met after the migration; nothing new is owed', () => {
    const w = marked(planV8)
    w.send('ORGANIZE_MONITORING', organised, { actor: O, at: day('10:30') })
    const r = migrated(planV8, plan, w, day('12:00'))
    const round = r.context.obligations.filter((o) => o.rule === ROUND)
    expect(round.map((o) => [o.status, o.metAt])).toEqual([['met', day('10:30')]])
  })
})

describe('hrss-city v9: labels and citations in the text’s words (finding 3)', () => {
  const event = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)

  it('五(一)2: a mass incident is recorded as happened, and the liaison names 等部门', () => {
    expect(event(plan, 'MARK_MASS_INCIDENT')?.label).toBe('记录发生群体性突发事件')
    expect(event(planV8, 'MARK_MASS_INCIDENT')?.label).toBe('认定群体性突发事件')
    expect(event(plan, 'ORGANIZE_MONITORING')?.meta.label).toContain('市公安网安办等部门对接')
    expect(plan.obligations.find((r) => r.id === ROUND)?.label).toContain('对网络舆情进行24小时不间断监控')
    expect(plan.obligations.find((r) => r.id === ROUND)?.label).toContain('等部门对接')
  })

  it('REPORT names its recipients as the text does; RELAPSE’s new reply is a policy, not a clause', () => {
    const report = event(plan, 'REPORT')?.meta
    expect(report?.label).not.toContain('市领导')
    expect(report?.label).toContain('市政府分管领导')
    expect(report?.label).toContain('市委和市政府')
    const relapse = event(plan, 'RELAPSE')?.meta
    expect(relapse).toMatchObject({ clause: '三第二步、六' })
    expect(relapse?.label).not.toContain('重新回复')
    expect(relapse?.policy).toContain('重新回复')
  })

  it('the group’s approval names both texts it approves, in its policy and on the chart', () => {
    expect(plan.approvals.general?.[0]?.policy).toContain('发布会权威消息')
    expect(planV8.approvals.general?.[0]?.policy).not.toContain('发布会权威消息')
  })
})

describe('hrss-city v9: one wording per thing, chart and tables alike (diff review of v9, finding 5)', () => {
  const event = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)
  type Meta = { clause: string | null; policy: string | null; label: string }
  /** The meta of the chart's transition on `type` from the state `id` (dot path under the machine). */
  const chartMeta = (p: PlanDefinition, id: string, type: string) =>
    (
      p.machine as unknown as {
        getStateNodeById: (id: string) => { on: Record<string, Array<{ meta?: Meta }>> }
      }
    ).getStateNodeById(`hrss-city.${id}`).on[type]?.[0]?.meta

  it('a) the monitoring’s policy names the offices as the text does (等部门), not “两个部门”', () => {
    const policy = plan.obligations.find((r) => r.id === ROUND)?.policy ?? ''
    expect(policy).toContain('与市委网信办、市公安网安办等部门对接')
    expect(policy).not.toContain('两个部门')
  })

  it('b) the chart’s ORGANIZE_MONITORING says 对网络舆情进行, as the event table does', () => {
    expect(chartMeta(plan, 'phase', 'ORGANIZE_MONITORING')?.label).toBe(
      event(plan, 'ORGANIZE_MONITORING')?.meta.label,
    )
  })

  it('c) the chart’s RELAPSE gives the new reply as local policy on 9; version 8’s chart is as it was', () => {
    for (const id of ['phase.disposal.clearing', 'phase.review.evaluating']) {
      const meta = chartMeta(plan, id, 'RELAPSE')
      expect(meta).toEqual(event(plan, 'RELAPSE')?.meta)
      expect(meta?.label).not.toContain('重新回复')
      expect(meta?.policy).toContain('重新回复')
      expect(chartMeta(planV8, id, 'RELAPSE')).toEqual({
        clause: '三第二步、六',
        policy: null,
        label: '舆情反复：续报领导小组，重新回复',
      })
    }
  })

  it('d) APPROVE_RELEASE: one policy text in the requirement, the chart and the event table', () => {
    const text = plan.approvals.general?.[0]?.policy
    expect(text).toContain('发布会权威消息')
    expect(chartMeta(plan, 'phase', 'APPROVE_RELEASE')?.policy).toBe(text)
    expect(event(plan, 'APPROVE_RELEASE')?.meta.policy).toBe(text)
  })

  it('e) REPORT names 影响面扩大 and 三第三步’s 市委办、市政府办、市委网信办', () => {
    const label = event(plan, 'REPORT')?.meta.label ?? ''
    expect(label).toContain('影响面扩大')
    expect(label).toContain('市委办、市政府办、市委网信办')
  })
})

describe('hrss-city v9: 三第二步 a spread the monitoring records owes the report to the group (finding 4)', () => {
  const GROUP = 'report:group'
  const groupReports = (w: Walker) => w.context().obligations.filter((o) => o.rule === GROUP)
  function opened(p: PlanDefinition, facts: Record<string, unknown> = {}) {
    const w = startIncident(p, { severity: 'general', severityReason: '研判', category: 'doubt', facts }, O)
    w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:05') })
    return w
  }
  const metrics = (w: Walker, facts: Record<string, unknown>, at: string) =>
    w.send('METRICS_UPDATED', { facts }, { actor: M, at })

  it('crossRegion turning true owes a report due in 30 minutes; version 8 owed none', () => {
    const w = opened(plan)
    metrics(w, { crossRegion: true, reposts: 500 }, day('10:00'))
    expect(groupReports(w).at(-1)).toMatchObject({
      id: 'report:group#2',
      status: 'owed',
      startedAt: day('10:00'),
      dueAt: day('10:30'),
    })
    expect(groupReports(w).at(-1)?.label).toContain('影响面扩大')
    w.send('REPORT', { to: ['group'], summary: '跨地区传播' }, { actor: M, at: day('10:10') })
    expect(groupReports(w).at(-1)).toMatchObject({ status: 'met', metAt: day('10:10') })
    const v8 = opened(planV8)
    metrics(v8, { crossRegion: true }, day('10:00'))
    expect(groupReports(v8)).toHaveLength(1)
  })

  it('foreignMedia turning true owes it too; a restated fact or more reposts owe nothing', () => {
    const w = opened(plan)
    metrics(w, { reposts: 900, sites: 40 }, day('09:30'))
    expect(groupReports(w)).toHaveLength(1)
    metrics(w, { foreignMedia: true }, day('10:00'))
    expect(groupReports(w)).toHaveLength(2)
    w.send('REPORT', { to: ['group'], summary: '境外媒体关注' }, { actor: M, at: day('10:05') })
    metrics(w, { foreignMedia: true, reposts: 2000 }, day('11:00'))
    expect(groupReports(w)).toHaveLength(2)
    expect(w.owed().some((o) => o.rule === GROUP)).toBe(false)
  })

  it('the spread reported before it was recorded: the report owed starts met at that report', () => {
    const w = opened(plan)
    w.send('REPORT', { to: ['group'], summary: '舆情跨地区扩散' }, { actor: M, at: day('09:50') })
    metrics(w, { crossRegion: true }, day('10:00'))
    expect(groupReports(w).at(-1)).toMatchObject({ status: 'met', metAt: day('09:50'), breachedAt: null })
  })

  it('a spread while a report to the group is still owed is answered by that report (review of v9, finding 4)', () => {
    // Before the first report: the 快报 owed answers the spread too.
    const first = startIncident(plan, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
    metrics(first, { crossRegion: true }, day('09:02'))
    expect(groupReports(first).map((o) => o.id)).toEqual(['report:group#1'])
    // A rise, then the spread recorded while the rise's 续报 is owed: one 续报.
    const risen = opened(plan)
    risen.send('SET_SEVERITY', { severity: 'major', reason: '升级' }, { actor: O, at: day('10:00') })
    metrics(risen, { foreignMedia: true }, day('10:01'))
    expect(groupReports(risen).map((o) => o.status)).toEqual(['met', 'owed'])
    risen.send('REPORT', { to: ['group'], summary: '升级、境外媒体关注' }, { actor: M, at: day('10:10') })
    expect(risen.owed().some((o) => o.rule === GROUP)).toBe(false)
    // Settled, the fact turning false and then true again is a renewed spread: a new report.
    metrics(risen, { foreignMedia: false }, day('10:20'))
    metrics(risen, { foreignMedia: true }, day('10:50'))
    expect(groupReports(risen).at(-1)).toMatchObject({
      id: 'report:group#3',
      status: 'owed',
      dueAt: day('11:20'),
    })
  })

  it('a fact true at the opening is no spread, and stays none when restated', () => {
    const w = opened(plan, { crossRegion: true })
    metrics(w, { crossRegion: true }, day('10:00'))
    expect(groupReports(w)).toHaveLength(1)
  })

  it('migrated from 8 with the fact already true, only a fact turning true afterwards owes', () => {
    const old = opened(planV8)
    metrics(old, { crossRegion: true }, day('10:00'))
    const r = migrated(planV8, plan, old, day('10:30'))
    expect(r.context.obligations.filter((o) => o.rule === GROUP)).toHaveLength(1)
    const moved = resumed(plan, r)
    const send = (facts: Record<string, unknown>, t: string) => moved.send('METRICS_UPDATED', { facts }, M, t)
    send({ crossRegion: true }, day('10:40'))
    const reports = () => moved.context().obligations.filter((o) => o.rule === GROUP)
    expect(reports()).toHaveLength(1)
    send({ foreignMedia: true }, day('10:50'))
    expect(reports().at(-1)).toMatchObject({ status: 'owed', dueAt: day('11:20') })
  })
})
