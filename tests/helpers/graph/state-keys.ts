/**
 * The abstract state @xstate/graph de-duplicates on: the value plus every context field
 * a guard or the ledger reads, with the obligations, drafts, acts and prior acts
 * summarised without their times.
 */
import type { AnyMachineSnapshot } from 'xstate'
import { afterAct } from '../../../machines/kit/begin.js'
import { matchesDischarge } from '../../../machines/kit/ledger.js'
import type { IncidentContext, Obligation, ObligationRule } from '../../../machines/kit/types.js'
import { BOUND_FIELDS, draftSignature, openDrafts, slot } from './bindings.js'

/**
 * The obligations without their times: per slot (rule, draft purpose), the latest
 * instance's status, whether it breached (!) and was escalated (^), a decision's answer,
 * and whether any instance of the slot is owed. Instances repeat (续报, a relapse, a new
 * draft) without making new states.
 */
export function obligationSummary(c: IncidentContext): string[] {
  const latest = new Map<string, Obligation>()
  const owed = new Set<string>()
  for (const o of c.obligations) {
    const k = slot(c, o)
    latest.set(k, o)
    if (o.status === 'owed') owed.add(k)
  }
  return [...latest]
    .map(
      ([k, o]) =>
        `${k}=${o.status}${o.breachedAt ? '!' : ''}${o.escalatedAt ? '^' : ''}${o.decision ? `:${o.decision.answer}` : ''}${owed.has(k) && o.status !== 'owed' ? '+owed' : ''}${o.certain ? '' : '?'}`,
    )
    .sort()
}

/** The drafts without their times: open ones by purpose and approvals given, and the purposes released. */
export function draftSummary(c: IncidentContext): string[] {
  return [
    ...new Set([
      ...openDrafts(c).map(draftSignature),
      ...c.drafts.filter((d) => d.releasedAt !== null).map((d) => `released:${d.purpose}`),
    ]),
  ].sort()
}
/**
 * The acts without times or instance ids: those of the types rule conditions name,
 * with their fields; and, when a plan's own guard reads the acts (`allTypes`), which
 * types were accepted at all. Other acts only matter to rule 6 (done before owed): see
 * priorSummary.
 */
export function actSummary(c: IncidentContext, types: ReadonlySet<string>, allTypes: boolean): string[] {
  const strip = (f: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(f).filter(([k]) => !(BOUND_FIELDS as readonly string[]).includes(k)))
  return [
    ...new Set(
      c.acts.flatMap((a) =>
        types.has(a.type) ? [`${a.type}${JSON.stringify(strip(a.fields))}`] : allTypes ? [a.type] : [],
      ),
    ),
  ].sort()
}

/**
 * Rule 6 (done before owed): a rule that begins where it has no live instance is met at
 * once by an earlier act that discharges it (`prior: 'sameGrade'`: one done at the grade
 * it begins at). Which such acts the incident has is not told by the obligations (a
 * measure may be taken before the category that owes it is set, e.g. saws-2014's
 * REQUEST_TAKEDOWN before 谣言): per rule of `rules` without a live instance, the grades
 * its prior acts were done at (`*` when any grade counts); `prior: { after }` counts only
 * acts done at or after the first act of that type (`latest`: the latest; kit `afterAct`).
 */
export function priorSummary(c: IncidentContext, rules: readonly ObligationRule[]): string[] {
  const live = new Set(c.obligations.filter((o) => o.status !== 'withdrawn').map((o) => o.rule))
  return rules.flatMap((r) => {
    if (live.has(r.id) || r.prior === 'none' || r.kind === 'decision' || r.kind === 'approval') return []
    const after = typeof r.prior === 'object' ? afterAct(c, r.prior) : undefined
    const latest = typeof r.prior === 'object' && r.prior.latest === true
    const bound = after === undefined || !latest ? -1 : c.acts.lastIndexOf(after)
    const done = c.acts.filter(
      (a, i) =>
        matchesDischarge(r.discharge, a.type, a.fields) &&
        (typeof r.prior !== 'object' ||
          (after !== undefined && Date.parse(a.at) >= Date.parse(after.at) && i > bound)),
    )
    if (done.length === 0) return []
    const grades = r.prior === 'sameGrade' ? [...new Set(done.map((a) => String(a.severity)))].sort() : ['*']
    return [`${r.id}@${grades.join(',')}`]
  })
}

/**
 * The abstract state @xstate/graph de-duplicates on: the value plus every context
 * field a guard or the ledger reads (grade, category, steps, reached recipients, the
 * grade pin, the obligations, drafts and acts summarised, closed). Timestamps are left
 * out, so time never makes two states differ and the traversal ends.
 */
export interface KeyOptions {
  /** Steps to key on ('all', or those some guard or rule condition tests). */
  steps: ReadonlySet<string> | 'all'
  /** Whether anything reads the category (else it is left out of the key). */
  category: boolean
  /** Act types keyed with their fields (see actSummary). */
  acts: ReadonlySet<string>
  /** Whether a plan's own guard reads the acts. */
  allActTypes: boolean
  /** Further context fields a plan's own guard reads. */
  extraFields: readonly string[]
  /** Rules whose prior acts (rule 6) are keyed (see priorSummary); none when absent. */
  prior?: readonly ObligationRule[]
}
export function stateKey(snapshot: AnyMachineSnapshot, o: KeyOptions): string {
  const c = snapshot.context as IncidentContext
  return JSON.stringify([
    snapshot.value,
    c.severity,
    o.category ? c.category : null,
    Object.keys(c.steps)
      .filter((x) => o.steps === 'all' || o.steps.has(x))
      .sort(),
    [...c.reportedTo].sort(),
    c.severityPin?.computed ?? null,
    obligationSummary(c),
    draftSummary(c),
    actSummary(c, o.acts, o.allActTypes),
    c.closedAt !== null,
    o.extraFields.map((f) => (c as unknown as Record<string, unknown>)[f]),
    priorSummary(c, o.prior ?? []),
  ])
}
