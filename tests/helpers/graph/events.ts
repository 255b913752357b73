/**
 * Time and the events an incident is opened and driven with: the latest instant a context
 * records, the system events the engine's scheduler sends (DEADLINE_PASSED at an owed
 * obligation's due time, REQUOTE of an uncertain one), stamping a payload as the engine
 * does, and the input an incident is opened with at each grade.
 */
import type {
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  Obligation,
  PlanDefinition,
} from '../../../machines/kit/types.js'
import type { Severity } from '../../../machines/vocabulary.js'
import { quoteRules } from '../../../src/engine/quotes.js'
import { calendar, T0 } from '../machine.js'

/** The latest instant the context records: the moment of the last event the incident saw. */
export function nowOf(c: IncidentContext): string {
  let max = Date.parse(c.discoveredAt)
  const see = (iso: string | null | undefined) => {
    if (iso) max = Math.max(max, Date.parse(iso))
  }
  see(c.closedAt)
  for (const s of c.severityLog) see(s.at)
  for (const at of Object.values(c.steps)) see(at)
  for (const a of c.acts) see(a.at)
  for (const o of c.obligations) {
    see(o.startedAt)
    see(o.metAt)
    see(o.breachedAt)
    see(o.escalatedAt)
    see(o.waived?.at)
    see(o.withdrawn?.at)
    see(o.decision?.at)
    see(o.requoted?.at)
  }
  for (const d of c.drafts) {
    see(d.createdAt)
    see(d.releasedAt)
    see(d.withdrawn?.at)
    for (const x of d.approvals) see(x.at)
  }
  return new Date(max).toISOString()
}

export const SYSTEM_ACTOR = { name: 'system', role: 'system' } as const
/** Events only the engine's scheduler sends (never in allowedEvents). */
export const SYSTEM_EVENT_TYPES: ReadonlySet<string> = new Set(['DEADLINE_PASSED', 'REQUOTE'])

/** Owed obligations whose due timer is armed: a due time, not yet breached. */
export const armed = (c: IncidentContext): Obligation[] =>
  c.obligations.filter((o) => o.status === 'owed' && o.dueAt !== null && o.breachedAt === null)

/** The event the engine's scheduler sends when an owed obligation comes due (never before `notBefore`). */
export function deadlineEvent(o: Obligation, notBefore: string): IncidentEvent {
  const at = o.dueAt !== null && Date.parse(o.dueAt) > Date.parse(notBefore) ? o.dueAt : notBefore
  return { type: 'DEADLINE_PASSED', at, actor: SYSTEM_ACTOR, obligation: o.id }
}

/** Owed obligations with an uncertain due time not yet re-quoted (rule 9's one exception). */
export const requotable = (c: IncidentContext): Obligation[] =>
  c.obligations.filter((o) => o.status === 'owed' && o.dueAt !== null && !o.certain && o.requoted === null)

/** The re-quote the engine sends once the holiday data of the year arrived: one day later, certain. */
export function requoteEvent(o: Obligation, at: string): IncidentEvent {
  const dueAt = new Date(Date.parse(o.dueAt!) + 24 * 3_600_000).toISOString()
  return { type: 'REQUOTE', at, actor: SYSTEM_ACTOR, obligation: o.id, dueAt, certain: true }
}

/** Whether a plan has a due rule counted in working time (only those can be uncertain, hence re-quoted). */
export const hasWorkingTimeRule = (plan: PlanDefinition): boolean =>
  plan.obligations.some((r) => r.due?.unit === 'workingHours' || r.due?.unit === 'workingDays')

/** Stamps a payload as the engine does: `at`, `actor` and the calendar's quotes at that time. */
export function stamp(
  plan: PlanDefinition,
  c: IncidentContext,
  type: string,
  payload: Record<string, unknown>,
  at: string,
  role: string,
  name = `测试${role}`,
): IncidentEvent {
  return {
    ...payload,
    type,
    at,
    actor: { name, role: role as never },
    quotes: quoteRules(plan.obligations, calendar, c, at),
  }
}

/** The grades an incident can be opened with: every grade of the plan, and unclassified where a person grades. */
export const startGrades = (plan: PlanDefinition): (Severity | null)[] => [
  ...(plan.hasCriteria ? [] : [null]),
  ...plan.severities.map((s) => s.code),
]

/** The input the engine would open an incident with, at `at` (T0), of a given grade. */
export function incidentInput(plan: PlanDefinition, grade: Severity | null, at = T0): IncidentInput {
  const base = {
    title: '测试舆情',
    discoveredAt: at,
    knownAt: at,
    occurredAt: at,
    category: null,
    facts: {},
    severity: grade,
    severityReason: grade === null ? null : '开案时人工定级（测试）',
    actor: { name: '值班员', role: 'office' as const },
  }
  return { ...base, quotes: quoteRules(plan.obligations, calendar, base, at) }
}
