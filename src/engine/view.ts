import type { AnyMachineSnapshot } from 'xstate'
import { missingApprovalsOf, supersededBy } from '../../machines/kit/drafts.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type {
  Draft,
  IncidentContext,
  Obligation,
  ObligationRule,
  PlanDefinition,
} from '../../machines/kit/types.js'
import type { IncidentRow } from '../store/schema.js'
import { acceptedEvents, contextOf, phaseOfValue } from './actor.js'
import { perPlan } from './per-plan.js'

/** A draft as the view shows it: what it still lacks at the current grade, in order. */
export interface DraftView extends Draft {
  missingApprovals: Array<{ code: string; label: string }>
}

export interface DeadlineView {
  id: string
  name: string
  dueAt: string
  clause: string | null
  policy: string | null
  rule: string
  status: 'pending' | 'met' | 'missed' | 'cancelled'
  /** The obligation's own status (owed, met, late, waived, withdrawn). */
  obligation: Obligation['status']
  certain: boolean
  metAt: string | null
  startedAt: string
  escalatedAt: string | null
}

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
  /** Everything the incident owes and owed, in order of begin (OBLIGATIONS.md). */
  obligations: Obligation[]
  drafts: DraftView[]
  /** Owed now; breached ever; the earliest owed due time. */
  owed: number
  breached: number
  nextDueAt: string | null
  /** Views of the obligations that have a due time (API.md keeps these). */
  deadlines: DeadlineView[]
  breaches: Array<{ deadline: string; obligation: string; dueAt: string; at: string }>
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
    ...obligationParts(plan, ctx, keep),
    allowedEvents,
    overdue: false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: ctx.closedAt,
  }
}

const deadlineStatus = (o: Obligation): DeadlineView['status'] =>
  o.status === 'owed'
    ? o.breachedAt !== null
      ? 'missed'
      : 'pending'
    : o.status === 'met'
      ? 'met'
      : o.status === 'late' || o.breachedAt !== null
        ? 'missed'
        : 'cancelled'

/** Each rule of a plan version by id (the first rule of an id, as `find` finds it). */
const rulesOf = new WeakMap<PlanDefinition, Map<string, ObligationRule>>()
function ruleOf(plan: PlanDefinition, id: string): ObligationRule | undefined {
  let rules = rulesOf.get(plan)
  if (!rules) {
    rules = new Map()
    for (const r of plan.obligations) if (!rules.has(r.id)) rules.set(r.id, r)
    rulesOf.set(plan, rules)
  }
  return rules.get(id)
}

/**
 * A release owed names the draft to send: the newest of its purpose that carries every
 * approval (unpublished first; a published one only where the rule is not `freshDraft`;
 * not a superseded one where the plan refuses those).
 * With none, its discharge is the first step to take: DRAFT of that purpose (when no draft
 * of it waits for approvals, which are owed on their own).
 */
function dischargeNow(plan: PlanDefinition, ctx: IncidentContext, o: Obligation): Obligation['discharge'] {
  if (o.status !== 'owed' || 'draftId' in o.discharge.fields) return o.discharge
  const rule = ruleOf(plan, o.rule)
  const purpose = rule?.draftPurpose
  if (purpose === undefined) return o.discharge
  // A superseded draft is never named where the plan refuses it (kit/options.ts).
  const keepSuperseded = kitOptionsOf(plan.machine).supersededDrafts !== 'refused'
  const drafts = ctx.drafts.filter(
    (d) =>
      d.withdrawn === null && d.purpose === purpose && (keepSuperseded || supersededBy(ctx, d) === undefined),
  )
  const approved = drafts.filter((d) => missingApprovalsOf(plan.approvals, ctx, d).length === 0)
  // A published draft is named only where the plan may publish it again (rule freshDraft: never).
  const ready =
    approved.findLast((d) => d.releasedAt === null) ?? (rule?.freshDraft ? undefined : approved.at(-1))
  if (ready) return { ...o.discharge, fields: { ...o.discharge.fields, draftId: ready.id } }
  if (drafts.some((d) => d.releasedAt === null)) return o.discharge
  return { type: 'DRAFT', fields: { purpose } }
}

/**
 * What a view shows of one obligation: the obligation itself, unless its discharge as
 * shown is not the one it holds (an owed release whose draft is not named: dischargeNow
 * reads the drafts). A context's obligations are never changed in place (an event that
 * changes one makes a new one), and nothing changes a view's either: the view shares
 * them, as the views of one incident shared the copies kept of them before.
 */
