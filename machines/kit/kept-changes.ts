/**
 * The ledger mark's kept changes of category (`again.categoryChanged: 'untilAdmitted'`): a
 * change made while a rule does not apply, kept until the rule applies again and begins it
 * then (kit/begin-applicable.ts reads and clears them). Pure.
 */
import { admits } from './conditions.js'
import type { RuleIndex } from './rule-index.js'
import type { IncidentContext } from './types.js'

/**
 * `again.categoryChanged: 'untilAdmitted'`: for each such rule the incident's grade or category
 * does not admit now (`beginApplicable` asked only the admitted ones) and with an instance not
 * withdrawn, the change is kept (ledger.pending) when the event changed a category that was
 * set, or withdrew the rule's owed instance (it stopped applying before the change it answered
 * was answered).
 */
export function keptChanges(
  index: RuleIndex,
  before: IncidentContext,
  next: IncidentContext,
  categoryChanged: boolean,
  waiting: readonly string[] | undefined,
): readonly string[] | undefined {
  let kept = waiting
  for (const { rule } of index.untilAdmitted) {
    if (kept?.includes(rule.id) === true || admits(rule, next.severity, next.category)) continue
    if (!next.obligations.some((o) => o.rule === rule.id && o.status !== 'withdrawn')) continue
    if (categoryChanged || withdrewOwed(before, next, rule.id)) kept = [...(kept ?? []), rule.id]
  }
  return kept
}

/** An instance of `rule` owed before the event is withdrawn after it. */
function withdrewOwed(before: IncidentContext, next: IncidentContext, rule: string): boolean {
  const owed = new Set(
    before.obligations.filter((o) => o.rule === rule && o.status === 'owed').map((o) => o.id),
  )
  return owed.size > 0 && next.obligations.some((o) => owed.has(o.id) && o.status === 'withdrawn')
}
