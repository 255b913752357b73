/**
 * The rule option `usesDraft` (machines/kit/rule-types.ts) with the kit option
 * `approvalsWhile: 'releaseOwed'`, on the toy plan: a step written from the current draft of a
 * purpose without publishing it (hrss-city's commentary 根据通稿) keeps that draft's approvals
 * owed while the step is owed and no release of the purpose was met — a waived release leaves
 * the draft in use, so its approval is still owed. Once a release was met, the step uses the
 * text that went out, and a later draft owes nothing, as without the option.
 */
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../machines/fingerprint.js'
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const office = { name: '办公室甲', role: 'office' as const }
const group = { name: '组长丙', role: 'group' as const }
const leader = { name: '领导丁', role: 'leader' as const }

/** A step owed once the release is settled, written from its draft (the ANSWER event discharges it). */
const step: ObligationRule = {
  id: 'commentary',
  kind: 'step',
  label: '根据稿件撰写评论',
  clause: '4',
  policy: null,
  owedBy: ['office'],
  when: { settled: 'release' },
  discharge: { type: 'ANSWER', fields: {} },
}
const withUse = makeToyPlan(8, [{ ...step, usesDraft: 'release' }], { approvalsWhile: 'releaseOwed' })
const without = makeToyPlan(8, [step], { approvalsWhile: 'releaseOwed' })

const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
const owedIds = (w: Walker) => w.owed().map((o) => o.id)

function convened(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general' }, office)
  w.send('REPORT', { to: ['group'] })
  w.send('CONVENE', {}, { actor: group })
  w.send('DRAFT', { content: '通报' })
  return w
}

describe('kit usesDraft: a step written from a draft keeps its approval owed after a waived release', () => {
  it('the release waived, the draft’s approval stays owed with the step; approved, the step follows', () => {
    const w = convened(withUse)
    w.send('WAIVE', { obligation: 'release#1', reason: '无须发布' }, { actor: group })
    expect(owedIds(w)).toEqual(['approval:leader:d1#1', 'commentary#1'])
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    expect(ob(w, 'approval:leader:d1#1')?.status).toBe('met')
    // Without usesDraft the waiver withdraws it: the step is written from a text nobody approved.
    const v = convened(without)
    v.send('WAIVE', { obligation: 'release#1', reason: '无须发布' }, { actor: group })
    expect(ob(v, 'approval:leader:d1#1')?.status).toBe('withdrawn')
    expect(owedIds(v)).toEqual(['commentary#1'])
  })

  it('a draft written after the waiver, while the step is owed, owes its approval too', () => {
    const w = startIncident(withUse, { severity: 'general' }, office)
    w.send('REPORT', { to: ['group'] })
    w.send('CONVENE', {}, { actor: group })
    w.send('WAIVE', { obligation: 'release#1', reason: '无须发布' }, { actor: group })
    w.send('DRAFT', { content: '通报' })
    expect(owedIds(w)).toEqual(['commentary#1', 'approval:leader:d1#1'])
    w.send('ANSWER', {})
    // The step done, nothing uses a draft any more: the owed approval goes, the reason naming the
    // step (not the release's waiver), and a later draft owes nothing. (A plan whose step must wait
    // for the approval guards the step, as hrss-city's COMMENTARY does from version 9.)
    expect(ob(w, 'approval:leader:d1#1')?.withdrawn?.reason).toBe('“根据稿件撰写评论”已办结，此稿不再审批')
    w.send('DRAFT', { content: '通报修订' })
    expect(owedIds(w)).toEqual([])
  })

  it('the step waived, the approval it kept owed goes with the step’s waiver as the reason', () => {
    const w = convened(withUse)
    w.send('WAIVE', { obligation: 'release#1', reason: '无须发布' }, { actor: group })
    w.send('WAIVE', { obligation: 'commentary#1', reason: '不再撰写' }, { actor: group })
    expect(ob(w, 'approval:leader:d1#1')?.withdrawn?.reason).toBe('“根据稿件撰写评论”已免除：不再撰写')
    expect(owedIds(w)).toEqual([])
  })

  it('the release met, the step uses the text that went out: a later draft owes nothing', () => {
    const w = convened(withUse)
    w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
    w.send('RELEASE', { draftId: 'd1' })
    w.send('DRAFT', { content: '通报修订' })
    expect(owedIds(w)).toEqual(['commentary#1'])
  })

  it('is part of the version: setting it changes the fingerprint', () => {
    expect(fingerprint(withUse)).not.toBe(fingerprint(without))
  })
})