function obligationView(plan: PlanDefinition, ctx: IncidentContext, o: Obligation): Obligation {
  const discharge = dischargeNow(plan, ctx, o)
  return discharge === o.discharge ? o : { ...o, discharge }
}

/**
 * Each obligation's deadline view, by obligation (kept only for a live incident: see
 * obligationParts). Most of a view is the view before it: one event changes one or two
 * of an incident's tens of obligations.
 */
const deadlineViews = new WeakMap<Obligation, DeadlineView>()

function deadlineView(o: Obligation & { dueAt: string }, keep: boolean): DeadlineView {
  let v = keep ? deadlineViews.get(o) : undefined
  if (!v) {
    v = {
      id: o.id,
      name: o.deadline ?? o.rule,
      dueAt: o.dueAt,
      clause: o.clause,
      policy: o.policy,
      rule: o.label,
      status: deadlineStatus(o),
      obligation: o.status,
      certain: o.certain,
      metAt: o.metAt,
      startedAt: o.startedAt,
      escalatedAt: o.escalatedAt,
    }
    if (keep) deadlineViews.set(o, v)
  }
  return v
}

/** A draft's view, by plan version and draft, for the grade and category it was shown at. */
const draftViewsOf = perPlan<Draft, { severity: string | null; category: string | null; view: DraftView }>()

function draftView(plan: PlanDefinition, ctx: IncidentContext, d: Draft, keep: boolean): DraftView {
  const views = keep ? draftViewsOf(plan) : undefined
  const kept = views?.get(d)
  // What it lacks follows the grade and the category (drafts.ts approvalsFor).
  if (kept && kept.severity === ctx.severity && kept.category === ctx.category) return kept.view
  const view = {
    ...d,
    missingApprovals: missingApprovalsOf(plan.approvals, ctx, d).map((a) => ({
      code: a.code,
      label: a.label,
    })),
  }
  views?.set(d, { severity: ctx.severity, category: ctx.category, view })
  return view
}

/**
 * The obligations in order of `startedAt` (OBLIGATIONS.md: the view lists them so), ties
 * in the order they began. The ledger appends each as it begins, which is that order
 * but for one begun by a deadline that fired late: its breach's escalation starts at the
 * due time, after obligations begun by later events. The context keeps its own order.
 */
function byStart(list: readonly Obligation[]): readonly Obligation[] {
  let last = Number.NEGATIVE_INFINITY
  for (const o of list) {
    const t = Date.parse(o.startedAt)
    if (t < last)
      return list
        .map((x, i) => ({ x, i, t: Date.parse(x.startedAt) }))
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .map((e) => e.x)
    last = t
  }
  return list
}

/**
 * The obligation parts of the view: obligations, drafts, counts and the deadline views.
 * `keep`: the items' views are kept for the next view of the same incident, and those
 * kept before are used (a live incident's view, buildView); without it all are built
 * afresh and nothing is kept (a view read from a row: its items are discarded after).
 */
export function obligationParts(plan: PlanDefinition, ctx: IncidentContext, keep = false) {
  const obligations: Obligation[] = []
  const deadlines: DeadlineView[] = []
  const breaches: IncidentView['breaches'] = []
  let owed = 0
  let breached = 0
  let nextDueAt: string | null = null
  for (const o of byStart(ctx.obligations)) {
    obligations.push(obligationView(plan, ctx, o))
    if (o.status === 'owed') {
      owed++
      if (o.dueAt !== null && (nextDueAt === null || o.dueAt < nextDueAt)) nextDueAt = o.dueAt
    }
    if (o.breachedAt !== null) breached++
    if (o.dueAt !== null) {
      const due = o as Obligation & { dueAt: string }
      deadlines.push(deadlineView(due, keep))
      if (o.breachedAt !== null)
        breaches.push({ deadline: o.deadline ?? o.rule, obligation: o.id, dueAt: o.dueAt, at: o.breachedAt })
    }
  }
  const newest = ctx.drafts.findLast((d) => d.withdrawn === null && d.releasedAt === null)
  return {
    obligations,
    drafts: ctx.drafts.map((d) => draftView(plan, ctx, d, keep)),
    owed,
    breached,
    nextDueAt,
    deadlines,
    breaches,
    approvals: newest ? newest.approvals.map((a) => a.code) : [],
    missingApprovals: newest ? missingApprovalsOf(plan.approvals, ctx, newest).map((a) => a.code) : [],
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
