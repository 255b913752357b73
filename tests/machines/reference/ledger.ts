/**
 * The ledger as it was before issue 20 (commit c19e621), kept verbatim as the reference
 * the equivalence property compares the kit's ledger with (machines/kit/ledger.ts), plus,
 * written plainly, the opt-in rule options added since (again.raise 'whenHolds', with the
 * ledger mark's `pending`; a category change told to begin; again.onYes; again.whileOwed;
 * again.told; again.firstGrading; dischargeOne; again.categoryChanged 'untilAdmitted'; again.lowered; again.revivesWithdrawn; again.onYesSince; the kit options categoryChange, orderedDuties,
 * lowerAtDue, raiseTold (both values), againOnEvents, approvalsWhile, with the rule option usesDraft, and repeats; again.breached).
 */

import { actFields as kitActFields } from '../../../machines/kit/begin.js'
import { admits, holds } from '../../../machines/kit/conditions.js'
import type {
  Act,
  ApprovalRequirement,
  Condition,
  Discharge,
  Obligation,
  ObligationRule,
  Recorded,
} from '../../../machines/kit/obligation-types.js'
import type { LedgerOptions } from '../../../machines/kit/options.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { isAbove, type Severity } from '../../../machines/vocabulary.js'
import { actFields, begin, discharged, matchesDischarge, ownersAtGrade } from './begin.js'
import { applies, breachedIn, decidedIn } from './conditions.js'
import { withdrawDeclined } from './declined.js'
import { approvalRule, approvalRuleFor, approvalsFor, draftsNeedingApprovals } from './drafts.js'

export interface LedgerSpec {
  rules: readonly ObligationRule[]
  approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>>
  /** The obligation a breach begins (local policy: 超时须上报). */
  escalation: ObligationRule
  options?: LedgerOptions
}

/** Events that say nothing the ledger matches on: they are not recorded as acts. */
const NOT_ACTS = new Set(['DEADLINE_PASSED', 'REQUOTE'])
const ms = (iso: string) => Date.parse(iso)

/** Whether `event` discharges the owed obligation `o` (approvals: the draft now carries the approval). */
export function discharges(
  ctx: IncidentContext,
  o: Obligation,
  event: IncidentEvent,
  named?: Record<string, unknown>,
): boolean {
  if (o.status !== 'owed') return false
  if (o.kind === 'approval') {
    const code = o.rule.slice('approval:'.length)
    return ctx.drafts.some((d) => d.id === o.draftId && d.approvals.some((a) => a.code === code))
  }
  if (o.kind === 'decision')
    return event.type === o.discharge.type && event.decision === o.rule && typeof event.answer === 'string'
  return matchesDischarge(o.discharge, event.type, named ?? namedFields(ctx, event))
}

/**
 * dischargeOne: an event naming no obligation names the first owed instance (in the order
 * they began) whose discharge names itself and that the event would discharge if it named it.
 */
function namedFields(ctx: IncidentContext, event: IncidentEvent): Record<string, unknown> {
  const fields = actFields(event)
  if (typeof event.obligation === 'string') return fields
  for (const o of ctx.obligations)
    if (
      o.status === 'owed' &&
      o.discharge.fields.obligation === o.id &&
      matchesDischarge(o.discharge, event.type, { ...fields, obligation: o.id })
    )
      return { ...fields, obligation: o.id }
  return fields
}

type Change = 'none' | 'first' | 'raise' | 'lower'

