/**
 * The reference ledger's beginnings (see ./ledger.ts): each rule that applies and has no live
 * instance begins, and one with a live instance begins again for the reasons its `again` names
 * (a rise, its events, a yes, a breach, a category change, a fact turned, a lowering), with the
 * step that already discharges what begins (again.told, raiseTold, again.onYesSince).
 */

import { admits } from '../../../machines/kit/conditions.js'
import type { Act, Discharge, ObligationRule } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { isAbove } from '../../../machines/vocabulary.js'
import { begin, discharged, matchesDischarge } from './begin.js'
import { applies, breachedIn, decidedIn } from './conditions.js'
import { discharges, dischargeWith } from './discharge.js'
import type { Change, LedgerSpec } from './ledger.js'
import { keptDue } from './revive-withdrawn.js'

const ms = (iso: string) => Date.parse(iso)

/** Begins what applies after `event` (again: see the file comment); returns the context and the changes kept waiting. */
export function beginApplicable(
  spec: LedgerSpec,
  ctx: IncidentContext,
  event: IncidentEvent,
  ordered: readonly string[],
  change: Change,
  repeatOfLast: boolean,
  recategorised: boolean,
  categoryChanged: boolean,
  pending: readonly string[] | undefined,
  turnedFacts: readonly string[],
): { next: IncidentContext; pending: readonly string[] | undefined } {
  let next = ctx
  let waiting = pending
  // Rules with an instance not withdrawn: counted once, not filtered per rule.
  const live = new Set<string>()
  for (const o of ctx.obligations) if (o.status !== 'withdrawn') live.add(o.rule)
  for (const rule of spec.rules) {
    const has = live.has(rule.id)
    const raiseWhen = rule.again?.raise === 'whenHolds'
    // againOnEvents 'whenHolds': asked again by one of its events, it waits for its condition.
    const eventsWait =
      spec.options?.againOnEvents === 'whenHolds' && !raiseWhen && (rule.again?.events ?? []).length > 0
    // 'whenHolds': owed again since a rise until an event of the incident's own at which it applies.
    const owedAgain =
      (raiseWhen || eventsWait) &&
      has &&
      (waiting ?? []).includes(rule.id) &&
      event.type !== 'DEADLINE_PASSED' &&
      event.type !== 'REQUOTE'
    // again.onYes: a yes to a decision it waits for orders it anew once its latest instance is settled.
    const latest = [...next.obligations].reverse().find((o) => o.rule === rule.id && o.status !== 'withdrawn')
    // again.categoryChanged 'untilAdmitted': a change kept since the rule did not apply, asked once it does.
    const remembered =
      rule.again?.categoryChanged === 'untilAdmitted' &&
      has &&
      (waiting ?? []).includes(rule.id) &&
      admits(rule, next.severity, next.category) &&
      !['DEADLINE_PASSED', 'REQUOTE', 'MIGRATED'].includes(event.type)
    const yesAgain =
      rule.again?.onYes === true &&
      has &&
      decidedIn(rule.when).some((d) => ordered.includes(d)) &&
      latest?.status !== 'owed'
    // again.breached: one of the rules its condition names breached after its latest instance was settled.
    const settledAt =
      latest?.status === 'owed' ? undefined : (latest?.metAt ?? latest?.waived?.at ?? undefined)
    const breachedAgain =
      rule.again?.breached === true &&
      has &&
      settledAt !== undefined &&
      next.obligations.some(
        (o) =>
          o.breachedAt !== null &&
          breachedIn(rule.when).includes(o.rule) &&
          Date.parse(o.breachedAt) > Date.parse(settledAt),
      )
    const others =
      owedAgain ||
      yesAgain ||
      breachedAgain ||
      (has &&
        !repeatOfLast &&
        (((rule.again?.raise === true || raiseWhen) && change === 'raise') ||
          // again.firstGrading: a first grading to one of its grades, as a rise.
          (change === 'first' &&
            next.severity !== null &&
            (rule.again?.firstGrading ?? []).includes(next.severity)) ||
          (rule.again?.events ?? []).includes(event.type) ||
          // again.categoryChanged: the event changed a category that was set (or one kept, above).
          (rule.again?.categoryChanged !== undefined && (categoryChanged || remembered))) &&
        // again.whileOwed false: asked again (by a rise or an event) only once the latest instance is settled.
        // again.afterBreach: a latest owed instance that has breached does not hold it back.
        (rule.again?.whileOwed !== false ||
          latest?.status !== 'owed' ||
          (rule.again.afterBreach === true && latest.breachedAt !== null))) ||
      // again.factsTurned: the event turned a watched fact true (not one of its events), and the
      // latest instance is not owed (one owed answers the spread too).
      (has &&
        !repeatOfLast &&
        !(rule.again?.events ?? []).includes(event.type) &&
        !(rule.again?.categoryChanged !== undefined && (categoryChanged || remembered)) &&
        (rule.again?.factsTurned ?? []).some((f) => turnedFacts.includes(f)) &&
        latest?.status !== 'owed')
    // again.lowered 'settledBeforePrior': lowered, the latest instance (not withdrawn) settled at or
    // before the event prior.after names (the first, or with latest the latest); begun for that
    // alone, it is judged by rule 6 (begin, not as a repeat).
    const prior = rule.prior
    const priorActs =
      typeof prior === 'object'
        ? next.acts.filter((a) => ([] as string[]).concat(prior.after).includes(a.type))
        : []
    const priorAct = typeof prior === 'object' && prior.latest === true ? priorActs.at(-1) : priorActs[0]
    const relowered =
      rule.again?.lowered === 'settledBeforePrior' &&
      has &&
      !repeatOfLast &&
      change === 'lower' &&
      priorAct !== undefined &&
      settledAt != null &&
      ms(settledAt) <= ms(priorAct.at)
    const again = others || relowered
    // A rule with a live instance and no reason to begin again is settled before its
    // conditions are asked (they only decide whether it applies).
    if (has && !again) {
      // A kept change the latest instance, still owed, answers is dropped.
      if (remembered && !repeatOfLast) waiting = dropped(waiting, rule.id)
      continue
    }
    if (!applies(next, rule)) {
      const admitted = admits(rule, next.severity, next.category)
      const byEvent = has && !repeatOfLast && (rule.again?.events ?? []).includes(event.type)
      const waits = (raiseWhen && has && change === 'raise') || (eventsWait && byEvent)
      if (waits && admitted && !(waiting ?? []).includes(rule.id)) waiting = [...(waiting ?? []), rule.id]
      continue
    }
    live.add(rule.id)
    if ((waiting ?? []).includes(rule.id)) {
      const rest = (waiting ?? []).filter((x) => x !== rule.id)
      waiting = rest.length > 0 ? rest : undefined
    }
    // keyedBy: one instance per value of the event's field (none: one, unkeyed).
    const raw = rule.keyedBy === undefined ? undefined : event[rule.keyedBy.field]
    const values = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string')
    const keys = values.length > 0 ? [...new Set(values)] : [undefined]
    for (const key of keys) {
      const begun = begin(next, rule, event.at, event.quotes, {
        fromEvent: change === 'raise' || again,
        repeat: others,
        recategorised,
        ...(key === undefined ? {} : { key }),
      })
      const o = change === 'raise' ? keptDue(next, rule, begun, event.at) : begun
      // again.told: an instance a rise began (not an event of the rule's, not a yes) is met by
      // the earliest step that discharges it taken while the incident had the grade it has now.
      const byEvent = has && !repeatOfLast && (rule.again?.events ?? []).includes(event.type)
      const firstGraded =
        change === 'first' &&
        next.severity !== null &&
        (rule.again?.firstGrading ?? []).includes(next.severity)
      const byRise = owedAgain || (has && !repeatOfLast && (change === 'raise' || firstGraded))
      const dischargeOf = rule.keyedBy ? o.discharge : rule.discharge
      const toldAt =
        rule.again?.told === 'sameGrade' && again && byRise && !byEvent && !yesAgain
          ? next.acts.find(
              (a) => a.severity === next.severity && matchesDischarge(dischargeOf, a.type, a.fields),
            )?.at
          : undefined
      // raiseTold 'sinceSettled': what a rise (again.raise true) began is met by its step taken
      // within the rule's due span (minutes or hours) before the rise and after the latest instance
      // was settled (met, late or waived), or at the one that met the latest if a rule's event began it.
      const settledAt = latest?.metAt ?? latest?.waived?.at
      const spanMs =
        rule.due?.unit === 'minutes'
          ? rule.due.amount * 60_000
          : rule.due?.unit === 'hours'
            ? rule.due.amount * 3_600_000
            : null
      // again.factsTurned: begun by a watched fact turned true (not by one of its events).
      const bySpread =
        has &&
        !repeatOfLast &&
        !byEvent &&
        (rule.again?.factsTurned ?? []).some((f) => turnedFacts.includes(f))
      // raiseTold 'sinceFinding': for a rise, also the step that met the latest when a watched fact
      // turned true began it (not the first instance; at a METRICS_UPDATED that raised no grade).
      const latestBySpread =
        spec.options?.raiseTold === 'sinceFinding' &&
        rule.again?.raise === true &&
        change === 'raise' &&
        !bySpread &&
        latest?.metAt != null &&
        (rule.again?.factsTurned ?? []).length > 0 &&
        next.obligations.findIndex((x) => x.rule === rule.id) < next.obligations.indexOf(latest) &&
        !next.severityLog.some(
          (c) => ms(c.at) === ms(latest.startedAt) && c.from !== null && isAbove(c.to, c.from),
        ) &&
        next.acts.some((a) => ms(a.at) === ms(latest.startedAt) && a.type === 'METRICS_UPDATED')
      const latestByEvent =
        (latest?.metAt != null &&
          next.acts.some(
            (a) => ms(a.at) === ms(latest.startedAt) && (rule.again?.events ?? []).includes(a.type),
          )) ||
        latestBySpread
      const inSpan = (a: Act) =>
        spanMs !== null &&
        settledAt != null &&
        ms(a.at) >= ms(event.at) - spanMs &&
        ms(a.at) <= ms(event.at) &&
        (ms(a.at) > ms(settledAt) || (latestByEvent && ms(a.at) === ms(settledAt)))
      const sinceAt =
        (spec.options?.raiseTold === 'sinceSettled' || spec.options?.raiseTold === 'sinceFinding') &&
        toldAt === undefined &&
        ((rule.again?.raise === true && change === 'raise') || bySpread) &&
        rule.kind !== 'decision' &&
        has &&
        !repeatOfLast &&
        !byEvent &&
        !yesAgain &&
        settledAt != null
          ? next.acts.find((a) => inSpan(a) && matchesDischarge(dischargeOf, a.type, a.fields))?.at
          : undefined
      // again.onYesSince: what a yes began again is met by its earliest step since the option's event.
      const yesAt =
        yesAgain && toldAt === undefined && sinceAt === undefined
          ? stepSinceEvent(next, rule, dischargeOf)
          : undefined
      const firstAt = toldAt ?? sinceAt ?? yesAt
      const told = firstAt === undefined ? o : discharged(o, firstAt)
      // The event that brought its condition about may itself discharge it.
      const done = owedAgain && discharges(next, told, event) ? dischargeWith(told, event, event.at) : told
      next = { ...next, obligations: [...next.obligations, done] }
    }
  }
  return { next, pending: waiting }
}

