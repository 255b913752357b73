/**
 * The kit's opt-in conditions `gradedBy` (the body that set a grade at or above the current one
 * knows of it) and `owed` (the latest instance of a rule, not withdrawn, is owed), on the toy
 * plan: a 续报 to the group that the group's own rise does not owe, and a duty begun on a
 * condition that stays owed through a lowering once that condition lapses. And the rule option
 * `keyedBy` (an instance per value the beginning event names, met only by its own value).
 * Added for nanchong-npc-2022 version 8; no released rule uses them.
 */
import { describe, expect, it } from 'vitest'
import { holds } from '../../machines/kit/conditions.js'
import type { ObligationRule } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { grade, office, open, owedOf, toyReportToGroup } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** The toy's report to the group, owed again at a rise only where the group did not set the grade. */
const unknown: ObligationRule = {
  ...toyReportToGroup,
  id: 'report:group-unknown',
  when: { any: [{ not: { met: 'report:group-unknown' } }, { not: { gradedBy: ['group'] } }] },
}
/** A duty begun while a fact holds; `kept` stays while owed, `lapsing` only while the fact holds. */
const lapsing: ObligationRule = {
  id: 'step:lapsing',
  kind: 'step',
  label: '随事实撤回',
  clause: '2',
  policy: null,
  owedBy: ['office'],
  when: { fact: 'crossRegion' },
  due: { anchor: 'start', amount: 60, unit: 'minutes' },
  discharge: { type: 'ANSWER', fields: {} },
}
const kept: ObligationRule = {
  ...lapsing,
  id: 'step:kept',
  label: '已起算则保留',
  when: { any: [{ fact: 'crossRegion' }, { owed: 'step:kept' }] },
}
const plan = makeToyPlan(2, [unknown, lapsing, kept])

describe('kit condition gradedBy', () => {
  it('a rise the group made owes it no new report; one the office made does', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    grade(w, 'major')
    expect(holds(w.context(), { gradedBy: ['group'] })).toBe(true)
    expect(owedOf(w, unknown.id)).toEqual([])
    expect(owedOf(w, toyReportToGroup.id)).toHaveLength(1)
    grade(w, 'critical', office)
    expect(holds(w.context(), { gradedBy: ['group'] })).toBe(false)
    expect(owedOf(w, unknown.id)).toHaveLength(1)
  })

  it('a grade set at or above the current one counts: set 特别重大, lowered by the office to 重大', () => {
    const w = open(plan)
    grade(w, 'critical')
    grade(w, 'major', office)
    expect(holds(w.context(), { gradedBy: ['group'] })).toBe(true)
    expect(holds(w.context(), { gradedBy: ['office'] })).toBe(true)
    expect(holds(w.context(), { gradedBy: ['monitor'] })).toBe(false)
  })

  it('only since the grade was last below the current one: set 特别重大, lowered to 一般, risen to 重大 by the office', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    grade(w, 'critical')
    grade(w, 'general', office)
    grade(w, 'major', office)
    expect(holds(w.context(), { gradedBy: ['group'] })).toBe(false)
    expect(owedOf(w, unknown.id)).toHaveLength(1)
  })
})

describe('kit condition owed', () => {
  it('begun while its fact holds, it stays owed through a lowering after the fact lapses; without it, withdrawn', () => {
    const w = open(plan)
    grade(w, 'major')
    w.send('METRICS_UPDATED', { facts: { crossRegion: true } }, { actor: office })
    expect(owedOf(w, kept.id)).toHaveLength(1)
    expect(owedOf(w, lapsing.id)).toHaveLength(1)
    w.send('METRICS_UPDATED', { facts: { crossRegion: false } }, { actor: office })
    grade(w, 'general')
    expect(owedOf(w, kept.id)).toHaveLength(1)
    expect(w.context().obligations.find((o) => o.rule === lapsing.id)).toMatchObject({ status: 'withdrawn' })
  })

  it('never begins an instance by itself, and holds only while the latest instance is owed', () => {
    const w = open(plan)
    expect(holds(w.context(), { owed: kept.id })).toBe(false)
    expect(w.context().obligations.filter((o) => o.rule === kept.id)).toEqual([])
    w.send('METRICS_UPDATED', { facts: { crossRegion: true } }, { actor: office })
    expect(holds(w.context(), { owed: kept.id })).toBe(true)
    w.send('ANSWER', {}, { actor: office })
    expect(holds(w.context(), { owed: kept.id })).toBe(false)
  })
})

/** A step owed per recipient a report names, met only by a report to that recipient. */
const perRecipient: ObligationRule = {
  id: 'step:perRecipient',
  kind: 'step',
  label: '逐一回执',
  clause: '2',
  policy: null,
  owedBy: ['office'],
  when: { act: 'REPORT' },
  discharge: { type: 'ANSWER', fields: {} },
  again: { events: ['REPORT'] },
  keyedBy: { field: 'to', as: 'to' },
}
const keyedPlan = makeToyPlan(2, [perRecipient])

describe('kit rule option keyedBy (an instance per value the beginning event names)', () => {
  const keyed = (w: Walker) =>
    w
      .context()
      .obligations.filter((o) => o.rule === perRecipient.id)
      .map((o) => [o.id, o.status, o.discharge.fields.to])

  it('one event naming two values owes two instances, each met only by its own value', () => {
    const w = open(keyedPlan)
    w.send('REPORT', { to: ['group', 'city'] })
    expect(keyed(w)).toEqual([
      ['step:perRecipient#1', 'owed', 'group'],
      ['step:perRecipient#2', 'owed', 'city'],
    ])
    w.send('ANSWER', { to: 'city' })
    expect(keyed(w)).toEqual([
      ['step:perRecipient#1', 'owed', 'group'],
      ['step:perRecipient#2', 'met', 'city'],
    ])
    // An event again (`again.events`) owes one per value it names; a value repeated counts once.
    w.send('REPORT', { to: ['higher', 'higher'] })
    expect(keyed(w).at(-1)).toEqual(['step:perRecipient#3', 'owed', 'higher'])
    expect(keyed(w)).toHaveLength(3)
  })
})
