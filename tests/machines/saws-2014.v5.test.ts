/**
 * 安全生产网络舆情应对预案 (saws-2014) version 5: the defects a black-box check found in
 * version 4 (released, frozen), each test naming its clause; each fails on version 4, and
 * one assertion per defect shows version 4 still does the old thing (its journals replay).
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV5 as plan, planV4 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Actor, Facts } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { obligationParts } from '../../src/engine/view-parts.js'
import { startIncident, type Walker } from '../helpers/machine.js'

const MON: Actor = { name: '舆情处值班员', role: 'monitor' }
const OFF: Actor = { name: '人事司干部', role: 'office' }
const UNIT: Actor = { name: '业务司起草人', role: 'unit' }
const HEAD: Actor = { name: '业务司负责人', role: 'unit' }
const LEAD: Actor = { name: '分管领导', role: 'leader' }
const POST: Actor = { name: '政府网站处', role: 'spokesperson' }

const FACTS = { general: {}, large: { reposts: 101 } } satisfies Record<string, Facts>
type Grade = keyof typeof FACTS
/** The approval each grade requires of a draft (五(一)1 本单位负责人审定, 五(一)2 分管领导批准). */
const APPROVAL = {
  general: { code: 'unitHead', event: 'APPROVE_ANSWER', by: HEAD },
  large: { code: 'leaderApproval', event: 'LEADER_APPROVE', by: LEAD },
} as const

/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
function act(w: Walker, who: Actor, type: string, fields: Record<string, unknown> = {}) {
  const before = w.context().acts.length
  w.send(type, fields, { actor: who })
  return w.context().acts.length > before
}
const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
const draft = (w: Walker, id: string) => w.context().drafts.find((d) => d.id === id)
/** The event as the engine stamps it, for the refusal details an HTTP 409 carries. */
const stamped = (w: Walker, who: Actor, type: string, fields: Record<string, unknown>) => ({
  ...fields,
  type,
  at: w.context().acts.at(-1)?.at ?? '2026-10-09T09:00:00.000Z',
  actor: who,
})

/** A suggestion of `grade` reported, convened, proposed (and at 较大 approved) into the response. */
function toResponse(p: PlanDefinition, grade: Grade) {
  const w = startIncident(p, { category: 'suggestion', facts: FACTS[grade] }, MON)
  expect(
    act(w, MON, 'REPORT', { to: ['office'], channel: grade === 'general' ? 'bulletin' : 'written' }),
  ).toBe(true)
  expect(act(w, OFF, 'CONVENE')).toBe(true)
  expect(act(w, UNIT, 'PROPOSE', { category: 'suggestion', proposal: '跟帖答复' })).toBe(true)
  if (grade === 'large') expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
  expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  expect(w.phase()).toBe('response')
  return w
}
const answer = (n: number) => ({ content: `答复稿${n}`, purpose: 'answer' })
const respond = (draftId: string) => ({ draftId, channel: 'followPost' })

