/**
 * An incident's view (API.md): its shape (IncidentView), the facts it takes from the
 * incident's row, its assembly from a machine snapshot or a stored one, and whether it is
 * overdue now. The obligation parts of the view are made in view-parts.ts.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { IncidentRow } from '../store/schema.js'
import { acceptedEvents, contextOf, phaseOfValue } from './actor.js'
import {
  type BreachView,
  type DeadlineView,
  type DraftView,
  type ObligationView,
  obligationParts,
} from './view-parts.js'
import { withWaits } from './waits-for.js'

/** The incident view of API.md, plus what a duty officer needs beside it. */
export interface IncidentView {
  id: string
  organisation: string
  planId: string
  planVersion: number
  version: number
  title: string
  source: { url?: string; platform?: string } | null
  relatedTo: string | null
  owner: string | null
  phase: string
  state: unknown
  severity: string | null
  category: string | null
  facts: Record<string, unknown>
  discoveredAt: string
  knownAt: string
  occurredAt: string
  /**
   * Everything the incident owes and owed, in order of begin (OBLIGATIONS.md), as shown now
   * (`firstStep`, `waitsFor`).
   */
  obligations: ObligationView[]
  drafts: DraftView[]
  /** Owed now; breached ever; the earliest owed due time. */
  owed: number
  breached: number
  nextDueAt: string | null
  /** Views of the obligations that have a due time (API.md keeps these). */
  deadlines: DeadlineView[]
  breaches: BreachView[]
  /** Approvals the newest unreleased draft carries, and lacks at the current grade. */
  approvals: string[]
  missingApprovals: string[]
  allowedEvents: string[]
  overdue: boolean
  notes?: Array<{
    seq: number
    text: string
    corrects: number | null
    by: { name: string; role: string }
    at: string
  }>
  evidence?: Array<{
    seq: number
    sha256: string
    size: number
    mediaType: string
    filename: string
    note?: string
    by: { name: string; role: string }
    at: string
  }>
  warnings?: Array<{ deadline: string; instance: string; share: number; dueAt: string; at: string }>
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

export interface RowFacts {
  id: string
  organisation: string
  version: number
  source: IncidentView['source']
  relatedTo: string | null
  owner: string | null
  createdAt: string
  updatedAt: string
}

/** A view's facts from the incident row, at `version` and changed last at `updatedAt`. */
export const rowFactsOf = (
  row: Pick<IncidentRow, 'id' | 'organisation' | 'related_to' | 'owner' | 'created_at'>,
  source: IncidentView['source'],
  version: number,
  updatedAt: string,
): RowFacts => ({
  id: row.id,
  organisation: row.organisation,
  version,
  source,
  relatedTo: row.related_to,
  owner: row.owner,
  createdAt: row.created_at,
  updatedAt,
})

/**
 * An incident's view from its machine's snapshot. `keep`: what the event left unchanged
 * is kept for the next view (an incident that was live before this change is likely to
 * change again while live; one restored for a single change, a deadline firing, say, is
 * not, and keeping its items' views would only cost).
 */
export function buildView(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  row: RowFacts,
  keep = false,
): IncidentView {
  return assembleView(plan, s.value, contextOf(s), acceptedEvents(s), row, keep)
}

/**
 * The view from a state value, a context and the events accepted there: all a view
 * holds besides the row's own facts. `buildView` reads them off a live snapshot;
 * stored-view.ts off a stored one, without restoring an actor.
 */
export function assembleView(
  plan: PlanDefinition,
  value: unknown,
  ctx: IncidentContext,
  allowedEvents: string[],
  row: RowFacts,
  /** Keep the items' views for the next view of this incident (only a live incident has one). */
  keep = false,
): IncidentView {
  const parts = obligationParts(plan, ctx, keep)
  return {
    id: row.id,
    organisation: row.organisation,
    planId: plan.id,
    planVersion: plan.version,
    version: row.version,
    title: ctx.title,
    source: row.source,
    relatedTo: row.relatedTo,
    owner: row.owner,
    phase: phaseOfValue(value),
    state: value,
    severity: ctx.severity,
    category: ctx.category,
    facts: ctx.facts,
    discoveredAt: ctx.discoveredAt,
    knownAt: ctx.knownAt,
    occurredAt: ctx.occurredAt,
    ...parts,
    // What an owed duty's step waits for: worked out here, for whoever reads the view.
    obligations: withWaits(plan, value, ctx, parts.obligations, allowedEvents),
    allowedEvents,
    overdue: false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: ctx.closedAt,
  }
}

/**
 * Overdue (API.md): not closed, and a deadline `missed` (an obligation breached: still
 * owed, met late or waived after it, a breach is permanent), or one `pending` past its
 * due time (a timer not yet fired).
 */
export const isOverdue = (v: Pick<IncidentView, 'closedAt' | 'obligations'>, now: Date): boolean =>
  v.closedAt === null &&
  v.obligations.some(
    (o) =>
      o.breachedAt !== null ||
      (o.status === 'owed' && o.dueAt !== null && Date.parse(o.dueAt) < now.getTime()),
  )
