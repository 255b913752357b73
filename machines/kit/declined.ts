/**
 * The latest answer to a decision governs: a no (or the decision waived) after an earlier
 * yes withdraws what the yes began (OBLIGATIONS.md rule 3, recorded with who and why); a
 * yes after what it orders was settled orders it anew, where the rule opts in
 * (`again.onYes`). Pure.
 */
import { applies, decidedIn } from './conditions.js'
import { mapChanged } from './lists.js'
import type { Obligation, ObligationRule, Recorded } from './obligation-types.js'
import type { LedgerOptions } from './options.js'
import type { IncidentContext, IncidentEvent } from './types.js'
import { notDueAt } from './withdraw.js'

/** The decision rules this event answered no (or waived); null when none. */
function declinedBy(
  before: readonly Obligation[],
  after: readonly Obligation[],
  event: IncidentEvent,
): Set<string> | null {
  let rules: Set<string> | null = null
  for (let i = 0; i < after.length; i++) {
    const o = after[i] as Obligation
    if (o.kind !== 'decision') continue
    const no = o.decision?.answer === 'no' && before[i]?.status === 'owed'
    const waived = event.type === 'WAIVE' && event.obligation === o.id && o.status === 'waived'
    if (!no && !waived) continue
    rules ??= new Set()
    rules.add(o.rule)
  }
  return rules
}

/**
 * A decision answered no (or waived) after an earlier yes (asked again after a relapse):
 * what the yes began and the no no longer calls for is withdrawn, with who and why, unless it
 * breached or its due time passed (rule 1, as for a lowering). Otherwise an ordered
 * review could stay owed where no step can discharge it. `before` is the list the event
 * found (same order: nothing begun yet); `rules` are the plan's rules by id (the first of each).
 */
export function withdrawDeclined(
  rules: ReadonlyMap<string, ObligationRule>,
  before: readonly Obligation[],
  next: IncidentContext,
  event: IncidentEvent,
  options?: LedgerOptions,
): Obligation[] {
  // Answered no by this event, or waived by it (a waived decision orders nothing either).
  const declined = declinedBy(before, next.obligations, event)
  if (declined === null) return next.obligations
  const why: Recorded = {
    by: event.actor,
    reason: typeof event.reason === 'string' && event.reason !== '' ? event.reason : '决定为否',
    at: event.at,
  }
  const at = Date.parse(event.at)
  return mapChanged(next.obligations, (o) => {
    if (o.status !== 'owed' || o.breachedAt !== null) return o
    if (!notDueAt(o, at, options)) return o
    const rule = rules.get(o.rule)
    if (!rule || !decidedIn(rule.when).some((d) => declined.has(d)) || applies(next, rule)) return o
    return { ...o, status: 'withdrawn' as const, withdrawn: why }
  })
}

/**
 * The decision rules this event answered yes (owed before it, answered yes by it); null
 * when none. `before` is the list the event found, `after` the same list once discharged
 * (same order: nothing begun or withdrawn yet).
 */
export function orderedBy(before: readonly Obligation[], after: readonly Obligation[]): Set<string> | null {
  let rules: Set<string> | null = null
  for (let i = 0; i < after.length; i++) {
    const o = after[i] as Obligation
    if (o.kind !== 'decision' || o.decision?.answer !== 'yes' || before[i]?.status !== 'owed') continue
    rules ??= new Set()
    rules.add(o.rule)
  }
  return rules
}

/**
 * `again.onYes`, read from the record (a migration, which answers nothing): the latest
 * instance of `rule` not withdrawn was settled (met, late or waived) before the latest yes
 * to a decision its `when` waits for — strictly before, as a waiver at the instant of the
 * yes counts as given after it — and began before that yes too: an instance the yes itself
 * began, met at once by work done before it (OBLIGATIONS.md rule 6), is that yes's.
 */
export function orderedSince(obligations: readonly Obligation[], rule: ObligationRule): boolean {
  if (rule.again?.onYes !== true) return false
  const last = obligations.findLast((o) => o.rule === rule.id && o.status !== 'withdrawn')
  if (last === undefined || last.status === 'owed') return false
  const settledAt = last.waived?.at ?? last.metAt
  if (settledAt === null) return false
  return decidedIn(rule.when).some((d) => {
    const yes = obligations.findLast((o) => o.rule === d && o.status !== 'withdrawn')?.decision
    return (
      yes?.answer === 'yes' &&
      Date.parse(yes.at) > Date.parse(settledAt) &&
      Date.parse(yes.at) > Date.parse(last.startedAt)
    )
  })
}
