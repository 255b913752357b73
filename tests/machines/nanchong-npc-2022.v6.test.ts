/**
 * 南充市人大常委会机关网络舆情应急处置预案, version 6: a rise, a lowering and a rise again to a
 * grade the group (三(二)) and 市网信办 (三(二) 逐级) were already told of owe them no second
 * report (OBLIGATIONS.md rule 6: a recipient already told of the same grade starts met at
 * that step's time; kit `again.told`). The 续报 a rise owes is local policy (三(一) 时刻监测
 * 舆情发展动向 asks for monitoring, not for a new report): at a rise to a grade not yet
 * reported it is owed as before, to 市网信办 once the group has it. Version 5 (frozen) owes
 * both again. Version 6 is frozen too (version 7 is current): tested as `planV6` by name.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV5, planV6 } from '../../machines/nanchong-npc-2022/index.js'
import type { Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import { group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'

const open = (p: PlanDefinition, severity: Severity) =>
  startIncident(p, { severity, severityReason: '开案定级', category: 'inquiry' }, office)
const grade = (w: Walker, severity: Severity) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: group })
const latest = (ctx: IncidentContext, rule: string) => ctx.obligations.findLast((o) => o.rule === rule)
const reportTo = (w: Walker, to: string) =>
  w.context().acts.findLast((a) => a.type === 'REPORT' && (a.fields.to as string[]).includes(to))?.at
const lastAct = (w: Walker) => w.context().acts.at(-1)?.at as string
const owedRules = (ctx: IncidentContext) =>
  ctx.obligations.filter((o) => o.status === 'owed').map((o) => o.rule)

/** general → large, the group and 市网信办 told of 较大, lowered to general and raised to large again. */
function reRaised(p: PlanDefinition) {
  const w = open(p, 'general')
  reportGroup(w)
  grade(w, 'large')
  reportGroup(w)
  reportCac(w)
  const told = { group: reportTo(w, 'group'), cac: reportTo(w, 'cac') }
  grade(w, 'general')
  grade(w, 'large')
  return { w, told, rise: lastAct(w) }
}

describe('nanchong-npc-2022 v6, rule 6: a rise again to a grade already reported owes no second report', () => {
  it('general → large (reported to both) → general → large: the group and 市网信办 start met', () => {
    const { w, told, rise } = reRaised(planV6)
    expect(latest(w.context(), 'report:group')).toMatchObject({
      startedAt: rise,
      status: 'met',
      metAt: told.group,
    })
    expect(latest(w.context(), 'report:cac')).toMatchObject({
      startedAt: rise,
      status: 'met',
      metAt: told.cac,
    })
    expect(owedRules(w.context())).not.toContain('report:group')
    expect(owedRules(w.context())).not.toContain('report:cac')
    expect(w.context().ledger.pending).toBeUndefined()
  })

  it('opened at major and reported, lowered to large and raised again: both met at the reports at opening', () => {
    const w = open(planV6, 'major')
    reportGroup(w)
    reportCac(w)
    grade(w, 'large')
    grade(w, 'major')
    expect(latest(w.context(), 'report:group')).toMatchObject({ status: 'met', metAt: reportTo(w, 'group') })
    expect(latest(w.context(), 'report:cac')).toMatchObject({ status: 'met', metAt: reportTo(w, 'cac') })
  })

  it('a rise to a grade not yet reported owes the group from the rise, then 市网信办 from the group’s receipt (逐级)', () => {
    const { w } = reRaised(planV6)
    grade(w, 'major')
    const rise = lastAct(w)
    expect(latest(w.context(), 'report:group')).toMatchObject({
      startedAt: rise,
      status: 'owed',
      dueAt: addMinutes(rise, 10),
    })
    expect(latest(w.context(), 'report:cac')?.startedAt).not.toBe(rise)
    reportGroup(w)
    const received = lastAct(w)
    expect(latest(w.context(), 'report:cac')).toMatchObject({
      startedAt: received,
      status: 'owed',
      dueAt: addMinutes(received, 60),
    })
  })

  it('市网信办 not told of 较大 (its report waived) is owed it at the rise again, once the group is told', () => {
    const w = open(planV6, 'general')
    reportGroup(w)
    grade(w, 'large')
    reportGroup(w)
    const cac = latest(w.context(), 'report:cac')?.id
    w.send('WAIVE', { obligation: cac, reason: '小组决定免除' }, { actor: group })
    grade(w, 'general')
    grade(w, 'large')
    const rise = lastAct(w)
    expect(latest(w.context(), 'report:group')).toMatchObject({ startedAt: rise, status: 'met' })
    expect(latest(w.context(), 'report:cac')).toMatchObject({ startedAt: rise, status: 'owed' })
  })

  it('version 5 (kept for its incidents) owes the group again at the rise, and 市网信办 once the group has it', () => {
    const { w, rise } = reRaised(planV5)
    expect(latest(w.context(), 'report:group')).toMatchObject({ startedAt: rise, status: 'owed' })
    expect(w.context().ledger.pending).toEqual(['report:cac'])
    reportGroup(w)
    expect(latest(w.context(), 'report:cac')).toMatchObject({ startedAt: lastAct(w), status: 'owed' })
  })

  it('registers version 6 (from 5, the same states and options); version 5 stays', () => {
    expect(planV6).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    expect(planV6.obligations.find((r) => r.id === 'report:group')?.again).toEqual({
      raise: true,
      told: 'sameGrade',
    })
    expect(planV6.obligations.find((r) => r.id === 'report:cac')?.again).toEqual({
      raise: 'whenHolds',
      told: 'sameGrade',
    })
    expect(planV5.obligations.find((r) => r.id === 'report:cac')?.again).toEqual({ raise: 'whenHolds' })
  })
})

