/**
 * Option raiseTold 'sinceSettled' (options.ts): the step that meets an instance a rise begins —
 * the report of the worsening, made before a person raised the grade for it (rule 6).
 */
import { matchesDischarge } from './begin.js'
import type { Act, DueRule, ObligationRule } from './obligation-types.js'
import { begunBySpread } from './spread-reported.js'
import type { IncidentContext } from './types.js'

const MINUTE = 60_000

/** The rule's due span in milliseconds; working units have no fixed span (undefined). */
function dueSpan(due: DueRule | undefined): number | undefined {
  if (due?.unit === 'minutes') return due.amount * MINUTE
  if (due?.unit === 'hours') return due.amount * 60 * MINUTE
  return undefined
}

/**
 * The first step discharging `rule` taken within its own due span before the rise at `at`
 * (`at - due` ≤ step ≤ `at`) and after its latest instance (not withdrawn) was settled — or the
 * step that met that instance when one of the rule's own events (a relapse) began it: the report
 * of the relapse's worsening; with `findings` (option 'sinceFinding', for a rise), also when a watched
 * fact turning true began it (kit/spread-reported.ts): the report of the spread. None while the
 * latest is owed, nor for a rule due in working units.
 */
export function stepSinceSettled(
  ctx: IncidentContext,
  rule: ObligationRule,
  at: string,
  findings = false,
): Act | undefined {
  const latest = ctx.obligations.findLast((o) => o.rule === rule.id && o.status !== 'withdrawn')
  const settledAt = latest?.metAt ?? latest?.waived?.at
  const span = dueSpan(rule.due)
  if (latest === undefined || settledAt == null || span === undefined) return undefined
  const after = Date.parse(settledAt)
  const rise = Date.parse(at)
  const events = rule.again?.events ?? []
  const began = Date.parse(latest.startedAt)
  const byEvent =
    (latest.metAt !== null && ctx.acts.some((a) => Date.parse(a.at) === began && events.includes(a.type))) ||
    (findings && begunBySpread(ctx, rule, latest))
  return ctx.acts.find((a) => {
    const t = Date.parse(a.at)
    if (t < rise - span || t > rise) return false
    if (!(t > after || (byEvent && t === after))) return false
    return matchesDischarge(rule.discharge, a.type, a.fields)
  })
}