/**
 * again.onYesSince: the earliest step discharging `rule` (or one of its priorSteps) accepted after the
 * option's event — the latest one (after it in the record, not before it at its instant), or the
 * first (at or after its instant); none accepted, or a dischargeOne rule: none.
 */
function stepSinceEvent(
  ctx: IncidentContext,
  rule: ObligationRule,
  discharge: Discharge,
): string | undefined {
  const since = rule.again?.onYesSince
  if (since === undefined || rule.dischargeOne) return undefined
  const types = ([] as string[]).concat(since.after)
  const isOne = (a: Act) => types.includes(a.type)
  const at = since.latest === true ? ctx.acts.findLastIndex(isOne) : ctx.acts.findIndex(isOne)
  const from = ctx.acts[at]
  if (from === undefined) return undefined
  return ctx.acts.find(
    (a, i) =>
      ms(a.at) >= ms(from.at) &&
      (since.latest !== true || i > at) &&
      (matchesDischarge(discharge, a.type, a.fields) ||
        (rule.priorSteps ?? []).some((d) => matchesDischarge(d, a.type, a.fields))),
  )?.at
}

function dropped(list: readonly string[] | undefined, id: string): readonly string[] | undefined {
  const rest = (list ?? []).filter((x) => x !== id)
  return rest.length > 0 ? rest : undefined
}
