/**
 * The obligations kit on a small plan that uses every part of it (tests/helpers/toy-plan.ts):
 * OBLIGATIONS.md's nine rules, one `describe` each.
 */
import { describe, expect, it } from 'vitest'
import { risen } from '../../machines/kit/conditions.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import { toyPlan } from '../helpers/toy-plan.js'

const office = { name: '办公室甲', role: 'office' as const }
const unit = { name: '科室乙', role: 'unit' as const }
const group = { name: '组长丙', role: 'group' as const }
const leader = { name: '领导丁', role: 'leader' as const }

const open = (severity: 'general' | 'major' | null = 'general', extra = {}) =>
  startIncident(toyPlan, { severity, ...extra }, office)
const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
const phase = (w: Walker) => w.phase()

function toReview(w: Walker) {
  w.send('REPORT', { to: ['group', 'city'] })
  if (w.context().severity === 'major') w.send('REPORT', { to: ['higher'] }, { actor: group })
  w.send('CONVENE', {}, { actor: group })
  w.send('DRAFT', { content: '通报', purpose: 'release' })
  if (w.context().severity === 'major') {
    w.send('REVIEW_DRAFT', { draftId: 'd1' }, { actor: unit })
    w.send('APPROVE', { draftId: 'd1' }, { actor: group })
  } else w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
  w.send('RELEASE', { draftId: 'd1' })
  w.send('SUBSIDE')
  w.send('FINISH')
  expect(phase(w)).toBe('review')
  return w
}

describe('rule 1: a breach is permanent', () => {
  it('a report made after its timer fired is late, with the breach kept', () => {
    const w = open()
    w.fire('report:group')
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    w.send('REPORT', { to: ['group'] })
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 30) })
  })

  it('a breach owes one escalation, discharged by ESCALATE', () => {
    const w = open()
    w.fire('report:group')
    expect(w.owed().map((o) => o.rule)).toContain('escalate')
    w.send('ESCALATE', { to: ['上级'] })
    expect(w.owed().map((o) => o.rule)).not.toContain('escalate')
    expect(ob(w, 'report:group#1')?.escalatedAt).not.toBeNull()
  })

  it('neither a lowering, a waiver nor closing makes a breach vanish', () => {
    const w = open('major')
    w.fire('report:city')
    const breachedAt = ob(w, 'report:city#1')?.breachedAt
    w.send('SET_SEVERITY', { severity: 'general', reason: '热度下降' })
    expect(ob(w, 'report:city#1')).toMatchObject({ status: 'owed', breachedAt })
    w.send('WAIVE', { obligation: 'report:city#1', reason: '已电话告知' }, { actor: group })
    expect(ob(w, 'report:city#1')).toMatchObject({ status: 'waived', breachedAt })
  })
})

describe('rule 2: closing needs nothing owed', () => {
  it('refuses to close while an obligation is owed, and never cancels one', () => {
    const w = toReview(open())
    w.send('DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' }, { actor: group })
    expect(w.can('CLOSE')).toBe(false)
    expect(w.owed().map((o) => o.rule)).toEqual(['review'])
  })

  it('accepts the review summary that closes it: it discharges the review itself', () => {
    const w = toReview(open())
    w.send('DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' }, { actor: group })
    w.send('REVIEW', { summary: '总结' })
    expect(phase(w)).toBe('closed')
    expect(ob(w, 'review#1')?.status).toBe('met')
  })

  it('a waived obligation no longer blocks closing', () => {
    const w = toReview(open())
    w.send('DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' }, { actor: group })
    w.send('WAIVE', { obligation: 'review#1', reason: '上级另行总结' }, { actor: group })
    w.send('CLOSE', {}, { actor: group })
    expect(phase(w)).toBe('closed')
    expect(ob(w, 'review#1')?.waived).toMatchObject({ by: group, reason: '上级另行总结' })
  })
})

