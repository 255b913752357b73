/**
 * nanchong-npc-2022 9 → 10: the 续报 to 市网信办 the migration 7 → 8 lost. A rise while the owed
 * report to 市网信办 has breached owes the new grade its own report (version 8: 在办一项已超时的，级别再升
 * 另起一项, kit `again.afterBreach`), begun once the group has the grade's report (逐级, the ledger
 * mark). 7 → 8 (`withoutMark`) dropped the mark whenever one was owed, breached or not, so the new
 * grade's report was never begun. Version 10's migration keeps the mark again, or begins the report
 * where version 8 would have begun it since — due as version 8 has it while that is after the
 * migration, else an hour from the migration. Each case is compared with version 10 (version 8's
 * rules) walking the same history natively.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV10 as plan, planV7, planV8, planV9 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import type { Walker } from '../helpers/machine.js'
import { group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'
import { at, cac, grade, Moving, openOn } from './nanchong-npc-2022.moving.js'

const owed = (ctx: IncidentContext) =>
  cac(ctx)
    .filter((o) => o.status === 'owed')
    .map((o) => [o.countsFrom, o.dueAt, o.breachedAt])

/** 较大, the group told at 2′, 市网信办 never: its report breaches at 62′; the monitor raises to 重大 at 75′. */
function breachedThenRaised(p: PlanDefinition) {
  const w = openOn(p, 'large')
  reportGroup(w, at(2))
  w.fire('report:cac')
  grade(w, 'major', monitor, at(75))
  return w
}
const toldAt = (w: Walker, m: number) => reportGroup(w, at(m))
const told = (m: Moving, when: number) =>
  m.send('REPORT', { to: ['group'], summary: '事实' }, monitor, at(when))

describe('nanchong-npc-2022 9 → 10: the new grade’s report to 市网信办 7 → 8 lost', () => {
  const native = breachedThenRaised(plan)
  toldAt(native, 80)
  const v10 = owed(native.context())

  it('version 10 owes two: the breached one and the new grade’s, from the group’s report', () => {
    expect(v10).toEqual([
      [at(2), at(62), at(62)],
      [at(80), at(140), null],
    ])
  })

  it('migrated before the group was told: the mark is kept, the group’s report begins it', () => {
    const m = Moving.of(planV7, breachedThenRaised(planV7)).migrate(planV8, at(76)).migrate(planV9, at(77))
    m.migrate(plan, at(78))
    told(m, 80)
    expect(owed(m.ctx())).toEqual(v10)
  })

  it('the group told on version 8: begun at the migration, due as version 8 has it', () => {
    const m = Moving.of(planV7, breachedThenRaised(planV7)).migrate(planV8, at(76))
    told(m, 80)
    m.migrate(planV9, at(81)).migrate(plan, at(82))
    expect(owed(m.ctx())).toEqual(v10)
    const o = cac(m.ctx()).at(-1)
    expect(o?.startedAt).toBe(at(82))
    expect(o?.policy).toMatch(/^迁移至第 10 版时补起/)
    // Its due time passed while it was off the record: an hour from the migration, no breach.
    const late = Moving.of(planV7, breachedThenRaised(planV7)).migrate(planV8, at(76))
    told(late, 80)
    late.migrate(planV9, at(81)).migrate(plan, at(150))
    expect(owed(late.ctx())).toEqual([v10[0], [at(150), at(210), null]])
  })

  it('not breached when raised: one owed carries the rise (nothing begun, no mark)', () => {
    const h = (p: PlanDefinition) => {
      const w = openOn(p, 'large')
      reportGroup(w, at(2))
      grade(w, 'major', monitor, at(30))
      return w
    }
    const m = Moving.of(planV7, h(planV7)).migrate(planV8, at(31)).migrate(planV9, at(32))
    const before = m.ctx()
    m.migrate(plan, at(33))
    expect(m.ctx().obligations).toEqual(before.obligations)
    expect(m.ctx().ledger).toEqual(before.ledger)
  })
})

type Step = { grade: Severity; by: Actor } | 'group' | 'cac' | 'fire'
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      grade: fc.constantFrom<Severity>('general', 'large', 'major', 'critical'),
      by: fc.constantFrom(group, monitor, office),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Step>('group') },
  { weight: 1, arbitrary: fc.constant<Step>('cac') },
  { weight: 2, arbitrary: fc.constant<Step>('fire') },
)
function take(w: Walker, s: Step, when: string) {
  if (s === 'group') return reportGroup(w, when)
  if (s === 'cac') return reportCac(w, when)
  if (s === 'fire') {
    const due = w.owed().find((o) => o.rule === 'report:cac' && o.breachedAt === null && o.dueAt !== null)
    if (due?.dueAt != null && Date.parse(due.dueAt) <= Date.parse(when)) w.fire(due.id)
    return
  }
  grade(w, s.grade, s.by, when)
}

describe('nanchong-npc-2022 7 → 8 → 9 → 10 against version 10 on the same history (property)', () => {
  it('the reports to 市网信办 owed and not breached: none fewer than version 10 owes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Severity>('large', 'major'),
        fc.array(fc.tuple(step, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom<Step>('group', 'cac'), fc.integer({ min: 1, max: 40 })), {
          maxLength: 2,
        }),
        (start, steps, after) => {
          const w7 = openOn(planV7, start)
          const w10 = openOn(plan, start)
          reportGroup(w7, at(1))
          reportGroup(w10, at(1))
          let t = 1
          for (const [s, d] of steps) {
            t += d
            take(w7, s, at(t))
            take(w10, s, at(t))
          }
          const m = Moving.of(planV7, w7).migrate(planV8, at(t)).migrate(planV9, at(t)).migrate(plan, at(t))
          for (const [s, d] of after) {
            t += d
            if (s === 'group') told(m, t)
            else m.send('REPORT', { to: ['cac'], summary: '事实' }, group, at(t))
            take(w10, s, at(t))
          }
          const live = (ctx: IncidentContext) =>
            cac(ctx).filter((o) => o.status === 'owed' && o.breachedAt === null)
          const mine = live(m.ctx())
          const theirs = live(w10.context())
          // Where version 10 owes one beside a breached one (afterBreach), nothing lost: as many owed,
          // not breached (other differences of version 7 from 8 — over-owed, due early, or a
          // lowering on version 7 before the migration — are other findings, not judged here).
          if (!cac(w10.context()).some((o) => o.status === 'owed' && o.breachedAt !== null)) return
          expect(mine.length).toBeGreaterThanOrEqual(theirs.length)
        },
      ),
      { numRuns: 1000, seed: 10 },
    )
  })
})
