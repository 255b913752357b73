/**
 * The reference ledger's kept changes (see ./ledger.ts): again.categoryChanged 'untilAdmitted'
 * keeps a change for a rule the grade or category does not admit now, asked once it does.
 */

import { admits } from '../../../machines/kit/conditions.js'
import type { IncidentContext } from '../../../machines/kit/types.js'
import type { LedgerSpec } from './ledger.js'

/**
 * again.categoryChanged 'untilAdmitted': kept for each such rule the grade or category does not
 * admit now, with an instance not withdrawn, when the event changed a category that was set or
 * withdrew an instance of it that was owed.
 */
export function keptChanges(
  spec: LedgerSpec,
  before: IncidentContext,
  next: IncidentContext,
  categoryChanged: boolean,
  pending: readonly string[] | undefined,
): readonly string[] | undefined {
  let waiting = pending
  for (const rule of spec.rules) {
    if (rule.again?.categoryChanged !== 'untilAdmitted') continue
    if ((waiting ?? []).includes(rule.id) || admits(rule, next.severity, next.category)) continue
    const mine = (ctx: IncidentContext) => ctx.obligations.filter((o) => o.rule === rule.id)
    if (!mine(next).some((o) => o.status !== 'withdrawn')) continue
    const withdrew = mine(before).some(
      (o) => o.status === 'owed' && mine(next).find((x) => x.id === o.id)?.status === 'withdrawn',
    )
    if (categoryChanged || withdrew) waiting = [...(waiting ?? []), rule.id]
  }
  return waiting
}
