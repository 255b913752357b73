/**
 * The kit's opt-in condition `grade` (the incident's current grade is one of these), on the toy
 * plan: a duty grounded on a grade or on a fact (`any`), which a rule's `severities` cannot say
 * (nanchong-npc-2022 version 14, 三(四)3 对于重大突发事件或特别重大舆情). The reference ledger
 * (tests/machines/reference/conditions.ts) reads it the same.
 */
import { describe, expect, it } from 'vitest'
import { holds } from '../../machines/kit/conditions.js'
import type { ObligationRule } from '../../machines/kit/types.js'
import { grade, instances, open, owedOf } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'
import { holds as referenceHolds } from './reference/conditions.js'

const CRITICAL_OR_FACT = { any: [{ grade: ['critical'] }, { fact: 'crossRegion' }] } as const
const grounded: ObligationRule = {
  id: 'decide:grounded',
  kind: 'decision',
  label: '特别重大或跨区域时决定',
  clause: '3',
  policy: null,
  owedBy: ['group'],
  when: CRITICAL_OR_FACT,
  discharge: { type: 'DECIDE', fields: { decision: 'decide:grounded' } },
}
const plan = makeToyPlan(2, [grounded])

describe('kit condition grade', () => {
  it('holds at a listed grade only; an ungraded incident is at none', () => {
    const w = open(plan)
    expect(holds(w.context(), { grade: ['general'] })).toBe(true)
    expect(holds(w.context(), { grade: ['major', 'critical'] })).toBe(false)
    const ungraded = { ...w.context(), severity: null }
    expect(holds(ungraded, { grade: ['general', 'major', 'critical'] })).toBe(false)
    for (const ctx of [w.context(), ungraded])
      for (const c of [{ grade: ['general'] }, { grade: ['critical'] }] as const)
        expect(referenceHolds(ctx, c)).toBe(holds(ctx, c))
  })

  it('with `any`: begun at the listed grade, or by the fact at another grade', () => {
    const atMajor = open(plan)
    grade(atMajor, 'major')
    expect(instances(atMajor, grounded.id)).toEqual([])
    grade(atMajor, 'critical')
    expect(owedOf(atMajor, grounded.id)).toHaveLength(1)
    const byFact = open(plan)
    byFact.send('METRICS_UPDATED', { facts: { crossRegion: true } })
    expect(owedOf(byFact, grounded.id)).toHaveLength(1)
  })

  it('a lowering below the grade withdraws it where the fact does not hold (rule 5), not where it does', () => {
    const w = open(plan)
    grade(w, 'critical')
    grade(w, 'major')
    expect(instances(w, grounded.id).map((o) => o.status)).toEqual(['withdrawn'])
    const f = open(plan, { facts: { crossRegion: true } })
    grade(f, 'critical')
    grade(f, 'major')
    expect(instances(f, grounded.id).map((o) => o.status)).toEqual(['owed'])
  })
})
