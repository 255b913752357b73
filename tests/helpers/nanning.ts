/**
 * Driving 南宁市工商局预案 in memory: the people of the plan, payloads its own schemas
 * accept, and the routes every test shares (report everyone, draft and approve a text).
 */
import { expect } from 'vitest'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import {
  plan,
  planV2,
  planV3,
  planV4,
  planV5,
  planV6,
  planV7,
  planV8,
  planV9,
  planV10,
  planV11,
  planV12,
  planV13,
  planV14,
} from '../../machines/nanning-aic-2017/index.js'
import type { Actor, Facts, Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, startIncident, type Walker } from './machine.js'

export { plan }

/** One person per body of the plan; drafting and approving are different people (三(二)3). */
export const P = {
  monitor: { name: '办公室舆情信息员', role: 'monitor' },
  office: { name: '办公室值班员', role: 'office' },
  officeHead: { name: '办公室主任', role: 'office' },
  staff: { name: '业务股室干事', role: 'unit' },
  head: { name: '业务股室负责人', role: 'unit' },
  leader: { name: '分管领导', role: 'leader' },
  news: { name: '新闻宣传分管领导', role: 'leader' },
  principal: { name: '局长', role: 'principal' },
  group: { name: '领导小组', role: 'group' },
  spokesperson: { name: '新闻发言人', role: 'spokesperson' },
  legal: { name: '法制科', role: 'legal' },
  // Version 12 (四(四)、三(二)3): the approvers named as roles of their own.
  unitHead: { name: '业务股室主要负责人', role: 'unitHead' },
  newsLeader: { name: '分管新闻宣传的局领导', role: 'newsLeader' },
} as const satisfies Record<string, Actor>

export const reportFields = (to: string[]) => ({
  to,
  platform: '新浪微博',
  time: '2026年10月9日下午',
  place: '南宁市青秀区某农贸市场',
  unit: '青秀分局',
  course: '网民发帖称市场销售过期食品',
  result: '分局已到场检查',
  leaning: '以质疑为主',
})

const FIELDS: Record<string, Record<string, unknown>> = {
  KEEP_EVIDENCE: { kind: 'webpage', description: '微博原帖截图', reference: 'sha256:abc' },
  ASSESS: { assessment: '转发量上升', proposal: '需要应对，发布核查情况' },
  DECIDE_MEASURES: { measures: '核查并发布情况通报' },
  DECIDE_NO_RESPONSE: { reason: '关注度低，持续关注' },
  RESOLVE_SOURCE: { progress: '已约谈经营户，下架过期食品' },
  NOTIFY_AUTHORITIES: { to: ['propaganda', 'police'] },
  RELEASE: { channel: '市局官方微博' },
  SUBSIDE: {},
  CLOSE: {},
  REVIEW: { summary: '回顾总结', improvements: '加强巡查' },
  RELAPSE: { reason: '再次发酵' },
  FORMAL_HANDLING: {},
  EXTEND: { explanation: '需现场复核' },
  PROPOSE_INTERVIEW: { outlet: '南宁日报', reason: '当事人愿意说明情况' },
  INTERVIEW: { outlet: '南宁日报' },
  HOLD_ACCOUNTABLE: { persons: '办公室值班员', measures: '通报批评' },
  LIAISE: { departments: '市委宣传部、市公安局' },
}

