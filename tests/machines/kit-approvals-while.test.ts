/**
 * The kit option `approvalsWhile: 'releaseOwed'` (machines/kit/options.ts) on the toy plan: a
 * draft owes its approvals only while a release of its purpose (a rule's `draftPurpose`) is
 * owed; they are withdrawn, with the reason, when that release is met by another draft,
 * waived or withdrawn, and owed again when a release of its purpose is owed again. A draft
 * may still be approved ahead (the release, once owed, finds it approved). Without the
 * option every live draft owes them, as in every version released before it.
 */
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../machines/fingerprint.js'
import { group, leader, ob, open, owedIds } from '../helpers/toy-incident.js'
import { makeToyPlan, toyPlan } from '../helpers/toy-plan.js'

const plan = makeToyPlan(8, [], { approvalsWhile: 'releaseOwed' })

describe("kit approvalsWhile: 'releaseOwed' (a draft owes approvals while its release is owed)", () => {
  it('a draft written before its release is owed owes nothing; the release owed, its approval is', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    w.send('DRAFT', { content: '通报' })
    expect(owedIds(w)).toEqual([])
    w.send('CONVENE', {}, { actor: group })
    expect(owedIds(w)).toEqual(['release#1', 'approval:leader:d1#1'])
    // Without the option the draft owes it at once.
    const v = open(toyPlan)
    v.send('REPORT', { to: ['group'] })
    v.send('DRAFT', { content: '通报' })
    expect(owedIds(v)).toEqual(['approval:leader:d1#1'])
  })

  it('approved ahead, the approval begins met when the release is owed', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    w.send('DRAFT', { content: '通报' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('CONVENE', {}, { actor: group })
    expect(ob(w, 'approval:leader:d1#1')?.status).toBe('met')
    expect(owedIds(w)).toEqual(['release#1'])
  })

  it('the release waived, the draft’s owed approval is withdrawn with the reason', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    w.send('CONVENE', {}, { actor: group })
    w.send('DRAFT', { content: '通报' })
    w.send('WAIVE', { obligation: 'release#1', reason: '无须发布' }, { actor: group })
    expect(ob(w, 'approval:leader:d1#1')).toMatchObject({ status: 'withdrawn' })
    expect(ob(w, 'approval:leader:d1#1')?.withdrawn?.reason).toContain('无须发布')
    expect(owedIds(w)).toEqual([])
  })

  it('after the release went out, a new draft of its purpose owes nothing', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    w.send('CONVENE', {}, { actor: group })
    w.send('DRAFT', { content: '通报' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd1' })
    w.send('DRAFT', { content: '通报修订' })
    expect(owedIds(w)).toEqual([])
    // Without the option the new draft owes an approval nothing will publish.
    const v = open(toyPlan)
    v.send('REPORT', { to: ['group'] })
    v.send('CONVENE', {}, { actor: group })
    v.send('DRAFT', { content: '通报' })
    v.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    v.send('RELEASE', { draftId: 'd1' })
    v.send('DRAFT', { content: '通报修订' })
    expect(owedIds(v)).toEqual(['approval:leader:d2#1'])
  })

  it('is part of the version: setting it changes the fingerprint', () => {
    expect(fingerprint(makeToyPlan(8, [], {}))).not.toBe(fingerprint(plan))
  })
})
