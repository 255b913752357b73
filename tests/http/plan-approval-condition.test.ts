/**
 * GET /plans/:planId and the plan page say when a draft's approval is owed (diff review of
 * hrss-city v9, finding 3). With the kit option approvalsWhile 'releaseOwed' (hrss-city from
 * version 8) the group's approval of a draft is owed only while a release of it is owed — the
 * reply for a 通稿, the conference for its message — and from version 9 (rule option
 * `usesDraft`) also while the commentary written from the 通稿 is owed and no reply went out.
 * The description showed those rows as 无条件 / conditional: false.
 */
import { describe, expect, it } from 'vitest'
import { plan, planV7, planV8 } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'
import { describeObligations } from '../../src/http/plan-obligations.js'

const label = (p: PlanDefinition, id: string) => p.obligations.find((r) => r.id === id)?.label ?? id
const approvalRows = (p: PlanDefinition) =>
  describeObligations(p).obligations.filter((o) => o.kind === 'approval')
/** The plan page's rows (markdown) of the group's approval. */
const pageRows = (p: PlanDefinition) =>
  obligationsByGrade(p).filter((line) => line.includes('`approval:groupApproval`'))

describe('GET /plans: the condition of a draft’s approval, in words', () => {
  it('version 9: owed while the reply is owed, or the commentary is owed and no reply went out; the conference’s message while the conference is', () => {
    const rows = approvalRows(plan)
    expect(rows.length).toBeGreaterThan(0)
    for (const o of rows) {
      expect(o.conditional).toBe(true)
      expect(o.when).toContain(label(plan, 'reply'))
      expect(o.when).toContain(label(plan, 'commentary'))
      expect(o.when).toContain(label(plan, 'release:conference'))
    }
    for (const line of pageRows(plan)) {
      expect(line).not.toContain('无条件')
      expect(line).toContain(label(plan, 'commentary'))
    }
  })

  it('the commentary rule says which draft it is written from (usesDraft); version 8’s does not', () => {
    const commentary = (p: PlanDefinition) =>
      describeObligations(p).obligations.find((o) => o.id === 'commentary') as Record<string, unknown>
    expect(commentary(plan).usesDraft).toBe('pressRelease')
    expect(commentary(planV8)).not.toHaveProperty('usesDraft')
  })

  it('version 8: owed while its release is owed (no commentary); version 7: unconditional', () => {
    for (const o of approvalRows(planV8)) {
      expect(o.conditional).toBe(true)
      expect(o.when).toContain(label(planV8, 'reply'))
      expect(o.when).not.toContain(label(planV8, 'commentary'))
    }
    for (const o of approvalRows(planV7)) expect(o).toMatchObject({ conditional: false, when: null })
    for (const line of pageRows(planV7)) expect(line).toContain('无条件')
  })
})
