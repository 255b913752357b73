/**
 * The kit's opt-ins of plan version 5 (machines/kit/options.ts) on the toy plan: with
 * `waiveApprovals: false` an approval obligation is not waived (a waived approval is no
 * approval: the release would stay refused), and with `supersededDrafts: 'refused'` a
 * draft a newer one of its purpose supersedes is neither approved nor released. The
 * toy plan without them keeps the behaviour of versions 1–4 (their journals replay).
 */
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../machines/fingerprint.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { group, leader, ob, open, owedIds, unit } from '../helpers/toy-incident.js'
import { makeToyPlan, toyPlan, toyPlanStrict } from '../helpers/toy-plan.js'

const draft = (w: Walker, id: string) => w.context().drafts.find((d) => d.id === id)
const waive = (id: string) => ({ obligation: id, reason: '领导已口头同意' })

/** Reported to the group and a draft d1 written: only d1's approval (分管领导审定) is owed. */
function drafted(plan: PlanDefinition) {
  const w = open(plan)
  w.send('REPORT', { to: ['group'] })
  w.send('DRAFT', { content: '通报一' })
  expect(owedIds(w)).toEqual(['approval:leader:d1#1'])
  return w
}

describe('waiveApprovals: false — an approval obligation cannot be waived', () => {
  it('refuses a WAIVE naming an approval; the approval stays owed and the draft still lacks it', () => {
    const w = drafted(toyPlanStrict)
    expect(w.can('WAIVE', waive('approval:leader:d1#1'), group)).toBe(false)
    w.send('WAIVE', waive('approval:leader:d1#1'), { actor: group })
    expect(ob(w, 'approval:leader:d1#1')?.status).toBe('owed')
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    expect(ob(w, 'approval:leader:d1#1')?.status).toBe('met')
  })

  it('a WAIVE naming no obligation picks none when only approvals are owed', () => {
    const w = drafted(toyPlanStrict)
    expect(w.can('WAIVE', {}, group)).toBe(false)
    expect(w.can('WAIVE', {}, { name: '系统', role: 'system' })).toBe(false)
  })

  it('still waives every other obligation', () => {
    const w = open(toyPlanStrict)
    w.send('DRAFT', { content: '通报一' })
    expect(w.can('WAIVE', {}, group)).toBe(true)
    w.send('WAIVE', waive('report:group#1'), { actor: group })
    expect(ob(w, 'report:group#1')?.status).toBe('waived')
  })

  it('the way out is WITHDRAW_DRAFT, which withdraws the draft’s approvals', () => {
    const w = drafted(toyPlanStrict)
    w.send('WITHDRAW_DRAFT', { draftId: 'd1', reason: '不再发布' })
    expect(ob(w, 'approval:leader:d1#1')).toMatchObject({ status: 'withdrawn' })
    expect(owedIds(w)).toEqual([])
  })

  it('a version that does not opt in waives it as before (versions 1–4 replay the same)', () => {
    const w = drafted(toyPlan)
    expect(w.can('WAIVE', {}, group)).toBe(true)
    w.send('WAIVE', waive('approval:leader:d1#1'), { actor: group })
    expect(ob(w, 'approval:leader:d1#1')?.status).toBe('waived')
  })
})

