/**
 * What an incident's context records of its obligations: each instance begun (owed, met,
 * late, waived or withdrawn, and by whom), the drafts and their approvals, the acts accepted
 * (rule 6 reads them) and what the ledger saw last. Plain data, as the ledger writes it.
 */
import type { Actor, Category, DeadlineName, Role, Severity } from '../vocabulary.js'
import type { Discharge, ObligationKind } from './rule-types.js'

export type ObligationStatus = 'owed' | 'met' | 'late' | 'waived' | 'withdrawn'

export interface Recorded {
  by: Actor
  reason: string
  at: string
}

export interface Obligation {
  id: string
  rule: string
  kind: ObligationKind
  label: string
  clause: string | null
  policy: string | null
  owedBy: Role[]
  recipient: { code: string; label: string } | null
  draftId: string | null
  deadline: DeadlineName | null
  startedAt: string
  dueAt: string | null
  /** The instant the due time counts from (an anchor of the incident, or when it began). */
  countsFrom: string | null
  certain: boolean
  status: ObligationStatus
  metAt: string | null
  breachedAt: string | null
  escalatedAt: string | null
  waived: Recorded | null
  withdrawn: Recorded | null
  /** A decision's answer, on the record (rule 3). */
  decision: { answer: 'yes' | 'no'; by: Actor; reason: string; at: string } | null
  /** A due time re-quoted once when the holiday data of its year arrived (rule 9). */
  requoted: { from: string; to: string; at: string } | null
  discharge: Discharge
}

export interface Draft {
  id: string
  purpose: string
  content: string
  createdAt: string
  by: Actor
  approvals: Array<{ code: string; by: Actor; at: string }>
  releasedAt: string | null
  withdrawn: Recorded | null
}

/** An accepted event, as far as obligations need it (rule 6: done before owed). */
export interface Act {
  type: string
  at: string
  severity: Severity | null
  fields: Record<string, unknown>
}

/** What the ledger saw last, to tell a rise, a lowering or a category change. */
export interface LedgerMark {
  severity: Severity | null
  category: Category | null
  /**
   * Rules with `again.raise: 'whenHolds'` owed again since a rise, until their condition
   * holds, and rules with `again.categoryChanged: 'untilAdmitted'` whose category changed
   * while they did not apply, until they apply (absent when none: every incident of a plan
   * without such a rule).
   */
  pending?: string[]
  /**
   * The facts the ledger saw last, kept only by a ledger with a rule whose `again.factsTurned`
   * watches them (absent otherwise: every incident of a plan without such a rule).
   */
  facts?: Record<string, unknown>
}