describe('rule 3: what the plan makes conditional is decided on the record', () => {
  it('deciding no records who and why and owes nothing further', () => {
    const w = toReview(open())
    expect(w.can('CLOSE')).toBe(false)
    w.send('DECIDE', { decision: 'decision:review', answer: 'no', reason: '影响小' }, { actor: group })
    expect(ob(w, 'decision:review#1')?.decision).toMatchObject({ answer: 'no', by: group, reason: '影响小' })
    expect(w.context().obligations.some((o) => o.rule === 'review')).toBe(false)
    w.send('CLOSE', {}, { actor: group })
    expect(phase(w)).toBe('closed')
  })
})

describe('rule 4: a rise adds; it never moves', () => {
  it('a rise 25 minutes into a 30-minute window keeps the due time and adds the new grade’s obligations from the rise', () => {
    const w = open()
    w.send('SET_SEVERITY', { severity: 'major', reason: '扩散' }, { at: addMinutes(T0, 25) })
    expect(ob(w, 'report:group#1')?.dueAt).toBe(addMinutes(T0, 30))
    // 续报: the leading group is told again, counted from the rise.
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 55) })
    expect(ob(w, 'report:city#1')).toMatchObject({
      startedAt: addMinutes(T0, 25),
      dueAt: addMinutes(T0, 145),
    })
  })

  it('obligations already met stay met after a rise', () => {
    const w = open()
    w.send('REPORT', { to: ['group'] })
    w.send('SET_SEVERITY', { severity: 'major', reason: '扩散' })
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 1) })
  })
})

describe('rule 5: a lowering withdraws only what is not yet due', () => {
  it('withdraws the not-yet-due report of the higher grade, recording who lowered it and why', () => {
    const w = open('major')
    w.send('REPORT', { to: ['group'] })
    w.send('SET_SEVERITY', { severity: 'general', reason: '经核实影响有限' }, { actor: group })
    expect(ob(w, 'report:city#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: group, reason: '经核实影响有限' },
    })
  })

  it('never re-creates a met report nor records a breach that did not happen', () => {
    const w = open('major')
    w.send('REPORT', { to: ['group', 'city'] })
    w.send('SET_SEVERITY', { severity: 'general', reason: '降级' }, { actor: group, at: addMinutes(T0, 200) })
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
    expect(w.context().obligations.filter((o) => o.rule === 'report:group')).toHaveLength(1)
    expect(ob(w, 'report:city#1')?.status).toBe('met')
  })
})

describe('rule 6: done before owed counts', () => {
  it('an answer given before the category was set meets the answer owed once it is set', () => {
    const w = open()
    w.send('ANSWER', { content: '已答复' }, { actor: unit })
    const answeredAt = w.context().acts.at(-1)?.at
    w.send('SET_CATEGORY', { category: 'doubt' })
    expect(ob(w, 'answer#1')).toMatchObject({ status: 'met', metAt: answeredAt })
  })

  it('done before owed but after its due time counts late, with the due time as its breach', () => {
    const w = open()
    // Three working hours from knownAt (T0, a Friday 17:00 Beijing) end on Monday; answered a week on.
    const late = addMinutes(T0, 7 * 24 * 60)
    w.send('ANSWER', { content: '已答复' }, { actor: unit, at: late })
    w.send('SET_CATEGORY', { category: 'doubt' }, { at: addMinutes(late, 1) })
    const o = ob(w, 'answer#1')
    expect(o?.dueAt && Date.parse(o.dueAt)).toBeLessThan(Date.parse(late))
    expect(o).toMatchObject({ status: 'late', metAt: late, breachedAt: o?.dueAt })
  })
})

describe('rule 7: one recipient, one obligation; level by level', () => {
  it('each recipient is its own obligation with its own due time', () => {
    const w = open('major')
    w.send('REPORT', { to: ['group'] })
    expect(ob(w, 'report:group#1')?.status).toBe('met')
    expect(ob(w, 'report:city#1')?.status).toBe('owed')
  })

  it('the upper report is owed only once the level below has the report, counted from then', () => {
    const w = open('major')
    expect(w.context().obligations.some((o) => o.rule === 'report:higher')).toBe(false)
    w.send('REPORT', { to: ['group'] }, { at: addMinutes(T0, 10) })
    expect(ob(w, 'report:higher#1')).toMatchObject({
      startedAt: addMinutes(T0, 10),
      dueAt: addMinutes(T0, 70),
    })
  })
})

