/**
 * Shared by the saws-2014 tests: actors, the grades' facts, the walk from open to the response
 * (as the reviews of version 6 and the tests of versions 7 and 8 walk it, on any version), a
 * migration as the engine runs it, and, at the end, the current version's walks with every send
 * checked as the engine checks it (for the saws-2014.<concern>.test.ts files).
 */
import { expect } from 'vitest'
import type { IncidentContext, Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { plan } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Actor, Category, Facts, Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, migratedAfter, startIncident, type Walker } from '../helpers/machine.js'

export const MON: Actor = { name: '舆情处值班员', role: 'monitor' }
export const OFF: Actor = { name: '人事司干部', role: 'office' }
export const UNIT: Actor = { name: '业务司起草人', role: 'unit' }
export const HEAD: Actor = { name: '业务司负责人', role: 'unit' }
export const LEAD: Actor = { name: '分管领导', role: 'leader' }
export const PRIN: Actor = { name: '主要领导', role: 'principal' }
export const POST: Actor = { name: '政府网站处', role: 'spokesperson' }
export const LEGAL: Actor = { name: '法务', role: 'legal' }

/** 五(一)3 立即电话报告: the phone report to 人事司. */
export const PHONE = { to: ['office'], channel: 'phone' }

/** Facts that compute each grade by reposts alone (二(三)2–4). */
export const FACTS = {
  general: {},
  large: { reposts: 101 },
  major: { reposts: 301 },
  critical: { reposts: 501 },
} satisfies Record<string, Facts>
export type Grade = keyof typeof FACTS
export const GRADES: readonly Grade[] = ['general', 'large', 'major', 'critical']
export const HIGH = (g: Severity | null) => g === 'major' || g === 'critical'

/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
export function act(w: Walker, who: Actor, type: string, fields: Record<string, unknown> = {}) {
  const before = w.context().acts.length
  w.send(type, fields, { actor: who })
  return w.context().acts.length > before
}
export const statuses = (w: Walker, rule: string) =>
  w
    .context()
    .obligations.filter((o) => o.rule === rule)
    .map((o) => `${o.id}:${o.status}`)
export const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
export const open = (p: PlanDefinition, grade: Grade, category: Category | null = 'suggestion') =>
  startIncident(p, { category, facts: FACTS[grade] }, MON)
export const regrade = (w: Walker, severity: Grade, reason = '研判') =>
  expect(act(w, OFF, 'SET_SEVERITY', { severity, reason })).toBe(true)
/** The roles `p` lets send `type` (the engine enforces them; the walker does not). */
export const rolesOf = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)?.roles

/** 五(一)3: what 重大以上 owes before the response (phone report, activation, special report, both 批示, meeting). */
export function majorDuties(w: Walker) {
  const owes = (rule: string) => owedRules(w).includes(rule)
  if (owes(R.reportMajor)) expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' })).toBe(true)
  if (owes(R.activate)) expect(act(w, MON, 'ACTIVATE_PLAN')).toBe(true)
  if (owes(R.specialPrincipal) || owes(R.specialLeader))
    expect(act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '专报' })).toBe(true)
  if (owes(R.instructPrincipal))
    expect(act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥处' })).toBe(true)
  if (owes(R.instructLeader)) expect(act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '回应' })).toBe(true)
  if (owes(R.meeting)) expect(act(w, LEAD, 'HOLD_MEETING', { plan: '方案' })).toBe(true)
}

/**
 * Reported, convened, proposed (at 较大 approved; at 重大以上 五(一)3 done, the meeting held), still
 * in the consultation. `category` null (重大以上 only): no 定性 yet.
 */
export function consulted(p: PlanDefinition, grade: Grade, category: Category | null = 'suggestion') {
  const w = open(p, grade, category)
  const high = grade === 'major' || grade === 'critical'
  const channel = high ? 'phone' : grade === 'large' ? 'written' : 'bulletin'
  expect(act(w, MON, 'REPORT', { to: ['office'], channel })).toBe(true)
  if (high) expect(act(w, MON, 'ACTIVATE_PLAN')).toBe(true)
  expect(act(w, OFF, 'CONVENE')).toBe(true)
  if (high) majorDuties(w)
  else expect(act(w, UNIT, 'PROPOSE', { category, proposal: '跟帖答复' })).toBe(true)
  if (grade === 'large') expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
  return w
}

/** `consulted`, then into the response. */
export function toResponse(p: PlanDefinition, grade: Grade, category: Category = 'suggestion') {
  const w = consulted(p, grade, category)
  expect(act(w, OFF, 'START_RESPONSE')).toBe(true)
  return w
}

