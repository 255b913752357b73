/**
 * nanchong-npc-2022 7 → 8 → 9: the 续报 to 市网信办 the migration 7 → 8 left waiting counts from
 * where version 8, walking the same history, would have begun it (migration-v9.ts `countsFrom`):
 * a lowering that withdraws it (rule 5: to 一般, or to a grade 市网信办 was told of) ends that
 * instance and a later rise begins a new one; a lowering by the group to a 较大+ grade 市网信办 was
 * never told of begins it (三(二) 及时逐级). A due time version 8 would have given it that has
 * already passed counts from the migration instead (README "Migrating open incidents": what a
 * migration begins counts from then; the duty was invisible on version 8, no breach is invented),
 * and a migration never buys time (rule 4): the property below.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV9 as plan, planV7, planV8 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import type { Walker } from '../helpers/machine.js'
import { group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'
import { at, grade, Moving, openOn, owedCac } from './nanchong-npc-2022.moving.js'

const row = (ctx: IncidentContext) => owedCac(ctx).map((o) => [o.id, o.startedAt, o.countsFrom, o.dueAt])

/** The same steps on version 7 (then migrated 7 → 8 at `m8`, 8 → 9 at `m9`) and on version 8. */
function both(start: Severity, steps: (w: Walker) => void, m8: number, m9: number) {
  const w7 = openOn(planV7, start)
  const w8 = openOn(planV8, start)
  steps(w7)
  steps(w8)
  const m = Moving.of(planV7, w7).migrate(planV8, at(m8)).migrate(plan, at(m9))
  return { v9: m.ctx(), v8: w8.context() }
}

describe('nanchong-npc-2022 8 → 9: from where version 8 would have begun it', () => {
  it('the office lowers to 一般 between the group’s rises: counts from the second rise (the first one’s withdrawn)', () => {
    const { v9, v8 } = both(
      'large',
      (w) => {
        reportGroup(w, at(2))
        reportCac(w, at(5))
        grade(w, 'major', group, at(8))
        grade(w, 'general', office, at(11))
        grade(w, 'major', group, at(14))
      },
      20,
      70,
    )
    expect(owedCac(v8).map((o) => [o.countsFrom, o.dueAt])).toEqual([[at(14), at(74)]])
    expect(row(v9)).toEqual([['report:cac#2', at(70), at(14), at(74)]])
  })

  it('the group raises, lowers to the grade 市网信办 was told of, raises again: counts from the second rise', () => {
    const { v9, v8 } = both(
      'large',
      (w) => {
        reportGroup(w, at(2))
        reportCac(w, at(5))
        grade(w, 'major', group, at(20))
        grade(w, 'large', group, at(22))
        grade(w, 'major', group, at(30))
      },
      31,
      85,
    )
    expect(owedCac(v8).map((o) => o.dueAt)).toEqual([at(90)])
    expect(row(v9)).toEqual([['report:cac#2', at(85), at(30), at(90)]])
  })

  it('the monitor raises to 特别重大, the group lowers to 重大 (市网信办 told of 较大 only): counts from the lowering', () => {
    const { v9, v8 } = both(
      'large',
      (w) => {
        reportGroup(w, at(2))
        reportCac(w, at(5))
        grade(w, 'critical', monitor, at(8))
        grade(w, 'major', group, at(11))
      },
      // 7 → 8 before the group's 续报 of 特别重大 (from 8′) is due: it withdraws it (gradedBy).
      12,
      30,
    )
    expect(owedCac(v8).map((o) => [o.countsFrom, o.dueAt])).toEqual([[at(11), at(71)]])
    expect(row(v9)).toEqual([['report:cac#2', at(30), at(11), at(71)]])
  })

  it('version 8’s due time passed before the migration: counts from the migration, not breached', () => {
    const { v9 } = both(
      'large',
      (w) => {
        reportGroup(w, at(2))
        reportCac(w, at(5))
        grade(w, 'major', group, at(8))
      },
      9,
      100,
    )
    expect(row(v9)).toEqual([['report:cac#2', at(100), at(100), at(160)]])
    expect(owedCac(v9)[0]?.breachedAt).toBeNull()
    expect(v9.obligations.filter((o) => o.rule === 'escalate')).toEqual([])
  })
})

describe('nanchong-npc-2022 8 → 9: what version 7 began itself', () => {
  it('control: the group raises, then has the report: version 7 begins it at that report; 8 → 9 changes nothing', () => {
    const w = openOn(planV7, 'large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', group, at(20))
    reportGroup(w, at(25))
    expect(row(w.context())).toEqual([['report:cac#2', at(25), at(25), at(85)]])
    const m = Moving.of(planV7, w).migrate(planV8, at(26))
    const before = m.ctx().obligations
    m.migrate(plan, at(27))
    expect(m.ctx().obligations).toEqual(before)
  })
})

type Step = { grade: Severity; by: Actor } | 'reportGroup' | 'reportCac'
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      grade: fc.constantFrom<Severity>('general', 'large', 'major', 'critical'),
      by: fc.constantFrom(group, group, monitor, office),
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

describe('nanchong-npc-2022 7 → 8 → 9, no event between (property)', () => {
  it('what 8 → 9 begins is never due before version 8 would have it due, nor before the migration', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Severity>('large', 'major'),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        // Before version 8's due time passes, and after.
        fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 31, max: 120 })),
        (start, steps, gap) => {
          const all: Step[] = ['reportGroup', 'reportCac', ...steps]
          const end = 2 + all.length * 3
          const w7 = openOn(planV7, start)
          const w8 = openOn(planV8, start)
          all.forEach((s, i) => {
            take(w7, s, at(2 + i * 3))
            take(w8, s, at(2 + i * 3))
          })
          const m = Moving.of(planV7, w7).migrate(planV8, at(end))
          const before = m.ctx().obligations.length
          m.migrate(plan, at(end + gap))
          const begun = m
            .ctx()
            .obligations.slice(before)
            .filter((o) => o.status === 'owed')
          const v8Due = owedCac(w8.context()).at(-1)?.dueAt ?? null
          for (const o of begun) {
            const due = Date.parse(o.dueAt ?? '')
            expect(o.breachedAt).toBeNull()
            expect(due).toBeGreaterThan(Date.parse(at(end + gap)))
            if (v8Due !== null) expect(due).toBeGreaterThanOrEqual(Date.parse(v8Due))
          }
        },
      ),
      { numRuns: 400, seed: 9 },
    )
  })
})
