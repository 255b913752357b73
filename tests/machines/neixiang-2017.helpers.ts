/**
 * Shared by the neixiang-2017 version 7 tests: actors, the walk from open to the response
 * (following), sending an event to tell whether the machine took it (migrating an incident as
 * the engine does: tests/helpers/machine.ts `migratedAfter`). The engine checks an event's roles before the machine; these helpers
 * drive the machine directly. At the end, version 3's walks, for its tests
 * (neixiang-2017.v3-*.test.ts).
 */
import { expect } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { plan, planV3 } from '../../machines/neixiang-2017/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, type Walker } from '../helpers/machine.js'

export const office: Actor = { name: '信息公开办值班员', role: 'office' }
export const monitor: Actor = { name: '舆情评论员', role: 'monitor' }
export const group: Actor = { name: '领导小组组长', role: 'group' }
export const principal: Actor = { name: '县委办', role: 'principal' }
export const propaganda: Actor = { name: '县委宣传部', role: 'leader' }
export const speaker: Actor = { name: '新闻发言人', role: 'spokesperson' }
export const unit: Actor = { name: '舆情主体单位', role: 'unit' }
export const POLITICAL_MASS = 'political_mass' as Category

/** The current version (the one new incidents open on) and versions 6 to 11, kept for their incidents. */
export const current: PlanDefinition = plan
export const v6 = getPlan('neixiang-2017', 6) as PlanDefinition
export const v7 = getPlan('neixiang-2017', 7) as PlanDefinition
export const v8 = getPlan('neixiang-2017', 8) as PlanDefinition
export const v9 = getPlan('neixiang-2017', 9) as PlanDefinition
export const v10 = getPlan('neixiang-2017', 10) as PlanDefinition
export const v11 = getPlan('neixiang-2017', 11) as PlanDefinition

export const open = (p: PlanDefinition, severity: Severity = 'general', category: Category | null = null) =>
  startIncident(p, { severity, category, severityReason: '研判' }, office)

/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
export function act(w: Walker, type: string, fields: Record<string, unknown> = {}, actor: Actor = office) {
  const before = w.context().acts.length
  w.send(type, fields, { actor })
  return w.context().acts.length > before
}
export const ob = (w: Walker, id: string): Obligation | undefined =>
  w.context().obligations.find((o) => o.id === id)
export const ofRule = (w: Walker, rule: string): Obligation[] =>
  w.context().obligations.filter((o) => o.rule === rule)
export const owedIds = (w: Walker) => w.owed().map((o) => o.id)
export const lastAt = (w: Walker) => w.context().acts.at(-1)?.at as string
export const decide = (w: Walker, decision: string, answer: 'yes' | 'no') =>
  act(w, 'DECIDE', { decision, answer, reason: answer === 'yes' ? '需要' : '无需' }, group)
export const waive = (w: Walker, obligation: string, by: Actor = group) =>
  act(w, 'WAIVE', { obligation, reason: '决定免除' }, by)
/** As the engine waives: the plan's WAIVE roles first (403 otherwise), then the machine's `canWaive`. */
export const waiveIn = (p: PlanDefinition, w: Walker, obligation: string, by: Actor = group) =>
  (p.events.find((e) => e.type === 'WAIVE')?.roles as readonly string[] | undefined)?.includes(by.role) ===
    true && waive(w, obligation, by)
export const grade = (w: Walker, severity: Severity, at?: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: group, ...(at ? { at } : {}) })
/** The monitor's report to the group and the principal leaders (第二條1), proposing `proposal`. */
export const reportBoth = (w: Walker, proposal = '建议公布事实') =>
  expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal }, monitor)).toBe(true)

/** A draft of `purpose`, approved as the grade requires (宣传部 too in a 第二條4 case); returns its id. */
export function approvedDraft(w: Walker, purpose = 'release', content = '经核实……') {
  expect(act(w, 'DRAFT', { content, purpose }, office)).toBe(true)
  const id = w.context().drafts.at(-1)?.id as string
  expect(act(w, 'AGREE_LINE', { draftId: id }, group)).toBe(true)
  if (w.context().category === POLITICAL_MASS)
    expect(act(w, 'APPROVE_LEAD', { draftId: id }, propaganda)).toBe(true)
  return id
}

/** Reported, source recorded, the stance stated, the group convened (no spokesperson), a release draft approved (its id). */
export function toConsultation(w: Walker) {
  reportBoth(w)
  expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  expect(act(w, 'STATE_POSITION', { draftId: approvedDraft(w, 'stance', '高度重视') }, speaker)).toBe(true)
  expect(act(w, 'CONVENE', {}, group)).toBe(true)
  expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
  return approvedDraft(w, 'release', '通报：经核实……')
}

