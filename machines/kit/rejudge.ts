/**
 * A migration's second look at what it keeps owed and what it begins (README "Migrating
 * open incidents"), so that a step the new version counts is not left for the duty team
 * to waive by hand:
 * - an owed obligation whose rule the new version keeps is judged as the new version
 *   would have judged it when it began: met at once by a step done before (rule 6, the
 *   same `doneBefore` that `begin` asks), read against the incident as it stood then (the
 *   acts up to its start, the grade then); an instance begun again (a 续报, a relapse)
 *   counts no earlier step, as when it began — but one a rise began under a rule with
 *   `again.told` counts its step taken at that grade before (`toldBefore`, as the ledger), and
 *   one a yes began under a rule with `again.onYesSince` its step since that event (yes-since.ts);
 * - a rule it begins that the new version begins on every rise, whose condition is the
 *   rise (`risen`), began under the new version at the latest rise: its own step taken
 *   after that rise meets it (neixiang-2017's mainstream release, 第六條).
 * Pure: the engine journals that it was done (MIGRATED `rejudged`).
 */
import { isAbove } from '../vocabulary.js'
import { discharged, doneBefore, keyedRule, matchesDischarge, toldBefore } from './begin.js'
import type { Obligation, ObligationRule } from './obligation-types.js'
import type { IncidentContext } from './types.js'
import { begunByYes, metSinceAsked } from './yes-since.js'

const ms = (iso: string) => Date.parse(iso)

/** `o` (owed, not breached; `rule`, its rule in the new version, still applies) as the new version judges it. */
export function judgedAgain(ctx: IncidentContext, o: Obligation, rule: ObligationRule): Obligation {
  const again = begunAgain(ctx.obligations, o)
  // Begun again by a yes under a rule with `again.onYesSince`: its step since that event counts.
  const byYes = again && rule.again?.onYesSince !== undefined && begunByYes(ctx.obligations, rule, o)
  if (again && !byYes && !(rule.again?.told === 'sameGrade' && begunByRise(ctx, o, rule))) return o
  const began = ms(o.startedAt)
  const then: IncidentContext = {
    ...ctx,
    acts: ctx.acts.filter((a) => ms(a.at) <= began),
    severity: gradeAt(ctx, began),
  }
  if (byYes) return metSinceAsked(then, rule, o)
  // Begun again by a rise under a rule with `again.told`: its step taken at that grade before counts.
  const own = keyedRule(rule, o)
  const done = again ? toldBefore(then, own) : doneBefore(then, own)
  // Met then, or late when the step was already past its due time (as `begin` has it).
  return done ? discharged(o, done.at) : o
}

/** `o`, just begun by the migration under `rule`: met by its step taken since the rise the new version would have begun it at. */
export function metSinceRise(ctx: IncidentContext, o: Obligation, rule: ObligationRule): Obligation {
  const rise = o.status === 'owed' && beganAtRise(rule) ? latestChange(ctx) : undefined
  if (rise === undefined) return o
  const done = ctx.acts.find(
    (a) => ms(a.at) > ms(rise.at) && matchesDischarge(rule.discharge, a.type, a.fields),
  )
  return done ? discharged(o, done.at) : o
}

/**
 * A rule the new version begins at every rise, and only then (its condition is the rise
 * alone, every category): when it applies now, the latest change of grade was that rise.
 */
const beganAtRise = (rule: ObligationRule): boolean =>
  rule.again?.raise === true &&
  rule.categories === undefined &&
  rule.when !== undefined &&
  'risen' in rule.when &&
  rule.when.risen === true

const latestChange = (ctx: IncidentContext) =>
  ctx.severityLog.findLast((c) => c.from !== null && c.from !== c.to)

/**
 * Whether a rise began `o` again (not one of the rule's `events`, not a yes): at a rise on
 * the record at that instant, or ('whenHolds') at the event its condition held at after one.
 */
function begunByRise(ctx: IncidentContext, o: Obligation, rule: ObligationRule): boolean {
  const again = rule.again
  const at = ms(o.startedAt)
  if (!again?.raise || again.onYes === true) return false
  if (ctx.acts.some((a) => ms(a.at) === at && again.events?.includes(a.type) === true)) return false
  return (
    again.raise === 'whenHolds' ||
    ctx.severityLog.some((c) => ms(c.at) === at && c.from !== null && isAbove(c.to, c.from))
  )
}

/** Whether an earlier instance of `o`'s rule (and draft) was live when `o` began: `o` was begun again. */
function begunAgain(all: readonly Obligation[], o: Obligation): boolean {
  const began = ms(o.startedAt)
  for (const x of all) {
    if (x.id === o.id) return false
    if (x.rule !== o.rule || x.draftId !== o.draftId) continue
    if (x.status !== 'withdrawn' || (x.withdrawn !== null && ms(x.withdrawn.at) > began)) return true
  }
  return false
}

/** The incident's grade at `t` (after the events of that instant): the latest change on the record by then. */
export function gradeAt(ctx: IncidentContext, t: number): IncidentContext['severity'] {
  if (ctx.severityLog.length === 0) return ctx.severity
  return ctx.severityLog.findLast((c) => ms(c.at) <= t)?.to ?? null
}
