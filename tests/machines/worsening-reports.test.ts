/**
 * Where the text itself asks for a new report when the incident worsens, a rise, a lowering
 * and a rise again owe it again (OBLIGATIONS.md rule 4: a 续报 the plan requires is a new
 * obligation with its own due time and clause), though the recipient was told of that grade:
 * saws-2014 五(二) 发现有舆情发酵、影响面不断扩大等不良发展趋势时，要及时报告人事司(宣教办), and
 * hrss-city 三第二步 在监测过程中发现舆情恶化、影响面扩大等不良发展趋势时要及时上报局网络舆情应急处置
 * 领导小组. The report made before stays met as it was (rule 4); the new one cites the clause.
 * (neixiang-2017 and nanchong-npc-2022 have no such clause: their v6 tests.)
 */
import { describe, expect, it } from 'vitest'
import { plan as hrss } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { plan as saws } from '../../machines/saws-2014/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, type Walker } from '../helpers/machine.js'

const monitor: Actor = { name: '监测员', role: 'monitor' }
const CASES = [
  {
    plan: saws,
    rule: 'report:office:major',
    clause: '五(二)',
    grades: ['large', 'major'] as Severity[],
    report: { to: ['office'], channel: 'phone' },
    regrader: { name: '分管领导', role: 'leader' } as Actor,
    due: 30,
  },
  {
    plan: hrss,
    rule: 'report:group',
    clause: '三第二步',
    grades: ['general', 'major'] as Severity[],
    report: { to: ['group'], summary: '快报事实' },
    regrader: { name: '组长', role: 'group' } as Actor,
    due: 30,
  },
]

const latest = (w: Walker, rule: string) => w.context().obligations.filter((o) => o.rule === rule)

describe.each(CASES)('$plan.id: the text asks for a report when it worsens', (c) => {
  const [low, high] = c.grades as [Severity, Severity]
  const grade = (w: Walker, severity: Severity) =>
    w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: c.regrader })

  it(`${high} reported, lowered to ${low} and raised again: a new report is owed, citing ${c.clause}`, () => {
    const w = startIncident(
      c.plan as PlanDefinition,
      { severity: high, severityReason: '研判', category: 'suggestion' },
      monitor,
    )
    w.send('REPORT', c.report, { actor: monitor })
    const first = latest(w, c.rule).at(-1)
    expect(first).toMatchObject({ status: 'met' })
    grade(w, low)
    grade(w, high)
    const rise = w.context().acts.at(-1)?.at as string
    const all = latest(w, c.rule)
    expect(all).toContainEqual(first)
    expect(all.at(-1)).toMatchObject({ startedAt: rise, status: 'owed', dueAt: addMinutes(rise, c.due) })
    expect(all.at(-1)?.id).not.toBe(first?.id)
    expect(all.at(-1)?.clause?.split('、')).toContain(c.clause)
    w.send('REPORT', c.report, { actor: monitor })
    expect(latest(w, c.rule).at(-1)).toMatchObject({ status: 'met', metAt: w.context().acts.at(-1)?.at })
  })
})