/** Who sends an event when a test does not say: the first of a list the walked version accepts. */
const BY: Record<string, Actor | readonly Actor[]> = {
  KEEP_EVIDENCE: P.monitor,
  ASSESS: P.office,
  DECIDE_MEASURES: P.group,
  DECIDE_NO_RESPONSE: P.group,
  // Version 13: the units (三(二)3); 新闻宣传分管领导 only at 重大 and above, the business 分管领导 no longer.
  RESOLVE_SOURCE: [P.news, P.head],
  NOTIFY_AUTHORITIES: P.office,
  RELEASE: P.spokesperson,
  SUBSIDE: P.office,
  CLOSE: P.group,
  REVIEW: P.office,
  RELAPSE: P.office,
  DECIDE: P.group,
  WAIVE: P.group,
  SET_SEVERITY: P.group,
  SET_CATEGORY: P.office,
  FORMAL_HANDLING: P.staff,
  EXTEND: P.staff,
  FORMAL_REPLY: P.staff,
  INITIAL_RESPONSE: P.staff,
  DRAFT: P.staff,
  SIGN_OFF: [P.unitHead, P.head],
  SECTION_REVIEW: [P.unitHead, P.head],
  LEADER_APPROVE: [P.newsLeader, P.news],
  GROUP_APPROVE: P.group,
  OFFICE_REVIEW: P.officeHead,
  ESCALATE: P.office,
  PROPOSE_INTERVIEW: P.office,
  INTERVIEW: P.spokesperson,
  METRICS_UPDATED: P.monitor,
  HOLD_ACCOUNTABLE: P.group,
  LIAISE: P.office,
}

export interface Step {
  by?: Actor
  at?: string
}

const VERSIONS: readonly PlanDefinition[] = [
  planV2,
  planV3,
  planV4,
  planV5,
  planV6,
  planV7,
  planV8,
  planV9,
  planV10,
  planV11,
  planV12,
  planV13,
  planV14,
  plan,
]
/** The plan version a walker runs (its machine), the current one when it is none of them. */
export const versionOf = (w: Walker): PlanDefinition =>
  VERSIONS.find((p) => p.machine === (w.actor as { logic?: unknown }).logic) ?? plan

/**
 * The payload the plan's own schema makes of `fields` (defaults applied), checked as the engine
 * does — the roles by `version`'s own events (the current version's when not given).
 */
export function payload(type: string, extra: Record<string, unknown> = {}, by?: Actor, version = plan) {
  const spec = version.events.find((e) => e.type === type)
  if (!spec) throw new Error(`no event spec ${type}`)
  const byDefault = [BY[type] ?? P.office].flat()
  const who = by ?? byDefault.find((a) => spec.roles.includes(a.role as never)) ?? byDefault[0]!
  if (who.role !== 'system' && !spec.roles.includes(who.role))
    throw new Error(`${who.role} may not send ${type}`)
  return { fields: spec.schema.parse({ ...(FIELDS[type] ?? {}), ...extra }) as Record<string, unknown>, who }
}

/** Sends an event as the engine would accept it (schema and roles checked). */
export function act(w: Walker, type: string, extra: Record<string, unknown> = {}, opts: Step = {}) {
  const { fields, who } = payload(type, extra, opts.by, versionOf(w))
  w.send(type, fields, { actor: who, ...(opts.at ? { at: opts.at } : {}) })
}

/** Whether the machine accepts the event now, from `by` (the engine's `can`, with quotes). */
export function can(w: Walker, type: string, extra: Record<string, unknown> = {}, by?: Actor): boolean {
  const version = versionOf(w)
  const { fields, who } = payload(type, extra, by, version)
  const ctx = w.context()
  const at = new Date(Date.parse(ctx.acts.at(-1)?.at ?? ctx.discoveredAt) + 60_000).toISOString()
  return w.actor.getSnapshot().can({
    ...fields,
    type,
    at,
    actor: who,
    quotes: quoteRules(version.obligations, calendar, ctx, at),
  })
}

export const state = (w: Walker) => JSON.stringify((w.value() as { phase: unknown }).phase)
export const ob = (w: Walker, rule: string) => w.context().obligations.findLast((o) => o.rule === rule)
/** Every obligation of `rule`, oldest first. */
export const of = (w: Walker, rule: string) => w.context().obligations.filter((o) => o.rule === rule)
export const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
/** When the last event was taken. */
export const lastAt = (w: Walker) => w.context().acts.at(-1)?.at as string

export function open(facts: Facts = {}, extra: Parameters<typeof startIncident>[1] = {}) {
  return startIncident(plan, { facts, ...extra }, P.office)
}

