/**
 * nanchong-npc-2022 version 11 (a review of version 10 found two defects):
 * - 三(四)1 对于网上的咨询、诉求、举报等信息，原则上均予正面回应 — every answer is owed by the category's
 *   route, and version 10 asked no one to set a category: an incident opened without one owed no
 *   answer and closed. Version 11 owes the category (`step:categorize`, the office's or the group's,
 *   local policy) while none is set, and the response does not end (SUBSIDE) while it is owed.
 * - 三(四)4 对涉举报类的，要尽快调查核实，对于属实的要立即主动整改，迅速查出责任人员 — the rectification
 *   and the accountability follow from the recorded finding 属实, not from the label: version 10
 *   withdrew both when the office changed the category afterwards (e.g. to 属实批评). Version 11
 *   keeps them owed; the tip-off's answer gives way to the new category's (the reply to a 批评).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { Obligation } from '../../machines/kit/types.js'
import { planV11 as plan } from '../../machines/nanchong-npc-2022/index.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  accepted,
  finish,
  group,
  of,
  office,
  one,
  open,
  owedRules,
  publish,
  reportGroup,
  tipOffFound,
  toResponse,
  toReview,
  unit,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 version 11', () => {
  it('is registered, migrating from 10; the tests here run on version 11 itself (version 12 keeps its rules)', () => {
    expect(getPlan('nanchong-npc-2022', 11)).toMatchObject({ version: 11, migratesFrom: { from: 10 } })
    expect(plan.version).toBe(11)
  })
})

describe('nanchong-npc-2022 v11 三(四)1: the category is owed while none is set', () => {
  it('opened without a category: the office or the group owes it; the response does not end before it', () => {
    const w = toResponse('general', null, plan)
    expect(one(w, 'step:categorize')).toMatchObject({
      status: 'owed',
      owedBy: ['office', 'group'],
      clause: '三(四)1',
      dueAt: null,
      discharge: { type: 'SET_CATEGORY', fields: {} },
    })
    expect(one(w, 'step:categorize').policy).toContain('本地政策')
    expect(accepted(w, office, 'SUBSIDE')).toBe(false)
    expect(w.phase()).toBe('response')
    // Rule 2: the refusal (409) names what holds the response's end up — the category, not the reply.
    const subside = { type: 'SUBSIDE', at: addMinutes(T0, 10_000), actor: office }
    const refused = refusalDetail(plan, w.actor.getSnapshot(), subside)
    expect((refused.owed as Obligation[] | undefined)?.map((o) => o.id)).toEqual(['step:categorize#1'])
    // The category set owes its answer (咨询: the reply), and the response may end once it is given.
    w.send('SET_CATEGORY', { category: 'inquiry' }, { actor: office })
    expect(one(w, 'step:categorize').status).toBe('met')
    expect(one(w, 'answer:reply').status).toBe('owed')
    publish(w, 'REPLY')
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
    toReview(w)
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('the reviewer’s walk (no category, subside, decline, review) does not close without an answer', () => {
    const w = toResponse('general', null, plan)
    finish(w)
    expect(w.phase()).toBe('response')
    expect(owedRules(w)).toContain('step:categorize')
  })

  it('owed from the opening, also before the report; set at the opening, it is never owed', () => {
    const w = open('large', null, plan)
    expect(one(w, 'step:categorize').status).toBe('owed')
    w.send('SET_CATEGORY', { category: 'rumor' }, { actor: group })
    expect(one(w, 'step:categorize').status).toBe('met')
    expect(one(w, 'answer:refute').status).toBe('owed')
    const o = open('general', 'demand', plan)
    reportGroup(o)
    expect(of(o, 'step:categorize')).toEqual([])
  })

  it('waived by the group (rule 2), the response may end; the waiver is on the record', () => {
    const w = toResponse('general', null, plan)
    const id = one(w, 'step:categorize').id
    w.send('WAIVE', { obligation: id, reason: '无网民咨询诉求' }, { actor: group })
    expect(one(w, 'step:categorize')).toMatchObject({ status: 'waived', waived: { by: group } })
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
  })
})

describe('nanchong-npc-2022 v11 三(四)4: a tip-off found true keeps its rectification and accountability', () => {
  it('the category changed to 属实批评: both stay owed; the tip-off’s answer gives way to the reply', () => {
    const w = tipOffFound(true)
    w.send('SET_CATEGORY', { category: 'criticism' }, { actor: office })
    expect(one(w, 'offline:rectify').status).toBe('owed')
    expect(one(w, 'offline:accountability').status).toBe('owed')
    expect(one(w, 'answer:tipOff')).toMatchObject({ status: 'withdrawn', withdrawn: { by: office } })
    expect(one(w, 'answer:reply').status).toBe('owed')
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    toReview(w)
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('RECTIFY', { measures: '整改' }, { actor: unit })
    w.send('HOLD_ACCOUNTABLE', { persons: '某某' }, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
  })

  it('changed again and back to 举报: still one of each, owed', () => {
    const w = tipOffFound(true)
    w.send('SET_CATEGORY', { category: 'demand' }, { actor: office })
    w.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    expect(of(w, 'offline:rectify').map((o) => o.status)).toEqual(['owed'])
    expect(of(w, 'offline:accountability').map((o) => o.status)).toEqual(['owed'])
  })

  it('found untrue, or recategorised before any finding: neither is owed', () => {
    const w = tipOffFound(false)
    w.send('SET_CATEGORY', { category: 'criticism' }, { actor: office })
    expect(of(w, 'offline:rectify')).toEqual([])
    const v = toResponse('general', 'tip_off', plan)
    v.send('SET_CATEGORY', { category: 'criticism' }, { actor: office })
    expect(one(v, 'offline:investigate').status).toBe('withdrawn')
    expect(of(v, 'offline:accountability')).toEqual([])
  })
})
