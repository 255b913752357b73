/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), version 3's fixes held on the current version:
 * an initial answer begun by a late category counts from the category (五(二)), a published draft is
 * not published again after a relapse. Version 2 (`planV2`), kept for its incidents, did both.
 */
import { describe, expect, it } from 'vitest'
import { planV2, planV3 } from '../../machines/nanning-aic-2017/index.js'
import { startIncident } from '../helpers/machine.js'
import { act, approvedDraft, can, ob, open, P, toPreparing } from '../helpers/nanning.js'

describe('nanning-aic-2017 version 3: a category set late, and a draft published once', () => {
  it('an initial answer begun by a category set after its three working hours passed counts from the category, not breached at once', () => {
    // Known Friday 2026-10-09 17:00 Beijing: due Saturday 10-10 11:30 (a make-up working day).
    const w = open({}, { category: 'rumor' })
    expect(ob(w, 'answer:initial')).toBeUndefined()
    act(w, 'SET_CATEGORY', { category: 'doubt' }, { at: '2026-10-12T02:00:00.000Z' })
    const o = ob(w, 'answer:initial')!
    expect(o).toMatchObject({
      status: 'owed',
      startedAt: '2026-10-12T02:00:00.000Z',
      countsFrom: o.startedAt,
    })
    // Monday 10:00 Beijing + 3 working hours (lunch excluded): later than the category.
    expect(Date.parse(o.dueAt!)).toBeGreaterThan(Date.parse('2026-10-12T05:00:00.000Z'))
    w.fire('answer:initial')
    expect(ob(w, 'answer:initial')!.breachedAt).toBe(o.dueAt)
  })

  it('a category set in time keeps the due time from knownAt (the text’s 知晓发帖内容后3小时内)', () => {
    const w = open()
    act(w, 'SET_CATEGORY', { category: 'doubt' }, { at: '2026-10-10T01:00:00.000Z' })
    expect(ob(w, 'answer:initial')).toMatchObject({ dueAt: '2026-10-10T03:30:00.000Z' })
  })

  it('after a relapse a published draft is not published again: a new text is a new draft with its approvals', () => {
    const w = open()
    toPreparing(w)
    const first = approvedDraft(w)
    act(w, 'RELEASE', { draftId: first })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需回顾' })
    act(w, 'RELAPSE')
    expect(can(w, 'RELEASE', { draftId: first })).toBe(false)
    const second = approvedDraft(w)
    expect(can(w, 'RELEASE', { draftId: second })).toBe(true)
  })

  it('version 2, kept for the incidents opened on it, breached the late-begun answer at once and published a draft twice', () => {
    const w = startIncident(planV2, { facts: {}, category: 'rumor' }, P.office)
    act(w, 'SET_CATEGORY', { category: 'doubt' }, { at: '2026-10-12T02:00:00.000Z' })
    expect(ob(w, 'answer:initial')).toMatchObject({ dueAt: '2026-10-10T03:30:00.000Z' })
    expect(planV3).toMatchObject({ version: 3, migratesFrom: { from: 2 } })
  })
})