/**
 * The incident migrated from `from` to `to` five minutes after its latest step, as the engine
 * migrates (settled, re-judged, kept risen; the new version's rules quoted): its context.
 */
export const migrate = (from: PlanDefinition, to: PlanDefinition, w: Walker): IncidentContext =>
  migratedAfter(w, from, to, '新版预案').context

/** `migrate`, and the incident walked on afterwards on `to`, as `act` walks it: its context and `act`. */
export function migrated(from: PlanDefinition, to: PlanDefinition, w: Walker) {
  const { at, actor } = migratedAfter(w, from, to, '新版预案')
  const context = () => actor.getSnapshot().context as IncidentContext
  let last = at
  return {
    at,
    context,
    act(who: Actor, type: string, fields: Record<string, unknown> = {}) {
      last = addMinutes(last, 1)
      const before = context().acts.length
      actor.send({
        ...fields,
        type,
        at: last,
        actor: who,
        quotes: quoteRules(to.obligations, calendar, context(), last),
      } as never)
      return context().acts.length > before
    },
    statuses: (rule: string) =>
      context()
        .obligations.filter((o) => o.rule === rule)
        .map((o) => `${o.id}:${o.status}`),
  }
}

/** An incident `migrated` and walked on. */
export type Migrated = ReturnType<typeof migrated>

/** Each instance as `id:status`, in the record's order. */
export const ids = (os: readonly { id: string; status: string }[]) => os.map((o) => `${o.id}:${o.status}`)

/** `migrated`, checking that the migration only appended: every earlier instance where and as it was. */
export function migratedAppending(from: PlanDefinition, to: PlanDefinition, w: Walker) {
  const before = ids(w.context().obligations)
  const m = migrated(from, to, w)
  expect(ids(m.context().obligations.slice(0, before.length))).toEqual(before)
  return m
}

/** A draft of the answer, approved as its grade requires, answered (五(四)). */
export function respond(w: Walker) {
  expect(act(w, UNIT, 'DRAFT', { content: '答复稿', purpose: 'answer' })).toBe(true)
  const draftId = w.context().drafts.at(-1)?.id as string
  const grade = w.context().severity
  if (grade === 'general') expect(act(w, HEAD, 'APPROVE_ANSWER', { draftId })).toBe(true)
  if (grade === 'large') expect(act(w, LEAD, 'LEADER_APPROVE', { draftId })).toBe(true)
  expect(act(w, POST, 'RESPOND', { draftId, channel: 'followPost' })).toBe(true)
}

// The current version's walks, for saws-2014.<concern>.test.ts. Where a name above is taken
// (`act`, `open`, `majorDuties`, `toResponse`, `respond`) this one ends in `Current`, and those
// files import it under the short name (`actCurrent as act`).

export const spec = (type: string) => {
  const s = plan.events.find((e) => e.type === type)
  if (!s) throw new Error(`no event ${type}`)
  return s
}
export const valid = (type: string, fields: Record<string, unknown>) =>
  spec(type).schema.safeParse(fields).success

/** Sends `type` as `who`, checking what the engine checks first: the role and the payload. */
export function actCurrent(
  w: Walker,
  who: Actor,
  type: string,
  fields: Record<string, unknown> = {},
  at?: string,
) {
  if (!['DEADLINE_PASSED', 'REQUOTE'].includes(type)) {
    expect(spec(type).roles, `${who.role} may send ${type}`).toContain(who.role)
    expect(valid(type, fields), `${type} payload ${JSON.stringify(fields)}`).toBe(true)
  }
  w.send(type, fields, at ? { at, actor: who } : { actor: who })
}
export const can = (w: Walker, type: string, fields: Record<string, unknown> = {}, by?: Actor) =>
  w.can(type, fields, by)
export const obligations = (w: Walker, rule: string) => w.context().obligations.filter((o) => o.rule === rule)
export const one = (w: Walker, rule: string): Obligation => {
  const os = obligations(w, rule)
  expect(os, `one obligation of ${rule}`).toHaveLength(1)
  return os[0]!
}
export const latestDraft = (w: Walker) => w.context().drafts.at(-1)?.id ?? 'd1'

