/**
 * The ledger's beginning of what applies (OBLIGATIONS.md rules 2, 4, 6, 7): after an event,
 * each rule the grade and category admit begins an instance when it has none live, or when
 * the event gives it a reason to begin again (a rise, a first grading, one of its events, a
 * changed category, a watched fact turned, a yes, a breach, a lowering after its prior) —
 * judged by rule 6 as it begins, or waiting for its condition (the ledger mark's `pending`);
 * begun by a rise, it may keep a due time its own ower's lowering withdrew (revive-withdrawn.ts);
 * begun by a yes, it may be met by its step since a relapse (yes-since.ts). Pure.
 */
import type { Change } from './approval-sync.js'
import { actFields, begin, discharged, keyedRule, keysOf, toldBefore } from './begin.js'
import { dischargedBy, dischargeWith } from './discharge.js'
import { settledBeforePrior } from './lowered-again.js'
import { NOT_ACTS } from './not-acts.js'
import type { Obligation } from './obligation-types.js'
import type { LedgerOptions } from './options.js'
import { stepSinceSettled } from './raise-told.js'
import { revived } from './revive-withdrawn.js'
import type { RuleIndex } from './rule-index.js'
import type { IncidentContext, IncidentEvent } from './types.js'
import { metSinceAsked } from './yes-since.js'

/** What the event changed that may begin a rule again. */
export interface Moved {
  change: Change
  repeatOfLast: boolean
  recategorised: boolean
  /** A category that was set was changed (`again.categoryChanged`). */
  categoryChanged: boolean
  /** The decisions the event answered yes (null: none). */
  ordered: ReadonlySet<string> | null
  /** The watched facts the event turned true (`again.factsTurned`). */
  turned: ReadonlySet<string>
}

/**
 * Begins what applies now and has no live instance (or has a reason to begin again).
 * Only the rules the grade and category admit are asked: another rule can neither begin
 * nor begin again (it does not apply).
 */
