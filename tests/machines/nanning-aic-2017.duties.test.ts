/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), the current version: the duties of 五(二),
 * authoritative information within 24 h at 重大, the authorities notified and the source resolved,
 * the initial answer in 3 working hours and the formal reply in 5 (or, extended, 10) working days.
 */
import { describe, expect, it } from 'vitest'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  H,
  ob,
  open,
  owedRules,
  P,
  plan,
  reportFields,
  toPreparing,
  v11Settled,
} from '../helpers/nanning.js'

describe('nanning-aic-2017 五(二) duties', () => {
  it('重大: authoritative information within 24 h; a 一般 release before the rise does not meet it', () => {
    const w = open({ reposts: 3 })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'METRICS_UPDATED', { facts: { mainstreamMedia: true } }, { at: addMinutes(T0, H) })
    expect(ob(w, 'release:publish')).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 25 * H) })
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('重大: 通报宣传部门、公安部门 and 源头化解 are owed, and closing waits for them', () => {
    const w = open({ reposts: 25 }, { category: 'rumor' })
    expect(owedRules(w)).toEqual(
      expect.arrayContaining(['notify:propaganda', 'notify:police', 'step:source']),
    )
    expect(
      open()
        .owed()
        .map((o) => o.rule),
    ).not.toContain('notify:police')
    expect(ob(w, 'step:source')?.clause).toBe('三(二)3、四(四)') // every grade from version 10
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需回顾' })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'NOTIFY_AUTHORITIES', { to: ['propaganda'] })
    expect(ob(w, 'notify:propaganda')?.status).toBe('met')
    expect(ob(w, 'notify:police')?.status).toBe('owed')
    act(w, 'NOTIFY_AUTHORITIES', { to: ['police'] })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'RESOLVE_SOURCE') // possible in disposal too
    v11Settled(w)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('initial answer: 3 working hours from knownAt, across a make-up Saturday', () => {
    // Known Friday 2026-10-09 17:00 Beijing → 30 min that day, 2.5 h on Saturday 10-10 (调休) → 11:30.
    const w = open({}, { category: 'doubt' })
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'owed', dueAt: '2026-10-10T03:30:00.000Z' })
    act(w, 'DRAFT', { content: '已收到', purpose: 'initialResponse' })
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'INITIAL_RESPONSE', { draftId: 'd1' }, { at: '2026-10-10T03:30:00.000Z' })
    expect(ob(w, 'answer:initial')?.status).toBe('met')
  })

  it('an initial answer given before the category was set counts when it is set later', () => {
    const w = open()
    expect(ob(w, 'answer:initial')).toBeUndefined()
    const d = approvedDraft(w, 'initialResponse')
    act(w, 'INITIAL_RESPONSE', { draftId: d })
    const answeredAt = w.context().acts.at(-1)!.at
    act(w, 'SET_CATEGORY', { category: 'demand' }, { at: '2026-10-12T03:00:00.000Z' })
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'met', metAt: answeredAt, breachedAt: null })
  })

  it('the initial answer is owed only for what netizens voice; a category change withdraws it if not yet due', () => {
    expect(ob(open({}, { category: 'rumor' }), 'answer:initial')).toBeUndefined()
    const w = open({}, { category: 'demand' })
    act(w, 'SET_CATEGORY', { category: 'rumor' })
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'withdrawn', withdrawn: { by: P.office } })
  })

  describe('formal reply', () => {
    const known = '2026-09-30T02:00:00.000Z' // 10:00 Beijing, the eve of National Day
    const start = () => open({}, { discoveredAt: known, knownAt: known, category: 'demand' })

    it('5 working days of knownAt once formal handling starts, met by a reply the department leader approved', () => {
      const w = start()
      expect(ob(w, 'answer:formal')).toBeUndefined()
      act(w, 'FORMAL_HANDLING')
      // Oct 8, 9, 10 (调休), 12, 13 → close of business 17:30 Beijing.
      expect(ob(w, 'answer:formal')).toMatchObject({ status: 'owed', dueAt: '2026-10-13T09:30:00.000Z' })
      act(w, 'DRAFT', { content: '答复意见', purpose: 'formalReply' })
      expect(can(w, 'FORMAL_REPLY', { draftId: 'd1' })).toBe(false)
      act(w, 'SIGN_OFF', { draftId: 'd1' })
      act(w, 'FORMAL_REPLY', { draftId: 'd1' }, { at: '2026-10-13T09:30:00.000Z' })
      expect(ob(w, 'answer:formal')?.status).toBe('met')
      expect(can(w, 'EXTEND')).toBe(false)
    })

    it('EXTEND, with its explanation, replaces the 5-day reply by 10 working days on the record', () => {
      expect(plan.events.find((e) => e.type === 'EXTEND')!.schema.safeParse({}).success).toBe(false)
      const w = start()
      expect(can(w, 'EXTEND')).toBe(false)
      act(w, 'FORMAL_HANDLING')
      act(w, 'EXTEND', {}, { at: '2026-10-12T02:00:00.000Z' })
      expect(ob(w, 'answer:formal')).toMatchObject({
        status: 'withdrawn',
        withdrawn: { reason: '延长办理时间：需现场复核', by: P.staff },
      })
      expect(ob(w, 'answer:extended')).toMatchObject({ status: 'owed', dueAt: '2026-10-20T09:30:00.000Z' })
      expect(can(w, 'EXTEND')).toBe(false)
    })

    it('EXTEND is refused once the 5-working-day limit has passed', () => {
      const w = start()
      act(w, 'FORMAL_HANDLING')
      act(w, 'METRICS_UPDATED', { facts: {} }, { at: '2026-10-14T01:00:00.000Z' })
      expect(can(w, 'EXTEND')).toBe(false)
      w.fire('formalReply')
      expect(can(w, 'EXTEND')).toBe(false)
      expect(ob(w, 'answer:formal')?.breachedAt).toBe('2026-10-13T09:30:00.000Z')
    })
  })
})
