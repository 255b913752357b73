/**
 * OBLIGATIONS.md rule 5 at the due instant, over every current plan: a lowering at any
 * instant never leaves owed an obligation due at that very instant that the new grade does
 * not require (its due time has not passed; a step then is on time). Opened at a random
 * grade and category, lowered to a random lower grade at the due time of a random owed
 * obligation (or a random minute).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentPlans, isAbove, type Severity } from '../../machines/index.js'
import { addMinutes, startIncident } from '../helpers/machine.js'

const GROUP = { name: '领导小组', role: 'group' } as const
const plans = currentPlans()

describe('a lowering at the due instant withdraws what the new grade does not require (rule 5)', () => {
  for (const p of plans) {
    const grades = p.severities.map((s) => s.code)
    it(p.id, () => {
      fc.assert(
        fc.property(
          fc.nat(grades.length - 1),
          fc.nat(grades.length - 1),
          fc.nat(20),
          fc.nat(600),
          (hi, lo, pick, minutes) => {
            const from = grades[Math.max(hi, lo)] as Severity
            const to = grades[Math.min(hi, lo)] as Severity
            fc.pre(isAbove(from, to))
            const w = startIncident(p, { severity: from, severityReason: '研判' })
            const due = w.owed().filter((o) => o.dueAt !== null)
            const at =
              due.length > 0
                ? (due[pick % due.length]?.dueAt as string)
                : addMinutes(w.context().discoveredAt, minutes)
            w.send('SET_SEVERITY', { severity: to, reason: '回落' }, { actor: GROUP, at })
            const rules = new Map(p.obligations.map((r) => [r.id, r]))
            const left = w.owed().filter((o) => {
              const r = rules.get(o.rule)
              return o.dueAt === at && r?.severities !== undefined && !r.severities.includes(to)
            })
            expect(left.map((o) => o.id)).toEqual([])
          },
        ),
        { numRuns: 40 },
      )
    })
  }
})