describe('rule 8: approvals bind to a draft', () => {
  function inResponse(severity: 'general' | 'major') {
    const w = open(severity)
    w.send('REPORT', { to: ['group', 'city'] })
    if (severity === 'major') w.send('REPORT', { to: ['higher'] }, { actor: group })
    w.send('CONVENE', {}, { actor: group })
    return w
  }

  it('a second text needs its own approvals: after one approved release, another draft cannot go out unapproved', () => {
    const w = inResponse('general')
    w.send('DRAFT', { content: '第一稿' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd1' })
    w.send('DRAFT', { content: '第二稿' })
    expect(w.can('RELEASE', { draftId: 'd2' })).toBe(false)
    expect(ob(w, 'approval:leader:d2#1')?.status).toBe('owed')
  })

  it('approvals come in the plan’s order, and not from the draft’s author where separated', () => {
    const w = inResponse('major')
    w.send('DRAFT', { content: '稿' }, { actor: group })
    expect(w.can('APPROVE', { draftId: 'd1' })).toBe(false)
    w.send('REVIEW_DRAFT', { draftId: 'd1' }, { actor: unit })
    w.send('APPROVE', { draftId: 'd1' }, { actor: group })
    expect(w.context().drafts[0]?.approvals.map((a) => a.code)).toEqual(['section'])
    w.send('APPROVE', { draftId: 'd1' }, { actor: { name: '组员戊', role: 'group' } })
    expect(w.context().drafts[0]?.approvals.map((a) => a.code)).toEqual(['section', 'group'])
  })

  it('after a rise, the new grade’s approvals are owed for the next release', () => {
    const w = inResponse('general')
    w.send('DRAFT', { content: '稿' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('SET_SEVERITY', { severity: 'major', reason: '扩散' }, { actor: group })
    expect(w.can('RELEASE', { draftId: 'd1' })).toBe(false)
    expect(
      w
        .owed()
        .filter((o) => o.kind === 'approval')
        .map((o) => o.id),
    ).toEqual(['approval:section:d1#1', 'approval:group:d1#1'])
  })
})

describe('rule 9: obligations own the deadlines', () => {
  it('a due time computed uncertain is re-quoted once, on the record, and never again', () => {
    const w = open(null, { discoveredAt: '2027-03-01T01:00:00.000Z', category: 'doubt' })
    const answer = ob(w, 'answer#1')
    expect(answer?.certain).toBe(false)
    const system = { name: 'system', role: 'system' as const }
    const to = '2027-03-01T05:00:00.000Z'
    w.send('REQUOTE', { obligation: 'answer#1', dueAt: to, certain: true }, { actor: system })
    expect(ob(w, 'answer#1')).toMatchObject({
      dueAt: to,
      certain: true,
      requoted: { from: answer?.dueAt, to },
    })
    expect(w.can('REQUOTE', { obligation: 'answer#1', dueAt: T0, certain: true })).toBe(false)
  })

  it('a certain due time is never re-quoted', () => {
    const w = open()
    expect(w.can('REQUOTE', { obligation: 'report:group#1', dueAt: T0, certain: true })).toBe(false)
  })
})

describe("condition 'risen' (opt-in: a duty tied to a growing impact)", () => {
  const log = (...steps: Array<[string | null, string]>) => ({
    severityLog: steps.map(([from, to]) => ({ from, to })) as never,
  })
  it('holds when the latest change of grade was a rise, not after a lowering, a first grading or a repeat', () => {
    expect(risen(log([null, 'general']))).toBe(false)
    expect(risen(log([null, 'general'], ['general', 'major']))).toBe(true)
    expect(risen(log([null, 'general'], ['general', 'major'], ['major', 'major']))).toBe(true)
    expect(risen(log([null, 'critical'], ['critical', 'major']))).toBe(false)
    expect(risen(log([null, 'major'], ['major', 'general'], ['general', 'major']))).toBe(true)
  })
})
