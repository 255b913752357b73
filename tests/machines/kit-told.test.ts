/**
 * The kit's `again.told: 'sameGrade'` (OBLIGATIONS.md rule 6 at a rise) on the toy plan: an
 * instance a rise begins is met at once by its step taken before at the grade risen to; a
 * rise to a grade not reported yet, and an instance one of its `events` begins (a relapse),
 * owe it as before. Beside it the toy's own report to the group, which does not opt in.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import {
  convenedAndReleased,
  grade,
  lastAt,
  latest,
  open,
  toyReportToGroup,
} from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** The toy's report to the group, opted into `again.told` (its own id; the same report meets both). */
const told: ObligationRule = {
  ...toyReportToGroup,
  id: 'report:group-told',
  again: { raise: true, events: ['RELAPSE'], told: 'sameGrade' },
}
const plan = makeToyPlan(2, [told])

describe("kit again.told: 'sameGrade' (rule 6 at a rise)", () => {
  it('risen, lowered and risen again to a grade reported: begun met at the report; without it, owed', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    w.send('REPORT', { to: ['group'] })
    const toldAt = lastAt(w)
    grade(w, 'general')
    grade(w, 'major')
    expect(latest(w, told.id)).toMatchObject({ startedAt: lastAt(w), status: 'met', metAt: toldAt })
    expect(latest(w, toyReportToGroup.id)).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
  })

  it('a rise to a grade not reported yet owes it from the rise', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    expect(latest(w, told.id)).toMatchObject({ id: `${told.id}#2`, startedAt: lastAt(w), status: 'owed' })
  })

  it('an instance a relapse begins stays owed though the grade was reported', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group', 'city'] })
    convenedAndReleased(w, { content: '通报', purpose: 'release' })
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
      const w = open(makeToyPlan(3, [bad]))
      w.send('REPORT', { to: ['group'] })
    }).toThrow(/again\.told .* needs again\.raise/)
  })
})
