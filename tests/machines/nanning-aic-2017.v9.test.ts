/**
 * 南宁市工商局预案 version 9: what a change of grade or category withdraws (kit options
 * `orderedDuties: 'withDecision'`, `lowerAtDue: 'withdraws'`, `categoryChange: 'categoriesOnly'`).
 * Version 8 (frozen) withdrew the review the group's yes ordered (四(五)) once a relapse and a
 * second subsiding had asked the question again, at any later change of grade or category —
 * a rise too (rule 3: only the group's own no or a waiver ends it); and it left 四(二)'s
 * report to the higher level, due at the very instant of a lowering, owed to breach (rule 5).
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV9 as plan, planV8 } from '../../machines/nanning-aic-2017/index.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { act, approvedDraft, P, toPreparing } from '../helpers/nanning.js'

const status = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)?.status
const yes = { decision: 'decision:review', answer: 'yes', reason: '需要总结' }

/** Released and subsided, the review ordered, then relapsed and subsided again: asked again. */
function orderedThenAskedAgain(p: PlanDefinition) {
  const w = startIncident(p, { facts: {} }, P.office)
  toPreparing(w)
  act(w, 'RELEASE', { draftId: approvedDraft(w) })
  act(w, 'SUBSIDE')
  act(w, 'DECIDE', yes)
  expect(status(w, 'review#1')).toBe('owed')
  act(w, 'RELAPSE')
  act(w, 'SUBSIDE')
  expect(status(w, 'decision:review#2')).toBe('owed')
  return w
}

describe('nanning-aic-2017 v9: the review a yes ordered goes only with its decision (rule 3)', () => {
  const grade = (w: Walker) => w.context().severity
  const moves: Array<[string, (w: Walker) => void]> = [
    [
      'a rise',
      (w) =>
        w.send(
          'SET_SEVERITY',
          { severity: grade(w) === 'general' ? 'major' : 'critical', reason: '恶化' },
          { actor: P.group },
        ),
    ],
    [
      'a category change',
      (w) => {
        // A first category is set, not changed: set one, then change it.
        if (w.context().category === null) w.send('SET_CATEGORY', { category: 'doubt' }, { actor: P.group })
        w.send('SET_CATEGORY', { category: 'inquiry' }, { actor: P.group })
      },
    ],
  ]
  for (const [what, move] of moves)
    it(`${what} after the question is asked again leaves the review owed`, () => {
      const w = orderedThenAskedAgain(plan)
      move(w)
      expect(status(w, 'review#1')).toBe('owed')
      const v8 = orderedThenAskedAgain(planV8)
      move(v8)
      expect(status(v8, 'review#1')).toBe('withdrawn')
    })
  it("the group's no to the question asked again withdraws it", () => {
    const w = orderedThenAskedAgain(plan)
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(status(w, 'review#1')).toBe('withdrawn')
  })
})

describe('nanning-aic-2017 v9: a lowering at the due instant withdraws (rule 5)', () => {
  function loweredAtDue(p: PlanDefinition) {
    const w = startIncident(p, { severity: 'major', severityReason: '研判' }, P.office)
    const due = w.context().obligations.find((o) => o.id === 'report:higher#1')?.dueAt as string
    w.send('SET_SEVERITY', { severity: 'general', reason: '缓和' }, { actor: P.group, at: due })
    return w
  }
  it('major lowered to general at 四(二)’s due time: the report to the higher level is withdrawn', () => {
    const w = loweredAtDue(plan)
    expect(status(w, 'report:higher#1')).toBe('withdrawn')
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
    expect(status(loweredAtDue(planV8), 'report:higher#1')).toBe('owed')
  })
})

describe('nanning-aic-2017 version 9', () => {
  it('migrates from version 8 (same states and rules), which stays registered', () => {
    expect(plan).toMatchObject({ version: 9, migratesFrom: { from: 8 } })
    expect(plan.obligations).toBe(planV8.obligations)
  })
})
