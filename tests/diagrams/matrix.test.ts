import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { generateDiagrams, UnmappedClauses } from '../../src/diagrams/generate.js'
import { clauseMatrix, isMapped, refsOf } from '../../src/diagrams/matrix.js'
import { planMarkdown } from '../../src/diagrams/plan-doc.js'
import '../../src/diagrams/index.js'

describe('the clause matrix', () => {
  it('reads a meta clause that lists several refs', () => {
    expect(refsOf('五(一)1、五(三)1')).toEqual(['五(一)1', '五(三)1'])
    expect(refsOf('四(四), 三(二)1')).toEqual(['四(四)', '三(二)1'])
    expect(refsOf('第四條')).toEqual(['第四條'])
    expect(refsOf(null)).toEqual([])
  })

  it.each(currentPlans().map((p) => [p.id, p] as const))(
    'lists every numbered item of %s in order, mapped or explained',
    (_, plan) => {
      const mx = clauseMatrix(plan)
      expect(mx.rows.map((r) => r.ref)).toEqual(plan.clauses.map((c) => c.ref))
      for (const r of mx.rows) expect(isMapped(r) || (r.reason ?? '').length > 0, r.ref).toBe(true)
      const doc = planMarkdown(plan)
      const matrix = doc.slice(doc.indexOf('## 条款对照矩阵'))
      for (const c of plan.clauses) expect(matrix).toContain(`| ${c.ref} | `)
    },
  )

  it('maps a clause cited as one of several refs', () => {
    const saws = currentPlans().find((p) => p.id === 'saws-2014')
    if (!saws) return
    const row = clauseMatrix(saws).rows.find((r) => r.ref === '五(三)3')
    expect(row?.transitions.length).toBeGreaterThan(0)
  })

  it('refuses to generate when a clause maps to nothing and has no reason', () => {
    const base = currentPlans()[0]!
    const plan: PlanDefinition = {
      ...base,
      clauses: [...base.clauses, { ref: '第九十九條', text: '一项没有任何状态引用的条款' }],
    }
    expect(() => generateDiagrams([plan])).toThrow(UnmappedClauses)
    expect(() => generateDiagrams([plan])).toThrow(/第九十九條/)
  })
})
