/**
 * The reference ledger's discharge (see ./ledger.ts): whether an event discharges an owed
 * obligation, which instance an event naming none names (dischargeOne), and the obligation
 * discharged, with a decision's answer.
 */

import type { Obligation } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { actFields, discharged, matchesDischarge } from './begin.js'

/** Whether `event` discharges the owed obligation `o` (approvals: the draft now carries the approval). */
export function discharges(
  ctx: IncidentContext,
  o: Obligation,
  event: IncidentEvent,
  named?: Record<string, unknown>,
): boolean {
  if (o.status !== 'owed') return false
  if (o.kind === 'approval') {
    const code = o.rule.slice('approval:'.length)
    return ctx.drafts.some((d) => d.id === o.draftId && d.approvals.some((a) => a.code === code))
  }
  if (o.kind === 'decision')
    return event.type === o.discharge.type && event.decision === o.rule && typeof event.answer === 'string'
  return matchesDischarge(o.discharge, event.type, named ?? namedFields(ctx, event))
}

/**
 * dischargeOne: an event naming no obligation names the first owed instance (in the order
 * they began) whose discharge names itself and that the event would discharge if it named it.
 */
export function namedFields(ctx: IncidentContext, event: IncidentEvent): Record<string, unknown> {
  const fields = actFields(event)
  if (typeof event.obligation === 'string') return fields
  for (const o of ctx.obligations)
    if (
      o.status === 'owed' &&
      o.discharge.fields.obligation === o.id &&
      matchesDischarge(o.discharge, event.type, { ...fields, obligation: o.id })
    )
      return { ...fields, obligation: o.id }
  return fields
}

/** `o` discharged at `at`; a decision with the answer `event` gave. */
export function dischargeWith(o: Obligation, event: IncidentEvent, at: string): Obligation {
  const d = discharged(o, at)
  if (o.kind !== 'decision') return d
  const answer = event.answer === 'yes' ? 'yes' : 'no'
  const reason = typeof event.reason === 'string' ? event.reason : ''
  return { ...d, decision: { answer, by: event.actor, reason, at } }
}
