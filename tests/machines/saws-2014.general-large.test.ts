/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: 一般 and 较大 (五(一)1–2, 五(三)1–2),
 * the unit notified, the opinion with its 定性, the answer approved by the unit head or the leader
 * in charge, and the briefing (简报) before it subsides.
 */
import { describe, expect, it } from 'vitest'
import { R } from '../../machines/saws-2014/rules.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  actCurrent as act,
  approvedDraft,
  can,
  HEAD,
  LEAD,
  latestDraft,
  OFF,
  obligations,
  one,
  openCurrent as open,
  POST,
  report,
  respondCurrent as respond,
  route,
  toResponseCurrent as toResponse,
  UNIT,
  valid,
} from './saws-2014.helpers.js'

describe('saws-2014 general and large (五(一)1–2, 五(三)1–2)', () => {
  it('general: 人事司 owes notifying the unit once it has the report (policy 24 h)', () => {
    const w = open('general')
    expect(obligations(w, R.assignUnit)).toEqual([])
    report(w, addMinutes(T0, 60))
    expect(one(w, R.assignUnit)).toMatchObject({
      status: 'owed',
      owedBy: ['office'],
      dueAt: addMinutes(T0, 60 + 24 * 60),
    })
    act(w, OFF, 'CONVENE')
    expect(one(w, R.assignUnit).status).toBe('met')
  })

  it('general and large: the opinion with its 定性 (category) is owed before the response', () => {
    const w = open('large', { category: null })
    report(w)
    act(w, OFF, 'CONVENE')
    expect(can(w, 'START_RESPONSE')).toBe(false)
    expect(valid('PROPOSE', { proposal: '跟帖答复' })).toBe(false)
    act(w, OFF, 'PROPOSE', { category: 'doubt', proposal: '跟帖答复' })
    expect(w.context().category).toBe('doubt')
    expect(one(w, R.propose).status).toBe('met')
    // Version 4: at 较大 the leader in charge approves the proposal before it is carried out.
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, LEAD, 'APPROVE_PROPOSAL')
    expect(can(w, 'START_RESPONSE')).toBe(true)
  })

  it('general: the unit head approves the answer draft; its author may not approve it', () => {
    const w = toResponse(open('general'))
    act(w, UNIT, 'DRAFT', { content: '答复稿', purpose: 'answer' })
    const draftId = latestDraft(w)
    expect(can(w, 'RESPOND', { draftId, channel: 'followPost' })).toBe(false)
    expect(w.owed().find((o) => o.rule === 'approval:unitHead')).toMatchObject({ draftId, owedBy: ['unit'] })
    w.send('APPROVE_ANSWER', { draftId }, { actor: UNIT })
    expect(w.context().drafts[0]!.approvals).toEqual([])
    act(w, HEAD, 'APPROVE_ANSWER', { draftId })
    expect(can(w, 'RESPOND', { draftId, channel: 'followPost' })).toBe(true)
  })

  it('large: the leader in charge approves the draft (五(一)2 批准, 五(三)2 审定)', () => {
    const w = toResponse(open('large'))
    act(w, UNIT, 'DRAFT', { content: '回应稿', purpose: 'answer' })
    const draftId = latestDraft(w)
    expect(can(w, 'APPROVE_ANSWER', { draftId })).toBe(false)
    act(w, LEAD, 'LEADER_APPROVE', { draftId })
    act(w, POST, 'RESPOND', { draftId, channel: 'pressRelease' })
    expect(one(w, R.answer).status).toBe('met')
  })

  it('approvals bind to the draft released: a second text needs its own approval', () => {
    const w = toResponse(open('large'))
    respond(w)
    act(w, UNIT, 'DRAFT', { content: '第二稿', purpose: 'answer' })
    const d2 = latestDraft(w)
    expect(can(w, 'RESPOND', { draftId: d2, channel: 'followPost' })).toBe(false)
    act(w, LEAD, 'LEADER_APPROVE', { draftId: d2 })
    expect(can(w, 'RESPOND', { draftId: d2, channel: 'followPost' })).toBe(true)
  })

  it('general → large: a draft the unit head approved needs the leader’s approval too', () => {
    const w = toResponse(open('general'))
    const d1 = approvedDraft(w)
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转载上升' })
    expect(can(w, 'RESPOND', { draftId: d1, channel: 'followPost' })).toBe(false)
    act(w, LEAD, 'LEADER_APPROVE', { draftId: d1 })
    report(w)
    // Version 4: the 较大 proposal's 批准 is owed from the rise (五(一)2), before the next public step.
    expect(can(w, 'RESPOND', { draftId: d1, channel: 'followPost' })).toBe(false)
    act(w, LEAD, 'APPROVE_PROPOSAL')
    expect(can(w, 'RESPOND', { draftId: d1, channel: 'followPost' })).toBe(true)
  })

  it('large: the briefing (简报) to the leaders is owed before the incident may subside', () => {
    const w = toResponse(open('large'))
    route(w)
    expect(one(w, R.brief).status).toBe('owed')
    expect(can(w, 'SUBSIDE')).toBe(false)
    act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
    expect(can(w, 'SUBSIDE')).toBe(true)
  })
})
