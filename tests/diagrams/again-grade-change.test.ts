/**
 * The kit's `again` options on a change of grade — `firstGrading` (a first grading owes a rule
 * again, as a rise), `lowered` (a lowering owes it again when what settled it came before its
 * `prior.after` event) and `revivesWithdrawn` (a rise keeps the due time its ower's lowering
 * withdrew) — are worded on every rule that sets them, and on no other: the plan page's
 * obligations by grade (diagrams/<plan>.md), the rule's line of `appliesText`, and the console's
 * plan page (src/console/static/views/plan-obligations.js, plain JavaScript run here under Node,
 * in zh-CN) from GET /plans/:id, whose `again` names the event `lowered` reads (`settledBefore`).
 */
import { describe, expect, it } from 'vitest'
import { getPlan, PLAN_VERSIONS } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import {
  firstGradingText,
  gradeChangeWords,
  loweredText,
  REVIVES_WITHDRAWN_TEXT,
} from '../../src/diagrams/again-words.js'
import { appliesText } from '../../src/diagrams/labels.js'
import { obligationsByGrade } from '../../src/diagrams/plan-tables.js'
import { describePlan } from '../../src/http/plan-description.js'
import { describeObligations } from '../../src/http/plan-obligations.js'

type Again = Parameters<typeof gradeChangeWords>[1]
const CONSOLE = '../../src/console/static/views/plan-obligations.js'
const { gradeChangeText } = (await import(CONSOLE)) as {
  gradeChangeText: (plan: unknown, again: Again) => string[]
}

const plan = (id: string, version: number): PlanDefinition => {
  const p = getPlan(id, version)
  if (!p) throw new Error(`${id} v${version} missing`)
  return p
}
/** The rows of rule `id` in the plan page's tables, one per grade it applies to. */
const rows = (p: PlanDefinition, id: string) =>
  obligationsByGrade(p).filter((l) => l.includes(`（\`${id}\`）`))

/** A distinctive part of each option's words. */
const MARKS = {
  firstGrading: '视同升级再次应办',
  lowered: '自降级时起再次应办',
  revivesWithdrawn: REVIVES_WITHDRAWN_TEXT,
} as const

describe('the plan page words the again options on a change of grade', () => {
  it('saws-2014 v12: a report to 人事司 settled before the latest relapse is owed again at a lowering', () => {
    const words = loweredText('最近一次舆情反复')
    expect(words).toBe(
      '降级时，前一项在最近一次舆情反复之前已办结或免除的，自降级时起再次应办（最近一次舆情反复之前的办理不再计入）',
    )
    for (const id of ['report:office:general', 'report:office:large']) {
      const found = rows(plan('saws-2014', 12), id)
      expect(found.length, id).toBeGreaterThan(0)
      for (const r of found) expect(r, id).toContain(words)
      for (const r of rows(plan('saws-2014', 11), id)) expect(r, id).not.toContain(MARKS.lowered)
    }
  })

  it('neixiang-2017 v11: the report to the principal leaders, owed again at a first grading and keeping a withdrawn due time', () => {
    const found = rows(plan('neixiang-2017', 11), 'report:principal')
    expect(found.length).toBeGreaterThan(0)
    for (const r of found) {
      expect(r).toContain(firstGradingText(['重大', '特別重大']))
      expect(r).toContain('未定级的事件首次定为重大、特別重大时，视同升级再次应办')
      expect(r).toContain(REVIVES_WITHDRAWN_TEXT)
    }
    for (const r of rows(plan('neixiang-2017', 10), 'report:principal')) {
      expect(r).toContain(MARKS.firstGrading)
      expect(r).not.toContain(REVIVES_WITHDRAWN_TEXT)
    }
    for (const r of rows(plan('neixiang-2017', 9), 'report:principal'))
      expect(r).not.toContain(MARKS.firstGrading)
  })

  it('hrss-city v12: the reports a rise begins keep the due time their ower’s lowering withdrew; v11’s do not', () => {
    for (const r of rows(plan('hrss-city', 12), 'report:group'))
      expect(r).toContain('应办者降级而撤回的，再次升级时沿用原时限（原时限已过或由他人降级的，重新计时）')
    expect(obligationsByGrade(plan('hrss-city', 11)).join('\n')).not.toContain(REVIVES_WITHDRAWN_TEXT)
  })

  for (const p of PLAN_VERSIONS)
    it(`${p.id} v${p.version}: each rule’s rows and line say what it sets, and nothing it does not`, () => {
      for (const rule of p.obligations) {
        const a = rule.again
        const set = {
          firstGrading: (a?.firstGrading?.length ?? 0) > 0,
          lowered: a?.lowered !== undefined,
          revivesWithdrawn: a?.revivesWithdrawn !== undefined,
        }
        const texts = [...rows(p, rule.id), appliesText(p, rule)]
        for (const [option, mark] of Object.entries(MARKS))
          for (const text of texts)
            expect(text.includes(mark), `${rule.id} ${option}: ${text}`).toBe(set[option as keyof typeof set])
      }
    })
})

describe('GET /plans/:id and the console’s plan page', () => {
  it('name the event a lowering reads (`again.settledBefore`, the rule’s prior.after)', () => {
    const again = describeObligations(plan('saws-2014', 12)).obligations.find(
      (o) => o.id === 'report:office:general',
    )?.again
    expect(again).toMatchObject({
      lowered: 'settledBeforePrior',
      settledBefore: { events: ['RELAPSE'], latest: true },
    })
    const without = describeObligations(plan('saws-2014', 11)).obligations.map((o) => o.again)
    expect(without.filter((x) => x !== null && 'settledBefore' in x)).toEqual([])
  })

  it('the console words every rule as the plan page does (zh-CN), and a rule without the options not at all', () => {
    let worded = 0
    for (const p of PLAN_VERSIONS) {
      const served = describePlan(p) as unknown as Parameters<typeof gradeChangeText>[0]
      for (const o of describeObligations(p).obligations) {
        const words = gradeChangeWords(p, o.again)
        expect(gradeChangeText(served, o.again), `${p.id} v${p.version} ${o.id}`).toEqual(words)
        if (words.length > 0) worded++
      }
    }
    expect(worded).toBeGreaterThanOrEqual(15)
  })
})
