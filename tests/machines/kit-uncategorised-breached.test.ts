/**
 * The kit's conditions `uncategorised` (no category set yet: a duty to categorise, owed only
 * while nothing says which category the incident is) and `breached` (an instance of a rule
 * has breached: a duty a late step owes), on the toy plan. Both were added for
 * nanning-aic-2017 version 10 (五(二) 认定网民意见、建议和诉求; 五(四) 对未及时上报的追究责任);
 * no released version uses them, so no released behaviour changes.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import { conditionWords } from '../../src/diagrams/labels.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { T0 } from '../helpers/machine.js'
import { accountable, instances, open, unit } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const categorise: ObligationRule = {
  id: 'step:categorise',
  kind: 'step',
  label: '认定涉事原因',
  clause: '3',
  policy: null,
  owedBy: ['office'],
  when: { uncategorised: true },
  due: { anchor: 'knownAt', amount: 3, unit: 'workingHours' },
  discharge: { type: 'SET_CATEGORY', fields: {} },
}
const plan = makeToyPlan(2, [categorise, accountable])

/** The rule's condition as GET /plans/:planId describes it. */
const describedWhen = (rule: string) => describeObligations(plan).obligations.find((o) => o.id === rule)?.when

describe('kit condition uncategorised', () => {
  it('opened with no category: owed from the opening, met by the category', () => {
    const w = open(plan)
    // 3 working hours from knownAt (Friday 2026-10-09 17:00 Beijing = 09:00Z): Saturday 11:30 (a make-up working day).
    expect(instances(w, categorise.id)).toMatchObject([
      { status: 'owed', startedAt: T0, dueAt: '2026-10-10T03:30:00.000Z' },
    ])
    w.send('SET_CATEGORY', { category: 'doubt' })
    expect(instances(w, categorise.id)).toMatchObject([{ status: 'met' }])
    // A change of category owes nothing new.
    w.send('SET_CATEGORY', { category: 'rumor' })
    expect(instances(w, categorise.id)).toHaveLength(1)
  })

  it('opened with a category: never owed', () => {
    const w = open(plan, { category: 'rumor' })
    expect(instances(w, categorise.id)).toEqual([])
  })

  it('categorised late: breached, and the breach owes an escalation', () => {
    const w = open(plan)
    w.fire(categorise.id)
    w.send('SET_CATEGORY', { category: 'doubt' })
    expect(instances(w, categorise.id)).toMatchObject([
      { status: 'late', breachedAt: '2026-10-10T03:30:00.000Z' },
    ])
    expect(w.owed().map((o) => o.rule)).toContain('escalate')
  })

  it('reads in words in GET /plans, on the plan page and in the diagrams', () => {
    expect(describedWhen(categorise.id)).toBe('尚未认定涉事原因')
    expect(conditionWords(plan, { uncategorised: true })).toBe('尚未认定涉事原因')
  })
})

describe('kit condition breached', () => {
  it('owed from the breach of the rule it names, and stays owed once that is met late', () => {
    const w = open(plan, { category: 'rumor' })
    expect(instances(w, accountable.id)).toEqual([])
    w.fire('report:group')
    const breachedAt = w.context().obligations.find((o) => o.rule === 'report:group')?.breachedAt
    expect(instances(w, accountable.id)).toMatchObject([{ status: 'owed', startedAt: breachedAt }])
    w.send('REPORT', { to: ['group'] })
    expect(instances(w, accountable.id)).toMatchObject([{ status: 'owed' }])
    w.send('ANSWER', { content: '已追责' }, { actor: unit })
    expect(instances(w, accountable.id)).toMatchObject([{ status: 'met' }])
  })

  it('not owed while the rule it names is met in time', () => {
    const w = open(plan, { category: 'rumor' })
    w.send('REPORT', { to: ['group'] })
    expect(instances(w, accountable.id)).toEqual([])
  })

  it('reads in words in GET /plans, on the plan page and in the diagrams', () => {
    expect(describedWhen(accountable.id)).toBe('“向领导小组报告”已超时')
    expect(conditionWords(plan, { breached: 'report:group' })).toBe('“向领导小组报告”已超时')
  })
})
