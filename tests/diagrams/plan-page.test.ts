/**
 * Issue 19: the plan page shows what auditors check first. Every obligation rule of
 * GET /plans/:id (describeObligations) appears on diagrams/<plan>.md under each grade it
 * applies to, and every grading threshold appears with whether it is strict; the
 * criteria table agrees with classify() at and just past each threshold.
 */
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { ownersAt } from '../../machines/kit/begin.js'
import type { Severity } from '../../machines/vocabulary.js'
import { criteriaOf, testText } from '../../src/diagrams/criteria.js'
import { guardText, rolesWords } from '../../src/diagrams/labels.js'
import { clauseMatrix, statusOf } from '../../src/diagrams/matrix.js'
import { planModel } from '../../src/diagrams/model.js'
import { planMarkdown } from '../../src/diagrams/plan-doc.js'
import { PARTLY_MAPPED } from '../../src/diagrams/unmapped-reasons.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import '../../src/diagrams/index.js'

describe('the page of nanning-aic-2017: 源头化解 by grade', () => {
  const plan = currentPlans().find((p) => p.id === 'nanning-aic-2017')!
  const page = planMarkdown(plan)
  it('names 新闻宣传分管领导 for step:source at 重大 and 特别重大 only', () => {
    const rows = page.split('\n').filter((l) => l.includes('（`step:source`）'))
    expect(rows.map((l) => l.split(' | ')[5])).toEqual([
      '业务单位、股室主要负责人',
      '业务单位、股室主要负责人',
      '业务单位、股室主要负责人、分管新闻宣传的领导',
      '业务单位、股室主要负责人、分管新闻宣传的领导',
    ])
  })
})

describe.each(currentPlans().map((p) => [p.id, p] as const))('the page of %s', (_, plan) => {
  const page = planMarkdown(plan)
  const section = (grade: string) => {
    const label = plan.severities.find((s) => s.code === grade)!.label
    const start = page.indexOf(`### ${label}（\`${grade}\`）`)
    const end = page.indexOf('\n### ', start + 1)
    return page.slice(start, end < 0 ? page.indexOf('\n## ', start) : end)
  }

  it('lists every obligation rule of GET /plans/:id under each grade it applies to', () => {
    for (const o of describeObligations(plan).obligations) {
      const grades = o.severities ?? plan.severities.map((s) => s.code)
      for (const g of grades) {
        const text = section(g)
        expect(text, `${o.id} under ${g}`).toContain(`（\`${o.id}\`）`)
        expect(text).toContain(o.label)
        if (o.due) expect(text).toContain(`${o.due.amount} `)
      }
    }
  })

  it('lists under each grade who owes a rule at that grade (kit `alsoOwedAt` included)', () => {
    for (const o of describeObligations(plan).obligations) {
      if (!('alsoOwedAt' in o) || o.alsoOwedAt === undefined) continue
      for (const g of o.severities ?? plan.severities.map((s) => s.code)) {
        const line = section(g)
          .split('\n')
          .find((l) => l.includes(`（\`${o.id}\`）`))
        const owers = line?.split(' | ')[5]
        expect(owers, `${o.id} under ${g}`).toBe(rolesWords(ownersAt(o, g as Severity)))
      }
    }
  })

  it('shows every grading threshold, strict or inclusive, with its clause', () => {
    const c = criteriaOf(plan.id)
    for (const r of c.rows) {
      expect(page).toContain(r.text)
      for (const t of r.all) expect(page).toContain(testText(t))
    }
  })

  it('has criteria that agree with classify() at and just past each threshold', () => {
    for (const r of criteriaOf(plan.id).rows) {
      const base = Object.fromEntries(
        r.all.map((t) => [t.fact, t.op === 'true' ? true : t.op === '>' ? t.value + 1 : t.value]),
      )
      expect(plan.classify(base).severity, `${r.text}: reached`).toBe(r.grade)
      for (const t of r.all.filter((x) => x.op !== 'true')) {
        const below = { ...base, [t.fact]: t.op === '>' ? t.value : t.value - 1 }
        expect(plan.classify(below).severity, `${r.text}: ${t.fact} at the edge`).not.toBe(r.grade)
      }
    }
  })

  it('writes every guard in words, not as a code name or a setting', () => {
    const codeNames = planModel(plan)
      .transitions.map((t) => guardText(plan, t.guard) ?? '')
      .filter((g) => /\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[a-z]+=/.test(g))
    expect(codeNames).toEqual([])
  })

  it('names only mapped clauses of the plan as partly mapped', () => {
    const rows = clauseMatrix(plan).rows
    for (const ref of Object.keys(PARTLY_MAPPED[plan.id] ?? {}))
      expect(statusOf(rows.find((r) => r.ref === ref)!), ref).toBe('partly')
  })

  it('says mapped, partly or unmapped for every clause', () => {
    for (const c of plan.clauses)
      expect(page).toMatch(
        new RegExp(`\\| ${c.ref.replace(/[()]/g, '\\$&')} \\|.*\\| (已映射|部分映射|未映射) \\|`),
      )
  })
})
