/**
 * The kit option `againOnEvents: 'whenHolds'` (machines/kit/options.ts) on the toy plan: a
 * rule begun again by one of its `again.events` whose condition does not hold at that event
 * waits for it (the ledger's `pending`, as `again.raise: 'whenHolds'` waits after a rise) and
 * is owed from the first event at which it holds — hrss-city's commentary, owed again after a
 * relapse once the new reply is settled (replied or waived). Without the option the event
 * begins nothing, as in every version released before it.
 */
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../machines/fingerprint.js'
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import { convenedAndReleased, group, lastAt, leader, ob, open, unit } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** A reply owed again at a relapse, and a comment owed once the reply is settled, asked again at a relapse. */
const extra: ObligationRule[] = [
  {
    id: 'reply',
    kind: 'release',
    label: '回复',
    clause: '4',
    policy: null,
    owedBy: ['office'],
    when: { step: 'convened' },
    discharge: { type: 'RELEASE', fields: {} },
    draftPurpose: 'release',
    again: { events: ['RELAPSE'] },
  },
  {
    id: 'comment',
    kind: 'step',
    label: '评论',
    clause: '4',
    policy: null,
    owedBy: ['unit'],
    when: { settled: 'reply' },
    discharge: { type: 'ANSWER', fields: {} },
    again: { events: ['RELAPSE'] },
  },
]
const plan = makeToyPlan(8, extra, { againOnEvents: 'whenHolds' })
const before = makeToyPlan(7, extra)

/** Released, commented, subsided, relapsed: the reply is owed again. */
function relapsed(p: PlanDefinition) {
  const w = open(p)
  w.send('REPORT', { to: ['group'] })
  convenedAndReleased(w)
  w.send('ANSWER', { content: '评论' }, { actor: unit })
  expect(ob(w, 'comment#1')?.status).toBe('met')
  w.send('SUBSIDE')
  w.send('RELAPSE')
  expect(ob(w, 'reply#2')?.status).toBe('owed')
  expect(ob(w, 'comment#2')).toBeUndefined()
  return w
}

describe("kit againOnEvents: 'whenHolds' (asked again at an event, owed once its condition holds)", () => {
  it('the new reply released, the comment is owed again from that release', () => {
    const w = relapsed(plan)
    w.send('DRAFT', { content: '通报二' })
    w.send('APPROVE', { draftId: 'd2' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd2' })
    expect(ob(w, 'comment#2')).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
    w.send('ANSWER', { content: '评论二' }, { actor: unit })
    expect(ob(w, 'comment#2')?.status).toBe('met')
    expect(w.context().ledger.pending).toBeUndefined()
  })

  it('the new reply waived, the comment is owed again from the waiver', () => {
    const w = relapsed(plan)
    w.send('WAIVE', { obligation: 'reply#2', reason: '无须再回复' }, { actor: group })
    expect(ob(w, 'comment#2')).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
  })

  it('without the option the relapse owes no second comment (versions released before it)', () => {
    const w = relapsed(before)
    w.send('DRAFT', { content: '通报二' })
    w.send('APPROVE', { draftId: 'd2' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd2' })
    expect(ob(w, 'comment#2')).toBeUndefined()
  })

  it('is part of the version: setting it changes the fingerprint', () => {
    expect(fingerprint(makeToyPlan(8, extra, {}))).not.toBe(fingerprint(plan))
  })
})