describe('saws-2014 v5, OBLIGATIONS.md rule 8: a draft’s approval is not waived (kit waiveApprovals: false)', () => {
  it.each(['general', 'large'] as const)(
    'at %s the approval stays owed; WITHDRAW_DRAFT is the way out',
    (grade) => {
      const { code, event, by } = APPROVAL[grade]
      const id = `approval:${code}:d1#1`
      const w = toResponse(plan, grade)
      expect(act(w, UNIT, 'DRAFT', answer(1))).toBe(true)
      expect(ob(w, id)?.status).toBe('owed')
      const waive = { obligation: id, reason: '领导已口头同意' }
      expect(w.can('WAIVE', waive, LEAD)).toBe(false)
      expect(refusalDetail(plan, w.actor.getSnapshot(), stamped(w, LEAD, 'WAIVE', waive)).reason).toContain(
        'cannot be waived',
      )
      expect(act(w, LEAD, 'WAIVE', waive)).toBe(false)
      expect(ob(w, id)).toMatchObject({ status: 'owed', waived: null })
      // Other obligations are still waived by the leader (the waivers' policy).
      expect(w.can('WAIVE', { obligation: `${R.answer}#1`, reason: '无需回应' }, LEAD)).toBe(true)
      // The draft that will not be approved is withdrawn, on the record; a new one owes its own.
      expect(act(w, UNIT, 'WITHDRAW_DRAFT', { draftId: 'd1', reason: '口径调整' })).toBe(true)
      expect(ob(w, id)?.status).toBe('withdrawn')
      expect(act(w, UNIT, 'DRAFT', answer(2))).toBe(true)
      expect(act(w, by, event, { draftId: 'd2' })).toBe(true)
      expect(act(w, POST, 'RESPOND', respond('d2'))).toBe(true)
      expect(ob(w, `${R.answer}#1`)?.status).toBe('met')
    },
  )

  it('version 4 (kept) waives it, and the release stays refused: the waiver hid the duty', () => {
    const w = toResponse(planV4, 'general')
    act(w, UNIT, 'DRAFT', answer(1))
    expect(act(w, LEAD, 'WAIVE', { obligation: 'approval:unitHead:d1#1', reason: '领导已口头同意' })).toBe(
      true,
    )
    expect(ob(w, 'approval:unitHead:d1#1')?.status).toBe('waived')
    expect(w.can('RESPOND', respond('d1'), POST)).toBe(false)
  })

  it('GET /plans says so in the waivers’ policy', () => {
    expect(plan.waivers.policy).toContain('稿件的审定、批准不得免除')
    expect(planV4.waivers.policy).not.toContain('稿件')
  })
})

