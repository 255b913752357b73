/**
 * What an accepted event discharges: whether it discharges an owed obligation (approvals:
 * the draft now carries the approval; decisions: any answer to the decision), whether it
 * would if accepted (the close guard), and the record of one discharged by it (a decision's
 * answer, who gave it and why). Pure.
 */
import { actFields, discharged, matchesDischarge } from './begin.js'
import type { Obligation } from './obligation-types.js'
import type { IncidentContext, IncidentEvent } from './types.js'

/** Whether `event` discharges the owed obligation `o` (approvals: the draft now carries the approval). */
export const discharges = (ctx: IncidentContext, o: Obligation, event: IncidentEvent): boolean =>
  dischargedBy(ctx, o, event, actFields(event))

/** `discharges`, with the event's act fields already taken. */
export function dischargedBy(
  ctx: IncidentContext,
  o: Obligation,
  event: IncidentEvent,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  if (o.status !== 'owed') return false
  if (o.kind === 'approval') {
    const code = o.rule.slice('approval:'.length)
    return ctx.drafts.some((d) => d.id === o.draftId && d.approvals.some((a) => a.code === code))
  }
  if (o.kind === 'decision')
    return event.type === o.discharge.type && event.decision === o.rule && typeof event.answer === 'string'
  return matchesDischarge(o.discharge, event.type, fields)
}

/**
 * Whether `event` would discharge `o` if accepted (for the close guard: the event's own
 * obligations); `fields`: the event's as the ledger matches them (`resolvedFields`).
 */
export function wouldDischarge(
  o: Obligation,
  event: IncidentEvent,
  fields: Readonly<Record<string, unknown>> = actFields(event),
): boolean {
  if (o.status !== 'owed') return false
  if (o.kind === 'decision') return event.type === o.discharge.type && event.decision === o.rule
  return matchesDischarge(o.discharge, event.type, fields)
}

/** `o` discharged by `event` at `at`; a decision keeps its answer, by whom and why (rule 3). */
export function dischargeWith(o: Obligation, event: IncidentEvent, at: string): Obligation {
  const d = discharged(o, at)
  if (o.kind !== 'decision') return d
  const answer = event.answer === 'yes' ? 'yes' : 'no'
  const reason = typeof event.reason === 'string' ? event.reason : ''
  return { ...d, decision: { answer, by: event.actor, reason, at } }
}
