/**
 * An owed duty whose event the plan holds until other duties are settled says which (the
 * view's `waitsFor`), so the owed list can say what to do first instead of "the flow has not
 * reached this step": saws-2014's review summary (六(四) 总结评估, the event that closes)
 * waits for the follow-up of 六(一)–六(三), and its briefing of the leaders (五(一)2, at 较大)
 * for the answer. A duty whose step the flow has not reached names nothing. A report that
 * waits for the incident's grade names grading as its first step (nanchong-npc-2022's report
 * to the group, 三(一)–三(二), of an incident recorded late and unclassified: overdue at once).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { IncidentView } from '../../src/engine/view.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'

const owed = (v: IncidentView, id: string) => {
  const o = v.obligations.find((x) => x.id === id)
  expect(o?.status, id).toBe('owed')
  return o as NonNullable<typeof o>
}

describe('what an owed duty waits for', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })
  const send = (id: string, type: string, fields: Record<string, unknown>, role: string) => {
    t.clock.advance(1)
    return t.engine.send(id, { type, fields }, caller(role as never))
  }

  it('saws-2014: the summary that closes waits for the follow-up still owed; a step not reached names nothing', async () => {
    t = await freshEngine()
    const v = await t.engine.open(
      { planId: 'saws-2014', title: '网民质疑', severity: 'general', severityReason: '值班研判' },
      caller('office'),
    )
    await send(v.id, 'REPORT', { to: ['office'], channel: 'bulletin' }, 'monitor')
    await send(v.id, 'CONVENE', {}, 'office')
    const proposed = await send(
      v.id,
      'PROPOSE',
      { category: 'criticism', proposal: '解决反映的问题' },
      'unit',
    )
    // In consultation the solving (五(四)2) is owed, but taken only in the response: not reached.
    expect(proposed.allowedEvents).not.toContain('SOLVE_PROBLEM')
    expect(owed(proposed, 'solve:criticism#1').waitsFor).toBeUndefined()
    let now = await send(v.id, 'START_RESPONSE', {}, 'office')
    for (const o of now.obligations.filter((x) => x.status === 'owed'))
      now = await send(v.id, 'WAIVE', { obligation: o.id, reason: '本例不需要' }, 'leader')
    now = await send(v.id, 'SUBSIDE', {}, 'monitor')
    for (const o of now.obligations.filter((x) => x.status === 'owed'))
      now = await send(v.id, 'WAIVE', { obligation: o.id, reason: '本例不需要' }, 'leader')
    const reviewing = await send(v.id, 'DISPOSAL_DONE', {}, 'unit')
    expect(reviewing.phase).toBe('review')
    expect(reviewing.allowedEvents).not.toContain('SUMMARISE')
    const followUp = ['followup:track#1', 'followup:guide#1', 'followup:talk#1']
    expect(owed(reviewing, 'review#1').waitsFor).toEqual(followUp)
    // The duties it waits for wait for nothing themselves: their steps are taken now.
    for (const id of followUp) expect(owed(reviewing, id).waitsFor).toBeUndefined()
    // The incident as read, and as a later change answers it: one settled (done, or waived), one fewer.
    expect(owed(await t.engine.get(v.id, caller('auditor')), 'review#1').waitsFor).toEqual(followUp)
    await send(v.id, 'GUIDE', {}, 'office')
    const waived = await send(
      v.id,
      'WAIVE',
      { obligation: 'followup:talk#1', reason: '已无需沟通' },
      'leader',
    )
    expect(owed(waived, 'review#1').waitsFor).toEqual(['followup:track#1'])
    const tracked = await send(v.id, 'TRACK', {}, 'monitor')
    expect(tracked.allowedEvents).toContain('SUMMARISE')
    expect(owed(tracked, 'review#1').waitsFor).toBeUndefined()
  })

  it('saws-2014 at 较大: the briefing of the leaders waits for the answer', async () => {
    t = await freshEngine()
    const v = await t.engine.open(
      { planId: 'saws-2014', title: '网民质疑', severity: 'large', severityReason: '值班研判' },
      caller('office'),
    )
    const reported = await send(v.id, 'REPORT', { to: ['office'], channel: 'bulletin' }, 'monitor')
    expect(reported.allowedEvents).not.toContain('BRIEF_LEADERS')
    expect(owed(reported, 'brief:leaders#1').waitsFor).toEqual(['answer#1'])
    const waived = await send(v.id, 'WAIVE', { obligation: 'answer#1', reason: '无需答复' }, 'leader')
    expect(waived.allowedEvents).toContain('BRIEF_LEADERS')
    expect(owed(waived, 'brief:leaders#1').waitsFor).toBeUndefined()
  })

  it('nanchong-npc-2022, recorded late and unclassified: the overdue report to the group names grading first', async () => {
    t = await freshEngine(undefined, undefined, undefined, { lateEntryGraceMs: 10 * 60_000 })
    const past = new Date(t.clock.now().getTime() - 40 * 60_000).toISOString()
    const v = await t.engine.open(
      { planId: 'nanchong-npc-2022', title: '补录的舆情', discoveredAt: past, occurredAt: past },
      caller('monitor'),
    )
    const report = owed(v, 'report:group#1')
    expect(Date.parse(report.dueAt ?? '')).toBeLessThan(Date.parse(v.createdAt))
    expect(v.allowedEvents).not.toContain('REPORT')
    expect(report.waitsFor).toBeUndefined()
    expect(report.firstStep).toEqual({ type: 'CLASSIFY', fields: {}, roles: ['monitor', 'office', 'group'] })
    // Past the wait, breached: still the same first step.
    t.clock.advance(11)
    await t.engine.fireDue()
    const breached = owed(await t.engine.get(v.id, caller('monitor')), 'report:group#1')
    expect(breached.breachedAt).not.toBeNull()
    expect(breached.firstStep?.type).toBe('CLASSIFY')
    const graded = await send(v.id, 'CLASSIFY', { severity: 'general', reason: '值班研判' }, 'monitor')
    expect(graded.allowedEvents).toContain('REPORT')
    expect(owed(graded, 'report:group#1').firstStep).toBeUndefined()
  })
})