export function beginApplicable(
  index: RuleIndex,
  next: IncidentContext,
  event: IncidentEvent,
  { change, repeatOfLast, recategorised, categoryChanged, ordered, turned }: Moved,
  pending: readonly string[] | undefined,
  options: LedgerOptions | undefined,
): readonly string[] | undefined {
  const eventsWait = options?.againOnEvents === 'whenHolds'
  const sinceSettled = options?.raiseTold === 'sinceSettled' || options?.raiseTold === 'sinceFinding'
  const findings = options?.raiseTold === 'sinceFinding'
  // Rules with an instance not withdrawn, by slot: marked in one pass, not filtered per rule.
  const live = new Uint8Array(index.slots)
  for (const o of next.obligations) {
    if (o.status === 'withdrawn') continue
    const slot = index.slot.get(o.rule)
    if (slot !== undefined) live[slot] = 1
  }
  let waiting = pending
  for (const entry of index.admitted(next.severity, next.category)) {
    const { rule, slot, raise, raiseWhen, events, whileOwed, afterBreach, lowered, when } = entry
    const has = live[slot] === 1
    // Option againOnEvents 'whenHolds': asked again by one of its events, it waits for its condition.
    const waitsOnEvents = eventsWait && !raiseWhen && events.length > 0
    // 'whenHolds': owed again since a rise (ledger.pending) until an event of the incident's
    // own at which its condition holds (a firing carries no quotes and settles nothing).
    const owedAgain =
      (raiseWhen || waitsOnEvents) && has && waiting?.includes(rule.id) === true && !NOT_ACTS.has(event.type)
    // A rise or one of its events: asked again (whileOwed false: only once the latest is settled).
    const risen = has && !repeatOfLast && raise && change === 'raise'
    // `again.firstGrading`: a first grading to one of its grades begins it again as a rise does.
    const graded =
      has &&
      !repeatOfLast &&
      change === 'first' &&
      next.severity !== null &&
      entry.firstGrading.includes(next.severity)
    // 'untilAdmitted': a change of category kept since the rule did not apply (ledger.pending).
    const remembered =
      entry.untilAdmitted && has && waiting?.includes(rule.id) === true && !NOT_ACTS.has(event.type)
    const evented =
      has &&
      !repeatOfLast &&
      (events.includes(event.type) || (entry.categoryChanged && (categoryChanged || remembered)))
    // `again.factsTurned`: the event turned a watched fact true (the incident spreading), once the
    // latest instance is settled — one still owed answers the spread too (whatever `whileOwed` says).
    const spread =
      has &&
      !repeatOfLast &&
      !evented &&
      entry.factsTurned.some((f) => turned.has(f)) &&
      !latestOwed(next.obligations, rule.id)
    const yes = has && ordered !== null && orderedAgain(next.obligations, entry.onYes, ordered, rule.id)
    const late = has && entry.breached.length > 0 && breachedSince(next.obligations, entry.breached, rule.id)
    const others =
      owedAgain ||
      yes ||
      late ||
      spread ||
      ((risen || graded || evented) && (whileOwed || !latestOwed(next.obligations, rule.id, afterBreach)))
    // `again.lowered`: lowered, its latest instance settled before its `prior.after` event; begun
    // for that alone, rule 6 judges it as `prior` says (a step since that event meets it).
    const relowered = has && !repeatOfLast && lowered && change === 'lower' && settledBeforePrior(next, rule)
    const again = others || relowered
    const judged = relowered && !others
    // A rule with a live instance and no reason to begin again is settled before its
    // conditions are asked (they only decide whether it applies).
    if (has && !again) {
      // A kept change the latest instance, still owed, answers is not kept any longer.
      if (remembered && evented) waiting = without(waiting as readonly string[], rule.id)
      continue
    }
    if (when !== null && !when(next)) {
      // Risen, but its condition does not hold yet: it waits for it (marked once, by rule).
      const waits = (raiseWhen && has && change === 'raise') || (waitsOnEvents && evented)
      if (waits && waiting?.includes(rule.id) !== true) waiting = [...(waiting ?? []), rule.id]
      continue
    }
    live[slot] = 1
    if (waiting?.includes(rule.id)) waiting = without(waiting, rule.id)
    // One instance, or (`keyedBy`) one per value the event names.
    for (const key of keysOf(rule, event)) {
      let o = begin(next, rule, event.at, event.quotes, {
        fromEvent: change === 'raise' || again,
        repeat: again && !judged,
        recategorised,
        ...(key === undefined ? {} : { key }),
      })
      // `again.revivesWithdrawn`: begun by a rise, it keeps the due time its own ower's lowering withdrew.
      if (entry.revives && change === 'raise') o = revived(next, rule, o, event.at)
      // `again.told`: what a rise (not an event, not a yes) began is met by its step taken at this grade before.
      const told =
        entry.told && again && (owedAgain || risen || graded) && !evented && !yes
          ? toldBefore(next, keyedRule(rule, o))
          : undefined
      if (told !== undefined) o = discharged(o, told.at)
      // Option raiseTold 'sinceSettled': what a rise began is met by its step taken within its due span
      // before the rise, since the latest was settled (or the step that met a relapse's instance).
      const since =
        sinceSettled &&
        told === undefined &&
        ((risen && !raiseWhen) || spread) &&
        !evented &&
        !yes &&
        rule.kind !== 'decision'
          ? stepSinceSettled(next, keyedRule(rule, o), event.at, findings && risen && !spread)
          : undefined
      if (since !== undefined) o = discharged(o, since.at)
      // `again.onYesSince`: what a yes began again is met by its step since the latest relapse (rule 6).
      if (yes) o = metSinceAsked(next, rule, o)
      // The event that brought its condition about may itself discharge it (a report to both levels).
      if (owedAgain && dischargedBy(next, o, event, actFields(event))) o = dischargeWith(o, event, event.at)
      next.obligations = [...next.obligations, o]
    }
  }
  return waiting
}

/**
 * `again.onYes`: the event answered yes a decision `rule` waits for (`decisions`), and the
 * latest instance of `rule` not withdrawn is settled, not owed (one owed stays the one owed).
 */
function orderedAgain(
  obligations: readonly Obligation[],
  decisions: readonly string[],
  ordered: ReadonlySet<string>,
  rule: string,
): boolean {
  if (!decisions.some((d) => ordered.has(d))) return false
  return obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')?.status !== 'owed'
}

/**
 * `again.breached`: an instance of one of `rules` breached after the latest instance of
 * `rule` not withdrawn was settled (met, late or waived); one still owed answers for it.
 */
function breachedSince(obligations: readonly Obligation[], rules: readonly string[], rule: string): boolean {
  const last = obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')
  if (last === undefined || last.status === 'owed') return false
  const settledAt = last.metAt ?? last.waived?.at
  if (settledAt === null || settledAt === undefined) return false
  const since = Date.parse(settledAt)
  return obligations.some(
    (o) => o.breachedAt !== null && rules.includes(o.rule) && Date.parse(o.breachedAt) > since,
  )
}

/**
 * The latest instance of `rule` not withdrawn is owed (`again.whileOwed: false`: a rise or an
 * event waits for it to settle); with `afterBreach`, owed and not breached.
 */
function latestOwed(obligations: readonly Obligation[], rule: string, afterBreach = false): boolean {
  const latest = obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')
  return latest?.status === 'owed' && !(afterBreach && latest.breachedAt !== null)
}

/** `list` without `id`; undefined when nothing is left (the ledger mark then has no `pending`). */
function without(list: readonly string[], id: string): readonly string[] | undefined {
  const rest = list.filter((x) => x !== id)
  return rest.length > 0 ? rest : undefined
}
