/**
 * The kit's `dischargeOne` when the ledger runs twice for one event (an event the chart follows
 * with an automatic move: the toy's CLASSIFY, then `discovery`'s `always` into `reporting`):
 * the event meets one owed instance, not one per run — in the ledger and in the close guard
 * (`owedBesides`). With the kit option `repeats: 'sameEvent'` only the same event run again is a
 * repeat: two events alike at one instant are two acts.
 */
import { describe, expect, it } from 'vitest'
import { owedBesides } from '../../machines/kit/kit.js'
import type { IncidentEvent, ObligationRule } from '../../machines/kit/types.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import { instances, office, open } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** Each ANSWER owes a CLASSIFY of its own (CLASSIFY is followed by an automatic move). */
const each: ObligationRule = {
  id: 'step:each',
  kind: 'step',
  label: '逐项',
  clause: '1',
  policy: null,
  owedBy: ['office'],
  when: { act: 'ANSWER' },
  again: { events: ['ANSWER'] },
  prior: 'none',
  discharge: { type: 'CLASSIFY', fields: {} },
  dischargeOne: true,
}
const plan = makeToyPlan(2, [each])
const sameEvent = makeToyPlan(3, [each], { repeats: 'sameEvent' })
const statuses = (w: ReturnType<typeof open>) => instances(w, each.id).map((o) => [o.id, o.status])

/** Unclassified, two instances owed (ANSWER twice). */
function twoOwed(p = plan) {
  const w = open(p, { severity: null })
  w.send('ANSWER')
  w.send('ANSWER')
  return w
}

const classify = (obligation?: string): IncidentEvent => ({
  type: 'CLASSIFY',
  severity: 'general',
  reason: '研判',
  ...(obligation === undefined ? {} : { obligation }),
  at: addMinutes(T0, 10),
  actor: office,
  quotes: {},
})

describe('kit dischargeOne: an event the chart follows with an automatic move', () => {
  it.each([
    ['the kit as released', plan],
    ['with repeats: sameEvent', sameEvent],
  ])('%s: CLASSIFY naming none meets the oldest only, not one per run of the ledger', (_, p) => {
    const w = twoOwed(p)
    w.actor.send(classify())
    expect(w.phase()).toBe('reporting')
    expect(statuses(w)).toEqual([
      ['step:each#1', 'met'],
      ['step:each#2', 'owed'],
    ])
    expect(w.context().acts.filter((a) => a.type === 'CLASSIFY')).toHaveLength(1)
  })

  it('control: CLASSIFY naming #1 meets #1 only', () => {
    const w = twoOwed()
    w.actor.send(classify('step:each#1'))
    expect(statuses(w)).toEqual([
      ['step:each#1', 'met'],
      ['step:each#2', 'owed'],
    ])
  })

  it('the close guard, asked again with the event the ledger has tracked, counts its one instance met', () => {
    for (const p of [plan, sameEvent]) {
      const w = twoOwed(p)
      const event = classify()
      // Before the event: it would meet #1, so #2 is what stays owed.
      expect(owedBesides(w.context(), event, [each.id]).map((o) => o.id)).toEqual(['step:each#2'])
      w.actor.send(event)
      // An automatic move after it (a close) asks with the same event: #2 is still owed.
      const options = p === sameEvent ? { repeats: 'sameEvent' as const } : undefined
      expect(owedBesides(w.context(), event, [each.id], options).map((o) => o.id)).toEqual(['step:each#2'])
    }
  })
})

describe('kit option repeats: sameEvent', () => {
  const answers = makeToyPlan(4, [{ ...each, discharge: { type: 'REPORT', fields: { to: ['done'] } } }], {
    repeats: 'sameEvent',
  })
  const answersAsReleased = makeToyPlan(5, [
    { ...each, discharge: { type: 'REPORT', fields: { to: ['done'] } } },
  ])
  const at = addMinutes(T0, 5)

  it('two ANSWERs at one instant are two acts and owe two instances (released: one)', () => {
    for (const [p, n] of [
      [answers, 2],
      [answersAsReleased, 1],
    ] as const) {
      const w = open(p)
      w.send('ANSWER', { content: '第一件' }, { at })
      w.send('ANSWER', { content: '第二件' }, { at })
      expect(instances(w, each.id).map((o) => o.status)).toEqual(Array(n).fill('owed'))
      expect(w.context().acts.filter((a) => a.type === 'ANSWER')).toHaveLength(n)
    }
  })

  it('two steps at one instant each meet one instance (without the option the second is a repeat: it meets none)', () => {
    for (const [p, second] of [
      [answers, 'met'],
      [answersAsReleased, 'owed'],
    ] as const) {
      const w = open(p)
      w.send('ANSWER', { content: '第一件' })
      w.send('ANSWER', { content: '第二件' })
      w.send('REPORT', { to: ['done'] }, { at: addMinutes(T0, 10) })
      w.send('REPORT', { to: ['done'] }, { at: addMinutes(T0, 10) })
      expect(instances(w, each.id).map((o) => o.status)).toEqual(['met', second])
    }
  })

  it('is a kit option: set, it is the machine’s (and the fingerprint reads it)', async () => {
    const { kitOptionsOf } = await import('../../machines/kit/options.js')
    expect(kitOptionsOf(answers.machine)).toEqual({ repeats: 'sameEvent' })
    expect(kitOptionsOf(answersAsReleased.machine)).toEqual({})
  })
})
