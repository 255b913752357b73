import type { AnyStateMachine } from 'xstate'
import type { z } from 'zod'
import type { Actor, Category, ClauseMeta, Facts, Role, Severity } from '../vocabulary.js'
import type { MigrationSpec } from './migration-types.js'
import type {
  Act,
  ApprovalRequirement,
  Draft,
  LedgerMark,
  Obligation,
  ObligationRule,
} from './obligation-types.js'

export type * from './migration-types.js'
export type * from './obligation-types.js'

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
  /**
   * Where the post was found, as the opening gave it (API.md: `source: { url, platform }`); absent
   * or null when none was given. The engine keeps it in the OPENED entry; a plan version may read it
   * (hrss-city from version 12: the source of 三第一步 recorded at the opening).
   */
  source?: OpeningSource | null
}

/** The opening's `source` (API.md "Open an incident"). */
export interface OpeningSource {
  url?: string
  platform?: string
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
  /** Steps done, by name → first time done. */
  steps: Record<string, string>
  /** Recipients reached by reports so far (any grade). */
  reportedTo: string[]
  /** What the incident owes and owed (OBLIGATIONS.md), in order of begin. */
  obligations: Obligation[]
  /** Public text drafted, with the approvals bound to each (rule 8). */
  drafts: Draft[]
  /** Accepted events, as far as obligations match on them (rule 6). */
  acts: Act[]
  /** What the ledger saw last (to tell a rise, a lowering, a category change). */
  ledger: LedgerMark
  closedAt: string | null
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
        | 'obligations'
        | 'drafts'
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
  /** Every obligation rule of the plan (the escalation a breach owes included). */
  obligations: readonly ObligationRule[]
  /** Approvals each grade requires of a draft before its release, in order. */
  approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>>
  /** Roles that may waive an owed obligation (WAIVE), with the clause or policy that entitles them. */
  waivers: { roles: readonly Role[]; clause: string | null; policy: string | null }
  events: readonly EventSpec[]
  clauses: readonly PlanClause[]
  machine: AnyStateMachine
  /** Documents the plan requires; see DocumentSpec. */
  documents?: readonly DocumentSpec[]
  /**
   * How an open incident of the version before this one moves to it (README "Migrating
   * open incidents"): a state mapping and, where the context changed, a pure function.
   * Absent: incidents of older versions stay on them until they close.
   */
  migratesFrom?: MigrationSpec
}
