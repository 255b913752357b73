/** Shared by the nanchong-npc-2022 machine tests: actors, and the walk from open to the response. */
import { expect } from 'vitest'
import type { Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Category } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

export type Grade = 'general' | 'large' | 'major' | 'critical'
export const GRADES: Grade[] = ['general', 'large', 'major', 'critical']
export const up = (g: Grade) => g !== 'general'

export const as = (role: Actor['role'], name: string = role): Actor => ({ name, role })
export const monitor = as('monitor', '监控员')
export const office = as('office', '办公室')
export const group = as('group', '组长')
export const unit = as('unit', '责任单位')
export const legal = as('legal', '法工委')
export const speaker = as('spokesperson', '发言人')

export const of = (w: Walker, rule: string): Obligation[] =>
  w.context().obligations.filter((o) => o.rule === rule)
export const one = (w: Walker, rule: string): Obligation => {
  const all = of(w, rule)
  expect(all, rule).toHaveLength(1)
  return all[0]!
}
export const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
/** Whether `actor` may send the event now (the machine's guards; the engine checks the event's roles). */
export const canAs = (w: Walker, actor: Actor, type: string, fields: Record<string, unknown> = {}) =>
  w.actor.getSnapshot().can({ ...fields, type, at: addMinutes(T0, 10_000), actor })
/** Sends and tells whether the machine took it (an accepted event is recorded as an act). */
export const accepted = (w: Walker, actor: Actor, type: string, fields: Record<string, unknown> = {}) => {
  const ok = canAs(w, actor, type, fields)
  w.send(type, fields, { actor })
  return ok
}

/** Opens an incident on `p` (the current version unless named). */
export function open(
  grade: Grade | null,
  category: Category | null = 'inquiry',
  p: PlanDefinition = plan,
): Walker {
  return startIncident(
    p,
    grade ? { severity: grade, severityReason: '开案定级', category } : { category },
    office,
  )
}
export const reportGroup = (w: Walker, at?: string) =>
  w.send('REPORT', { to: ['group'], summary: '事实' }, { actor: monitor, ...(at ? { at } : {}) })
export const reportCac = (w: Walker, at?: string) =>
  w.send('REPORT', { to: ['cac'], summary: '事实' }, { actor: group, ...(at ? { at } : {}) })

/** Reports as the grade requires, convenes, hears 市网信办 (较大+), decides the measures. */
export function toResponse(
  grade: Grade,
  category: Category | null = 'inquiry',
  p: PlanDefinition = plan,
): Walker {
  const w = open(grade, category, p)
  reportGroup(w)
  if (up(grade)) reportCac(w)
  w.send('CONVENE', {}, { actor: group })
  if (up(grade)) w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
  w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
  w.send('START_RESPONSE', {}, { actor: group })
  expect(w.phase()).toBe('response')
  return w
}
/** A 举报 at 一般 taken to the response and investigated by the unit: found true (属实) or not (三(四)4). */
export function tipOffFound(substantiated: boolean, p: PlanDefinition = plan): Walker {
  const w = toResponse('general', 'tip_off', p)
  const findings = substantiated ? '属实' : '不属实'
  w.send('INVESTIGATE', { substantiated, findings }, { actor: unit })
  return w
}
/** Drafts a text of `purpose` (by the unit), has the group sign it off; returns its id. */
export function drafted(w: Walker, purpose = 'reply', signOff = true): string {
  w.send('DRAFT', { content: `${purpose} 稿`, purpose }, { actor: unit })
  const id = w.context().drafts.at(-1)!.id
  // Version 4: the sign-off fixes the channel (二(三)2); a briefing's is the press conference.
  const channel = purpose === 'conference' ? 'pressConference' : 'online'
  if (signOff) w.send('SIGN_OFF', { draftId: id, channel }, { actor: group })
  return id
}
export const RESPONDER: Record<string, Actor> = {
  REPLY: unit,
  EXPLAIN_REGULATION: legal,
  REFUTE: speaker,
  STANCE: speaker,
  PROGRESS: speaker,
  CONCLUDE: speaker,
}
export const PURPOSE: Record<string, string> = {
  REPLY: 'reply',
  EXPLAIN_REGULATION: 'explanation',
  REFUTE: 'refutation',
  STANCE: 'stance',
  PROGRESS: 'progress',
  CONCLUDE: 'conclusion',
}
/** Publishes a newly drafted and signed-off text through `type`; tells whether it was accepted. */
export function publish(w: Walker, type: string): boolean {
  const draftId = drafted(w, PURPOSE[type])
  const extra = type === 'EXPLAIN_REGULATION' ? { draftingBody: '起草部门' } : {}
  return accepted(w, RESPONDER[type]!, type, { draftId, channel: 'online', ...extra })
}
/** Answers no to every decision owed now (rule 3: recorded with who and why). */
export function declineAll(w: Walker) {
  for (const o of w.owed().filter((x) => x.kind === 'decision'))
    w.send('DECIDE', { decision: o.rule, answer: 'no', reason: '无需' }, { actor: group })
}
/**
 * After the subsiding: decline what is left to decide, report the handling work to 市网信办 where it is
 * owed (version 12, 二(三)6), watch the trend, start the review.
 */
export function toReview(w: Walker) {
  declineAll(w)
  if (w.owed().some((o) => o.rule === 'report:handling'))
    w.send('REPORT', { to: ['cac'], summary: '处置工作情况', subject: 'handling' }, { actor: group })
  w.send('WATCH_TREND', {}, { actor: office })
  w.send('START_REVIEW', {}, { actor: group })
}
/** From the response to closed: subside, decline what is left to decide, watch the trend, review. */
export function finish(w: Walker) {
  w.send('SUBSIDE', {}, { actor: office })
  toReview(w)
  w.send('REVIEW', { summary: '总结' }, { actor: group })
}
