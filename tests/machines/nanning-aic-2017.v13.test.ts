/**
 * 南宁市工商局预案 version 13 (README "Version 13"), a reading of version 12 against the text.
 * 1. 三(二)1 办公室…根据需要通报网上评论引导信息，组织和协调针对性网上评论工作 and 三(二)3 各有关单位…根据
 *    需要及时研究并提出引导口径，组织开展网上评论 are two duties: version 12's one `decision:comments`
 *    was closed for both by either body's no. Each body now judges (and does) its own part.
 * 2. Only comment work done after the group's decision counts for a yes (version 12 counted
 *    GUIDE_COMMENTS sent in discovery).
 * 3. 四(四)'s liaison: the office and 新闻宣传分管领导, not the business 分管领导 (`leader`).
 * 4. 四(四) 对重大舆情，由新闻宣传分管领导牵头…落实源头化解工作: RESOLVE_SOURCE from newsLeader, and
 *    `step:source` owed by newsLeader, at 重大 and above only; the units at every grade.
 * Version 12 (frozen, planV12) is the control.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import {
  COMMENTS_OFFICE_DECISION_POLICY,
  COMMENTS_UNIT_DECISION_POLICY,
  planV12,
  planV13,
} from '../../machines/nanning-aic-2017/index.js'
import { addMinutes, startIncident, type Walker } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  ob,
  owedRules,
  P,
  plan,
  reportFields,
  toPreparing,
} from '../helpers/nanning.js'

const start = (p: PlanDefinition, extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(p, { facts: {}, category: 'rumor', ...extra }, P.office)
const of = (w: Walker, rule: string) => w.context().obligations.filter((o) => o.rule === rule)
const lastAt = (w: Walker) => w.context().acts.at(-1)?.at as string
const rolesOf = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)?.roles
const decide = (w: Walker, decision: string, answer: 'yes' | 'no', by: (typeof P)[keyof typeof P]) =>
  act(w, 'DECIDE', { decision, answer, reason: '根据需要' }, { by })
const OFFICE = 'decision:comments-office'
const UNIT = 'decision:comments-unit'

describe('nanning-aic-2017 v13, finding 1: 三(二)1 and 三(二)3 judged apart, each by its own body', () => {
  it('the measures decided, the office’s and the units’ judgements are both owed, due 1 hour; version 12 owed one', () => {
    const v12 = start(planV12)
    toPreparing(v12)
    expect(of(v12, 'decision:comments').map((o) => o.owedBy)).toEqual([['office', 'unit', 'unitHead']])

    const w = start(plan)
    toPreparing(w)
    const at = lastAt(w)
    expect(of(w, 'decision:comments')).toEqual([])
    expect(of(w, OFFICE)).toMatchObject([
      {
        status: 'owed',
        clause: '三(二)1',
        policy: COMMENTS_OFFICE_DECISION_POLICY,
        owedBy: ['office'],
        startedAt: at,
        dueAt: addMinutes(at, 60),
      },
    ])
    expect(of(w, UNIT)).toMatchObject([
      {
        status: 'owed',
        clause: '三(二)3',
        policy: COMMENTS_UNIT_DECISION_POLICY,
        owedBy: ['unit', 'unitHead'],
        startedAt: at,
        dueAt: addMinutes(at, 60),
      },
    ])
  })

  it('the office’s no leaves the units’ judgement owed (version 12: the office’s no closed both)', () => {
    const v12 = start(planV12)
    toPreparing(v12)
    decide(v12, 'decision:comments', 'no', P.office)
    expect(owedRules(v12).filter((r) => r.includes('comments'))).toEqual([])

    const w = start(plan)
    toPreparing(w)
    decide(w, OFFICE, 'no', P.office)
    expect(ob(w, OFFICE)).toMatchObject({ status: 'met', decision: { answer: 'no', by: P.office } })
    expect(ob(w, UNIT)?.status).toBe('owed')
    decide(w, UNIT, 'yes', P.unitHead)
    expect(ob(w, 'step:comments-unit')?.status).toBe('owed')
    expect(of(w, 'step:comments-office')).toEqual([])
  })

  it('a unit’s no leaves the office’s judgement owed (version 12: a unit’s no closed both)', () => {
    const v12 = start(planV12)
    toPreparing(v12)
    decide(v12, 'decision:comments', 'no', P.staff)
    expect(owedRules(v12).filter((r) => r.includes('comments'))).toEqual([])

    const w = start(plan)
    toPreparing(w)
    decide(w, UNIT, 'no', P.staff)
    expect(ob(w, UNIT)?.status).toBe('met')
    expect(ob(w, OFFICE)?.status).toBe('owed')
  })

  it('each body answers only its own judgement (409 in the engine: permits), and not the group', () => {
    const w = start(plan)
    toPreparing(w)
    expect(ob(w, OFFICE)?.owedBy).toEqual(['office'])
    expect(ob(w, UNIT)?.owedBy).not.toContain('office')
    expect(ob(w, UNIT)?.owedBy).not.toContain('group')
  })

  it('GUIDE_COMMENTS names its part: after both yeses, the unit’s work meets the units’ step only', () => {
    const w = start(plan)
    toPreparing(w)
    decide(w, OFFICE, 'yes', P.office)
    decide(w, UNIT, 'yes', P.head)
    expect(ob(w, 'step:comments-office')).toMatchObject({
      status: 'owed',
      owedBy: ['office'],
      discharge: { type: 'GUIDE_COMMENTS', fields: { part: 'office' } },
    })
    act(w, 'GUIDE_COMMENTS', { part: 'unit' }, { by: P.staff })
    expect(ob(w, 'step:comments-unit')?.status).toBe('met')
    expect(ob(w, 'step:comments-office')?.status).toBe('owed')
    act(w, 'GUIDE_COMMENTS', { part: 'office' }, { by: P.office })
    expect(ob(w, 'step:comments-office')?.status).toBe('met')
  })

  it('a body performs its own part alone: the office’s part from a unit, the units’ from the office, are refused', () => {
    const w = start(plan)
    toPreparing(w)
    expect(can(w, 'GUIDE_COMMENTS', { part: 'office' }, P.staff)).toBe(false)
    expect(can(w, 'GUIDE_COMMENTS', { part: 'unit' }, P.office)).toBe(false)
    expect(can(w, 'GUIDE_COMMENTS', { part: 'unit' }, P.unitHead)).toBe(true)
    expect(can(w, 'GUIDE_COMMENTS', { part: 'office' }, P.office)).toBe(true)
  })

  it('a relapse asks each body again once its asking is settled', () => {
    const w = start(plan)
    toPreparing(w)
    decide(w, OFFICE, 'no', P.office)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(of(w, OFFICE).map((o) => o.status)).toEqual(['met', 'owed'])
    expect(of(w, UNIT).map((o) => o.status)).toEqual(['owed'])
  })

  it('closing waits for both judgements', () => {
    const w = start(plan)
    toPreparing(w)
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: P.legal })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '无需沟通' })
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    decide(w, OFFICE, 'no', P.office)
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w)).toEqual([UNIT])
    decide(w, UNIT, 'no', P.head)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })
})

describe('nanning-aic-2017 v13, finding 2: only work after the group’s decision counts', () => {
  it('GUIDE_COMMENTS in discovery meets nothing: a later yes owes the work (version 12: met at once)', () => {
    const v12 = start(planV12)
    act(v12, 'GUIDE_COMMENTS', {}, { by: P.office })
    toPreparing(v12)
    decide(v12, 'decision:comments', 'yes', P.office)
    expect(ob(v12, 'step:comments')?.status).toBe('met')

    const w = start(plan)
    act(w, 'GUIDE_COMMENTS', { part: 'office' }, { by: P.office })
    toPreparing(w)
    decide(w, OFFICE, 'yes', P.office)
    expect(ob(w, 'step:comments-office')).toMatchObject({ status: 'owed', startedAt: lastAt(w) })
  })

  it('work done after the decision and before the yes counts for it (the right part only)', () => {
    const w = start(plan)
    toPreparing(w)
    act(w, 'GUIDE_COMMENTS', { part: 'unit' }, { by: P.staff })
    const doneAt = lastAt(w)
    decide(w, UNIT, 'yes', P.head)
    decide(w, OFFICE, 'yes', P.office)
    expect(ob(w, 'step:comments-unit')).toMatchObject({ status: 'met', metAt: doneAt })
    expect(ob(w, 'step:comments-office')?.status).toBe('owed')
  })

  it('after a no, the body may still act (accepted), and it meets nothing', () => {
    const w = start(plan)
    toPreparing(w)
    decide(w, OFFICE, 'no', P.office)
    expect(can(w, 'GUIDE_COMMENTS', { part: 'office' }, P.office)).toBe(true)
    act(w, 'GUIDE_COMMENTS', { part: 'office' }, { by: P.office })
    expect(of(w, 'step:comments-office')).toEqual([])
    expect(ob(w, UNIT)?.status).toBe('owed')
  })
})

describe('nanning-aic-2017 v13, finding 3: 四(四) 沟通 by the office and 新闻宣传分管领导', () => {
  it('LIAISE from office and newsLeader, no longer from the business 分管领导 (version 12: office, leader)', () => {
    expect(rolesOf(planV12, 'LIAISE')).toEqual(['office', 'leader'])
    expect(rolesOf(planV13, 'LIAISE')).toEqual(['office', 'newsLeader'])
  })

  // Version 13 (frozen) at 一般; version 15 owes it to newsLeader at 重大 and above only (v15 test).
  it('the liaison a yes orders is owed by them, and newsLeader’s LIAISE meets it', () => {
    const w = start(planV13)
    toPreparing(w)
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '须与公安机关沟通' })
    expect(ob(w, 'step:liaise')?.owedBy).toEqual(['office', 'newsLeader'])
    act(w, 'LIAISE', { departments: '市公安局' }, { by: P.newsLeader })
    expect(ob(w, 'step:liaise')?.status).toBe('met')
  })
})

describe('nanning-aic-2017 v13, finding 4: 源头化解 by newsLeader only at 重大 and above', () => {
  it('一般: RESOLVE_SOURCE from newsLeader is refused, the units owe it (version 12: newsLeader at every grade)', () => {
    const v12 = start(planV12)
    expect(ob(v12, 'step:source')?.owedBy).toContain('newsLeader')
    expect(can(v12, 'RESOLVE_SOURCE', {}, P.newsLeader)).toBe(true)

    const w = start(plan)
    expect(ob(w, 'step:source')?.owedBy).toEqual(['unit', 'unitHead'])
    expect(can(w, 'RESOLVE_SOURCE', {}, P.newsLeader)).toBe(false)
    expect(can(w, 'RESOLVE_SOURCE', {}, P.unitHead)).toBe(true)
    act(w, 'RESOLVE_SOURCE', {}, { by: P.staff })
    expect(ob(w, 'step:source')?.status).toBe('met')
  })

  it('重大: newsLeader owes it beside the units and may take it', () => {
    const w = start(plan, grade('major'))
    expect(ob(w, 'step:source')?.owedBy).toEqual(['unit', 'unitHead', 'newsLeader'])
    expect(can(w, 'RESOLVE_SOURCE', {}, P.newsLeader)).toBe(true)
    act(w, 'RESOLVE_SOURCE', {}, { by: P.newsLeader })
    expect(ob(w, 'step:source')?.status).toBe('met')
  })

  it('a rise to 重大 adds newsLeader to the owed 源头化解, a lowering to 一般 drops him', () => {
    const w = start(plan)
    act(w, 'SET_SEVERITY', { severity: 'major', reason: '微博转发达20条以上' })
    expect(ob(w, 'step:source')).toMatchObject({ status: 'owed', owedBy: ['unit', 'unitHead', 'newsLeader'] })
    act(w, 'SET_SEVERITY', { severity: 'general', reason: '经核实影响不大' })
    expect(ob(w, 'step:source')).toMatchObject({ status: 'owed', owedBy: ['unit', 'unitHead'] })
    expect(can(w, 'RESOLVE_SOURCE', {}, P.newsLeader)).toBe(false)
  })

  it('the business 分管领导 takes RESOLVE_SOURCE no longer (version 12: leader, unit, unitHead, newsLeader)', () => {
    expect(rolesOf(planV12, 'RESOLVE_SOURCE')).toContain('leader')
    expect(rolesOf(plan, 'RESOLVE_SOURCE')).toEqual(['unit', 'unitHead', 'newsLeader'])
  })
})
