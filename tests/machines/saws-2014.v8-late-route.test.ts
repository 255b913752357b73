/**
 * saws-2014 version 8 (and 9 to 13, the current): the route steps of 五(四) a 定性 changed after the incident subsided owes
 * (平息后认定为谣言 / 恶意炒作) are taken in disposal and in review. The graph exploration's
 * bounded search stopped reaching these three self-transitions with version 8's amendments; it
 * takes review's CONTROL_SOURCE again (category changes after subsiding from one state per phase state and
 * category), not the two takedown requests: every flow state in disposal and review requested a
 * takedown in the response (a measure of 四(三)), so a change to 谣言 there owes none (rule 6)
 * (tests/helpers/graph-explore/known-gaps.ts). They are walked here.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { plan, planV8, planV9, planV10, planV11, planV12 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { act, MON, OFF, owedRules, respond, toResponse, UNIT } from './saws-2014.helpers.js'

const lateCategory = (
  plan: PlanDefinition,
  phase: 'disposal' | 'review',
  category: 'rumor' | 'malicious',
) => {
  const w = toResponse(plan, 'general', 'inquiry')
  respond(w)
  expect(act(w, MON, 'SUBSIDE')).toBe(true)
  if (phase === 'review') {
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
  }
  expect(w.phase()).toBe(phase)
  expect(act(w, OFF, 'SET_CATEGORY', { category })).toBe(true)
  return w
}

describe.each([
  [8, planV8],
  [9, planV9],
  [10, planV10],
  [11, planV11],
  [12, planV12],
  [13, plan],
] as const)(
  'saws-2014 v%i: a 定性 changed after subsiding owes its route step, taken where the incident is',
  (version, plan) => {
    it.each(['disposal', 'review'] as const)('in %s, 谣言: the takedown request (五(四)4)', (phase) => {
      expect(plan.version).toBe(version)
      const w = lateCategory(plan, phase, 'rumor')
      expect(owedRules(w)).toContain(R.takedown)
      expect(act(w, UNIT, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })).toBe(true)
      expect(owedRules(w)).not.toContain(R.takedown)
      expect(w.phase()).toBe(phase)
    })

    it('in review, 恶意炒作: the source controlled (五(四)5)', () => {
      const w = lateCategory(plan, 'review', 'malicious')
      expect(owedRules(w)).toContain(R.contain)
      expect(act(w, UNIT, 'CONTROL_SOURCE')).toBe(true)
      expect(owedRules(w)).not.toContain(R.contain)
      expect(w.phase()).toBe('review')
    })
  },
)
