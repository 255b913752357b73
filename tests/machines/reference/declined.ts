/**
 * The ledger as it was before issue 20 (commit c19e621), kept verbatim as the reference
 * the equivalence property compares the kit's ledger with (machines/kit/declined.ts).
 */

import type { Recorded } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { applies, decidedIn } from './conditions.js'
import type { LedgerSpec } from './ledger.js'

const ms = (iso: string) => Date.parse(iso)

/**
 * A decision answered no (or waived) after an earlier yes (asked again after a relapse):
 * what the yes began and the no no longer calls for is withdrawn, with who and why, unless it
 * breached or its due time passed (rule 1, as for a lowering). Otherwise an ordered
 * review could stay owed where no step can discharge it.
 */
export function withdrawDeclined(
  spec: LedgerSpec,
  before: IncidentContext,
  next: IncidentContext,
  event: IncidentEvent,
): IncidentContext {
  // Answered no by this event, or waived by it (a waived decision orders nothing either).
  const declined = next.obligations.filter(
    (o, i) =>
      o.kind === 'decision' &&
      ((o.decision?.answer === 'no' && before.obligations[i]?.status === 'owed') ||
        (event.type === 'WAIVE' && event.obligation === o.id && o.status === 'waived')),
  )
  if (declined.length === 0) return next
  const rules = new Set(declined.map((o) => o.rule))
  const why: Recorded = {
    by: event.actor,
    reason: typeof event.reason === 'string' && event.reason !== '' ? event.reason : '决定为否',
    at: event.at,
  }
  return {
    ...next,
    obligations: next.obligations.map((o) => {
      if (o.status !== 'owed' || o.breachedAt !== null) return o
      // lowerAtDue: at the due instant the due time has not passed (withdrawn).
      const passed =
        spec.options?.lowerAtDue === 'withdraws'
          ? ms(event.at) > ms(o.dueAt ?? '')
          : ms(event.at) >= ms(o.dueAt ?? '')
      if (o.dueAt !== null && passed) return o
      const rule = spec.rules.find((r) => r.id === o.rule)
      if (!rule || !decidedIn(rule.when).some((d) => rules.has(d)) || applies(next, rule)) return o
      return { ...o, status: 'withdrawn' as const, withdrawn: why }
    }),
  }
}
