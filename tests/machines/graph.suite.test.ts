/**
 * The graph coverage suite itself: it covers every registered plan once, and its known
 * gaps name only registered plans.
 */
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { KNOWN_GAPS } from '../helpers/graph-explore/known-gaps.js'

const plans = currentPlans()

describe('graph suite', () => {
  it('covers every registered plan, once each', () => {
    expect(plans.length).toBeGreaterThan(0)
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length)
    for (const id of Object.keys(KNOWN_GAPS)) expect(plans.map((p) => p.id)).toContain(id)
  })
})
