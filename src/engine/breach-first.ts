/**
 * Which breaches an event would put on record itself. An obligation whose due time passed
 * while its timer has not fired yet (the scheduler not there yet, the service down, a
 * timer held for a late entry: late-entry.ts) is owed with no breach on record; an event
 * that settles it then (a discharge after the due time, a waiver) would record the breach
 * only inside its own entry (a discharge: `late`), or not at all (a waiver). The engine
 * journals each such breach first, as the scheduler would have (OBLIGATIONS.md rule 1), so
 * that every breach has its DEADLINE_PASSED entry.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import { contextOf, nextSnapshot } from './actor.js'

/**
 * The owed obligations, due by `event.at` and not breached, that `event` (accepted in `s`)
 * would settle or mark breached, in order of due time. `nextDueAt`: the incident's
 * earliest owed due time (its `next_due_at` column), so that an event with nothing past
 * due, nearly every one, costs one comparison.
 */
export function breachesSettledBy(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  event: IncidentEvent,
  nextDueAt: string | null,
): string[] {
  // Both in the one ISO form the store uses: text order is time order.
  if (nextDueAt === null || nextDueAt > event.at) return []
  const at = Date.parse(event.at)
  const due = contextOf(s).obligations.filter(
    (o) => o.status === 'owed' && o.breachedAt === null && o.dueAt !== null && Date.parse(o.dueAt) <= at,
  )
  if (due.length === 0) return []
  const after = new Map(contextOf(nextSnapshot(plan.machine, s, event)).obligations.map((o) => [o.id, o]))
  return due
    .filter((o) => {
      const x = after.get(o.id)
      return x?.status !== 'owed' || x.breachedAt !== null
    })
    .sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''))
    .map((o) => o.id)
}
