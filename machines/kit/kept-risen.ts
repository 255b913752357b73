/**
 * OBLIGATIONS.md rule 4 at a migration (README "Migrating open incidents"): a rise
 * withdraws only what has no due time, and the ledger withdraws nothing between changes of
 * grade or category, so an obligation stays owed after the rise although the grade it is
 * owed at has passed (a report begun at a lower grade, with its due time) or its condition
 * no longer holds (the rise asked again the question whose yes began it). A migration keeps
 * such an obligation owed when the new version's ledger, run over the same history, would
 * hold it owed: the new version would have begun it (the same rule id, at a grade the
 * incident had then, on the old version's condition or one that holds now), and no change
 * of grade or category since would have withdrawn it. Pure: the engine journals that it was
 * done (MIGRATED `keptRisen`); entries written before it replay without.
 */
import { isAbove } from '../vocabulary.js'
import { admits, holds } from './conditions.js'
import type { Obligation, ObligationRule } from './obligation-types.js'
import { gradeAt } from './rejudge.js'
import type { IncidentContext, PlanDefinition } from './types.js'

const ms = (iso: string) => Date.parse(iso)

/**
 * Whether `o` (owed, not breached), which `rule` (its rule in the new version) does not
 * apply to now, is one the new version's ledger would still hold owed; `from` is the
 * version the incident comes from (its rule's condition began and kept `o`).
 */
export function keptByRises(
  ctx: IncidentContext,
  o: Obligation,
  rule: ObligationRule,
  from: PlanDefinition | undefined,
): boolean {
  const was = from?.obligations.find((r) => r.id === rule.id)
  // The same rule as far as beginning and withdrawing go: the new version's ledger did to `o`
  // what the old one did, which kept it owed.
  if (was !== undefined && sameApplying(was, rule)) return true
  const began = ms(o.startedAt)
  const due = o.dueAt === null ? Number.POSITIVE_INFINITY : ms(o.dueAt)
  // The old version's condition held where it began and kept `o`: the new one would have too.
  const sameWhen = rule.when === undefined || same(rule.when, was?.when)
  if (rule.when !== undefined && !sameWhen && !holds(ctx, rule.when)) return false
  // A category set or changed since (the category it had then is not on the record).
  const recategorised = ctx.acts.filter((a) => a.type === 'SET_CATEGORY' && ms(a.at) >= began)
  if (rule.categories !== undefined && recategorised.length > 0) return false
  // It would have begun it at a grade the incident had then: after the last change at that
  // instant to a grade the rule admits, or before the first when the grade before admits it.
  const log = ctx.severityLog
  const first = log.findIndex((c) => ms(c.at) >= began)
  const last = log.findLastIndex((c) => ms(c.at) === began && admits(rule, c.to, ctx.category))
  const atStart = first === -1 ? log.length : first
  const since = last !== -1 ? last + 1 : admits(rule, gradeAt(ctx, began - 1), ctx.category) ? atStart : -1
  if (since === -1) return false
  // At each change since, the ledger keeps what applies (the grade admits it, the condition
  // is the old version's, which kept it), what has a due time at a rise (rule 4), and what
  // was already due (rule 5).
  const keeps = (at: number, grade: IncidentContext['severity'], rise: boolean) =>
    (sameWhen && admits(rule, grade, ctx.category)) || (rise && o.dueAt !== null) || due <= at
  return (
    log
      .slice(since)
      .every((c) => c.from === null || c.from === c.to || keeps(ms(c.at), c.to, isAbove(c.to, c.from))) &&
    recategorised.every((a) => keeps(ms(a.at), gradeAt(ctx, ms(a.at)), false))
  )
}

/** Rules are plan data: the same shape is the same rule. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** What decides whether the ledger begins an instance of a rule and withdraws it. */
const sameApplying = (a: ObligationRule, b: ObligationRule): boolean =>
  same(a.severities, b.severities) &&
  same(a.categories, b.categories) &&
  same(a.when, b.when) &&
  (a.due === undefined) === (b.due === undefined)
