/**
 * saws-2014 version 13 (rules/version13.ts). Each test but the controls fails on version 12.
 * 1. 五(五) "舆情事件平息后，相关单位应做好善后工作。…2.对于重大的恶意网络负面信息，请当地相关部门协助处理清除；对于恶意诋毁
 *    的信息，应利用法律手段，发表法律声明…涉嫌犯罪的，依法予以追究": after a relapse, 五(五)2's duties wait for the
 *    incident to subside again. Version 12 owed them in the response at a change of category (是否属恶意诋毁,
 *    the referral's question) or at a rise to 重大 (the local clearance).
 * 2. A doubt that does not hold (controls): a rise to 重大 withdraws an owed proposal (propose#1). The text
 *    gives 作出定性并提出应急处置意见 to 较大 (五(一)2) and 提出应对意见 to 一般 (五(三)1); at 重大以上 "由总局分管领导
 *    牵头…召开舆情应对会…研究提出舆情处理措施，拟定应对方案" (五(三)3), owed from the rise: the proposal is not required
 *    at the new grade, and is withdrawn on the record (who, when, why), as the kit withdraws at a rise.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { plan, planV12 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Walker } from '../helpers/machine.js'
import {
  act,
  HEAD,
  ids,
  LEAD,
  LEGAL,
  MON,
  migrated,
  OFF,
  open,
  POST,
  regrade,
  statuses,
  UNIT,
} from './saws-2014.helpers.js'
import { relapsedAtLarge, s, WRITTEN } from './saws-2014.v11.helpers.js'

const last = (w: Walker) => w.context().acts.at(-1)?.at as string
const started = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)?.startedAt

/** Relapsed at 较大 (a suggestion), then re-characterised as a rumor in the response by 人事司. */
function rumorAfterRelapse(p: PlanDefinition) {
  const w = relapsedAtLarge(p)
  expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor', reason: '认定为谣言' })).toBe(true)
  expect(w.phase()).toBe('response')
  return w
}

/** `rumorAfterRelapse`, answered again on the rumor's route, briefed and subsided. */
function subsidedAgain(p: PlanDefinition) {
  const w = rumorAfterRelapse(p)
  expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
  expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
  expect(act(w, UNIT, 'DRAFT', { content: '辟谣', purpose: 'answer' })).toBe(true)
  expect(act(w, LEAD, 'LEADER_APPROVE', { draftId: 'd2' })).toBe(true)
  expect(act(w, POST, 'RESPOND', { draftId: 'd2', channel: 'followPost' })).toBe(true)
  expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })).toBe(true)
  expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报（反复后）' })).toBe(true)
  expect(act(w, MON, 'SUBSIDE')).toBe(true)
  expect(w.phase()).toBe('disposal')
  return w
}

