/**
 * The kit's `again.firstGrading` (neixiang-2017 version 10, 第二條1) on the toy plan: a first
 * grading (an incident opened ungraded given its grade) to one of the listed grades begins the
 * rule again as a rise does — owed from the grading with its own due time, met at once by a step
 * taken at that grade before (`told`), not begun while the latest instance is owed
 * (`whileOwed: false`). A first grading to another grade, and a rule without it, begin nothing.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import { grade, instances, lastAt, latest, open, toyReportToGroup } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** The toy's report to the group, owed again at a first grading to major or critical. */
const graded: ObligationRule = {
  ...toyReportToGroup,
  id: 'report:group-graded',
  again: { raise: true, told: 'sameGrade', whileOwed: false, firstGrading: ['major', 'critical'] },
}
const plan = makeToyPlan(2, [graded])
const ungraded = () => open(plan, { severity: null, severityReason: null })

describe('kit again.firstGrading (a first grading begins it again, as a rise)', () => {
  it('reported ungraded, first graded major: owed from the grading; the rule without it owes nothing', () => {
    const w = ungraded()
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    expect(latest(w, graded.id)).toMatchObject({ id: `${graded.id}#2`, startedAt: lastAt(w), status: 'owed' })
    expect(instances(w, toyReportToGroup.id).map((o) => o.status)).toEqual(['met'])
    w.send('REPORT', { to: ['group'] })
    expect(latest(w, graded.id)).toMatchObject({ status: 'met', metAt: lastAt(w) })
  })

  it('a first grading to a grade not listed begins nothing', () => {
    const w = ungraded()
    w.send('REPORT', { to: ['group'] })
    grade(w, 'general')
    expect(instances(w, graded.id).map((o) => o.status)).toEqual(['met'])
  })

  it('the first report still owed at the grading answers it (whileOwed: false)', () => {
    const w = ungraded()
    grade(w, 'critical')
    expect(instances(w, graded.id).map((o) => o.status)).toEqual(['owed'])
  })

  it('an incident opened graded: a later rise is a rise, not a first grading', () => {
    const w = open(plan, { severity: 'major' })
    w.send('REPORT', { to: ['group'] })
    grade(w, 'critical')
    expect(instances(w, graded.id).map((o) => o.status)).toEqual(['met', 'owed'])
  })

  it('told without raise or firstGrading is a plan error; with firstGrading alone it is not', () => {
    const only: ObligationRule = {
      ...graded,
      id: 'report:only',
      again: { told: 'sameGrade', firstGrading: ['major'] },
    }
    const w = open(makeToyPlan(3, [only]), { severity: null, severityReason: null })
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    expect(instances(w, only.id).map((o) => o.status)).toEqual(['met', 'owed'])
    const bad: ObligationRule = { ...graded, id: 'report:bad', again: { told: 'sameGrade' } }
    expect(() => open(makeToyPlan(4, [bad])).send('REPORT', { to: ['group'] })).toThrow(
      /again\.told .* needs again\.raise or again\.firstGrading/,
    )
  })
})