/** The review's prefix: to response.following, the facts released (walk "toFollowing"). */
export function toFollowing(
  p: PlanDefinition,
  severity: Severity = 'general',
  category: Category | null = null,
) {
  const w = open(p, severity, category)
  const d = toConsultation(w)
  expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
  expect(act(w, 'RELEASE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
  expect(w.value()).toEqual({ phase: { response: 'following' } })
  return w
}

/**
 * What the response owes at every grade, settled: 梯度发布 (第七條3) and 反驳 (第六條) decided no,
 * where the version asks it (version 12) whether there is illegal content (第七條2) decided no,
 * 解答及跟帖 made (第五條, HANDLE_EARLY).
 */
export function answered(w: Walker) {
  expect(decide(w, 'decision:staged', 'no')).toBe(true)
  expect(decide(w, 'decision:rebut', 'no')).toBe(true)
  if (w.owed().some((o) => o.rule === 'decision:illegal'))
    expect(decide(w, 'decision:illegal', 'no')).toBe(true)
  expect(act(w, 'HANDLE_EARLY', { note: '在原帖下解答' }, unit)).toBe(true)
}

/**
 * Subsides, and the group reports the progress to 有关单位和部门 (第三條5) and, where the version
 * owes it (version 10: `report:principal:progress`, 第三條5、第三條6), to the principal leaders.
 */
export function subside(w: Walker) {
  expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
  const leaders = w.owed().some((o) => o.rule === 'report:principal:progress') ? ['principal'] : []
  expect(act(w, 'REPORT', { to: ['units', ...leaders], proposal: '舆情已平息' }, group)).toBe(true)
}
/** Subsides, and the group reports the progress to 有关单位和部门 only. */
export function subsideUnitsOnly(w: Walker) {
  expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
  expect(act(w, 'REPORT', { to: ['units'], proposal: '舆情已平息' }, group)).toBe(true)
}

/** Opened by the office with no grade and no category (第二條1's ungraded report). */
export const ungraded = (p: PlanDefinition) =>
  startIncident(p, { severity: null, category: null, severityReason: null }, office)

/**
 * Opened ungraded, reported to the group and the principal leaders, then first graded 重大 by the
 * group two hours later (第二條1; version 10 owes the report of 重大 from the grading, version 9 not).
 */
export function reportedThenGradedMajor(p: PlanDefinition): Walker {
  const w = ungraded(p)
  reportBoth(w, '建议核实')
  w.send('CLASSIFY', { severity: 'major', reason: '研判' }, { actor: group, at: addMinutes(lastAt(w), 120) })
  return w
}

// Version 3's walks (frozen, released), for neixiang-2017.v3-*.test.ts. Where a name above is
// taken (`open`, `toConsultation`, `toFollowing`) this one ends in `V3`, and those files import
// it under the short name (`openV3 as open`).

export const openV3 = (severity: Severity | null = 'general', category: Category | null = null) =>
  startIncident(planV3, { severity, category, severityReason: severity ? '研判' : null }, office)

/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
export function accepted(
  w: Walker,
  type: string,
  fields: Record<string, unknown> = {},
  actor: Actor = office,
  at?: string,
) {
  const before = w.context().acts.length
  w.send(type, fields, at ? { actor, at } : { actor })
  return w.context().acts.length > before
}
export const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
export const report = (w: Walker, to: string[], actor: Actor = monitor) =>
  accepted(w, 'REPORT', { to, proposal: '建议组织跟帖、公布事实' }, actor)
/** The newest draft of a purpose (`d0` when there is none). */
export const newest = (w: Walker, purpose: string) =>
  w
    .context()
    .drafts.filter((d) => d.purpose === purpose)
    .at(-1)?.id ?? 'd0'

/**
 * The stance (第七條1, version 3): a draft of purpose `stance`, the group's line agreed on it
 * (and 宣传部's approval in a 第二條4 case), then stated. Returns the draft's id.
 */
export function stateStance(w: Walker, content = '高度重视，正在核实') {
  expect(accepted(w, 'DRAFT', { content, purpose: 'stance' }, office)).toBe(true)
  const id = newest(w, 'stance')
  expect(accepted(w, 'AGREE_LINE', { draftId: id }, group)).toBe(true)
  if (w.context().category === POLITICAL_MASS)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: id }, propaganda)).toBe(true)
  expect(accepted(w, 'STATE_POSITION', { draftId: id }, speaker)).toBe(true)
  return id
}

/** Reported, source known, stance d1 stated, release draft d2 approved by the group: ready to release. */
export function toConsultationV3(w: Walker) {
  expect(report(w, ['group', 'principal'])).toBe(true)
  expect(accepted(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  expect(stateStance(w)).toBe('d1')
  expect(accepted(w, 'CONVENE', {}, group)).toBe(true)
  expect(accepted(w, 'DRAFT', { content: '通报：经核实……' }, office)).toBe(true)
  expect(accepted(w, 'AGREE_LINE', { draftId: 'd2' }, group)).toBe(true)
}
/** `toConsultationV3`, the response started and d2 released: following. */
export function toFollowingV3(w: Walker) {
  toConsultationV3(w)
  expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
  expect(accepted(w, 'RELEASE', { draftId: 'd2', channel: '官方微博' }, speaker)).toBe(true)
  expect(w.phase()).toBe('response')
}
/** `toFollowingV3`, subsided and the disposal done: review. */
export function toReview(w: Walker) {
  toFollowingV3(w)
  expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
  expect(accepted(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
  expect(w.phase()).toBe('review')
}
