/**
 * A WAIVE of an owed obligation by a role its rule does not let waive it (a rule's
 * `waivableBy`, OBLIGATIONS.md rule 2: who may waive): which obligation and who may, in
 * words (`reason`, the English `detail`) and as a structured field of the 409 (`waiver`,
 * which the console says in its reader's language). The 409 as API.md asks: the caller's
 * role is among WAIVE's roles; the plan does not take it from that role for this duty.
 */
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import type { WaiverRefused } from '../errors.js'

export function waiverNotEntitled(
  plan: PlanDefinition,
  ctx: IncidentContext,
  event: IncidentEvent,
): { reason: string; waiver: WaiverRefused } | null {
  if (event.type !== 'WAIVE' || typeof event.obligation !== 'string') return null
  const o = ctx.obligations.find((x) => x.id === event.obligation && x.status === 'owed')
  const only = o ? plan.obligations.find((r) => r.id === o.rule)?.waivableBy : undefined
  const role = event.actor.role
  if (!o || only === undefined || (only as readonly string[]).includes(role)) return null
  const waivableBy = [...only] as string[]
  return {
    reason: `${o.id} (“${o.label}”) may be waived only by ${waivableBy.join(', ')}, not by ${role}`,
    waiver: { id: o.id, label: o.label, why: 'notEntitled', waivableBy },
  }
}