export const openCurrent = (grade: Grade, input: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(plan, { category: 'suggestion', facts: FACTS[grade], ...input }, MON)

export const channelOf = (g: Severity | null) =>
  g === 'general' ? 'bulletin' : HIGH(g) ? 'phone' : 'written'
export const report = (w: Walker, at?: string) =>
  actCurrent(w, MON, 'REPORT', { to: ['office'], channel: channelOf(w.context().severity) }, at)

/** 五(一)3 and 五(三)3 at 重大以上: everything owed before any public step. */
export function majorDutiesCurrent(w: Walker) {
  if (!obligations(w, R.reportMajor).some((o) => o.status !== 'owed')) report(w)
  if (w.owed().some((o) => o.rule === R.reportMajor)) report(w)
  actCurrent(w, MON, 'ACTIVATE_PLAN')
  actCurrent(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '舆情专报' })
  actCurrent(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
  actCurrent(w, LEAD, 'LEADER_INSTRUCT', { instruction: '抓紧回应' })
  actCurrent(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
  actCurrent(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '无需其他单位配合' })
}

/** Discovery through reporting and consultation into the response. */
export function toResponseCurrent(w: Walker) {
  const g = w.context().severity
  report(w)
  expect(w.phase()).toBe('reporting')
  if (HIGH(g)) actCurrent(w, MON, 'ACTIVATE_PLAN')
  actCurrent(w, OFF, 'CONVENE')
  expect(w.phase()).toBe('consultation')
  if (HIGH(g)) majorDutiesCurrent(w)
  else actCurrent(w, OFF, 'PROPOSE', { category: w.context().category ?? 'suggestion', proposal: '跟帖答复' })
  // Version 4: at 较大 the leader in charge approves the proposal first (五(一)2、五(三)2).
  if (g === 'large') actCurrent(w, LEAD, 'APPROVE_PROPOSAL')
  actCurrent(w, OFF, 'START_RESPONSE')
  expect(w.phase()).toBe('response')
  return w
}

/** A draft by the unit, approved as its grade requires (by someone else), for `purpose`. */
export function approvedDraft(w: Walker, purpose: 'answer' | 'result' | 'statement' = 'answer'): string {
  actCurrent(w, UNIT, 'DRAFT', { content: `${purpose} 稿`, purpose })
  const draftId = latestDraft(w)
  const g = w.context().severity
  if (g === 'general') actCurrent(w, HEAD, 'APPROVE_ANSWER', { draftId })
  if (g === 'large') actCurrent(w, LEAD, 'LEADER_APPROVE', { draftId })
  return draftId
}
export const respondCurrent = (w: Walker) =>
  actCurrent(w, POST, 'RESPOND', { draftId: approvedDraft(w), channel: 'followPost' })

/** The route of 五(四) for the incident's category, to `following`. */
export function route(w: Walker) {
  respondCurrent(w)
  const c = w.context().category
  if (c === 'criticism') actCurrent(w, UNIT, 'SOLVE_PROBLEM')
  if (c === 'tip_off') actCurrent(w, UNIT, 'INVESTIGATE')
  if (c === 'criticism' || c === 'tip_off')
    actCurrent(w, UNIT, 'PUBLISH_RESULT', { draftId: approvedDraft(w, 'result') })
  if (c === 'rumor') actCurrent(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })
  if (c === 'malicious') actCurrent(w, OFF, 'CONTROL_SOURCE')
  expect((w.value() as { phase: { response: unknown } }).phase.response).toBe('following')
}

/** Subsides, does the aftercare, the follow-ups and the summary: closed. */
export function finish(w: Walker) {
  if (w.context().severity === 'large') actCurrent(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
  actCurrent(w, MON, 'SUBSIDE')
  expect(w.phase()).toBe('disposal')
  aftercare(w)
  actCurrent(w, OFF, 'DISPOSAL_DONE')
  expect(w.phase()).toBe('review')
  actCurrent(w, MON, 'TRACK')
  actCurrent(w, OFF, 'GUIDE')
  actCurrent(w, UNIT, 'KEEP_TALKING')
  actCurrent(w, OFF, 'SUMMARISE', { summary: '总结评估' })
  expect(w.phase()).toBe('closed')
}
/** 五(五)'s aftercare as the grade and category owe it. */
export function aftercare(w: Walker) {
  const { severity, category } = w.context()
  if (severity === 'general') actCurrent(w, UNIT, 'CONTACT_POSTER')
  // From version 7 a rumor's statement is decided too (五(五)2 恶意诋毁), and so is the referral (四(四)).
  if (category === 'malicious' || category === 'rumor') {
    actCurrent(w, LEGAL, 'DECIDE', { decision: R.decideDefames, answer: 'yes', reason: '恶意诋毁' })
    actCurrent(w, LEGAL, 'LEGAL_STATEMENT', { draftId: approvedDraft(w, 'statement') })
    actCurrent(w, LEGAL, 'DECIDE', { decision: 'decide:refer', answer: 'yes', reason: '涉嫌违法' })
    actCurrent(w, OFF, 'REFER_TO_POLICE')
  }
  if ((category === 'malicious' || category === 'rumor') && HIGH(severity))
    actCurrent(w, OFF, 'LOCAL_CLEARANCE', { authority: '当地网信办' })
}