describe('saws-2014 v5, rule 8: a superseded draft is neither approved nor published (kit supersededDrafts)', () => {
  it.each(['general', 'large'] as const)('at %s the approval of the older draft is refused', (grade) => {
    const { code, event, by } = APPROVAL[grade]
    const w = toResponse(plan, grade)
    act(w, UNIT, 'DRAFT', answer(1))
    act(w, UNIT, 'DRAFT', answer(2))
    expect(ob(w, `approval:${code}:d1#1`)?.status).toBe('withdrawn')
    expect(w.can(event, { draftId: 'd1' }, by)).toBe(false)
    expect(
      refusalDetail(plan, w.actor.getSnapshot(), stamped(w, by, event, { draftId: 'd1' })).reason,
    ).toContain('superseded by d2')
    // Withdrawing the newer draft makes the older one current again.
    expect(act(w, UNIT, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '仍用第一稿' })).toBe(true)
    expect(act(w, by, event, { draftId: 'd1' })).toBe(true)
    expect(act(w, POST, 'RESPOND', respond('d1'))).toBe(true)
  })

  it.each(['general', 'large'] as const)(
    'at %s an approved draft superseded afterwards is not published; the newer draft is',
    (grade) => {
      const { code, event, by } = APPROVAL[grade]
      const w = toResponse(plan, grade)
      act(w, UNIT, 'DRAFT', answer(1))
      expect(act(w, by, event, { draftId: 'd1' })).toBe(true)
      act(w, UNIT, 'DRAFT', answer(2))
      expect(w.can('RESPOND', respond('d1'), POST)).toBe(false)
      expect(
        refusalDetail(plan, w.actor.getSnapshot(), stamped(w, POST, 'RESPOND', respond('d1'))).reason,
      ).toContain('superseded by d2')
      expect(act(w, by, event, { draftId: 'd2' })).toBe(true)
      expect(act(w, POST, 'RESPOND', respond('d2'))).toBe(true)
      expect(ob(w, `approval:${code}:d2#1`)?.status).toBe('met')
      expect(draft(w, 'd1')?.releasedAt).toBeNull()
    },
  )

  it('version 4 (kept) approves and publishes the older draft while the newer one’s approval stays owed', () => {
    const w = toResponse(planV4, 'large')
    act(w, UNIT, 'DRAFT', answer(1))
    act(w, UNIT, 'DRAFT', answer(2))
    expect(ob(w, 'approval:leaderApproval:d1#1')?.status).toBe('withdrawn')
    expect(act(w, LEAD, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(true)
    expect(act(w, POST, 'RESPOND', respond('d1'))).toBe(true)
    expect(draft(w, 'd1')?.releasedAt).not.toBeNull()
    expect(ob(w, 'approval:leaderApproval:d2#1')?.status).toBe('owed')
  })
})

describe('saws-2014 v5, 六(一)、六(二): after a relapse the answer owed is a new draft', () => {
  /** The black-box walk (repro-8): a 一般 suggestion answered with d1, subsided, relapsed. */
  function relapsed(p: PlanDefinition) {
    const w = toResponse(p, 'general')
    act(w, UNIT, 'DRAFT', answer(1))
    act(w, HEAD, 'APPROVE_ANSWER', { draftId: 'd1' })
    expect(act(w, POST, 'RESPOND', respond('d1'))).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, OFF, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    expect(w.phase()).toBe('response')
    expect(ob(w, `${R.answer}#2`)?.status).toBe('owed')
    return w
  }

  it('refuses to publish d1 again; the owed answer names RESPOND, DRAFT first; a new approved draft meets it', () => {
    const w = relapsed(plan)
    expect(w.can('RESPOND', respond('d1'), POST)).toBe(false)
    // The 409 says why: d1 was published already.
    expect(
      refusalDetail(plan, w.actor.getSnapshot(), stamped(w, POST, 'RESPOND', respond('d1'))).reason,
    ).toMatch(/^draft d1 was published already \(.+\): a new text is a new draft \(DRAFT\), approved anew$/)
    const shown = obligationParts(plan, w.context()).obligations.find((o) => o.id === `${R.answer}#2`)
    // The event that discharges it, without the published d1; the draft comes first (OBLIGATIONS.md).
    expect(shown?.discharge.type).toBe('RESPOND')
    expect(shown?.discharge.fields).not.toHaveProperty('draftId')
    expect(shown?.firstStep).toMatchObject({ type: 'DRAFT', fields: { purpose: 'answer' } })
    act(w, UNIT, 'DRAFT', answer(2))
    const waiting = obligationParts(plan, w.context()).obligations.find((o) => o.id === `${R.answer}#2`)
    expect(waiting?.firstStep).toMatchObject({ type: 'APPROVE_ANSWER', fields: { draftId: 'd2' } })
    expect(w.can('RESPOND', respond('d2'), POST)).toBe(false) // not yet approved (五(一)1)
    act(w, HEAD, 'APPROVE_ANSWER', { draftId: 'd2' })
    expect(act(w, POST, 'RESPOND', respond('d2'))).toBe(true)
    expect(ob(w, `${R.answer}#2`)?.status).toBe('met')
    expect(draft(w, 'd2')?.releasedAt).not.toBeNull()
  })

  it('a further answer while following is a new draft too', () => {
    const w = toResponse(plan, 'general')
    act(w, UNIT, 'DRAFT', answer(1))
    act(w, HEAD, 'APPROVE_ANSWER', { draftId: 'd1' })
    act(w, POST, 'RESPOND', respond('d1'))
    expect((w.value() as { phase: { response: unknown } }).phase.response).toBe('following')
    expect(w.can('RESPOND', respond('d1'), POST)).toBe(false)
  })

  it('version 4 (kept) meets the new answer by publishing d1 again', () => {
    const w = relapsed(planV4)
    const shown = obligationParts(planV4, w.context()).obligations.find((o) => o.id === `${R.answer}#2`)
    expect(shown?.discharge).toMatchObject({ type: 'RESPOND', fields: { draftId: 'd1' } })
    expect(act(w, POST, 'RESPOND', respond('d1'))).toBe(true)
    expect(ob(w, `${R.answer}#2`)?.status).toBe('met')
    expect(w.context().drafts).toHaveLength(1)
  })
})

describe('saws-2014 v5: the plan version', () => {
  it('migrates from version 4 with the same states; version 4 has no kit options', () => {
    expect(plan.version).toBe(5)
    expect(plan.migratesFrom).toEqual({ from: 4 })
    expect(planV4.version).toBe(4)
    expect(plan.obligations.filter((r) => r.draftPurpose !== undefined).every((r) => r.freshDraft)).toBe(true)
    expect(planV4.obligations.some((r) => r.freshDraft)).toBe(false)
  })
})
