/**
 * The kit's opt-in `again.afterBreach` (with `again.whileOwed: false`), on the toy plan: a rise
 * while the instance owed has breached begins the new grade's own (rule 4: its own due time);
 * one still in time stays the one owed; a lowering withdraws the later one, not yet due, and
 * never the breached one (rule 5). Added for nanchong-npc-2022 version 8; no released rule uses it.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import { instances, office, open } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const once: ObligationRule = {
  id: 'step:once',
  kind: 'step',
  label: '续报（在办不另起）',
  clause: '2',
  policy: null,
  owedBy: ['office'],
  due: { anchor: 'start', amount: 10, unit: 'minutes' },
  discharge: { type: 'ANSWER', fields: {} },
  again: { raise: true, whileOwed: false },
}
const afterBreach: ObligationRule = {
  ...once,
  id: 'step:afterBreach',
  label: '续报（在办已超时则另起）',
  again: { raise: true, whileOwed: false, afterBreach: true },
}
const plan = makeToyPlan(2, [once, afterBreach])
const at = (m: number) => addMinutes(T0, m)
const grade = (w: Walker, severity: string, m: number) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: office, at: at(m) })
const rows = (w: Walker, rule: string) => instances(w, rule).map((o) => [o.status, o.dueAt, o.breachedAt])

/** Opened 一般 at T0 (both owed, due 10′), both breached at 10′. */
function breached(): Walker {
  const w = open(plan)
  w.fire(once.id)
  w.fire(afterBreach.id)
  return w
}

describe('kit again.afterBreach', () => {
  it('risen after the owed one breached: a second is owed from the rise; without it, none', () => {
    const w = breached()
    grade(w, 'major', 12)
    expect(rows(w, afterBreach.id)).toEqual([
      ['owed', at(10), at(10)],
      ['owed', at(22), null],
    ])
    expect(rows(w, once.id)).toEqual([['owed', at(10), at(10)]])
  })

  it('lowered before the second is due: it is withdrawn, the breached one stays owed', () => {
    const w = breached()
    grade(w, 'major', 12)
    grade(w, 'general', 15)
    expect(rows(w, afterBreach.id)).toEqual([
      ['owed', at(10), at(10)],
      ['withdrawn', at(22), null],
    ])
  })

  it('risen while the owed one is in time: no second, as whileOwed false alone', () => {
    const w = open(plan)
    grade(w, 'major', 5)
    expect(rows(w, afterBreach.id)).toEqual([['owed', at(10), null]])
  })
})
