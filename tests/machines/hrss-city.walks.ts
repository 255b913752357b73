/**
 * Shared by the hrss-city tests of the current version (hrss-city.test.ts and the files split from
 * it, one concern each): actors, the walk of each grade from discovery to the consultation, the
 * reply and closed, and the small readers and senders those tests use.
 */
import { expect } from 'vitest'
import { plan } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import type { Obligation } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'

export type Grade = 'minor' | 'general' | 'major' | 'critical'
export const GRADES: readonly Grade[] = ['minor', 'general', 'major', 'critical']
export const CITY = ['cityPartyOffice', 'cityGovOffice', 'cityCac'] as const
export const H = 60

export const MONITOR: Actor = { name: '王监控', role: 'monitor' }
export const OFFICE: Actor = { name: '李办公室', role: 'office' }
export const UNIT: Actor = { name: '赵科室', role: 'unit' }
export const GROUP: Actor = { name: '张组长', role: 'group' }
export const SPOKES: Actor = { name: '陈发言人', role: 'spokesperson' }

export const spec = (type: string) => {
  const s = plan.events.find((e) => e.type === type)
  if (!s) throw new Error(`no event ${type}`)
  return s
}
export const valid = (type: string, fields: Record<string, unknown>) =>
  spec(type).schema.safeParse(fields).success
export const open = (input: Parameters<typeof startIncident>[1] = {}) => startIncident(plan, input, OFFICE)
export const ob = (w: Walker, id: string): Obligation => {
  const o = w.context().obligations.find((x) => x.id === id)
  if (!o)
    throw new Error(
      `no obligation ${id}: ${w
        .context()
        .obligations.map((x) => x.id)
        .join(', ')}`,
    )
  return o
}
export const has = (w: Walker, id: string) => w.context().obligations.some((x) => x.id === id)
export const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
export const substate = (w: Walker) => (w.value() as { phase: Record<string, string> }).phase[w.phase()]
/** Sends and says whether the machine took the event (its snapshot changed). */
export const took = (w: Walker, type: string, fields: Record<string, unknown>, actor: Actor, at?: string) => {
  const before = w.actor.getSnapshot()
  w.send(type, fields, { actor, at })
  return w.actor.getSnapshot() !== before
}

export const report = (w: Walker, to: string[], actor: Actor = OFFICE, at?: string) =>
  w.send('REPORT', { to, summary: '快报事实' }, { actor, at })
export const decide = (w: Walker, decision: string, answer: 'yes' | 'no') =>
  w.send('DECIDE', { decision, answer, reason: '组长研究决定' }, { actor: GROUP })
/** A press release drafted by the office and approved by the group head; returns its id. */
export function approvedDraft(w: Walker, purpose = 'pressRelease'): string {
  w.send('DRAFT', { content: '通稿', purpose }, { actor: OFFICE })
  const id = w.context().drafts.at(-1)?.id ?? ''
  w.send('APPROVE_RELEASE', { draftId: id }, { actor: GROUP })
  return id
}

/** Discovery: source recorded and graded by the monitor, the group told. */
export function discover(grade: Grade, w = open()) {
  w.send('RECORD_SOURCE', { source: '某论坛帖子' }, { actor: MONITOR })
  if (w.context().severity === null) w.send('CLASSIFY', { severity: grade }, { actor: MONITOR })
  report(w, ['group'], MONITOR)
  return w
}
/** Everything each grade owes before the response: city reports, who leads, decisions. */
export function toConsultation(grade: Grade, w = open()) {
  discover(grade, w)
  if (grade === 'major' || grade === 'critical') report(w, [...CITY])
  if (grade === 'major') report(w, ['cityLeader'], GROUP)
  w.send('CONVENE')
  expect(w.phase()).toBe('consultation')
  if (grade === 'minor') w.send('CONSENT_OFFICE_LEAD', { request: '请示由办公室牵头' }, { actor: GROUP })
  if (grade === 'general') {
    w.send('DIRECT_GROUP_LEAD', { direction: '办公室具体负责' }, { actor: GROUP })
    // 四(三) 同时报告市委网信办备案 (version 7: the filing is a report to 市委网信办).
    report(w, ['cityCac'])
  }
  return w
}
export function toGuiding(grade: Grade, w = toConsultation(grade)) {
  w.send('START_RESPONSE')
  const d = approvedDraft(w)
  w.send('REPLY', { draftId: d, channel: '市人社局官方微博' }, { actor: SPOKES })
  expect(substate(w)).toBe('guiding')
  return w
}
export function toClosed(grade: Grade, w = toConsultation(grade)) {
  if (grade === 'critical') {
    decide(w, DECISIONS.cityLead, 'yes')
    w.send('REQUEST_CITY_LEAD', { request: '请示市委、市政府领导' }, { actor: GROUP })
    w.send('CITY_DIRECT', { instruction: '市委、市政府统一领导' }, { actor: OFFICE })
  }
  decide(w, DECISIONS.pressConference, 'no')
  toGuiding(grade, w)
  w.send('COMMENTARY', { title: '评论', outlet: '本地新闻网' }, { actor: UNIT })
  w.send('GUIDE', { note: '回应跟帖' }, { actor: MONITOR })
  w.send('SUBSIDE')
  w.send('DISPOSAL_DONE')
  w.send('REVIEW', { summary: '总结', appraisal: '表彰', improvements: '修改方案' }, { actor: OFFICE })
  return w
}
