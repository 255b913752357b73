/**
 * Shared by the neixiang-2017 version 5 tests (neixiang-2017.v5.test.ts): its actors, both versions
 * compared (4 and 5), opening an incident, sending an event to tell whether the machine took it,
 * the engine's refusal, and the walks to an approved draft, the consultation and the closing record.
 */
import { expect } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV4, planV5 } from '../../machines/neixiang-2017/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

export const office: Actor = { name: '信息公开办值班员', role: 'office' }
export const monitor: Actor = { name: '舆情评论员', role: 'monitor' }
export const group: Actor = { name: '领导小组组长', role: 'group' }
export const principal: Actor = { name: '县委办', role: 'principal' }
export const propaganda: Actor = { name: '县委宣传部', role: 'leader' }
export const speaker: Actor = { name: '新闻发言人', role: 'spokesperson' }
export const admin: Actor = { name: '管理员', role: 'admin' }
export const POLITICAL_MASS = 'political_mass' as Category
export const BOTH = [
  ['version 4', planV4],
  ['version 5', planV5],
] as const

export const open = (p: PlanDefinition, severity: Severity = 'general', category: Category | null = null) =>
  startIncident(p, { severity, category, severityReason: '研判' }, office)
/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
export function act(w: Walker, type: string, fields: Record<string, unknown> = {}, actor: Actor = office) {
  const before = w.context().acts.length
  w.send(type, fields, { actor })
  return w.context().acts.length > before
}
export const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
export const lastDraft = (w: Walker) => w.context().drafts.at(-1)?.id as string
/** The ids of the obligations a refusal says are owed (the 409's `owed`). */
export const owedIds = (detail: { owed?: unknown[] }) =>
  (detail.owed as Array<{ id: string }> | undefined)?.map((o) => o.id)
/** Why `p` refuses `type` now (the engine's 409 detail). */
export const refusal = (
  p: PlanDefinition,
  w: Walker,
  type: string,
  fields: Record<string, unknown>,
  actor: Actor,
) => refusalDetail(p, w.actor.getSnapshot(), { type, ...fields, at: addMinutes(T0, 600), actor })
/** A draft of `purpose`, approved as the grade requires (宣传部 too in a 第二條4 case); returns its id. */
export function approvedDraft(w: Walker, purpose: string, content = '经核实……') {
  expect(act(w, 'DRAFT', { content, purpose }, office)).toBe(true)
  const id = lastDraft(w)
  expect(act(w, 'AGREE_LINE', { draftId: id }, group)).toBe(true)
  if (w.context().category === POLITICAL_MASS)
    expect(act(w, 'APPROVE_LEAD', { draftId: id }, propaganda)).toBe(true)
  return id
}
/** Reported, source recorded, a stance stated, the group convened, a release draft with the line agreed (its id). */
export function toConsultation(w: Walker) {
  expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal: '建议公布事实' }, monitor)).toBe(true)
  expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  expect(act(w, 'STATE_POSITION', { draftId: approvedDraft(w, 'stance') }, speaker)).toBe(true)
  expect(act(w, 'CONVENE', {}, group)).toBe(true)
  return approvedDraft(w, 'release', '通报：经核实……')
}
export const decide = (w: Walker, decision: string, answer: 'yes' | 'no') =>
  act(w, 'DECIDE', { decision, answer, reason: answer === 'yes' ? '需要' : '无需' }, group)
/** A general incident walked to the closing record (review#1 owed); `staged`: the group decided yes to 梯度发布 and it stays owed. */
export function toReview(p: PlanDefinition, staged = false) {
  const w = open(p)
  const d = toConsultation(w)
  expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
  expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
  expect(act(w, 'RELEASE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
  expect(decide(w, 'decision:staged', staged ? 'yes' : 'no')).toBe(true)
  expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
  expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
  expect(w.phase()).toBe('review')
  expect(ob(w, 'review#1')?.status).toBe('owed')
  return w
}
export const waive = (w: Walker, obligation: string) =>
  act(w, 'WAIVE', { obligation, reason: '领导小组决定免除' }, group)
