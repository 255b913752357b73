/**
 * What a change of grade or category withdraws (OBLIGATIONS.md rules 3, 4, 5): on a
 * lowering or a category change only what is not yet due, on a rise only what has no due
 * time at all (a due time never moves). A plan version's kit options (options.ts) narrow
 * it: `categoryChange: 'categoriesOnly'` (a category change withdraws only what the rule's
 * categories no longer admit), `orderedDuties: 'withDecision'` (what a yes ordered goes
 * only with its decision) and `lowerAtDue: 'withdraws'` (at the due instant the due time
 * has not passed). Without them it is the ledger of the versions released before. Pure.
 */
import type { Change } from './approval-sync.js'
import { admits, applies, decidedIn, holds } from './conditions.js'
import { approvalRule, approvalsFor } from './drafts.js'
import type { LedgerSpec } from './ledger.js'
import { mapChanged } from './lists.js'
import type { Condition, Obligation, ObligationRule, Recorded } from './obligation-types.js'
import type { LedgerOptions } from './options.js'
import type { RuleIndex } from './rule-index.js'
import type { IncidentContext, IncidentEvent } from './types.js'

/**
 * Its due time has not passed at `at` (ms): none, or after it — or, `lowerAtDue`, at it
 * (a step at the due instant is on time, as `discharged` counts it).
 */
export function notDueAt(o: Obligation, at: number, options: LedgerOptions | undefined): boolean {
  if (o.dueAt === null) return true
  const due = Date.parse(o.dueAt)
  return options?.lowerAtDue === 'withdraws' ? due >= at : due > at
}

/**
 * Withdraw what the change no longer requires. Approvals are rule 8's (syncApprovals);
 * the escalation a breach owes stays; a breached obligation stays (rule 1).
 */
export function withdrawUnrequired(
  spec: LedgerSpec,
  index: RuleIndex,
  next: IncidentContext,
  event: IncidentEvent,
  change: Change,
  categoryChanged: boolean,
): Obligation[] {
  const at = event.at
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
  const options = spec.options ?? {}
  const categoriesOnly = options.categoryChange === 'categoriesOnly'
  const withDecision = options.orderedDuties === 'withDecision'
  // The approvals the grade now requires: their rules apply whenever they are asked.
  const approvals = new Set(approvalsFor(spec.approvals, next).map((a) => approvalRule(a).id))
  const atMs = Date.parse(at)
  return mapChanged(next.obligations, (o) => {
    if (o.status !== 'owed' || o.breachedAt !== null || o.kind === 'approval') return o
    // An approval's rule (by id, as the grade now requires it) applies whenever it is asked.
    if (approvals.has(o.rule)) return o
    const rule = index.last.get(o.rule)
    if (rule === undefined || rule === spec.escalation) return o
    // `again.afterBreach`: lowered, an instance beside an earlier one owed and breached is not
    // required though the rule applies — the breached one is still owed for it.
    if (applies(next, rule) && !(change === 'lower' && besideBreached(next.obligations, rule, o))) return o
    const notDue = notDueAt(o, atMs, options)
    // Ordered by a yes (`orderedDuties`): required while its decision is, the yes standing.
    const ordered = withDecision && decidedIn(rule.when).length > 0
    const required = ordered && requiredAsOrdered(next, rule, index.first, new Set())
    // A rise withdraws only what has no due time (rule 4), never what a yes ordered (rule 3).
    const byGrade =
      change === 'raise' ? !ordered && o.dueAt === null : change !== 'none' && notDue && !required
    const byCategory =
      categoryChanged &&
      notDue &&
      (categoriesOnly ? !categoriesAdmit(next, rule, ordered, index.first) : !required)
    return byGrade || byCategory ? { ...o, status: 'withdrawn' as const, withdrawn: why } : o
  })
}

/** The rule's categories admit the incident's (and, `ordered`, those of the decisions it waits for). */
function categoriesAdmit(
  ctx: IncidentContext,
  rule: ObligationRule,
  ordered: boolean,
  rules: ReadonlyMap<string, ObligationRule>,
): boolean {
  const admits = (r: ObligationRule) =>
    r.categories === undefined || (ctx.category !== null && r.categories.includes(ctx.category))
  if (!admits(rule)) return false
  if (!ordered) return true
  return decidedIn(rule.when).every((d) => {
    const decision = rules.get(d)
    return decision === undefined || admits(decision)
  })
}

/**
 * Whether `rule` is required with the yes it waits for standing: its grade and category
 * admit the incident's, its condition holds with each decision it waits for answered yes,
 * and each of those decisions is itself required (its grade, category and condition).
 */
function requiredAsOrdered(
  ctx: IncidentContext,
  rule: ObligationRule,
  rules: ReadonlyMap<string, ObligationRule>,
  seen: Set<string>,
): boolean {
  if (!admits(rule, ctx.severity, ctx.category)) return false
  if (rule.when !== undefined && !holdsAsOrdered(ctx, rule.when)) return false
  seen.add(rule.id)
  return decidedIn(rule.when).every((d) => {
    const decision = rules.get(d)
    return decision === undefined || seen.has(d) || requiredAsOrdered(ctx, decision, rules, seen)
  })
}

/** `holds`, with every decision the condition waits for (`decidedIn`) taken as answered yes. */
function holdsAsOrdered(ctx: IncidentContext, c: Condition): boolean {
  if ('decided' in c) return true
  if ('all' in c) return c.all.every((x) => holdsAsOrdered(ctx, x))
  return holds(ctx, c)
}

/** `again.afterBreach`: an instance of `rule` begun before `o` is owed and has breached. */
function besideBreached(list: readonly Obligation[], rule: ObligationRule, o: Obligation): boolean {
  if (rule.again?.afterBreach !== true) return false
  return list.some(
    (p) =>
      p.rule === o.rule &&
      p !== o &&
      p.status === 'owed' &&
      p.breachedAt !== null &&
      p.startedAt <= o.startedAt,
  )
}
