/** saws-2014 version 11's walks (the reader's sequences on version 10), for its tests and its migration's. */
import { expect } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Walker } from '../helpers/machine.js'
import {
  act,
  HEAD,
  LEAD,
  LEGAL,
  type Migrated,
  MON,
  OFF,
  open,
  POST,
  PRIN,
  regrade,
  statuses,
  UNIT,
} from './saws-2014.helpers.js'

export const WRITTEN = { to: ['office'], channel: 'written' }
const PHONE = { to: ['office'], channel: 'phone' }
export const s = (rule: string, n: number, status: string) => `${rule}#${n}:${status}`

/**
 * At 较大, reported and consulted: proposed, approved, answered, briefed, subsided, relapsed
 * (report:office:large#2 owed). The end of version 11's s3 and of version 12's review sequence.
 */
export function answeredThenRelapsedAtLarge(w: Walker): Walker {
  expect(act(w, UNIT, 'PROPOSE', { category: 'suggestion', proposal: '答复说明' })).toBe(true)
  expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
  expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  expect(act(w, UNIT, 'DRAFT', { content: '答复', purpose: 'answer' })).toBe(true)
  expect(act(w, LEAD, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(true)
  expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'followPost' })).toBe(true)
  expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(true)
  expect(act(w, MON, 'SUBSIDE')).toBe(true)
  expect(act(w, MON, 'RELAPSE', { reason: '再起' })).toBe(true)
  expect(statuses(w, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met'), s(R.reportLarge, 2, 'owed')])
  return w
}

/** 较大: reported, consulted, approved, answered, briefed, subsided, relapsed (reader's s3). */
export function relapsedAtLarge(p: PlanDefinition) {
  const w = open(p, 'large')
  expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
  expect(act(w, OFF, 'CONVENE')).toBe(true)
  return answeredThenRelapsedAtLarge(w)
}

/**
 * Two walks from `relapsed()` that report the relapse to 人事司 in writing since it relapsed, one
 * before a lowering to 一般 and one after it.
 */
export function reportedAroundLowering(relapsed: () => Walker): [Walker, Walker] {
  const before = relapsed()
  expect(act(before, MON, 'REPORT', WRITTEN)).toBe(true)
  regrade(before, 'general', '回落')
  const after = relapsed()
  regrade(after, 'general', '回落')
  expect(act(after, MON, 'REPORT', WRITTEN)).toBe(true)
  return [before, after]
}

/** 重大: reported by phone, the 批示, the meeting, answered, subsided, relapsed (reader's s2). */
export function relapsedAtMajor(p: PlanDefinition) {
  const w = open(p, 'major')
  expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
  expect(act(w, MON, 'ACTIVATE_PLAN')).toBe(true)
  expect(act(w, OFF, 'CONVENE')).toBe(true)
  expect(act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '专报' })).toBe(true)
  expect(act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善处置' })).toBe(true)
  expect(act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '妥善处置' })).toBe(true)
  expect(act(w, LEAD, 'HOLD_MEETING', { plan: '方案' })).toBe(true)
  expect(act(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '不需要' })).toBe(true)
  expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  expect(act(w, UNIT, 'DRAFT', { content: '答复', purpose: 'answer' })).toBe(true)
  expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'followPost' })).toBe(true)
  expect(act(w, MON, 'SUBSIDE')).toBe(true)
  expect(act(w, MON, 'RELAPSE', { reason: '再起' })).toBe(true)
  expect(statuses(w, R.reportMajor)).toEqual([s(R.reportMajor, 1, 'met'), s(R.reportMajor, 2, 'owed')])
  return w
}

/** 一般 rumor answered and taken down, subsided, the referral decided yes (reader's s4). */
export function referDecided(p: PlanDefinition) {
  const w = open(p, 'general', 'rumor')
  expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })).toBe(true)
  expect(act(w, OFF, 'CONVENE')).toBe(true)
  expect(act(w, UNIT, 'PROPOSE', { category: 'rumor', proposal: '辟谣' })).toBe(true)
  expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  expect(act(w, UNIT, 'DRAFT', { content: '答复', purpose: 'answer' })).toBe(true)
  expect(act(w, HEAD, 'APPROVE_ANSWER', { draftId: 'd1' })).toBe(true)
  expect(act(w, POST, 'RESPOND', { draftId: 'd1', channel: 'followPost' })).toBe(true)
  expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })).toBe(true)
  expect(act(w, MON, 'SUBSIDE')).toBe(true)
  expect(act(w, LEGAL, 'DECIDE', { decision: R.decideRefer, answer: 'yes', reason: '涉嫌犯罪' })).toBe(true)
  expect(statuses(w, R.refer)).toEqual([s(R.refer, 1, 'owed')])
  return w
}

/**
 * After a migration of a relapse lowered to 一般: the 一般 report appended (#2) and owed from the
 * migration (24 h, no breach), its policy matching `policy`; a written report meets it.
 */
export function generalReportOwedFromMigration(m: Migrated, policy: RegExp) {
  expect(m.statuses(R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met'), s(R.reportGeneral, 2, 'owed')])
  const o = m.context().obligations.find((x) => x.id === `${R.reportGeneral}#2`)
  expect(o).toMatchObject({ startedAt: m.at, countsFrom: m.at, breachedAt: null })
  expect(Date.parse(o?.dueAt as string) - Date.parse(m.at)).toBe(24 * 3_600_000)
  expect(o?.policy).toMatch(policy)
  expect(m.act(MON, 'REPORT', WRITTEN)).toBe(true)
  expect(m.statuses(R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met'), s(R.reportGeneral, 2, 'met')])
}
