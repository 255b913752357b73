/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 6: a rise, a lowering and a rise again to a grade the
 * group and the principal leaders were already told of owe them no second report
 * (OBLIGATIONS.md rule 6: a recipient already told of the same grade starts met at that
 * step's time; kit `again.told`). The 续报 a rise owes (local policy on 第三條5、第三條6) is
 * owed at a rise to a grade not yet reported, as before. The text has no clause that asks
 * for a new report when the impact grows (第六條's 负面影响增大 asks for a mainstream
 * release, which every rise still owes). Version 5 (frozen) owes the report again.
 * Version 6 is frozen since version 7 (neixiang-2017.v7*.test.ts) and tested by name (planV6).
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { getPlan } from '../../machines/index.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV6 as plan, planV5 } from '../../machines/neixiang-2017/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import { TOLD_SAME_GRADE_TEXT } from '../../src/diagrams/labels.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'

const office: Actor = { name: '信息公开办值班员', role: 'office' }
const monitor: Actor = { name: '舆情评论员', role: 'monitor' }
const group: Actor = { name: '领导小组组长', role: 'group' }
const TOLD = ['report:group', 'report:principal'] as const

const open = (p: PlanDefinition, severity: Severity) =>
  startIncident(p, { severity, severityReason: '研判' }, office)
const report = (w: Walker) =>
  w.send('REPORT', { to: ['group', 'principal'], proposal: '建议公布事实' }, { actor: monitor })
const grade = (w: Walker, severity: Severity) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: group })
const latest = (ctx: IncidentContext, rule: string) => ctx.obligations.findLast((o) => o.rule === rule)
const lastReport = (w: Walker) => w.context().acts.findLast((a) => a.type === 'REPORT')?.at
const lastAct = (w: Walker) => w.context().acts.at(-1)?.at

/** general → major, reported at each grade, lowered to general and raised to major again. */
function reRaised(p: PlanDefinition) {
  const w = open(p, 'general')
  report(w)
  grade(w, 'major')
  report(w)
  const toldAt = lastReport(w)
  grade(w, 'general')
  grade(w, 'major')
  return { w, toldAt, rise: lastAct(w) }
}

describe('neixiang-2017 v6, rule 6: a rise again to a grade already reported owes no second report', () => {
  it('general → major (reported) → general → major: the group and the principal leaders start met', () => {
    const { w, toldAt, rise } = reRaised(plan)
    for (const rule of TOLD) {
      const o = latest(w.context(), rule)
      expect(o, rule).toMatchObject({ startedAt: rise, status: 'met', metAt: toldAt, breachedAt: null })
    }
    expect(w.owed().map((o) => o.rule)).not.toContain('report:group')
    expect(w.owed().map((o) => o.rule)).not.toContain('report:principal')
    // 第六條: the rise still owes its mainstream release (policy: every rise, none before counts).
    expect(latest(w.context(), 'mainstream')).toMatchObject({ startedAt: rise, status: 'owed' })
  })

  it('opened at major and reported, lowered and raised again: met at the report made at opening', () => {
    const w = open(plan, 'major')
    report(w)
    const toldAt = lastReport(w)
    grade(w, 'general')
    grade(w, 'major')
    for (const rule of TOLD)
      expect(latest(w.context(), rule), rule).toMatchObject({ status: 'met', metAt: toldAt })
  })

  it('a rise to a grade not yet reported still owes the 续报, due 30 minutes from the rise', () => {
    const { w } = reRaised(plan)
    grade(w, 'general')
    grade(w, 'critical')
    const rise = lastAct(w) as string
    for (const rule of TOLD)
      expect(latest(w.context(), rule), rule).toMatchObject({
        startedAt: rise,
        status: 'owed',
        dueAt: addMinutes(rise, 30),
      })
  })

  it('a report made at a lower grade does not count: a first rise to major owes the 续报', () => {
    const w = open(plan, 'general')
    report(w)
    grade(w, 'major')
    for (const rule of TOLD) expect(latest(w.context(), rule), rule).toMatchObject({ status: 'owed' })
  })

  it('version 5 (kept for its incidents) owes the report again', () => {
    const { w, rise } = reRaised(planV5)
    for (const rule of TOLD)
      expect(latest(w.context(), rule), rule).toMatchObject({ startedAt: rise, status: 'owed' })
  })

  it('registers version 6 (from 5, the same states and options); versions 5 and 6 stay', () => {
    expect(plan).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    expect(getPlan('neixiang-2017', 6)?.machine).toBe(plan.machine)
    expect(getPlan('neixiang-2017', 5)?.machine).toBe(planV5.machine)
    expect(kitOptionsOf(plan.machine)).toEqual(kitOptionsOf(planV5.machine))
    for (const rule of TOLD) {
      expect(plan.obligations.find((r) => r.id === rule)?.again).toEqual({ raise: true, told: 'sameGrade' })
      expect(plan.obligations.find((r) => r.id === rule)?.policy).toContain('不再续报')
      expect(planV5.obligations.find((r) => r.id === rule)?.again).toEqual({ raise: true })
    }
  })
})

describe('neixiang-2017 v6 migrates from version 5 (same states)', () => {
  function migrated(w: Walker) {
    const at = addMinutes(lastAct(w) as string, 5)
    const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
    const r = migrateSnapshot(planV5, plan, persisted, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '已报告的级别不再续报',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    return { at, r }
  }

  it('the report a version-5 re-raise owes to recipients told of that grade is met at their report', () => {
    const { w, toldAt, rise } = reRaised(planV5)
    const { r } = migrated(w)
    for (const rule of TOLD)
      expect(latest(r.context, rule), rule).toMatchObject({ startedAt: rise, status: 'met', metAt: toldAt })
    expect(r.mapping.every((m) => m.from === m.to)).toBe(true)
    const actor = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const owed = (actor.getSnapshot().context as IncidentContext).obligations.filter(
      (o) => o.status === 'owed',
    )
    expect(owed.map((o) => o.rule)).not.toContain('report:group')
  })

  it('a 续报 owed to a grade never reported stays owed, with its due time', () => {
    const w = open(planV5, 'general')
    report(w)
    grade(w, 'major')
    const before = latest(w.context(), 'report:group')
    const { r } = migrated(w)
    expect(latest(r.context, 'report:group')).toEqual(before)
    expect(before).toMatchObject({ status: 'owed' })
  })
})

describe('neixiang-2017 version 6 as GET /plans and the diagrams describe it', () => {
  it('says which reports a rise again to a grade reported does not owe anew (again.told)', () => {
    const told = (p: PlanDefinition) =>
      describeObligations(p)
        .obligations.filter((o) => o.again?.toldSameGrade)
        .map((o) => o.id)
    expect(told(plan)).toEqual([...TOLD])
    expect(told(planV5)).toEqual([])
    const table = obligationsByGrade(plan).join('\n')
    for (const id of TOLD) {
      const row = table.split('\n').find((l) => l.includes(`\`${id}\``))
      expect(row, id).toContain(TOLD_SAME_GRADE_TEXT)
    }
    expect(obligationsByGrade(planV5).join('\n')).not.toContain(TOLD_SAME_GRADE_TEXT)
  })
})
