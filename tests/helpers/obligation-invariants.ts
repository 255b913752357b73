/**
 * OBLIGATIONS.md's invariants, checked on one step of an incident (the context before
 * and after one event): what the registry-wide random walks assert after every step.
 */
import { isDeepStrictEqual } from 'node:util'
import { missingApprovalsOf } from '../../machines/kit/drafts.js'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import { severityRank } from '../../machines/vocabulary.js'
import { phaseOf } from './graph.js'

export interface Side {
  value: unknown
  context: IncidentContext
}

const FINAL = new Set(['met', 'late', 'waived', 'withdrawn'])

/** What one step broke, in words (empty when it kept every invariant). */
export function violations(
  plan: PlanDefinition,
  before: Side,
  after: Side,
  event: IncidentEvent,
  accepted: boolean,
): string[] {
  const out: string[] = []
  const c = before.context
  const a = after.context
  // A refused event changes nothing.
  if (!accepted) {
    if (!isDeepStrictEqual(after.value, before.value) || !isDeepStrictEqual(a, c))
      out.push(`${event.type} was refused but changed the incident`)
    return out
  }
  // Rule 2: never closed while an obligation is owed.
  if (phaseOf(after.value) === 'closed') {
    const owed = a.obligations.filter((o) => o.status === 'owed').map((o) => o.id)
    if (owed.length > 0) out.push(`closed with ${owed.join(', ')} owed`)
  }
  // Each obligation is consistent on its own.
  for (const o of a.obligations) {
    if (o.breachedAt !== null && !['owed', 'late', 'waived'].includes(o.status))
      out.push(`${o.id} breached at ${o.breachedAt} but ${o.status} (rule 1)`)
    if (o.status === 'met' && (o.metAt === null || (o.dueAt !== null && o.metAt > o.dueAt)))
      out.push(`${o.id} met at ${o.metAt}, due ${o.dueAt}: that is late`)
    if (o.status === 'late' && (o.metAt === null || o.breachedAt === null))
      out.push(`${o.id} late without metAt and breachedAt`)
    if ((o.status === 'waived') !== (o.waived !== null))
      out.push(`${o.id} ${o.status} with waived ${!!o.waived}`)
    if ((o.status === 'withdrawn') !== (o.withdrawn !== null))
      out.push(`${o.id} ${o.status} with withdrawn ${!!o.withdrawn}`)
    if (o.kind === 'decision' && (o.status === 'met' || o.status === 'late') && o.decision === null)
      out.push(`${o.id} decided without an answer on the record (rule 3)`)
  }
  // Obligations are never removed or reordered; breaches, met ones, final statuses and due times never move.
  for (const [i, b] of c.obligations.entries()) {
    const o = a.obligations[i]
    if (!o || o.id !== b.id) {
      out.push(`obligation ${b.id} removed or moved`)
      continue
    }
    if (o.rule !== b.rule || o.startedAt !== b.startedAt) out.push(`${b.id} changed its rule or start`)
    if (b.breachedAt !== null && o.breachedAt !== b.breachedAt)
      out.push(`${b.id} breach ${b.breachedAt} became ${o.breachedAt} (rule 1)`)
    if (b.status === 'met' && (o.status !== 'met' || o.metAt !== b.metAt))
      out.push(`${b.id} was met at ${b.metAt}, now ${o.status} at ${o.metAt}`)
    if (FINAL.has(b.status) && o.status !== b.status) out.push(`${b.id} went from ${b.status} to ${o.status}`)
    if (o.dueAt !== b.dueAt) {
      const requote =
        event.type === 'REQUOTE' &&
        b.requoted === null &&
        o.requoted?.from === b.dueAt &&
        o.requoted.to === o.dueAt
      if (!requote) out.push(`${b.id} due ${b.dueAt} moved to ${o.dueAt} by ${event.type} (rules 4, 9)`)
    }
  }
  // Rule 8: a draft is released only with every approval the grade requires (judged before the event).
  for (const d of a.drafts) {
    const was = c.drafts.find((x) => x.id === d.id)
    if (d.releasedAt !== null && was && was.releasedAt === null) {
      const missing = missingApprovalsOf(plan.approvals, c, was).map((r) => r.code)
      if (missing.length > 0) out.push(`${d.id} released at ${c.severity} lacking ${missing.join(', ')}`)
    }
    if (was && d.approvals.length < was.approvals.length) out.push(`${d.id} lost an approval`)
  }
  // A grade never drops without a person and a reason on the record.
  for (const ch of a.severityLog.slice(c.severityLog.length))
    if (
      ch.from !== null &&
      severityRank(ch.to) < severityRank(ch.from) &&
      (ch.automatic || !ch.reason?.trim())
    )
      out.push(`grade lowered ${ch.from} → ${ch.to} without a person's reason`)
  return out
}
