/**
 * OBLIGATIONS.md rule 4 at a migration (README "Migrating open incidents"): a rise
 * withdraws only what has no due time, so an obligation begun at a lower grade with its
 * due time stays owed after the rise although the grade it is owed at has passed. A
 * migration keeps such an obligation owed when the new version's ledger, run over the same
 * history, would hold it owed: the new version would have begun it (the same rule id, at
 * the grade it began at, on the same condition or one that holds now), and no change of
 * grade or category since would have withdrawn it. Pure: the engine journals that it was
 * done (MIGRATED `keptRisen`); entries written before it replay without.
 */
import { isAbove } from '../vocabulary.js'
import { admits, holds } from './conditions.js'
import type { Condition, Obligation, ObligationRule } from './obligation-types.js'
import { gradeAt } from './rejudge.js'
import type { IncidentContext, PlanDefinition } from './types.js'

const ms = (iso: string) => Date.parse(iso)

/**
 * Whether `o` (owed, not breached), which `rule` (its rule in the new version) does not
 * apply to now, is one the new version's ledger would still hold owed; `from` is the
 * version the incident comes from (its rule's condition began `o`).
 */
export function keptByRises(
  ctx: IncidentContext,
  o: Obligation,
  rule: ObligationRule,
  from: PlanDefinition | undefined,
): boolean {
  if (o.dueAt === null) return false
  const was = from?.obligations.find((r) => r.id === rule.id)
  const began = ms(o.startedAt)
  const due = ms(o.dueAt)
  // The new version would have begun it: at the grade it began at, on its condition.
  if (!admits(rule, gradeAt(ctx, began), ctx.category)) return false
  if (rule.when !== undefined && !sameCondition(rule.when, was?.when) && !holds(ctx, rule.when)) return false
  // A category change withdraws what no longer applies and is not yet due: its condition then is not on the record.
  if (ctx.acts.some((a) => a.type === 'SET_CATEGORY' && ms(a.at) >= began)) return false
  // Each change of grade since it began: a rise withdraws only what has no due time (rule 4);
  // a lowering only what the lowered grade does not require and is not yet due (rule 5).
  return ctx.severityLog.every(
    (c) =>
      ms(c.at) < began ||
      c.from === null ||
      c.from === c.to ||
      isAbove(c.to, c.from) ||
      due <= ms(c.at) ||
      (rule.when === undefined && admits(rule, c.to, ctx.category)),
  )
}

/** Conditions are plan data: the same shape is the same condition. */
const sameCondition = (a: Condition, b: Condition | undefined): boolean =>
  b !== undefined && JSON.stringify(a) === JSON.stringify(b)
