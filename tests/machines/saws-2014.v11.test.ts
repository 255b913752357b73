/**
 * saws-2014 version 11, from a reader's two findings on version 10 (each test here fails on 10).
 * 1. 五(二) "发现有舆情发酵、影响面不断扩大等不良发展趋势时，要及时报告人事司(宣教办)": a relapse owes 人事司 a
 *    report; a lowering after it counted the report made before the relapse (prior 'sameGradeOrAbove'),
 *    withdrew the relapse's and began the lower grade's met, so the relapse was never reported.
 *    Version 11 counts only a report made since the latest relapse (at that grade or a higher one).
 * 2. 四(四) "对恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关依法予以处置", 五(五)2 "涉嫌犯罪的，依法予以追究":
 *    no category named. A referral decided yes stays owed at a change of category (10 withdrew it).
 */
import { describe, expect, it } from 'vitest'
import { planV11 as plan, planV10 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { act, LEGAL, MON, OFF, open, regrade, statuses } from './saws-2014.helpers.js'
import { referDecided, relapsedAtLarge, relapsedAtMajor, s, WRITTEN } from './saws-2014.v11.helpers.js'

const PHONE = { to: ['office'], channel: 'phone' }
const one = (w: ReturnType<typeof open>, id: string) => w.context().obligations.find((o) => o.id === id)
const last = (w: ReturnType<typeof open>) => w.context().acts.at(-1)?.at

describe('saws-2014 v11: a relapse followed by a lowering is reported (五(二))', () => {
  it('较大 → relapse → 一般: the report before the relapse does not count; 一般 report owed, 24 h', () => {
    const w = relapsedAtLarge(plan)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met'), s(R.reportLarge, 2, 'withdrawn')])
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'owed')])
    const o = one(w, `${R.reportGeneral}#1`)
    expect(o?.startedAt).toBe(last(w))
    expect(Date.parse(o?.dueAt as string) - Date.parse(last(w) as string)).toBe(24 * 3_600_000)
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  })

  it('重大 → relapse → 较大: the phone report before the relapse does not count; 较大 report owed', () => {
    const w = relapsedAtMajor(plan)
    regrade(w, 'large', '回落')
    expect(statuses(w, R.reportMajor)).toEqual([s(R.reportMajor, 1, 'met'), s(R.reportMajor, 2, 'withdrawn')])
    expect(statuses(w, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'owed')])
  })

  it('the relapse reported before the lowering: that report counts (no new report)', () => {
    const w = relapsedAtLarge(plan)
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
    expect(one(w, `${R.reportGeneral}#1`)?.metAt).toBe(w.context().acts.at(-2)?.at)
  })

  it('a plain lowering without a relapse owes no new report (the higher one counts)', () => {
    const w = open(plan, 'large')
    expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
    const m = open(plan, 'major')
    expect(act(m, MON, 'REPORT', PHONE)).toBe(true)
    regrade(m, 'large', '回落')
    expect(statuses(m, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met')])
  })

  it('control, version 10: the relapse is never reported (the old report counts)', () => {
    const w = relapsedAtLarge(planV10)
    regrade(w, 'general', '回落')
    expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
    const m = relapsedAtMajor(planV10)
    regrade(m, 'large', '回落')
    expect(statuses(m, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met')])
  })
})

describe('saws-2014 v11: a referral decided yes stays owed at a change of category (四(四)、五(五)2)', () => {
  it('rumor → 属实批评 after the yes: refer:police still owed, and met by the referral', () => {
    const w = referDecided(plan)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })).toBe(true)
    expect(statuses(w, R.refer)).toEqual([s(R.refer, 1, 'owed')])
    expect(act(w, LEGAL, 'REFER_TO_POLICE')).toBe(true)
    expect(statuses(w, R.refer)).toEqual([s(R.refer, 1, 'met')])
  })

  it('the decision is still asked only for rumor and malicious content', () => {
    const w = open(plan, 'general', 'criticism')
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })).toBe(true)
    expect(statuses(w, R.decideRefer)).toEqual([])
  })

  it('control, version 10: the change of category withdraws it', () => {
    const w = referDecided(planV10)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })).toBe(true)
    expect(statuses(w, R.refer)).toEqual([s(R.refer, 1, 'withdrawn')])
  })

  it('is version 11, migrating from 10', () => {
    expect(plan).toMatchObject({ version: 11, migratesFrom: { from: 10 } })
    expect(planV10).toMatchObject({ version: 10, migratesFrom: { from: 9 } })
  })
})
