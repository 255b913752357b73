/**
 * saws-2014 version 12, from the diff review of version 11 (each test here but the controls fails on 11).
 * 1. 五(二) "发现有舆情发酵、影响面不断扩大等不良发展趋势时，要及时报告人事司(宣教办)": opened 一般 and reported,
 *    risen to 较大 and reported, subsided, relapsed, lowered to 一般 — version 11 owed nothing new
 *    (report:office:general#1 met at the opening; a lowering began no rule with an instance). Version 12
 *    begins the lower grade's report again (#2), owed from the lowering, or met at once by a report made
 *    since the relapse (rule 6).
 * 2. The reading 11 left open: the relapse's report of the higher grade waived, then a lowering — the
 *    waiver settles the relapse's report (rule 2, version 7's `waivedAtGrade` reading): nothing owed.
 * 3. 五(五) 舆情事件平息后…1.一般网络舆情…与首发信息人沟通: after a relapse and a lowering, the contact with the
 *    first poster waits for the incident to subside again (11 owed it in the response).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { plan, planV11 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { act, HEAD, MON, majorDuties, OFF, open, POST, regrade, statuses, UNIT } from './saws-2014.helpers.js'
import { relapsedAtLarge, s, WRITTEN } from './saws-2014.v11.helpers.js'
import { relapsedAfterGeneral, waivedThenLowered } from './saws-2014.v12.helpers.js'

const one = (w: ReturnType<typeof open>, id: string) => w.context().obligations.find((o) => o.id === id)
const last = (w: ReturnType<typeof open>) => w.context().acts.at(-1)?.at as string

describe('saws-2014 v12: a lowering after a relapse owes the lower report again (五(二))', () => {
  it('一般 reported, 较大 reported, relapse, → 一般: report:office:general#2 owed from the lowering, 24 h', () => {
    const w = relapsedAfterGeneral(plan)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met'), s(R.reportLarge, 2, 'withdrawn')])
    expect(statuses(w, R.reportGeneral)).toEqual([
      s(R.reportGeneral, 1, 'met'),
      s(R.reportGeneral, 2, 'owed'),
    ])
    const o = one(w, `${R.reportGeneral}#2`)
    expect(o).toMatchObject({ startedAt: last(w), countsFrom: last(w), breachedAt: null })
    expect(Date.parse(o?.dueAt as string) - Date.parse(last(w))).toBe(24 * 3_600_000)
    expect(o?.clause).toBe('五(一)1、五(二)')
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met'), s(R.reportGeneral, 2, 'met')])
  })

  it('the relapse reported before the lowering: #2 begins met at that report (rule 6)', () => {
    const w = relapsedAfterGeneral(plan)
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    const reported = last(w)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met'), s(R.reportGeneral, 2, 'met')])
    expect(one(w, `${R.reportGeneral}#2`)?.metAt).toBe(reported)
  })

  it('no relapse: a lowering owes nothing new (report:office:general#1 stands, 人事司 told of 较大)', () => {
    const w = open(plan, 'general')
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })).toBe(true)
    regrade(w, 'large', '跟帖激增')
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })

  it('较大 reported, 重大 reported, relapse, → 较大: report:office:large#2 owed from the lowering, 2 h', () => {
    const w = open(plan, 'large')
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    expect(act(w, OFF, 'CONVENE')).toBe(true)
    expect(act(w, UNIT, 'PROPOSE', { category: 'suggestion', proposal: '答复说明' })).toBe(true)
    regrade(w, 'major', '转发激增')
    majorDuties(w)
    expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
    expect(act(w, UNIT, 'DRAFT', { content: '答复', purpose: 'answer' })).toBe(true)
    expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'followPost' })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再起' })).toBe(true)
    regrade(w, 'large', '回落')
    expect(statuses(w, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met'), s(R.reportLarge, 2, 'owed')])
    const o = one(w, `${R.reportLarge}#2`)
    expect(Date.parse(o?.dueAt as string) - Date.parse(last(w))).toBe(2 * 3_600_000)
  })

  it('control, version 11: the relapse lowered away owes nothing', () => {
    const w = relapsedAfterGeneral(planV11)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })
})

describe('saws-2014 v12: a waived relapse report of the higher grade settles the relapse (rule 2)', () => {
  it('general#1 met at the opening, large#2 waived, → 一般: nothing owed', () => {
    const w = waivedThenLowered(relapsedAfterGeneral(plan))
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })

  it('opened 较大, large#2 waived, → 一般: no 一般 report begins (11 owed one from the lowering)', () => {
    const w = waivedThenLowered(relapsedAtLarge(plan))
    expect(statuses(w, R.reportGeneral)).toEqual([])
    const v = waivedThenLowered(relapsedAtLarge(planV11))
    expect(statuses(v, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'owed')])
  })

  it('risen again to 较大 after the waiver and the lowering: its report is owed (a new worsening)', () => {
    const w = waivedThenLowered(relapsedAtLarge(plan))
    regrade(w, 'large', '再度扩大')
    expect(statuses(w, R.reportLarge).at(-1)).toBe(s(R.reportLarge, 3, 'owed'))
  })
})

describe('saws-2014 v12: the contact with the first poster follows the subsiding after a relapse (五(五)1)', () => {
  it('subsided at 较大, relapsed, → 一般 in the response: not owed until it subsides again', () => {
    const w = relapsedAtLarge(plan)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.contactPoster)).toEqual([])
    // Answered again (a new draft, the unit head's 审定 at 一般) and subsided: owed now.
    expect(act(w, UNIT, 'DRAFT', { content: '再次答复', purpose: 'answer' })).toBe(true)
    expect(act(w, HEAD, 'APPROVE_ANSWER', { draftId: 'd2' })).toBe(true)
    expect(act(w, POST, 'RESPOND', { draftId: 'd2', channel: 'followPost' })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(statuses(w, R.contactPoster)).toEqual([s(R.contactPoster, 1, 'owed')])
    expect(one(w, `${R.contactPoster}#1`)?.startedAt).toBe(last(w))
  })

  it('control, version 11: owed in the response, before the incident subsided again', () => {
    const v = relapsedAtLarge(planV11)
    regrade(v, 'general', '回落')
    expect(statuses(v, R.contactPoster)).toEqual([s(R.contactPoster, 1, 'owed')])
  })

  it('is version 12, migrating from 11', () => {
    expect(getPlan('saws-2014', 12)).toMatchObject({ version: 12, migratesFrom: { from: 11 } })
    // `plan`, which the tests here run on, is the registry's current version (12 or later).
    expect(plan.version).toBe(getPlan('saws-2014')?.version)
    expect(planV11).toMatchObject({ version: 11, migratesFrom: { from: 10 } })
  })
})
