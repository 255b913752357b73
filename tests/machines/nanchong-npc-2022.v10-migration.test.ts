/**
 * nanchong-npc-2022 9 → 10 (same states, same rules): the 续报 to the group that a monitor's (or
 * the office's) rise began, not yet due, was withdrawn by the migration 7 → 8 where the group had
 * since raised the grade above it itself — version 8's rule owes the group no 续报 of a grade it set
 * (`gradedBy`), and the kit's migration judged the rule as it stood at the migration. Version 8
 * walking the same history keeps it owed: a rise never withdraws an owed obligation with a due
 * time (OBLIGATIONS.md rule 4), and a rise while it is owed begins no second one — the one owed
 * carries the rise (续报已在办, its policy). The report 三(二) asks of the monitor is of the 舆情
 * (报送舆情要真实、客观，以保证会商措施更具针对性), which a grade the group set does not deliver.
 * Version 10's migration (migration-v10.ts) owes it again, due as it was while that is after the
 * migration, else ten minutes from the migration (no breach dated before it was owed again).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV10 as plan, planV7, planV8, planV9 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import type { Walker } from '../helpers/machine.js'
import { group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'
import { at, grade, Moving, openOn } from './nanchong-npc-2022.moving.js'

const toGroup = (ctx: IncidentContext) => ctx.obligations.filter((o) => o.rule === 'report:group')
const owedToGroup = (ctx: IncidentContext) =>
  toGroup(ctx)
    .filter((o) => o.status === 'owed')
    .map((o) => [o.startedAt, o.countsFrom, o.dueAt, o.breachedAt])

/** 较大 told to both; the monitor raises to 重大 at 8′ (the group's 续报 due 18′); the group raises to 特别重大 at 11′. */
function monitorThenGroup(p = planV7) {
  const w = openOn(p, 'large')
  reportGroup(w, at(2))
  reportCac(w, at(5))
  grade(w, 'major', monitor, at(8))
  grade(w, 'critical', group, at(11))
  return w
}

