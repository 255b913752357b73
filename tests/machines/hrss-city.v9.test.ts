/**
 * 舆情应急预案（市人社局）version 9, from a review of version 8:
 * - 五(一)2: the round-the-clock monitoring of a 群体性突发事件 is due 1 hour from the mark (local
 *   policy; the text sets no time): a late organising breaches and owes its escalation, as every
 *   due duty does. Version 8 set none: owed only before closing, never late.
 * - Words: the events and the approval requirement say what the text says (no 认定 of a mass
 *   incident, 等部门, the recipients of REPORT by name, the new reply after a relapse a policy).
 * - Migration 8 → 9: a monitoring owed on version 8 keeps no due time (rule 9: set once, when begun).
 */
import { describe, expect, it } from 'vitest'
import { plan, planV8 } from '../../machines/hrss-city/index.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, startIncident, type Walker } from '../helpers/machine.js'

const M: Actor = { name: '王监控', role: 'monitor' }
const O: Actor = { name: '李办公室', role: 'office' }
const G: Actor = { name: '张组长', role: 'group' }

const day = (hhmm: string) => `2026-10-09T${hhmm}:00.000Z`
const ROUND = 'monitor:roundTheClock'
const ob = (w: Walker, rule: string) => w.context().obligations.findLast((o) => o.rule === rule)
const organised = {
  arrangement: '各职能科室监控员三班轮值，24小时不间断监控',
  cityCac: '已与市委网信办建立专人对接',
  cityPolice: '已与市公安网安办建立专人对接',
}

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

  it('an incident of version 8 with the monitoring owed migrates with no due time set after the fact', () => {
    const w = marked(planV8)
    const at = day('12:00')
    const persisted = planV8.machine.getPersistedSnapshot(
      w.actor.getSnapshot(),
    ) as unknown as PersistedSnapshot
    const r = migrateSnapshot(planV8, plan, persisted, {
      at,
      actor: G,
      reason: '升级',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const round = r.context.obligations.filter((o) => o.rule === ROUND)
    expect(round).toHaveLength(1)
    expect(round[0]).toMatchObject({ status: 'owed', dueAt: null, breachedAt: null })
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
