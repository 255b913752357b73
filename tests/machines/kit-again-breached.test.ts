/**
 * The kit's rule option `again.breached` (opt-in, added for nanning-aic-2017 version 10,
 * 五(四) 对未及时上报的部门及人员追究责任): a rule whose `when` names `breached` rules begins a
 * new instance when one of them breaches after its latest instance was settled — each late
 * report not yet answered for owes its own step; a breach while one is still owed is answered
 * by that one. Without it a rule owes one instance per incident. No released version uses it.
 */
import { describe, expect, it } from 'vitest'
import { describeObligations } from '../../src/http/plan-obligations.js'
import type { Walker } from '../helpers/machine.js'
import { accountable, instances, open, unit } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const once = makeToyPlan(2, [accountable])
const each = makeToyPlan(2, [{ ...accountable, again: { breached: true } }])

const of = (w: Walker) => instances(w, accountable.id)

/** report:group breached, answered for, then owed again (a rise: 续报) and breached again. */
function twice(plan: typeof once) {
  const w = open(plan, { category: 'rumor' })
  w.fire('report:group')
  w.send('REPORT', { to: ['group'] })
  w.send('ANSWER', { content: '已追责' }, { actor: unit })
  w.send('SET_SEVERITY', { severity: 'major', reason: '升级' })
  w.fire('report:group')
  return w
}

describe('kit rule option again.breached', () => {
  it('a breach after the step was taken owes a new one', () => {
    const w = twice(each)
    const second = w.context().obligations.findLast((o) => o.rule === 'report:group')
    expect(of(w)).toMatchObject([{ status: 'met' }, { status: 'owed', startedAt: second?.breachedAt }])
  })

  it('without it, the incident owes the step once', () => {
    expect(of(twice(once))).toMatchObject([{ status: 'met' }])
  })

  it('a breach while the step is still owed is answered by it', () => {
    const w = open(each, { category: 'rumor' })
    w.fire('report:group')
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' })
    w.fire('report:group')
    expect(of(w)).toMatchObject([{ status: 'owed' }])
    w.send('ANSWER', { content: '已追责' }, { actor: unit })
    expect(of(w)).toMatchObject([{ status: 'met' }])
  })

  it('GET /plans says so', () => {
    const rule = describeObligations(each).obligations.find((o) => o.id === accountable.id)
    expect(rule?.again).toMatchObject({ breached: true })
    expect(describeObligations(once).obligations.find((o) => o.id === accountable.id)?.again).toBeNull()
  })
})