/** Runs after every accepted event (see withLedger): the nine rules, in one pass. */
export function track(spec: LedgerSpec, ctx: IncidentContext, event: IncidentEvent): IncidentContext {
  const at = event.at
  const fields = actFields(event)
  const last = ctx.acts.at(-1)
  // repeats 'sameEvent': only an act recorded from this very event object (its fields object:
  // this ledger's own, or the kit's, whose acts the equivalence harness keeps).
  const repeatOfLast =
    last !== undefined &&
    last.type === event.type &&
    (spec.options?.repeats === 'sameEvent'
      ? last.fields === fields || last.fields === kitActFields(event)
      : last.at === at && JSON.stringify(last.fields) === JSON.stringify(fields))
  let next: IncidentContext = ctx
  if (!NOT_ACTS.has(event.type) && !repeatOfLast) {
    const act: Act = { type: event.type, at, severity: ctx.severity, fields }
    next = { ...next, acts: [...next.acts, act] }
  }
  // Discharge what this event discharges (dischargeOne: the instance named, as the context was
  // before it; tracked again, the event's fields as they are: it named its one instance already).
  const named = repeatOfLast ? fields : namedFields(ctx, event)
  next = {
    ...next,
    obligations: next.obligations.map((o) =>
      discharges(next, o, event, named) ? dischargeWith(o, event, at) : o,
    ),
  }
  const from = ctx.ledger.severity
  const to = next.severity
  const change: Change =
    from === to ? 'none' : from === null ? 'first' : isAbove(to, from) ? 'raise' : 'lower'
  const categoryChanged = ctx.ledger.category !== null && ctx.ledger.category !== next.category
  // Withdraw what no longer applies: on a lowering or a category change only what is not yet due;
  // on a rise only what has no due time at all (a due time never moves, rule 4).
  if (change !== 'none' || categoryChanged) {
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
  }
  // alsoOwedAt: on a change of grade, who owes each owed instance is who owes it at the new grade.
  if (change !== 'none') {
    const severity = next.severity
    next = {
      ...next,
      obligations: next.obligations.map((o) => {
        const rule = spec.rules.find((r) => r.id === o.rule)
        if (o.status !== 'owed' || rule?.alsoOwedAt === undefined) return o
        const owedBy = ownersAtGrade(rule, severity)
        return JSON.stringify(owedBy) === JSON.stringify(o.owedBy) ? o : { ...o, owedBy }
      }),
    }
  }
  next = withdrawDeclined(spec, ctx, next, event)
  // again.factsTurned: the watched facts true now and not true in the mark (no mark: none).
  const watched = [...new Set(spec.rules.flatMap((r) => r.again?.factsTurned ?? []))]
  const seen = ctx.ledger.facts
  const turnedFacts =
    seen === undefined
      ? []
      : watched.filter((f) => (next.facts as Record<string, unknown>)[f] === true && seen[f] !== true)
  // again.onYes: the decisions this event answered yes (owed when it came).
  const ordered = ctx.obligations
    .filter((o) => o.kind === 'decision' && discharges(ctx, o, event) && event.answer === 'yes')
    .map((o) => o.rule)
  const begun = beginApplicable(
    spec,
    next,
    event,
    ordered,
    change,
    repeatOfLast,
    ctx.ledger.category !== next.category,
    categoryChanged,
    ctx.ledger.pending,
    turnedFacts,
  )
  next = begun.next
  const pending = keptChanges(spec, ctx, next, categoryChanged, begun.pending)
  next = syncApprovals(spec, next, event, change)
  next = beginEscalations(spec, next, at)
  const ledger: IncidentContext['ledger'] =
    pending === undefined
      ? { severity: next.severity, category: next.category }
      : { severity: next.severity, category: next.category, pending: [...pending] }
  // again.factsTurned: the mark keeps the watched facts that are set.
  if (watched.length > 0) {
    const now = next.facts as Record<string, unknown>
    ledger.facts = Object.fromEntries(watched.filter((f) => now[f] !== undefined).map((f) => [f, now[f]]))
  }
  return { ...next, ledger }
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

function dischargeWith(o: Obligation, event: IncidentEvent, at: string): Obligation {
  const d = discharged(o, at)
  if (o.kind !== 'decision') return d
  const answer = event.answer === 'yes' ? 'yes' : 'no'
  const reason = typeof event.reason === 'string' ? event.reason : ''
  return { ...d, decision: { answer, by: event.actor, reason, at } }
}

const allRules = (spec: LedgerSpec, ctx: IncidentContext): ObligationRule[] => [
  ...spec.rules,
  ...approvalsFor(spec.approvals, ctx).map(approvalRule),
]

function beginApplicable(
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

/**
 * again.categoryChanged 'untilAdmitted': kept for each such rule the grade or category does not
 * admit now, with an instance not withdrawn, when the event changed a category that was set or
 * withdrew an instance of it that was owed.
 */
function keptChanges(
  spec: LedgerSpec,
  before: IncidentContext,
  next: IncidentContext,
  categoryChanged: boolean,
  pending: readonly string[] | undefined,
): readonly string[] | undefined {
  let waiting = pending
  for (const rule of spec.rules) {
    if (rule.again?.categoryChanged !== 'untilAdmitted') continue
    if ((waiting ?? []).includes(rule.id) || admits(rule, next.severity, next.category)) continue
    const mine = (ctx: IncidentContext) => ctx.obligations.filter((o) => o.rule === rule.id)
    if (!mine(next).some((o) => o.status !== 'withdrawn')) continue
    const withdrew = mine(before).some(
      (o) => o.status === 'owed' && mine(next).find((x) => x.id === o.id)?.status === 'withdrawn',
    )
    if (categoryChanged || withdrew) waiting = [...(waiting ?? []), rule.id]
  }
  return waiting
}

function dropped(list: readonly string[] | undefined, id: string): readonly string[] | undefined {
  const rest = (list ?? []).filter((x) => x !== id)
  return rest.length > 0 ? rest : undefined
}

/** Rule 8: each live draft owes the approvals its grade requires; a newer draft supersedes an older one. */
export function syncApprovals(
  spec: LedgerSpec,
  ctx: IncidentContext,
  event: IncidentEvent,
  change: Change,
): IncidentContext {
  const { live, superseded } = draftsNeedingApprovals(ctx)
  // approvalsWhile 'releaseOwed': a draft owes approvals while a release of its purpose is owed.
  const gated = spec.options?.approvalsWhile === 'releaseOwed'
  const purposeOf = (ruleId: string) => spec.rules.find((r) => r.id === ruleId)?.draftPurpose
  // A rule's usesDraft: owed, it keeps the drafts of that purpose owing while the latest release of it not withdrawn is not met.
  const usesOf = (ruleId: string) => spec.rules.find((r) => r.id === ruleId)?.usesDraft
  const releaseMet = (purpose: string) => {
    const last = [...ctx.obligations]
      .reverse()
      .find((o) => o.status !== 'withdrawn' && purposeOf(o.rule) === purpose)
    return last !== undefined && last.metAt !== null
  }
  const releaseOwed = (purpose: string) =>
    !gated ||
    ctx.obligations.some((o) => o.status === 'owed' && purposeOf(o.rule) === purpose) ||
    ctx.obligations.some((o) => o.status === 'owed' && usesOf(o.rule) === purpose && !releaseMet(purpose))
  const unreleasedReason = (purpose: string) => {
    // A usesDraft rule begun after the latest release of the purpose, and settled: it ended the need.
    const at = ctx.obligations.findLastIndex((o) => purposeOf(o.rule) === purpose)
    const use = ctx.obligations.findLastIndex((o) => usesOf(o.rule) === purpose)
    const step = use > at ? ctx.obligations[use] : undefined
    if (step && step.status !== 'owed') {
      if (step.withdrawn) return `“${step.label}”已不再要求：${step.withdrawn.reason}`
      if (step.waived) return `“${step.label}”已免除：${step.waived.reason}`
      return `“${step.label}”已办结，此稿不再审批`
    }
    const last = [...ctx.obligations].reverse().find((o) => purposeOf(o.rule) === purpose)
    if (last?.withdrawn) return `发布已不再要求：${last.withdrawn.reason}`
    if (last?.waived) return `发布已免除：${last.waived.reason}`
    return last?.metAt ? '已发布，此稿不再审批' : '尚无须发布，此稿暂不审批'
  }
  // The approvals each draft's purpose requires, asked once per purpose.
  const required = new Map<string | undefined, readonly ApprovalRequirement[]>()
  const requiredFor = (purpose: string | undefined) => {
    let r = required.get(purpose)
    if (r === undefined) {
      r = approvalsFor(spec.approvals, ctx, purpose)
      required.set(purpose, r)
    }
    return r
  }
  let obligations = ctx.obligations.map((o) => {
    if (o.kind !== 'approval' || o.status !== 'owed' || o.draftId === null) return o
    const gone = superseded.find((d) => d.id === o.draftId)
    const purpose = live.find((d) => d.id === o.draftId)?.purpose
    const needed = requiredFor(purpose)
    const unreleased = purpose !== undefined && !releaseOwed(purpose)
    const stillNeeded = !gone && !unreleased && needed.some((a) => `approval:${a.code}` === o.rule)
    if (stillNeeded) return o
    const reason = gone
      ? gone.withdrawn
        ? `稿件已撤回：${gone.withdrawn.reason}`
        : '已有新稿，旧稿不再审批'
      : unreleased
        ? unreleasedReason(purpose)
        : change === 'lower'
          ? typeof event.reason === 'string'
            ? event.reason
            : '级别降低'
          : '现级别不再要求此审批'
    return { ...o, status: 'withdrawn' as const, withdrawn: { by: event.actor, reason, at: event.at } }
  })
  let next = { ...ctx, obligations }
  for (const draft of live) {
    if (!releaseOwed(draft.purpose)) continue
    for (const a of requiredFor(draft.purpose)) {
      const rule = approvalRule(a)
      const has = next.obligations.some(
        (o) => o.rule === rule.id && o.draftId === draft.id && o.status !== 'withdrawn',
      )
      if (has) continue
      obligations = [
        ...next.obligations,
        begin(next, approvalRuleFor(a, rule, draft.purpose), event.at, event.quotes, {
          fromEvent: true,
          draftId: draft.id,
          repeat: false,
        }),
      ]
      next = { ...next, obligations }
    }
  }
  return next
}

/** Local policy (超时须上报): every breach owes one escalation, discharged by ESCALATE. */
function beginEscalations(spec: LedgerSpec, ctx: IncidentContext, at: string): IncidentContext {
  const breached = ctx.obligations.filter((o) => o.breachedAt !== null && o.rule !== spec.escalation.id)
  const escalations = ctx.obligations.filter((o) => o.rule === spec.escalation.id).length
  if (breached.length <= escalations) return ctx
  let next = ctx
  for (let i = escalations; i < breached.length; i++) {
    const o = begin(next, spec.escalation, at, undefined, { fromEvent: true, repeat: true })
    next = { ...next, obligations: [...next.obligations, o] }
  }
  return next
}

/**
 * again.revivesWithdrawn 'byOwer': an instance a rise began, owed with a due time, keeps the due
 * time (and what it counts from) of the rule's latest earlier instance for the same draft and key
 * when that one was withdrawn by a lowering (a change of grade downwards logged at the withdrawal's
 * instant, by the one who withdrew it) made by one of the roles that owed it, and its due time is
 * after the rise; the policy says so.
 */
function keptDue(ctx: IncidentContext, rule: ObligationRule, o: Obligation, at: string): Obligation {
  if (rule.again?.revivesWithdrawn !== 'byOwer' || o.status !== 'owed' || o.dueAt === null) return o
  const key = rule.keyedBy?.as
  const earlier = ctx.obligations.filter(
    (p) =>
      p.rule === o.rule &&
      p.draftId === o.draftId &&
      (key === undefined || p.discharge.fields[key] === o.discharge.fields[key]),
  )
  const p = earlier.at(-1)
  if (p === undefined || p.status !== 'withdrawn' || p.withdrawn === null || p.dueAt === null) return o
  if (ms(p.dueAt) <= ms(at)) return o
  const by = p.withdrawn.by
  const lowered = ctx.severityLog.some(
    (c) =>
      ms(c.at) === ms(p.withdrawn?.at ?? '') &&
      c.from !== null &&
      isAbove(c.from, c.to) &&
      c.by.name === by.name &&
      c.by.role === by.role &&
      (p.owedBy as string[]).includes(by.role),
  )
  if (!lowered) return o
  const sentence = '同一应报者降级后再次升级，沿用被撤回报告的时限（OBLIGATIONS.md 第4、5条）'
  return {
    ...o,
    dueAt: p.dueAt,
    countsFrom: p.countsFrom,
    certain: p.certain,
    policy: o.policy === null ? sentence : `${o.policy}；${sentence}`,
  }
}
