/**
 * The reference ledger's withdrawals on a change (see ./ledger.ts): on a lowering or a category
 * change what no longer applies and is not yet due; on a rise only what has no due time at all
 * (a due time never moves, rule 4); with lowerAtDue, orderedDuties and categoryChange.
 */

import { admits, holds } from '../../../machines/kit/conditions.js'
import type { Condition, ObligationRule, Recorded } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { applies, decidedIn } from './conditions.js'
import { approvalRule, approvalsFor } from './drafts.js'
import type { Change, LedgerSpec } from './ledger.js'

const ms = (iso: string) => Date.parse(iso)

/** What `change` (and a category change) withdraws from `ctx`, the context after the event's discharges. */
export function withdrawChanged(
  spec: LedgerSpec,
  ctx: IncidentContext,
  event: IncidentEvent,
  change: Change,
  categoryChanged: boolean,
): IncidentContext {
  const at = event.at
  let next = ctx
  const why: Recorded = {
    by: event.actor,
    reason:
      typeof event.reason === 'string'
        ? event.reason
        : change === 'lower'
          ? '级别降低'
          : change === 'raise'
            ? '级别升高，本级不再要求'
            : '涉事原因变更',
    at,
  }
  const rulesById = new Map(allRules(spec, next).map((r) => [r.id, r]))
  next = {
    ...next,
    obligations: next.obligations.map((o) => {
      const rule = rulesById.get(o.rule) ?? spec.rules.find((r) => r.id === o.rule)
      if (o.status !== 'owed' || o.breachedAt !== null || !rule || o.kind === 'approval') return o
      if (rule === spec.escalation) return o
      // again.afterBreach: lowered, one beside an earlier owed and breached instance is not required.
      const beside =
        change === 'lower' &&
        rule.again?.afterBreach === true &&
        next.obligations.some(
          (p) =>
            p.rule === o.rule &&
            p !== o &&
            p.status === 'owed' &&
            p.breachedAt !== null &&
            p.startedAt <= o.startedAt,
        )
      if (applies(next, rule) && !beside) return o
      const opts = spec.options ?? {}
      // lowerAtDue: at the due instant the due time has not passed.
      const notDue =
        o.dueAt === null || (opts.lowerAtDue === 'withdraws' ? ms(o.dueAt) >= ms(at) : ms(o.dueAt) > ms(at))
      // orderedDuties: what a yes ordered is required while its decision is (the yes standing).
      const decisions = opts.orderedDuties === 'withDecision' ? decidedIn(rule.when) : []
      const ordered = decisions.length > 0
      const required = ordered && requiredOrdered(spec, next, rule, [])
      let may: boolean
      if (change === 'raise' && !categoryChanged) may = !ordered && o.dueAt === null
      else if (change === 'raise') {
        // categoryChange: only what the categories (the rule's, its decisions') no longer admit.
        const gone =
          opts.categoryChange === 'categoriesOnly'
            ? !categoryAdmits(rule, next) ||
              (ordered &&
                decisions.some((d) => {
                  const r = spec.rules.find((x) => x.id === d)
                  return r !== undefined && !categoryAdmits(r, next)
                }))
            : !required
        may = (!ordered && o.dueAt === null) || (notDue && gone)
      } else if (change === 'none') {
        const gone =
          opts.categoryChange === 'categoriesOnly'
            ? !categoryAdmits(rule, next) ||
              (ordered &&
                decisions.some((d) => {
                  const r = spec.rules.find((x) => x.id === d)
                  return r !== undefined && !categoryAdmits(r, next)
                }))
            : !required
        may = notDue && gone
      } else may = notDue && !required
      return may ? { ...o, status: 'withdrawn' as const, withdrawn: why } : o
    }),
  }
  return next
}

const categoryAdmits = (r: ObligationRule, ctx: IncidentContext): boolean =>
  r.categories === undefined || (ctx.category !== null && r.categories.includes(ctx.category))

/** orderedDuties: `rule` admits the grade and category, its condition holds with its decisions taken as yes, and they are required too. */
function requiredOrdered(
  spec: LedgerSpec,
  ctx: IncidentContext,
  rule: ObligationRule,
  seen: string[],
): boolean {
  if (!admits(rule, ctx.severity, ctx.category)) return false
  const asYes = (c: Condition): boolean =>
    'decided' in c ? true : 'all' in c ? c.all.every(asYes) : holds(ctx, c)
  if (rule.when !== undefined && !asYes(rule.when)) return false
  return decidedIn(rule.when).every((d) => {
    const r = spec.rules.find((x) => x.id === d)
    return r === undefined || seen.includes(d) || requiredOrdered(spec, ctx, r, [...seen, rule.id])
  })
}

const allRules = (spec: LedgerSpec, ctx: IncidentContext): ObligationRule[] => [
  ...spec.rules,
  ...approvalsFor(spec.approvals, ctx).map(approvalRule),
]
