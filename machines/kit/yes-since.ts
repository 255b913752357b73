/**
 * `again.onYesSince` (ObligationRule.again): an instance a yes to a decision asked again begins
 * again is met at once by its step accepted since the event the option names (a relapse) —
 * OBLIGATIONS.md rule 6 for the content the decision was asked again about; a step before that
 * event was about the content then. The ledger asks it of what a yes begins
 * (kit/begin-applicable.ts), a migration of an owed instance a yes began (kit/rejudge.ts). Pure.
 */
import { discharged, doneBefore, keyedRule } from './begin.js'
import { decidedIn } from './conditions.js'
import type { Obligation, ObligationRule } from './obligation-types.js'
import type { IncidentContext } from './types.js'

/** `o`, owed, begun again by a yes under `rule`: met at its step since the option's event, if any. */
export function metSinceAsked(ctx: IncidentContext, rule: ObligationRule, o: Obligation): Obligation {
  const since = rule.again?.onYesSince
  if (since === undefined || o.status !== 'owed') return o
  const done = doneBefore(ctx, { ...keyedRule(rule, o), prior: since })
  // Met then, or late when that was already past its due time (as `begin` has it).
  return done ? discharged(o, done.at) : o
}

/** Whether a yes to a decision `rule`'s `when` waits for was given at the instant `o` began. */
export function begunByYes(obligations: readonly Obligation[], rule: ObligationRule, o: Obligation): boolean {
  const at = Date.parse(o.startedAt)
  const decisions = decidedIn(rule.when)
  return obligations.some(
    (x) =>
      decisions.includes(x.rule) &&
      x.decision?.answer === 'yes' &&
      Date.parse(x.decision.at) === at &&
      x.status !== 'withdrawn',
  )
}