describe('nanchong-npc-2022 v6 migrates from version 5 (same states)', () => {
  function migrated(w: Walker) {
    const at = addMinutes(lastAct(w), 5)
    const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
    const r = migrateSnapshot(planV5, planV6, persisted, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '已报告的级别不再续报',
      quotes: quoteRules(planV6.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const actor = createActor(planV6.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const ctx = () => actor.getSnapshot().context as IncidentContext
    /** `type` as the engine sends it, a minute after the migration. */
    const send = (type: string, fields: Record<string, unknown>) => {
      const then = addMinutes(at, 1)
      actor.send({
        ...fields,
        type,
        at: then,
        actor: monitor,
        quotes: quoteRules(planV6.obligations, calendar, ctx(), then),
      })
    }
    return { r, ctx, send }
  }

  it('the group’s report a version-5 re-raise owes is met at the earlier one; 市网信办’s, waiting for it, begins met', () => {
    const { w, told, rise } = reRaised(planV5)
    const { r, ctx, send } = migrated(w)
    expect(latest(r.context, 'report:group')).toMatchObject({
      startedAt: rise,
      status: 'met',
      metAt: told.group,
    })
    expect(owedRules(r.context)).not.toContain('report:group')
    // Version 5 left 市网信办's report waiting for the group's; the next event begins it, met (told of 较大).
    send('METRICS_UPDATED', { facts: {} })
    expect(latest(ctx(), 'report:cac')).toMatchObject({ status: 'met', metAt: told.cac })
    expect(ctx().ledger.pending).toBeUndefined()
    expect(owedRules(ctx())).not.toContain('report:cac')
  })

  it('市网信办’s report a version-5 re-raise owes once the group was told again is met at its earlier report', () => {
    const { w, told } = reRaised(planV5)
    reportGroup(w)
    const owed = latest(w.context(), 'report:cac')
    expect(owed).toMatchObject({ status: 'owed' })
    const { r } = migrated(w)
    expect(latest(r.context, 'report:cac')).toMatchObject({ id: owed?.id, status: 'met', metAt: told.cac })
  })

  it('a 续报 owed to a grade never reported stays owed, with its due time', () => {
    const w = open(planV5, 'general')
    reportGroup(w)
    grade(w, 'large')
    const before = latest(w.context(), 'report:group')
    const { r } = migrated(w)
    expect(before).toMatchObject({ status: 'owed' })
    expect(latest(r.context, 'report:group')).toEqual(before)
  })
})
