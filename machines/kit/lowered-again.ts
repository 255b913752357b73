/**
 * `again.lowered: 'settledBeforePrior'` (ObligationRule.again): at a lowering, whether the rule's
 * latest instance not withdrawn was settled (met, late or waived) at or before the event its
 * `prior: { after }` names — what settled it came before that event and no longer counts, so the
 * grade lowered to owes it again (saws-2014 version 12, 五(二) 发酵: a report made before a relapse).
 * The ledger then begins it judged by rule 6 as `prior` says (kit/begin-applicable.ts). Pure.
 */
import { afterAct } from './begin.js'
import type { ObligationRule } from './obligation-types.js'
import type { IncidentContext } from './types.js'

export function settledBeforePrior(ctx: IncidentContext, rule: ObligationRule): boolean {
  if (typeof rule.prior !== 'object') return false
  const act = afterAct(ctx, rule.prior)
  if (act === undefined) return false
  const latest = ctx.obligations.findLast((o) => o.rule === rule.id && o.status !== 'withdrawn')
  if (latest === undefined || latest.status === 'owed') return false
  const settledAt = latest.metAt ?? latest.waived?.at
  return settledAt !== undefined && settledAt !== null && Date.parse(settledAt) <= Date.parse(act.at)
}
