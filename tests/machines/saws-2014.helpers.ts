/**
 * Shared by the saws-2014 tests of version 6's review and of versions 7 and 8: actors, the walk
 * from open to the response (as the reviews' walks), and a migration as the engine runs it.
 */
import { expect } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Actor, Category, Facts } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'

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

export const FACTS = {
  general: {},
  large: { reposts: 101 },
  major: { reposts: 301 },
  critical: { reposts: 501 },
} satisfies Record<string, Facts>
export type Grade = keyof typeof FACTS

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
export function migrate(from: PlanDefinition, to: PlanDefinition, w: Walker): IncidentContext {
  const at = addMinutes(w.context().acts.at(-1)?.at as string, 5)
  const r = migrateSnapshot(from, to, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
    at,
    actor: { name: '管理员', role: 'admin' },
    reason: '新版预案',
    quotes: quoteRules(to.obligations, calendar, w.context(), at),
    settle: true,
    rejudge: true,
    keepRisen: true,
  })
  if (!r.ok) throw new Error(r.reason)
  return r.context
}

/** `migrate`, and the incident walked on afterwards on `to`, as `act` walks it: its context and `act`. */
export function migrated(from: PlanDefinition, to: PlanDefinition, w: Walker) {
  const at = addMinutes(w.context().acts.at(-1)?.at as string, 5)
  const r = migrateSnapshot(from, to, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
    at,
    actor: { name: '管理员', role: 'admin' },
    reason: '新版预案',
    quotes: quoteRules(to.obligations, calendar, w.context(), at),
    settle: true,
    rejudge: true,
    keepRisen: true,
  })
  if (!r.ok) throw new Error(r.reason)
  const actor = createActor(to.machine, { clock: inertClock, snapshot: r.snapshot as never }).start()
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

/** A draft of the answer, approved as its grade requires, answered (五(四)). */
export function respond(w: Walker) {
  expect(act(w, UNIT, 'DRAFT', { content: '答复稿', purpose: 'answer' })).toBe(true)
  const draftId = w.context().drafts.at(-1)?.id as string
  const grade = w.context().severity
  if (grade === 'general') expect(act(w, HEAD, 'APPROVE_ANSWER', { draftId })).toBe(true)
  if (grade === 'large') expect(act(w, LEAD, 'LEADER_APPROVE', { draftId })).toBe(true)
  expect(act(w, POST, 'RESPOND', { draftId, channel: 'followPost' })).toBe(true)
}
