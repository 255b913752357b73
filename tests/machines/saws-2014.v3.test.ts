/**
 * 安全生产网络舆情应对预案 (saws-2014), version 3's fixes held on the current version: a category
 * changed late (in disposal or review) owes its route's steps, taken there; a waived phone report
 * still owes the special report and both 批示 (五(一)3); a waived step no longer holds the response
 * (OBLIGATIONS.md rule 2). Version 2 (`planV2`), kept for the incidents opened on it, keeps the old way.
 */
import { describe, expect, it } from 'vitest'
import { planV2 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Category } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import {
  actCurrent as act,
  aftercare,
  approvedDraft,
  can,
  FACTS,
  type Grade,
  HEAD,
  LEAD,
  latestDraft,
  MON,
  OFF,
  obligations,
  one,
  openCurrent as open,
  owedRules,
  PRIN,
  report,
  respondCurrent as respond,
  route,
  toResponseCurrent as toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 version 3: a late category change, a waived phone report, a waived public step', () => {
  const where = (w: Walker) => (w.value() as { phase: { response: unknown } }).phase.response
  /** A general suggestion, answered, subsided (and, for `review`, its aftercare done). */
  function walkedTo(phase: 'disposal' | 'review') {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'SUBSIDE')
    if (phase === 'review') {
      act(w, UNIT, 'CONTACT_POSTER')
      act(w, OFF, 'DISPOSAL_DONE')
    }
    expect(w.phase()).toBe(phase)
    return w
  }
  /** The rest of the way to closed from disposal or review, without a relapse or a waiver. */
  function close(w: Walker) {
    if (w.phase() === 'disposal') {
      aftercare(w)
      act(w, OFF, 'DISPOSAL_DONE')
    } else if (w.owed().some((o) => o.rule === R.decideDefames)) {
      aftercare(w)
    }
    act(w, MON, 'TRACK')
    act(w, OFF, 'GUIDE')
    act(w, UNIT, 'KEEP_TALKING')
    act(w, OFF, 'SUMMARISE', { summary: '总结评估' })
    expect(w.phase()).toBe('closed')
    expect(w.context().obligations.filter((o) => o.status === 'waived')).toEqual([])
    expect(w.context().acts.map((a) => a.type)).not.toContain('RELAPSE')
  }

  it.each([
    ['review', 'criticism', [R.solve, R.result]],
    ['disposal', 'criticism', [R.solve, R.result]],
    ['review', 'tip_off', [R.investigate, R.result]],
    ['disposal', 'rumor', [R.takedown]],
    ['review', 'rumor', [R.takedown]],
    ['disposal', 'malicious', [R.contain]],
  ] as const)(
    'a category changed in %s to %s: its route steps (%o) are taken there, in order, and it closes',
    (phase, category, rules) => {
      const w = walkedTo(phase)
      act(w, OFF, 'SET_CATEGORY', { category })
      for (const r of rules) expect(one(w, r).status).toBe('owed')
      expect(w.phase()).toBe(phase)
      if ((rules as readonly string[]).includes(R.result)) {
        // 五(四)2–3: the result is published after the solving or the investigation, once approved.
        const result = approvedDraft(w, 'result')
        expect(can(w, 'PUBLISH_RESULT', { draftId: result })).toBe(false)
        act(w, UNIT, category === 'criticism' ? 'SOLVE_PROBLEM' : 'INVESTIGATE')
        act(w, UNIT, 'PUBLISH_RESULT', { draftId: result })
      }
      if (category === 'rumor') act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })
      if (category === 'malicious') act(w, OFF, 'CONTROL_SOURCE')
      for (const r of rules) expect(one(w, r).status).toBe('met')
      expect(w.phase()).toBe(phase)
      close(w)
    },
  )

  it('a route step is accepted after the incident subsided only while it is owed', () => {
    const w = walkedTo('disposal')
    for (const type of ['SOLVE_PROBLEM', 'INVESTIGATE', 'CONTROL_SOURCE']) expect(can(w, type)).toBe(false)
    expect(can(w, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })).toBe(false)
    act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })
    act(w, UNIT, 'SOLVE_PROBLEM')
    expect(can(w, 'SOLVE_PROBLEM')).toBe(false)
    expect(can(w, 'INVESTIGATE')).toBe(false)
    // The result still needs the grade's approval of its draft (五(一)1 本单位负责人审定).
    act(w, UNIT, 'DRAFT', { content: '处理结果', purpose: 'result' })
    const draftId = latestDraft(w)
    expect(can(w, 'PUBLISH_RESULT', { draftId })).toBe(false)
    act(w, HEAD, 'APPROVE_ANSWER', { draftId })
    act(w, UNIT, 'PUBLISH_RESULT', { draftId })
    expect(can(w, 'PUBLISH_RESULT', { draftId: approvedDraft(w, 'result') })).toBe(false)
  })

  it('a category changed after the answer skips the answer already given: the new route’s steps are owed and taken', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(owedRules(w).sort()).toEqual([R.result, R.solve].sort())
    expect(where(w)).toEqual({ owningUp: 'remedying' })
    act(w, UNIT, 'SOLVE_PROBLEM')
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: approvedDraft(w, 'result') })
    expect(where(w)).toBe('following')
    expect(can(w, 'SUBSIDE')).toBe(true)
    expect(obligations(w, R.answer).map((o) => o.status)).toEqual(['met'])
  })

  it('a waived solving no longer holds the result back, in the response and after it subsided (rule 2)', () => {
    const w = toResponse(open('general', { category: 'criticism' }))
    respond(w)
    const result = approvedDraft(w, 'result')
    expect(can(w, 'PUBLISH_RESULT', { draftId: result })).toBe(false)
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.solve).id, reason: '问题已由地方解决' })
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: result })
    expect(one(w, R.result).status).toBe('met')
    expect(where(w)).toBe('following')
    const late = walkedTo('review')
    act(late, OFF, 'SET_CATEGORY', { category: 'criticism' })
    const lateResult = approvedDraft(late, 'result')
    expect(can(late, 'PUBLISH_RESULT', { draftId: lateResult })).toBe(false)
    act(late, LEAD, 'WAIVE', { obligation: one(late, R.solve).id, reason: '问题已由地方解决' })
    act(late, UNIT, 'PUBLISH_RESULT', { draftId: lateResult })
    expect(one(late, R.result).status).toBe('met')
  })

  it('a waived phone report to 人事司 still owes the special report and both 批示 before the response (五(一)3)', () => {
    const w = open('major')
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.reportMajor).id, reason: '人事司已当面获悉' })
    expect(one(w, R.reportMajor).status).toBe('waived')
    expect(one(w, R.specialPrincipal).status).toBe('owed')
    expect(one(w, R.specialLeader).status).toBe('owed')
    // Reported by phone anyway: the special report goes through 人事司 as usual.
    report(w)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, OFF, 'CONVENE')
    act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
    act(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '无需其他单位配合' })
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '舆情专报' })
    expect(one(w, R.instructPrincipal).status).toBe('owed')
    expect(one(w, R.instructLeader).status).toBe('owed')
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '抓紧回应' })
    act(w, OFF, 'START_RESPONSE')
    expect(w.phase()).toBe('response')
  })

  it('a waived special report still owes that leader’s 批示, which authorises the response (五(一)3)', () => {
    const w = open('major')
    report(w)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.specialPrincipal).id, reason: '已当面汇报主要领导' })
    expect(one(w, R.instructPrincipal).status).toBe('owed')
    expect(obligations(w, R.instructLeader)).toEqual([])
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
    expect(one(w, R.instructPrincipal).status).toBe('met')
    // On version 2 the waiver left the principal's 批示 never owed.
    const v2 = startIncident(planV2, { category: 'suggestion', facts: FACTS.major }, MON)
    report(v2)
    act(v2, MON, 'ACTIVATE_PLAN')
    act(v2, LEAD, 'WAIVE', { obligation: one(v2, R.specialPrincipal).id, reason: '已当面汇报主要领导' })
    expect(obligations(v2, R.instructPrincipal)).toEqual([])
  })

  it('version 2, kept for the incidents opened on it, keeps all three: no route step after it subsided, no special report after a waived phone report, no way past a waived answer', () => {
    const openV2 = (grade: Grade, category: Category = 'suggestion') =>
      startIncident(planV2, { category, facts: FACTS[grade] }, MON)
    // A category changed in review: the owed solving is refused there.
    const late = toResponse(openV2('general'))
    route(late)
    act(late, MON, 'SUBSIDE')
    act(late, UNIT, 'CONTACT_POSTER')
    act(late, OFF, 'DISPOSAL_DONE')
    act(late, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(owedRules(late)).toContain(R.solve)
    expect(can(late, 'SOLVE_PROBLEM')).toBe(false)
    // A waived phone report: the special report never begins and cannot be sent.
    const waived = openV2('major')
    act(waived, LEAD, 'WAIVE', { obligation: one(waived, R.reportMajor).id, reason: '已获悉' })
    report(waived)
    expect(obligations(waived, R.specialPrincipal)).toEqual([])
    expect(can(waived, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })).toBe(false)
    // A waived answer: nothing owed, yet the reply is the only way on.
    const reply = toResponse(openV2('general'))
    act(reply, LEAD, 'WAIVE', { obligation: one(reply, R.answer).id, reason: '已无必要' })
    expect(reply.owed()).toEqual([])
    expect(where(reply)).toBe('replying')
    expect(can(reply, 'SUBSIDE')).toBe(false)
    // A category changed after the answer: the chart waits for a RESPOND nobody owes.
    const recat = toResponse(openV2('general'))
    route(recat)
    act(recat, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(where(recat)).toEqual({ owningUp: 'responding' })
    expect(can(recat, 'SOLVE_PROBLEM')).toBe(false)
  })

  const solve = (w: Walker) => act(w, UNIT, 'SOLVE_PROBLEM')
  const investigate = (w: Walker) => act(w, UNIT, 'INVESTIGATE')
  it.each([
    ['suggestion', 'replying', [], R.answer],
    ['doubt', 'answering', [], R.answer],
    ['criticism', { owningUp: 'remedying' }, [respond, solve], R.result],
    ['tip_off', { investigating: 'probing' }, [respond, investigate], R.result],
    ['rumor', { refuting: 'removing' }, [respond], R.takedown],
    ['malicious', { containing: 'controlling' }, [respond], R.contain],
  ] as const)(
    '%s: a step waived in %o no longer holds the incident in the response (rule 2)',
    (category, state, before, waived) => {
      const w = toResponse(open('general', { category }))
      for (const f of before) f(w)
      expect(where(w)).toEqual(state)
      act(w, LEAD, 'WAIVE', { obligation: one(w, waived).id, reason: '已无必要' })
      expect(w.owed()).toEqual([])
      expect(where(w)).toBe('following')
      act(w, MON, 'SUBSIDE')
      expect(w.phase()).toBe('disposal')
    },
  )

  it('a waived answer on a route of several steps leads to the next step, which is still owed', () => {
    const w = toResponse(open('general', { category: 'criticism' }))
    expect(where(w)).toEqual({ owningUp: 'responding' })
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.answer).id, reason: '已另行道歉' })
    expect(where(w)).toEqual({ owningUp: 'remedying' })
    // The result waived before the problem is solved: the solving still holds the route.
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.result).id, reason: '结果不宜公开' })
    expect(where(w)).toEqual({ owningUp: 'remedying' })
    expect(can(w, 'SUBSIDE')).toBe(false)
    act(w, UNIT, 'SOLVE_PROBLEM')
    expect(where(w)).toBe('following')
    expect(can(w, 'SUBSIDE')).toBe(true)
  })
})
