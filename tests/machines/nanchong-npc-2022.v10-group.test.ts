/**
 * nanchong-npc-2022 9 → 10: a 续报 to the group version 8 never owes. Version 7 began one at the
 * group's own change of grade; version 8 begins none there (小组自行定级的，即已获知该级别, rule 6). The
 * kit's migration 7 → 8 judged that at the migration alone, so where another role raised the grade
 * since, version 7's 续报 stayed owed. Version 10's migration withdraws it, saying who and why;
 * compared with version 10 (version 8's rules) walking the same history natively.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV10 as plan, planV7, planV8, planV9 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import type { Walker } from '../helpers/machine.js'
import { group, monitor, office, reportGroup } from './nanchong-npc-2022.helpers.js'
import { at, grade, Moving, openOn } from './nanchong-npc-2022.moving.js'

const toGroup = (ctx: IncidentContext) => ctx.obligations.filter((o) => o.rule === 'report:group')
const live = (ctx: IncidentContext) =>
  toGroup(ctx).filter((o) => o.status === 'owed' && o.breachedAt === null)

/** 重大 told to the group at 2′; the group lowers to 一般 at 4′, raises to 较大 at 6′; the office raises to 重大 at 8′. */
function lowerThenRaise(p: PlanDefinition) {
  const w = openOn(p, 'major')
  reportGroup(w, at(2))
  grade(w, 'general', group, at(4))
  grade(w, 'large', group, at(6))
  grade(w, 'major', office, at(8))
  return w
}

describe('nanchong-npc-2022 9 → 10: the group’s own 续报 version 7 began is withdrawn', () => {
  it('version 10 owes none; migrated 7 → 8 → 9 → 10, none is owed, the withdrawal says why', () => {
    expect(live(lowerThenRaise(plan).context())).toEqual([])
    const m = Moving.of(planV7, lowerThenRaise(planV7)).migrate(planV8, at(9)).migrate(planV9, at(9))
    expect(live(m.ctx()).map((o) => o.startedAt)).toEqual([at(6)])
    m.migrate(plan, at(10))
    expect(live(m.ctx())).toEqual([])
    const gone = toGroup(m.ctx()).find((o) => o.startedAt === at(6))
    expect(gone?.withdrawn).toMatchObject({ at: at(10), by: { role: 'admin' } })
    expect(gone?.withdrawn?.reason).toMatch(/^迁移至第 10 版时撤回/)
  })

  it('the monitor’s rise instead of the group’s: its 续报 stays owed', () => {
    const h = (p: PlanDefinition) => {
      const w = openOn(p, 'large')
      reportGroup(w, at(2))
      grade(w, 'major', monitor, at(6))
      return w
    }
    const m = Moving.of(planV7, h(planV7)).migrate(planV8, at(7)).migrate(planV9, at(7))
    const before = m.ctx().obligations
    m.migrate(plan, at(8))
    expect(m.ctx().obligations).toEqual(before)
  })
})

type Step = { grade: Severity; by: Actor } | 'group'
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      grade: fc.constantFrom<Severity>('general', 'large', 'major', 'critical'),
      by: fc.constantFrom(group, monitor, office),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Step>('group') },
)
const take = (w: Walker, s: Step, when: string) =>
  s === 'group' ? reportGroup(w, when) : grade(w, s.grade, s.by, when)

describe('nanchong-npc-2022 7 → 8 → 9 → 10 against version 10 on the same history (property)', () => {
  it('what the migration withdraws version 10 does not owe; no more owed than there', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Severity>('general', 'large', 'major'),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        (start, steps) => {
          const w7 = openOn(planV7, start)
          const w10 = openOn(plan, start)
          const all: Step[] = ['group', ...steps]
          all.forEach((s, i) => {
            take(w7, s, at(1 + i))
            take(w10, s, at(1 + i))
          })
          const end = 1 + all.length
          const m = Moving.of(planV7, w7).migrate(planV8, at(end)).migrate(planV9, at(end))
          const before = live(m.ctx())
          m.migrate(plan, at(end))
          const gone = before.filter((o) => !live(m.ctx()).some((x) => x.id === o.id))
          // Withdrawn only where version 10 owes none begun then.
          const native = live(w10.context()).map((o) => o.startedAt)
          for (const o of gone) expect(native).not.toContain(o.startedAt)
          // No more owed, not breached, than version 10 owes on the same history.
          expect(live(m.ctx()).length).toBeLessThanOrEqual(native.length)
        },
      ),
      { numRuns: 500, seed: 10 },
    )
  })
})
