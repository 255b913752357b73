/**
 * Payload fields that name something of the incident (a draft, an owed obligation, a
 * decision), bound to the incident when an event is offered; where an obligation sits;
 * the roles worth sending an event as; the approvals a draft needs.
 */
import { approvalsFor } from '../../../machines/kit/drafts.js'
import { fieldsMatch } from '../../../machines/kit/ledger.js'
import type {
  Draft,
  EventSpec,
  IncidentContext,
  Obligation,
  PlanDefinition,
} from '../../../machines/kit/types.js'
import type { Role } from '../../../machines/vocabulary.js'

/** Payload fields that name something of the incident: bound when the event is offered. */
export const BOUND_FIELDS = ['draftId', 'obligation', 'decision'] as const

/** Drafts that may still be approved, released or withdrawn: one per purpose and approvals given (the latest). */
export function openDrafts(c: IncidentContext): Draft[] {
  const out = new Map<string, Draft>()
  for (const d of c.drafts) if (d.releasedAt === null && d.withdrawn === null) out.set(draftSignature(d), d)
  return [...out.values()]
}
/** What tells one open draft from another in a state key: its purpose and the approvals it carries. */
export const draftSignature = (d: Draft) => `${d.purpose}:${d.approvals.map((a) => a.code).join('+')}`

/**
 * The events a menu item stands for in context `c`: its bound fields filled with each
 * open draft, each owed obligation (WAIVE), each owed decision (DECIDE); `tag` names
 * the binding so that a variant is the same event in every state.
 */
export function bindings(
  spec: EventSpec,
  payload: Record<string, unknown>,
  c: IncidentContext,
): { payload: Record<string, unknown>; tag: string; owedBy?: readonly Role[] }[] {
  const shape = spec.schema.shape as Record<string, unknown>
  let out: { payload: Record<string, unknown>; tag: string; owedBy?: readonly Role[] }[] = [
    { payload, tag: '' },
  ]
  if ('draftId' in shape)
    out = out.flatMap((b) =>
      openDrafts(c).map((d) => ({
        ...b,
        payload: { ...b.payload, draftId: d.id },
        tag: `${b.tag}@${draftSignature(d)}`,
      })),
    )
  if ('obligation' in shape)
    out = out.flatMap((b) =>
      c.obligations
        .filter((o) => o.status === 'owed')
        .map((o) => ({ ...b, payload: { ...b.payload, obligation: o.id }, tag: `${b.tag}@${slot(c, o)}` })),
    )
  if ('decision' in shape)
    out = out.flatMap((b) =>
      c.obligations
        .filter((o) => o.kind === 'decision' && o.status === 'owed')
        .map((o) => ({
          ...b,
          payload: { ...b.payload, decision: o.rule },
          tag: `${b.tag}@${o.rule}`,
          owedBy: o.owedBy,
        })),
    )
  // Keep one event per tag (two owed instances of a rule are waived alike).
  return [...new Map(out.map((b) => [b.tag, b])).values()]
}

/**
 * The roles worth sending an event as: the first role the plan lets send it, and each
 * role that owes an obligation or an approval the event (with this payload) discharges,
 * so that guards reading the actor's role (who may report to whom, who signs off) are
 * exercised with the roles that matter.
 */
export function senderRoles(plan: PlanDefinition, spec: EventSpec, payload: Record<string, unknown>): Role[] {
  const rules = [
    ...plan.obligations.filter(
      (r) => r.discharge.type === spec.type && fieldsMatch(r.discharge.fields, payload),
    ),
  ]
  const approvers = Object.values(plan.approvals).flatMap((reqs) =>
    (reqs ?? []).filter((a) => a.event === spec.type),
  )
  const owing = [...rules.map((r) => r.owedBy), ...approvers.map((a) => a.owedBy)].flatMap(
    (owedBy) => owedBy.find((role) => spec.roles.includes(role)) ?? [],
  )
  return [...new Set([spec.roles[0]!, ...owing])]
}

/** The approvals the current grade requires of a draft, by code (for the release invariant). */
export const requiredApprovals = (plan: PlanDefinition, c: IncidentContext, d: Draft): string[] =>
  approvalsFor(plan.approvals, c, d.purpose).map((a) => a.code)

// ---------------------------------------------------------------- instrumentation
/** Where an obligation sits in the summary: its rule, and for a draft's, the draft's purpose. */
export function slot(c: IncidentContext, o: Obligation): string {
  if (o.draftId === null) return o.rule
  const d = c.drafts.find((x) => x.id === o.draftId)
  return `${o.rule}:${d?.purpose ?? '?'}`
}
