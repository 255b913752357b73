/**
 * The kit's `again.told: 'sameGrade'` (OBLIGATIONS.md rule 6 at a rise) on the toy plan: an
 * instance a rise begins is met at once by its step taken before at the grade risen to; a
 * rise to a grade not reported yet, and an instance one of its `events` begins (a relapse),
 * owe it as before. Beside it the toy's own report to the group, which does not opt in.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { makeToyPlan, toyRules } from '../helpers/toy-plan.js'

const office = { name: '办公室甲', role: 'office' as const }
const group = { name: '组长丙', role: 'group' as const }
const leader = { name: '领导丁', role: 'leader' as const }

const base = toyRules.find((r) => r.id === 'report:group') as ObligationRule
/** The toy's report to the group, opted into `again.told` (its own id; the same report meets both). */
const told: ObligationRule = {
  ...base,
  id: 'report:group-told',
  again: { raise: true, events: ['RELAPSE'], told: 'sameGrade' },
}
const plan = makeToyPlan(2, [told])

const open = () => startIncident(plan, { severity: 'general' }, office)
const grade = (w: Walker, severity: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: group })
const latest = (w: Walker, rule: string) => w.context().obligations.findLast((o) => o.rule === rule)
const lastAt = (w: Walker) => w.context().acts.at(-1)?.at

describe("kit again.told: 'sameGrade' (rule 6 at a rise)", () => {
  it('risen, lowered and risen again to a grade reported: begun met at the report; without it, owed', () => {
    const w = open()
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    w.send('REPORT', { to: ['group'] })
    const toldAt = lastAt(w)
    grade(w, 'general')
    grade(w, 'major')
    expect(latest(w, told.id)).toMatchObject({ startedAt: lastAt(w), status: 'met', metAt: toldAt })
    expect(latest(w, base.id)).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
  })

  it('a rise to a grade not reported yet owes it from the rise', () => {
    const w = open()
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    expect(latest(w, told.id)).toMatchObject({ id: `${told.id}#2`, startedAt: lastAt(w), status: 'owed' })
  })

  it('an instance a relapse begins stays owed though the grade was reported', () => {
    const w = open()
    w.send('REPORT', { to: ['group', 'city'] })
    w.send('CONVENE', {}, { actor: group })
    w.send('DRAFT', { content: '通报', purpose: 'release' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd1' })
    w.send('SUBSIDE')
    expect(w.phase()).toBe('disposal')
    w.send('RELAPSE')
    expect(latest(w, told.id)).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
  })

  it('a rule with told but no raise is a plan error', () => {
    const bad: ObligationRule = {
      ...told,
      id: 'report:bad',
      again: { events: ['RELAPSE'], told: 'sameGrade' },
    }
    expect(() => {
      const w = startIncident(makeToyPlan(3, [bad]), { severity: 'general' }, office)
      w.send('REPORT', { to: ['group'] })
    }).toThrow(/again\.told .* needs again\.raise/)
  })
})