describe("supersededDrafts: 'refused' — a superseded draft is neither approved nor released", () => {
  /** d1 and then d2 of the same purpose: d1's approval was withdrawn (已有新稿), d2's is owed. */
  function twoDrafts(plan: PlanDefinition, approveFirst = false) {
    const w = drafted(plan)
    if (approveFirst) w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('DRAFT', { content: '通报二' })
    return w
  }

  it('refuses approving d1 once d2 exists, and approves d2', () => {
    const w = twoDrafts(toyPlanStrict)
    expect(ob(w, 'approval:leader:d1#1')?.withdrawn?.reason).toBe('已有新稿，旧稿不再审批')
    expect(w.can('APPROVE', { draftId: 'd1' }, leader)).toBe(false)
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    expect(draft(w, 'd1')?.approvals).toEqual([])
    // Unnamed, an approval is possible: d2's.
    expect(w.can('APPROVE', {}, leader)).toBe(true)
    w.send('APPROVE', { draftId: 'd2' }, { actor: leader })
    expect(ob(w, 'approval:leader:d2#1')).toMatchObject({ status: 'met', draftId: 'd2' })
  })

  it('refuses releasing d1 approved before d2 was drafted; d2 once approved is released', () => {
    const w = twoDrafts(toyPlanStrict, true)
    expect(draft(w, 'd1')?.approvals.map((a) => a.code)).toEqual(['leader'])
    expect(w.can('RELEASE', { draftId: 'd1' })).toBe(false)
    expect(w.can('RELEASE', {})).toBe(false)
    w.send('RELEASE', { draftId: 'd1' })
    expect(draft(w, 'd1')?.releasedAt).toBeNull()
    w.send('APPROVE', { draftId: 'd2' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd2' })
    expect(draft(w, 'd2')?.releasedAt).not.toBeNull()
    // A released newer draft still supersedes d1.
    expect(w.can('RELEASE', { draftId: 'd1' })).toBe(false)
  })

  it('withdrawing d2 makes d1 current: its approval is owed again as a new instance, then given and released', () => {
    const w = twoDrafts(toyPlanStrict)
    w.send('WITHDRAW_DRAFT', { draftId: 'd2', reason: '改回原稿' })
    expect(ob(w, 'approval:leader:d2#1')?.withdrawn?.reason).toBe('稿件已撤回：改回原稿')
    expect(ob(w, 'approval:leader:d1#1')?.status).toBe('withdrawn')
    expect(ob(w, 'approval:leader:d1#2')).toMatchObject({ status: 'owed', draftId: 'd1' })
    expect(owedIds(w)).toEqual(['approval:leader:d1#2'])
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    expect(ob(w, 'approval:leader:d1#2')?.status).toBe('met')
    expect(w.can('RELEASE', { draftId: 'd1' })).toBe(true)
  })

  it('at 重大 the review of d1 (the first of two approvals) is refused too', () => {
    const w = open(toyPlanStrict, { severity: 'major' })
    w.send('DRAFT', { content: '通报一' })
    w.send('DRAFT', { content: '通报二' })
    expect(w.can('REVIEW_DRAFT', { draftId: 'd1' }, unit)).toBe(false)
    expect(w.can('REVIEW_DRAFT', { draftId: 'd2' }, unit)).toBe(true)
  })

  it('a version that does not opt in approves and releases d1 as before (versions 1–4 replay the same)', () => {
    const w = twoDrafts(toyPlan)
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    expect(draft(w, 'd1')?.approvals.map((a) => a.code)).toEqual(['leader'])
    w.send('RELEASE', { draftId: 'd1' })
    expect(draft(w, 'd1')?.releasedAt).not.toBeNull()
  })
})

describe('the options are part of the version', () => {
  it('the machine tells its kit’s options; a plan that sets none has none', () => {
    expect(kitOptionsOf(toyPlanStrict.machine)).toEqual({
      waiveApprovals: false,
      supersededDrafts: 'refused',
    })
    expect(kitOptionsOf(toyPlanStrict.machine.provide({}))).toEqual(kitOptionsOf(toyPlanStrict.machine))
    expect(kitOptionsOf(toyPlan.machine)).toEqual({})
  })

  it('each option changes the fingerprint; none set leaves it as before', () => {
    const base = fingerprint(toyPlan)
    expect(fingerprint(makeToyPlan(1, [], {}))).toBe(base)
    const waivers = fingerprint(makeToyPlan(1, [], { waiveApprovals: false }))
    const drafts = fingerprint(makeToyPlan(1, [], { supersededDrafts: 'refused' }))
    expect(new Set([base, waivers, drafts]).size).toBe(3)
  })
})
