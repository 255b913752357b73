import type { AnyStateMachine } from 'xstate'
import type { z } from 'zod'
import type { Actor, Category, ClauseMeta, DeadlineName, Facts, Role, Severity } from '../vocabulary.js'

/** A price the engine quotes for a deadline rule: its due time, computed with the calendar. */
export interface Quote {
  dueAt: string
  certain: boolean
}
/**
 * Quotes ride on every event: `quotes[ruleId]` counts from the rule's own anchor,
 * `quotes[ruleId + '@event']` from the event's own time. The engine computes them;
 * the machine only picks one when a rule starts, so machines never touch a calendar.
 */
export type Quotes = Record<string, Quote>

/** What every event carries besides its own fields. The engine stamps `at` and `actor`. */
export interface IncidentEvent {
  type: string
  /** When the step happened (an offline step may be earlier than when it was recorded). */
  at: string
  actor: Actor
  quotes?: Quotes
  /** For a deadline firing: the deadline instance that came due. */
  instance?: string
  [field: string]: unknown
}

export interface IncidentInput {
  title: string
  discoveredAt: string
  knownAt: string
  occurredAt: string
  category: Category | null
  facts: Facts
  /** A grade a person gave at open; differs from the computed grade only with a reason. */
  severity: Severity | null
  severityReason: string | null
  actor: Actor
  quotes: Quotes
}

export type DeadlineStatus = 'pending' | 'met' | 'missed' | 'cancelled'

export interface DeadlineInstance {
  /** `${name}#${n}`: a deadline name may start again (a new report after a rise). */
  id: string
  name: DeadlineName
  ruleId: string
  clause: string | null
  policy: string | null
  rule: string
  startedAt: string
  dueAt: string
  certain: boolean
  status: DeadlineStatus
  metAt: string | null
  breachedAt: string | null
  escalatedAt: string | null
  cancelledReason: string | null
}

export interface Breach {
  deadline: DeadlineName
  instance: string
  dueAt: string
  at: string
}

export interface SeverityChange {
  from: Severity | null
  to: Severity
  reason: string | null
  automatic: boolean
  at: string
  by: Actor
}

export interface IncidentContext {
  title: string
  discoveredAt: string
  knownAt: string
  occurredAt: string
  category: Category | null
  facts: Facts
  severity: Severity | null
  /** Set when a person lowers the grade: facts must compute above `computed` to raise it again. */
  severityPin: { computed: Severity | null; at: string } | null
  severityLog: SeverityChange[]
  /** Approvals obtained for the release, by code (see the plan's approval table). */
  approvals: string[]
  /** Steps done, by name → first time done. */
  steps: Record<string, string>
  /** Recipients reached by reports so far. */
  reportedTo: string[]
  deadlines: DeadlineInstance[]
  breaches: Breach[]
  closedAt: string | null
}

/**
 * A deadline rule as data (PLANS.md "Deadlines are data"). The engine computes
 * `dueAt` once, when the rule starts to apply; a later calendar change never moves it.
 */
export interface DeadlineRule {
  id: string
  name: DeadlineName
  clause: string | null
  policy: string | null
  /** Human reading, e.g. "major: 4 h after discovery". */
  text: string
  anchor: 'discoveredAt' | 'knownAt' | 'occurredAt' | 'event'
  amount: number
  unit: 'minutes' | 'hours' | 'workingHours' | 'workingDays'
  /** Grades it applies to; absent = every grade, including unclassified. */
  severities?: readonly Severity[]
  /** Categories it applies to; absent = every category. */
  categories?: readonly Category[]
  /** 'open' = from the incident's start (or when grade/category first make it apply); else a step. */
  startsOn: 'open' | { step: string }
  /** The step that meets it. */
  metBy: string
  /** On a rise of grade: start again from the moment of the rise (a new report to the higher level). */
  restartOnRaise?: boolean
  /** Starting this rule cancels a pending instance of these (e.g. an extension). */
  supersedes?: readonly DeadlineName[]
}

export interface ApprovalRequirement {
  /** Code stored in context.approvals. */
  code: string
  label: string
  /** The event that grants it. */
  event: string
  clause: string
}

/** One event a plan accepts: who may send it, what it must carry, what clause it implements. */
export interface EventSpec {
  type: string
  label: string
  roles: readonly Role[]
  meta: ClauseMeta
  /** zod object of the event's fields other than `type`, `occurredAt` and `expectedVersion`. */
  schema: z.ZodObject
}

export interface Classification {
  severity: Severity | null
  rule: string
}

/** A numbered item of the plan's text, for the clause ↔ state/transition matrix. */
export interface PlanClause {
  ref: string
  text: string
}

/** What a section of a document is filled with, from the incident's own data. */
export type DocumentSection =
  | {
      heading: string
      kind:
        | 'incident'
        | 'facts'
        | 'timeline'
        | 'deadlines'
        | 'severityChanges'
        | 'approvals'
        | 'notes'
        | 'evidence'
        | 'verification'
    }
  /** The payloads of the journal entries of these event types, in order. */
  | { heading: string; kind: 'entries'; events: readonly string[] }

/** A document a plan requires (舆情专报, 简报, 备案, 总结评估 …), rendered from the incident. */
export interface DocumentSpec {
  name: string
  title: string
  clause: string
  /** Grades that require it; absent = every grade. */
  severities?: readonly Severity[]
  sections: readonly DocumentSection[]
}

export interface PlanDefinition {
  id: string
  version: number
  title: string
  issuer: string
  severities: ReadonlyArray<{ code: Severity; label: string }>
  /** Whether the plan's text gives criteria (else the grade is a person's step). */
  hasCriteria: boolean
  classify: (facts: Facts) => Classification
  deadlines: readonly DeadlineRule[]
  /** Approvals each grade requires before the release, in order. */
  approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>>
  events: readonly EventSpec[]
  clauses: readonly PlanClause[]
  machine: AnyStateMachine
  /** Documents the plan requires; see DocumentSpec. */
  documents?: readonly DocumentSpec[]
}
