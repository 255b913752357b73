/**
 * The obligation parts of an incident's view (obligationParts): each obligation as shown
 * (an owed release naming the draft to send), the deadline views of those with a due time,
 * the breaches, the drafts with the approvals they lack, the counts and the next due time.
 * A live incident keeps the deadline and draft views from one event to the next, so its
 * next view builds new ones only for the items the event changed.
 */
import { missingApprovalsOf, supersededBy } from '../../machines/kit/drafts.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type {
  Draft,
  IncidentContext,
  Obligation,
  ObligationRule,
  PlanDefinition,
} from '../../machines/kit/types.js'
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

/** A breach as the view lists it: the deadline, the obligation, when it was due and when breached. */
export interface BreachView {
  deadline: string
  obligation: string
  dueAt: string
  at: string
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
 * The step to take before an owed release (or answer) can be discharged, where its event
 * needs a draft that is not ready (OBLIGATIONS.md "One obligation", `firstStep`): DRAFT of
 * its purpose when there is none to approve, else the first approval the waiting draft
 * lacks; with the roles that may take it (the DRAFT event's roles in the plan, the
 * approval's owers). Its `discharge` still names the event that discharges it. A duty whose
 * event waits for the incident's grade has the plan's grading event (CLASSIFY in the plans
 * that open unclassified) as its first step, added where the view is assembled (waits-for.ts).
 */
export interface FirstStep {
  type: string
  fields: Record<string, unknown>
  roles: string[]
}

/**
 * An obligation as a view shows it: its discharge as it stands now, the step before it, and
 * the other owed obligations its discharge waits for (waits-for.ts; absent when none).
 */
export type ObligationView = Obligation & { firstStep?: FirstStep; waitsFor?: string[] }

/** Who may send DRAFT in a plan version (the plan's event roles), by version. */
const draftRolesOf = new WeakMap<PlanDefinition, string[]>()
function draftRoles(plan: PlanDefinition): string[] {
  let roles = draftRolesOf.get(plan)
  if (!roles) {
    roles = [...(plan.events.find((e) => e.type === 'DRAFT')?.roles ?? [])]
    draftRolesOf.set(plan, roles)
  }
  return roles
}

/**
 * A release owed names the draft to send: the newest of its purpose that carries every
 * approval (unpublished first; a published one only where the rule is not `freshDraft`;
 * not a superseded one where the plan refuses those).
 * With none, its discharge stays the rule's (the client adds `draftId`), and `firstStep`
 * says what comes first: the first approval a waiting draft lacks, or DRAFT of that purpose.
 */
function dischargeNow(
  plan: PlanDefinition,
  ctx: IncidentContext,
  o: Obligation,
): { discharge: Obligation['discharge']; firstStep?: FirstStep } {
  const as = { discharge: o.discharge }
  if (o.status !== 'owed' || 'draftId' in o.discharge.fields) return as
  const rule = ruleOf(plan, o.rule)
  const purpose = rule?.draftPurpose
  if (purpose === undefined) return as
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
  if (ready) return { discharge: { ...o.discharge, fields: { ...o.discharge.fields, draftId: ready.id } } }
  // A draft waiting for approvals (owed on their own): the first it lacks, by whom.
  const waiting = drafts.findLast((d) => d.releasedAt === null)
  if (waiting) {
    const next = missingApprovalsOf(plan.approvals, ctx, waiting)[0]
    if (!next) return as
    const fields = { draftId: waiting.id, ...(next.fieldsFor?.[purpose] ?? {}) }
    return { ...as, firstStep: { type: next.event, fields, roles: [...next.owedBy] } }
  }
  return { ...as, firstStep: { type: 'DRAFT', fields: { purpose }, roles: draftRoles(plan) } }
}

/**
 * What a view shows of one obligation: the obligation itself, unless its discharge as
 * shown is not the one it holds (an owed release whose draft is ready: dischargeNow
 * reads the drafts) or a first step comes before it. A context's obligations are never
 * changed in place (an event that changes one makes a new one), and nothing changes a
 * view's either: the view shares them, as the views of one incident shared the copies
 * kept of them before. The 409 of a close refused (`owed`) shows them so too.
 */
export function obligationView(plan: PlanDefinition, ctx: IncidentContext, o: Obligation): ObligationView {
  const { discharge, firstStep } = dischargeNow(plan, ctx, o)
  if (discharge === o.discharge && firstStep === undefined) return o
  return firstStep === undefined ? { ...o, discharge } : { ...o, discharge, firstStep }
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
  const obligations: ObligationView[] = []
  const deadlines: DeadlineView[] = []
  const breaches: BreachView[] = []
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