describe('nanchong-npc-2022 9 → 10: the monitor’s 续报 7 → 8 withdrew is owed again', () => {
  it('version 8 keeps it owed; 7 → 8 withdrew it; 9 → 10 owes it again, due as version 8 has it', () => {
    expect(owedToGroup(monitorThenGroup(planV8).context())).toEqual([[at(8), at(8), at(18), null]])
    const m = Moving.of(planV7, monitorThenGroup()).migrate(planV8, at(12)).migrate(planV9, at(13))
    expect(owedToGroup(m.ctx())).toEqual([])
    m.migrate(plan, at(14))
    expect(plan.version).toBe(10)
    expect(owedToGroup(m.ctx())).toEqual([[at(14), at(8), at(18), null]])
    // The withdrawal stays on the record; the instance owed again is a new one, saying why.
    const all = toGroup(m.ctx())
    expect(all.filter((o) => o.status === 'withdrawn').length).toBeGreaterThan(0)
    expect(all.at(-1)?.policy).toMatch(/^迁移至第 10 版时恢复/)
    // A report to the group meets it (on time at 16′).
    m.send('REPORT', { to: ['group'], summary: '事实' }, monitor, at(16))
    expect(toGroup(m.ctx()).at(-1)).toMatchObject({ status: 'met', metAt: at(16) })
  })

  it('its due time passed while it was withdrawn: due ten minutes from the migration, no breach', () => {
    const m = Moving.of(planV7, monitorThenGroup()).migrate(planV8, at(12)).migrate(planV9, at(13))
    m.migrate(plan, at(60))
    expect(owedToGroup(m.ctx())).toEqual([[at(60), at(60), at(70), null]])
    expect(m.ctx().obligations.filter((o) => o.rule === 'escalate')).toEqual([])
  })

  it('the office’s rise too; two rises by the monitor owe it one 续报, due from the first', () => {
    const w = openOn(planV7, 'general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(4))
    grade(w, 'major', monitor, at(6))
    grade(w, 'critical', group, at(8))
    const m = Moving.of(planV7, w).migrate(planV8, at(9)).migrate(planV9, at(10)).migrate(plan, at(11))
    expect(owedToGroup(m.ctx())).toEqual([[at(11), at(4), at(14), null]])
    const o = openOn(planV7, 'large')
    reportGroup(o, at(2))
    reportCac(o, at(5))
    grade(o, 'major', office, at(8))
    grade(o, 'critical', group, at(11))
    const n = Moving.of(planV7, o).migrate(planV8, at(12)).migrate(planV9, at(13)).migrate(plan, at(14))
    expect(owedToGroup(n.ctx())).toEqual([[at(14), at(8), at(18), null]])
  })
})

describe('nanchong-npc-2022 9 → 10: what stays as it is', () => {
  it('the group’s own 续报 7 → 8 withdrew (it raised the grade itself): not owed again', () => {
    const w = openOn(planV7, 'large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', group, at(8))
    const m = Moving.of(planV7, w).migrate(planV8, at(9)).migrate(planV9, at(10))
    const before = m.ctx().obligations
    m.migrate(plan, at(11))
    expect(m.ctx().obligations).toEqual(before)
  })

  it('the group was told since (a report on version 9): nothing owed again', () => {
    const m = Moving.of(planV7, monitorThenGroup()).migrate(planV8, at(12)).migrate(planV9, at(13))
    m.send('REPORT', { to: ['group'], summary: '事实' }, monitor, at(15))
    m.migrate(plan, at(16))
    expect(owedToGroup(m.ctx())).toEqual([])
  })

  it('the group lowered to 重大 since (version 8 withdraws it then, rule 5): nothing owed again', () => {
    const m = Moving.of(planV7, monitorThenGroup()).migrate(planV8, at(12)).migrate(planV9, at(13))
    m.send('SET_SEVERITY', { severity: 'major', reason: '研判调整' }, group, at(15))
    m.migrate(plan, at(16))
    expect(owedToGroup(m.ctx())).toEqual([])
  })

  it('a waived 续报 to the group: 市网信办’s 续报 counts from the waiver, on 10 and through 7 → 8 → 9 → 10', () => {
    const waived = (p = planV7) => {
      const w = openOn(p, 'large')
      reportGroup(w, at(2))
      reportCac(w, at(5))
      grade(w, 'major', monitor, at(8))
      const o = toGroup(w.context()).find((x) => x.status === 'owed')
      w.send('WAIVE', { obligation: o?.id, reason: '小组已掌握' }, { actor: group, at: at(12) })
      return w
    }
    const row = (ctx: IncidentContext) =>
      ctx.obligations
        .filter((o) => o.rule === 'report:cac' && o.status === 'owed')
        .map((o) => [o.countsFrom, o.dueAt])
    expect(row(waived(plan).context())).toEqual([[at(12), at(72)]])
    const m = Moving.of(planV7, waived()).migrate(planV8, at(13)).migrate(planV9, at(14))
    const before = m.ctx().obligations
    m.migrate(plan, at(15))
    expect(m.ctx().obligations).toEqual(before)
    expect(row(m.ctx())).toEqual([[at(12), at(72)]])
  })

  it('an incident opened on version 8 or 9: the migration changes nothing', () => {
    for (const p of [planV8, planV9]) {
      let m = Moving.of(p, monitorThenGroup(p))
      if (p === planV8) m = m.migrate(planV9, at(12))
      const before = m.ctx().obligations
      m.migrate(plan, at(13))
      expect(m.ctx().obligations).toEqual(before)
    }
  })
})

type Step = { grade: Severity; by: Actor } | 'reportGroup' | 'reportCac'
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      grade: fc.constantFrom<Severity>('general', 'large', 'major', 'critical'),
      by: fc.constantFrom(group, monitor, monitor, office),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Step>('reportGroup') },
  { weight: 1, arbitrary: fc.constant<Step>('reportCac') },
)
const take = (w: Walker, s: Step, when: string) =>
  s === 'reportGroup'
    ? reportGroup(w, when)
    : s === 'reportCac'
      ? reportCac(w, when)
      : grade(w, s.grade, s.by, when)
const owedNow = (ctx: IncidentContext) =>
  toGroup(ctx).filter((o) => o.status === 'owed' && o.breachedAt === null)

describe('nanchong-npc-2022 7 → 8 → 9 → 10, no event between (property)', () => {
  it('what 9 → 10 owes again version 8 holds owed on the same history; owed there and not on 9, it is owed on 10', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Severity>('general', 'large', 'major'),
        fc.array(step, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 12 }),
        (start, steps, gap) => {
          const all: Step[] = ['reportGroup', ...steps]
          const w7 = openOn(planV7, start)
          const w8 = openOn(planV8, start)
          all.forEach((s, i) => {
            take(w7, s, at(2 + i))
            take(w8, s, at(2 + i))
          })
          const end = 2 + all.length
          const m = Moving.of(planV7, w7).migrate(planV8, at(end)).migrate(planV9, at(end))
          const before = m.ctx()
          m.migrate(plan, at(end + gap))
          const t = Date.parse(at(end + gap))
          const v8 = owedNow(w8.context()).map((o) =>
            Date.parse(o.dueAt ?? '') > t ? o.dueAt : at(end + gap + 10),
          )
          const begun = m.ctx().obligations.slice(before.obligations.length)
          if (begun.length > 0) expect(begun.map((o) => o.dueAt)).toEqual(v8)
          if (owedNow(before).length === 0 && v8.length > 0) expect(owedNow(m.ctx())).toHaveLength(1)
          for (const o of begun) expect(o.breachedAt).toBeNull()
        },
      ),
      { numRuns: 300, seed: 10 },
    )
  })
})
