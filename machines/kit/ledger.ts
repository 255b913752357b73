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
 *
 * Here the pass in order (`track`); its steps beside it: what an event discharges
 * (discharge.ts), what is withdrawn (withdraw.ts, declined.ts), what begins
 * (begin-applicable.ts, with the kept changes of kept-changes.ts) and the approvals owed
 * (approval-sync.ts).
 */
import { isAbove, type Severity } from '../vocabulary.js'
import { type Change, syncApprovalsIn } from './approval-sync.js'
import { actFields, begin, ownersAt } from './begin.js'
import { beginApplicable } from './begin-applicable.js'
import { orderedBy, withdrawDeclined } from './declined.js'
import { dischargedBy, dischargeWith } from './discharge.js'
import { resolvedFields } from './discharge-one.js'
import { factsTurned, watchedOf } from './facts-turned.js'
import { keptChanges } from './kept-changes.js'
import { mapChanged } from './lists.js'
import { NOT_ACTS } from './not-acts.js'
import type { Act, ApprovalRequirement, Obligation, ObligationRule } from './obligation-types.js'
import type { LedgerOptions } from './options.js'
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

export { syncApprovals } from './approval-sync.js'
export { actFields, begin, matchesDischarge } from './begin.js'
export { applies, fieldsMatch, holds } from './conditions.js'
export { discharges, wouldDischarge } from './discharge.js'

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

/** Option approvalsWhile 'releaseOwed': the rules whose owed instances let a draft of their purpose owe approvals. */
const releaseGate = (spec: LedgerSpec): readonly ObligationRule[] | undefined =>
  spec.options?.approvalsWhile === 'releaseOwed' ? spec.rules : undefined

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
