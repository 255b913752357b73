/**
 * The obligations ledger: after every accepted event it records the act, discharges
 * what the event discharges, withdraws what a lowering or a category change no longer
 * requires (only what is not yet due), and what an earlier yes to a decision began once
 * a later answer to it is no (the latest answer governs; recorded with who and why),
 * begins what now applies (with due times quoted once), and begins the escalation a
 * breach owes. Pure; OBLIGATIONS.md's nine rules.
 *
 * One event makes one new context: its lists are replaced only where something changed,
 * a changed obligation is a new object and an unchanged one stays the same object.
 */
import { isAbove, type Severity } from '../vocabulary.js'
import { type Change, syncApprovalsIn } from './approval-sync.js'
import {
  actFields,
  begin,
  discharged,
  keyedRule,
  keysOf,
  matchesDischarge,
  ownersAt,
  toldBefore,
} from './begin.js'
import { admits } from './conditions.js'
import { orderedBy, withdrawDeclined } from './declined.js'
import { resolvedFields } from './discharge-one.js'
import { factsTurned, watchedOf } from './facts-turned.js'
import { mapChanged } from './lists.js'
import { settledBeforePrior } from './lowered-again.js'
import type { Act, ApprovalRequirement, Obligation, ObligationRule } from './obligation-types.js'
import type { LedgerOptions } from './options.js'
import { stepSinceSettled } from './raise-told.js'
import { repeatOfLast as isRepeat } from './repeat.js'
import { type RuleIndex, ruleIndex } from './rule-index.js'
import type { IncidentContext, IncidentEvent } from './types.js'
import { withdrawUnrequired } from './withdraw.js'

export interface LedgerSpec {
  rules: readonly ObligationRule[]
  approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>>
  /** The obligation a breach begins (local policy: 超时须上报). */
  escalation: ObligationRule
  /** The kit options the ledger reads (its withdrawals; kit/options.ts); absent: none. */
  options?: LedgerOptions
}

/**
 * Events that say nothing the ledger matches on: they are not recorded as acts (MIGRATED:
 * the eventless steps a migration takes, kit/migration.ts).
 */
const NOT_ACTS = new Set(['DEADLINE_PASSED', 'REQUOTE', 'MIGRATED'])

export { syncApprovals } from './approval-sync.js'
export { actFields, begin, matchesDischarge } from './begin.js'
export { applies, fieldsMatch, holds } from './conditions.js'

/** Whether `event` discharges the owed obligation `o` (approvals: the draft now carries the approval). */
export const discharges = (ctx: IncidentContext, o: Obligation, event: IncidentEvent): boolean =>
  dischargedBy(ctx, o, event, actFields(event))

/** `discharges`, with the event's act fields already taken. */
function dischargedBy(
  ctx: IncidentContext,
  o: Obligation,
  event: IncidentEvent,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  if (o.status !== 'owed') return false
  if (o.kind === 'approval') {
    const code = o.rule.slice('approval:'.length)
    return ctx.drafts.some((d) => d.id === o.draftId && d.approvals.some((a) => a.code === code))
  }
  if (o.kind === 'decision')
    return event.type === o.discharge.type && event.decision === o.rule && typeof event.answer === 'string'
  return matchesDischarge(o.discharge, event.type, fields)
}

/**
 * Whether `event` would discharge `o` if accepted (for the close guard: the event's own
 * obligations); `fields`: the event's as the ledger matches them (`resolvedFields`).
 */
export function wouldDischarge(
  o: Obligation,
  event: IncidentEvent,
  fields: Readonly<Record<string, unknown>> = actFields(event),
): boolean {
  if (o.status !== 'owed') return false
  if (o.kind === 'decision') return event.type === o.discharge.type && event.decision === o.rule
  return matchesDischarge(o.discharge, event.type, fields)
}

