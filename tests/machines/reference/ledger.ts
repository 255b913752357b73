/**
 * The ledger as it was before issue 20 (commit c19e621), kept verbatim as the reference
 * the equivalence property compares the kit's ledger with (machines/kit/ledger.ts), plus,
 * written plainly, the opt-in rule options added since (again.raise 'whenHolds', with the
 * ledger mark's `pending`; a category change told to begin; again.onYes; again.whileOwed;
 * again.told; again.firstGrading; dischargeOne; again.categoryChanged 'untilAdmitted'; again.lowered; again.revivesWithdrawn; again.onYesSince; the kit options categoryChange, orderedDuties,
 * lowerAtDue, raiseTold (both values), againOnEvents, approvalsWhile, with the rule option usesDraft, and repeats; again.breached).
 *
 * This file holds the pass itself (`track`, the nine rules in order) and the escalation rule;
 * its steps are beside it: discharge.ts (what an event discharges), withdraw.ts (what a change
 * withdraws), begin-applicable.ts (what begins, and again), kept-changes.ts, revive-withdrawn.ts,
 * approval-sync.ts (rule 8), with begin.ts, conditions.ts, declined.ts and drafts.ts.
 */

import { actFields as kitActFields } from '../../../machines/kit/begin.js'
import type { Act, ApprovalRequirement, ObligationRule } from '../../../machines/kit/obligation-types.js'
import type { LedgerOptions } from '../../../machines/kit/options.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { isAbove, type Severity } from '../../../machines/vocabulary.js'
import { syncApprovals } from './approval-sync.js'
import { actFields, begin, ownersAtGrade } from './begin.js'
import { beginApplicable } from './begin-applicable.js'
import { withdrawDeclined } from './declined.js'
import { discharges, dischargeWith, namedFields } from './discharge.js'
import { keptChanges } from './kept-changes.js'
import { withdrawChanged } from './withdraw.js'

export interface LedgerSpec {
  rules: readonly ObligationRule[]
  approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>>
  /** The obligation a breach begins (local policy: 超时须上报). */
  escalation: ObligationRule
  options?: LedgerOptions
}

export { discharges, syncApprovals }

/** Events that say nothing the ledger matches on: they are not recorded as acts. */
const NOT_ACTS = new Set(['DEADLINE_PASSED', 'REQUOTE'])

/** How the grade changed since the ledger's mark. */
export type Change = 'none' | 'first' | 'raise' | 'lower'

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
  if (change !== 'none' || categoryChanged) next = withdrawChanged(spec, next, event, change, categoryChanged)
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
