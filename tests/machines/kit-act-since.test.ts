/**
 * The kit condition `act` with `since` (added for saws-2014 version 13, 五(五) 舆情事件平息后 after a relapse):
 * an event of that type accepted after the latest event of the `since` type, at any grade; without
 * such an event on the record, any. `holds` and the compiled test (`testOf`) agree; the plan's words
 * name it. Without `since`, `act` reads as before.
 */
import { describe, expect, it } from 'vitest'
import { holds, testOf } from '../../machines/kit/conditions.js'
import type { Condition } from '../../machines/kit/types.js'
import { plan } from '../../machines/saws-2014/index.js'
import { conditionWords } from '../../src/diagrams/labels.js'
import type { Walker } from '../helpers/machine.js'
import { act, LEAD, MON, OFF, POST, UNIT } from './saws-2014.helpers.js'
import { relapsedAtLarge } from './saws-2014.v11.helpers.js'

const since: Condition = { act: 'SUBSIDE', since: 'RELAPSE' }
const plain: Condition = { act: 'SUBSIDE' }
const both = (w: Walker, c: Condition) => {
  const ctx = w.context()
  expect(testOf(c)(ctx)).toBe(holds(ctx, c))
  return holds(ctx, c)
}

describe('kit condition act … since', () => {
  it('relapsed: not since the relapse (a SUBSIDE before it counts without since); subsided again: holds', () => {
    const w = relapsedAtLarge(plan)
    expect(both(w, since)).toBe(false)
    expect(both(w, plain)).toBe(true)
    expect(act(w, UNIT, 'DRAFT', { content: '再次答复', purpose: 'answer' })).toBe(true)
    expect(act(w, LEAD, 'LEADER_APPROVE', { draftId: 'd2' })).toBe(true)
    expect(act(w, POST, 'RESPOND', { draftId: 'd2', channel: 'followPost' })).toBe(true)
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })).toBe(true)
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报（反复后）' })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(both(w, since)).toBe(true)
  })

  it('in words: after the latest event of that type', () => {
    expect(conditionWords(plan, since)).toMatch(/^已.+，最近一次.+之后$/)
    expect(conditionWords(plan, plain)).not.toMatch(/最近一次/)
  })
})
