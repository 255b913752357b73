/**
 * How the console cites a rule (src/console/static/views/common.js `clauseText`, plain
 * JavaScript run here under Node): its clause, else the local policy the plan follows,
 * marked 本地政策 once — several plans' policies already say 本地政策 in their own words.
 */
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { describePlan } from '../../src/http/plan-description.js'

const COMMON = '../../src/console/static/views/common.js'
const { clauseText } = (await import(COMMON)) as {
  clauseText: (x: { clause: string | null; policy: string | null }) => string
}

describe('the console cites a rule', () => {
  it('by its clause, else by its local policy, never saying 本地政策 twice', () => {
    expect(clauseText({ clause: '五(一)3', policy: null })).toBe('五(一)3')
    expect(clauseText({ clause: null, policy: '超时须上报' })).toBe('本地政策：超时须上报')
    let policies = 0
    for (const plan of currentPlans()) {
      const doc = describePlan(plan) as unknown as {
        obligations: Array<{ clause: string | null; policy: string | null }>
      }
      for (const o of doc.obligations) {
        if (o.clause !== null || o.policy === null) continue
        policies++
        const text = clauseText(o)
        expect(text.split('本地政策').length - 1, `${plan.id}: ${text}`).toBeLessThanOrEqual(1)
        expect(text).toContain(o.policy)
      }
    }
    expect(policies).toBeGreaterThan(0)
  })
})