/** An incident on version `p`, opened as a rumor (from version 10, no category owed). */
export const openOn = (p: PlanDefinition, extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(p, { facts: {}, category: 'rumor', ...extra }, P.office)

/** Everyone the grade requires, each by the level below it (四(二)、五(二)). */
export function reportAll(w: Walker) {
  act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
  act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
  act(w, 'REPORT', reportFields(['newsLeader']), { by: P.office })
  if (w.context().severity !== 'general') act(w, 'REPORT', reportFields(['higher']), { by: P.office })
}

/**
 * A draft of `purpose`, approved as the walker's plan version requires at the current grade
 * (each approval it owes, in order, by the people of the plan); its id.
 */
export function approvedDraft(w: Walker, purpose = 'release'): string {
  act(w, 'DRAFT', { content: `${purpose} 稿件`, purpose })
  const id = w.context().drafts.at(-1)!.id
  const next = () => w.owed().find((o) => o.kind === 'approval' && o.draftId === id)
  for (let o = next(); o !== undefined; o = next()) {
    act(w, o.discharge.type, { draftId: id })
    if (next()?.id === o.id) throw new Error(`${o.discharge.type} refused on ${id}`)
  }
  return id
}

/**
 * Versions 11 and 12's duties settled where owed: the group decides against liaising (四(四)
 * 视情况…沟通) and the unit head tells 分管领导 of the texts signed (三(二)3 及时向分管领导汇报);
 * version 12: the office judges no comment work needed (三(二)1、三(二)3 根据需要…网上评论) and
 * 法制科 gives its legal support (三(二)2); version 13: the office and the unit each judge no comment
 * work needed for its own part (三(二)1; 三(二)3).
 */
export function v11Settled(w: Walker) {
  const owes = (rule: string) => w.owed().some((o) => o.rule === rule)
  if (owes('decision:liaise'))
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '无需与有关部门沟通' })
  if (owes('report:leader-signed')) act(w, 'REPORT', reportFields(['leader']), { by: P.head })
  if (owes('decision:comments'))
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments', answer: 'no', reason: '无需网上评论引导' },
      { by: P.office },
    )
  // Version 13: the office's (三(二)1) and the units' (三(二)3) judgements apart.
  if (owes('decision:comments-office'))
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-office', answer: 'no', reason: '无需网上评论引导' },
      { by: P.office },
    )
  if (owes('decision:comments-unit'))
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-unit', answer: 'no', reason: '无需提出引导口径' },
      { by: P.head },
    )
  if (owes('step:legal')) act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: P.legal })
}

/** discovery → reporting → consultation → response.preparing. */
export function toPreparing(w: Walker) {
  act(w, 'KEEP_EVIDENCE')
  reportAll(w)
  act(w, 'ASSESS')
  act(w, 'DECIDE_MEASURES')
  expect(state(w)).toBe('{"response":"preparing"}')
}

/** Evidence kept, the monitor's first report (to 分管领导 and the office), assessed: the group decides next. */
export function toConsultation(w: Walker) {
  act(w, 'KEEP_EVIDENCE')
  act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
  act(w, 'ASSESS')
}

/** `toPreparing`, a text approved and released, subsided (nothing else settled); `w`. */
export function toSubsided(w: Walker): Walker {
  toPreparing(w)
  act(w, 'RELEASE', { draftId: approvedDraft(w) })
  act(w, 'SUBSIDE')
  return w
}

export const grade = (s: Severity) => ({
  severity: s,
  severityReason: s === 'critical' ? '特别重大敏感' : null,
})
/** An hour in minutes, for due times (`addMinutes(T0, 4 * H)`). */
export const H = 60

/** Nothing owed, nothing withdrawn by closing (every obligation ended met, late, waived or withdrawn before). */
export function settledAtClose(ctx: IncidentContext) {
  expect(ctx.closedAt).not.toBeNull()
  expect(ctx.obligations.filter((o) => o.status === 'owed')).toEqual([])
  expect(ctx.obligations.filter((o) => o.withdrawn?.at === ctx.closedAt)).toEqual([])
}