describe('saws-2014 v13: after a relapse 五(五)2 waits for the incident to subside again', () => {
  it('re-characterised as a rumor in the response: neither question is owed there', () => {
    const w = rumorAfterRelapse(plan)
    expect(statuses(w, R.decideDefames)).toEqual([])
    expect(statuses(w, R.decideRefer)).toEqual([])
  })

  it('subsided again: both questions owed from that SUBSIDE; a yes owes the statement and, at 重大, the clearance', () => {
    const w = subsidedAgain(plan)
    const subsided = last(w)
    expect(statuses(w, R.decideDefames)).toEqual([s(R.decideDefames, 1, 'owed')])
    expect(statuses(w, R.decideRefer)).toEqual([s(R.decideRefer, 1, 'owed')])
    expect(started(w, `${R.decideDefames}#1`)).toBe(subsided)
    expect(act(w, LEGAL, 'DECIDE', { decision: R.decideDefames, answer: 'yes', reason: '恶意诋毁' })).toBe(
      true,
    )
    expect(statuses(w, R.legalRumor)).toEqual([s(R.legalRumor, 1, 'owed')])
    // Risen in the aftercare (subsided at 较大): 重大的恶意网络负面信息 owes the clearance where it is.
    regrade(w, 'major', '再度扩大')
    expect(statuses(w, R.clearanceRumor)).toEqual([s(R.clearanceRumor, 1, 'owed')])
  })

  it('malicious content risen to 重大 in the response after a relapse: no clearance before it subsides', () => {
    const w = relapsedAtLarge(plan)
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'malicious', reason: '恶意炒作' })).toBe(true)
    regrade(w, 'major', '转发激增')
    expect(w.phase()).toBe('response')
    expect(statuses(w, R.clearance)).toEqual([])
    expect(statuses(w, R.decideDefames)).toEqual([])
  })

  it('control: owed before the relapse, a question stays owed through it and a rise', () => {
    const w = open(plan, 'general', 'rumor')
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })).toBe(true)
    expect(act(w, OFF, 'CONVENE')).toBe(true)
    expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '辟谣' })).toBe(true)
    expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
    expect(act(w, UNIT, 'DRAFT', { content: '辟谣', purpose: 'answer' })).toBe(true)
    expect(act(w, HEAD, 'APPROVE_ANSWER', { draftId: 'd1' })).toBe(true)
    expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'followPost' })).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再起' })).toBe(true)
    regrade(w, 'large', '跟帖激增')
    expect(statuses(w, R.decideDefames)).toEqual([s(R.decideDefames, 1, 'owed')])
  })

  it('control, version 12: owed in the response before the incident subsided again', () => {
    const v = rumorAfterRelapse(planV12)
    expect(statuses(v, R.decideDefames)).toEqual([s(R.decideDefames, 1, 'owed')])
    const m = relapsedAtLarge(planV12)
    expect(act(m, OFF, 'SET_CATEGORY', { category: 'malicious', reason: '恶意炒作' })).toBe(true)
    regrade(m, 'major', '转发激增')
    expect(statuses(m, R.clearance)).toEqual([s(R.clearance, 1, 'owed')])
  })
})

describe('saws-2014 v13: the version and its migration from 12', () => {
  it('is the version new incidents open on, migrating from 12 without a context function', () => {
    expect(getPlan('saws-2014')?.version).toBe(13)
    expect(plan.version).toBe(13)
    expect(plan.migratesFrom).toEqual({ from: 12 })
  })

  it('12 → 13: what 12 owed early stays owed, nothing is appended; it is done in the aftercare', () => {
    const w = rumorAfterRelapse(planV12)
    const before = ids(w.context().obligations)
    const m = migrated(planV12, plan, w)
    expect(ids(m.context().obligations)).toEqual(before)
    expect(m.statuses(R.decideDefames)).toEqual([s(R.decideDefames, 1, 'owed')])
  })
})

describe('saws-2014 (doubt 2, not held): a rise to 重大 withdraws the proposal the meeting replaces (五(三)3)', () => {
  it('一般 in the consultation, risen to 重大: propose#1 withdrawn by who raised it, meeting#1 owed from the rise', () => {
    for (const p of [planV12, plan]) {
      const w = open(p, 'general')
      expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })).toBe(true)
      expect(act(w, OFF, 'CONVENE')).toBe(true)
      expect(statuses(w, R.propose)).toEqual([s(R.propose, 1, 'owed')])
      regrade(w, 'major', '转发激增')
      const o = w.context().obligations.find((x) => x.id === `${R.propose}#1`)
      expect(o?.withdrawn).toMatchObject({ by: OFF, reason: '转发激增', at: last(w) })
      expect(statuses(w, R.meeting)).toEqual([s(R.meeting, 1, 'owed')])
      expect(started(w, `${R.meeting}#1`)).toBe(last(w))
      // Lowered again to 较大 before the meeting: the proposal is owed again (五(一)2).
      regrade(w, 'large', '回落')
      expect(statuses(w, R.propose)).toEqual([s(R.propose, 1, 'withdrawn'), s(R.propose, 2, 'owed')])
    }
  })
})