/** Runs after every accepted event (see withLedger): the nine rules, in one pass. */
export function track(spec: LedgerSpec, ctx: IncidentContext, event: IncidentEvent): IncidentContext {
  const at = event.at
  const fields = actFields(event)
  const repeatOfLast = isRepeat(ctx, event, spec.options)
  // The one new context: each step below replaces a list of it, never an item in place.
  const next: IncidentContext = { ...ctx }
  if (!NOT_ACTS.has(event.type) && !repeatOfLast) {
    const act: Act = { type: event.type, at, severity: ctx.severity, fields }
    next.acts = [...ctx.acts, act]
  }
  // Discharge what this event discharges (`dischargeOne`: naming none, the oldest owed instance;
  // run again by an automatic move, its fields as they are: it met its one instance already).
  const matched = repeatOfLast ? fields : resolvedFields(ctx.obligations, event, fields)
  next.obligations = mapChanged(next.obligations, (o) =>
    dischargedBy(next, o, event, matched) ? dischargeWith(o, event, at) : o,
  )
  const from = ctx.ledger.severity
  const to = next.severity
  const change: Change =
    from === to ? 'none' : from === null ? 'first' : isAbove(to, from) ? 'raise' : 'lower'
  const categoryChanged = ctx.ledger.category !== null && ctx.ledger.category !== next.category
  const index = ruleIndex(spec.rules)
  if (change !== 'none' || categoryChanged)
    next.obligations = withdrawUnrequired(spec, index, next, event, change, categoryChanged)
  if (change !== 'none') next.obligations = ownedAtGrade(index, next)
  // Answered yes by this event: taken before anything is withdrawn or begun (same order as before).
  const ordered = orderedBy(ctx.obligations, next.obligations)
  next.obligations = withdrawDeclined(index.first, ctx.obligations, next, event, spec.options)
  const recategorised = ctx.ledger.category !== next.category
  const turned = factsTurned(index.watchedFacts, ctx.ledger.facts, next.facts)
  const moved = { change, repeatOfLast, recategorised, categoryChanged, ordered, turned }
  const begun = beginApplicable(index, next, event, moved, ctx.ledger.pending, spec.options)
  const pending =
    index.untilAdmitted.length === 0 ? begun : keptChanges(index, ctx, next, categoryChanged, begun)
  syncApprovalsIn(spec.approvals, next, event, change, releaseGate(spec))
  beginEscalations(spec, next, at)
  next.ledger =
    pending === undefined
      ? { severity: next.severity, category: next.category }
      : { severity: next.severity, category: next.category, pending: [...pending] }
  // `again.factsTurned`: the mark keeps the watched facts it saw (a plan without such a rule, none).
  if (index.watchedFacts.length > 0) next.ledger.facts = watchedOf(index.watchedFacts, next.facts)
  return next
}

/**
 * `alsoOwedAt`: after a change of grade, each owed instance of such a rule names who owes it at
 * the grade it has now (what is met, waived or withdrawn keeps who owed it then).
 */
function ownedAtGrade(index: RuleIndex, ctx: IncidentContext): Obligation[] {
  return mapChanged(ctx.obligations, (o) => {
    if (o.status !== 'owed') return o
    const rule = index.first.get(o.rule)
    if (rule?.alsoOwedAt === undefined) return o
    const owedBy = ownersAt(rule, ctx.severity)
    return owedBy.length === o.owedBy.length && owedBy.every((r, i) => o.owedBy[i] === r)
      ? o
      : { ...o, owedBy }
  })
}

function dischargeWith(o: Obligation, event: IncidentEvent, at: string): Obligation {
  const d = discharged(o, at)
  if (o.kind !== 'decision') return d
  const answer = event.answer === 'yes' ? 'yes' : 'no'
  const reason = typeof event.reason === 'string' ? event.reason : ''
  return { ...d, decision: { answer, by: event.actor, reason, at } }
}

/** What the event changed that may begin a rule again. */
interface Moved {
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
function beginApplicable(
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
      // The event that brought its condition about may itself discharge it (a report to both levels).
      if (owedAgain && dischargedBy(next, o, event, actFields(event))) o = dischargeWith(o, event, event.at)
      next.obligations = [...next.obligations, o]
    }
  }
  return waiting
}

/**
 * `again.categoryChanged: 'untilAdmitted'`: for each such rule the incident's grade or category
 * does not admit now (`beginApplicable` asked only the admitted ones) and with an instance not
 * withdrawn, the change is kept (ledger.pending) when the event changed a category that was
 * set, or withdrew the rule's owed instance (it stopped applying before the change it answered
 * was answered).
 */
function keptChanges(
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

/** Option approvalsWhile 'releaseOwed': the rules whose owed instances let a draft of their purpose owe approvals. */
const releaseGate = (spec: LedgerSpec): readonly ObligationRule[] | undefined =>
  spec.options?.approvalsWhile === 'releaseOwed' ? spec.rules : undefined

/** `list` without `id`; undefined when nothing is left (the ledger mark then has no `pending`). */
function without(list: readonly string[], id: string): readonly string[] | undefined {
  const rest = list.filter((x) => x !== id)
  return rest.length > 0 ? rest : undefined
}

/** Local policy (超时须上报): every breach owes one escalation, discharged by ESCALATE. */
function beginEscalations(spec: LedgerSpec, next: IncidentContext, at: string): void {
  const id = spec.escalation.id
  let owed = 0
  for (const o of next.obligations) {
    if (o.rule === id) owed--
    else if (o.breachedAt !== null) owed++
  }
  for (; owed > 0; owed--) {
    const o = begin(next, spec.escalation, at, undefined, { fromEvent: true, repeat: true })
    next.obligations = [...next.obligations, o]
  }
}
