/**
 * OBLIGATIONS.md rule 8 in the ledger: each live draft owes the approvals its grade
 * requires; a newer draft supersedes an older one, and what a draft no longer needs is
 * withdrawn with the reason. Pure.
 */
import { begin } from './begin.js'
import {
  type ApprovalTable,
  approvalRule,
  approvalRuleFor,
  approvalsFor,
  draftsNeedingApprovals,
} from './drafts.js'
import { mapChanged } from './lists.js'
import type { ApprovalRequirement, Draft, Obligation, ObligationRule } from './obligation-types.js'
import type { KitOptions } from './options.js'
import type { IncidentContext, IncidentEvent } from './types.js'

/** How the grade moved since the ledger last ran (none, the first grade, a rise, a lowering). */
export type Change = 'none' | 'first' | 'raise' | 'lower'

/** An approval requirement's rule, built once per requirement (plan data: never changed). */
const rules = new WeakMap<ApprovalRequirement, ObligationRule>()
const ruleOf = (a: ApprovalRequirement): ObligationRule => {
  let r = rules.get(a)
  if (r === undefined) {
    r = approvalRule(a)
    rules.set(a, r)
  }
  return r
}

function requiredOf(
  asked: Map<string | undefined, readonly ApprovalRequirement[]>,
  table: ApprovalTable,
  ctx: IncidentContext,
  purpose: string | undefined,
): readonly ApprovalRequirement[] {
  let r = asked.get(purpose)
  if (r === undefined) {
    r = approvalsFor(table, ctx, purpose)
    asked.set(purpose, r)
  }
  return r
}

/** draftsNeedingApprovals per list of drafts (a list is never changed: a change makes a new one). */
const needing = new WeakMap<readonly Draft[], ReturnType<typeof draftsNeedingApprovals>>()
function needingApprovals(drafts: Draft[]): ReturnType<typeof draftsNeedingApprovals> {
  let n = needing.get(drafts)
  if (n === undefined) {
    n = draftsNeedingApprovals({ drafts })
    needing.set(drafts, n)
  }
  return n
}

/** Rule 8: each live draft owes the approvals its grade requires; a newer draft supersedes an older one. */
export function syncApprovals(
  spec: {
    approvals: ApprovalTable
    rules?: readonly ObligationRule[]
    options?: Pick<KitOptions, 'approvalsWhile'>
  },
  ctx: IncidentContext,
  event: IncidentEvent,
  change: Change,
): IncidentContext {
  const next = { ...ctx }
  const gate = spec.options?.approvalsWhile === 'releaseOwed' ? spec.rules : undefined
  syncApprovalsIn(spec.approvals, next, event, change, gate)
  return next
}

/** The purpose each rule publishes (`draftPurpose`), by rule id, per list of rules (plan data). */
const purposesOf = new WeakMap<readonly ObligationRule[], ReadonlyMap<string, string>>()
function purposeByRule(rules: readonly ObligationRule[]): ReadonlyMap<string, string> {
  let m = purposesOf.get(rules)
  if (m === undefined) {
    m = new Map(rules.flatMap((r) => (r.draftPurpose === undefined ? [] : [[r.id, r.draftPurpose] as const])))
    purposesOf.set(rules, m)
  }
  return m
}

/** The purpose each rule writes its step from (`usesDraft`), by rule id, per list of rules (plan data). */
const usesOf = new WeakMap<readonly ObligationRule[], ReadonlyMap<string, string>>()
function usesByRule(rules: readonly ObligationRule[]): ReadonlyMap<string, string> {
  let m = usesOf.get(rules)
  if (m === undefined) {
    m = new Map(rules.flatMap((r) => (r.usesDraft === undefined ? [] : [[r.id, r.usesDraft] as const])))
    usesOf.set(rules, m)
  }
  return m
}

/** The latest release of `purpose` not withdrawn was met (its text went out). */
function releaseMet(
  obligations: readonly Obligation[],
  purposes: ReadonlyMap<string, string>,
  purpose: string,
): boolean {
  const last = obligations.findLast((o) => o.status !== 'withdrawn' && purposes.get(o.rule) === purpose)
  return last !== undefined && last.metAt !== null
}

/**
 * Option approvalsWhile 'releaseOwed': why a draft of `purpose` owes no approval now — the
 * latest release of its purpose met, waived or withdrawn (none: never owed yet); or, when a rule
 * written from it (`usesDraft`) began after that release and is settled, that rule done, waived
 * or withdrawn (named by its label: what kept the approval owed is what ended it).
 */
function unreleasedReason(
  obligations: readonly Obligation[],
  purposes: ReadonlyMap<string, string>,
  uses: ReadonlyMap<string, string>,
  purpose: string,
) {
  const at = obligations.findLastIndex((o) => purposes.get(o.rule) === purpose)
  const use = obligations.findLastIndex((o) => uses.get(o.rule) === purpose)
  const step = use > at ? obligations[use] : undefined
  if (step !== undefined && step.status !== 'owed') {
    if (step.withdrawn) return `“${step.label}”已不再要求：${step.withdrawn.reason}`
    if (step.waived) return `“${step.label}”已免除：${step.waived.reason}`
    return `“${step.label}”已办结，此稿不再审批`
  }
  const last = at < 0 ? undefined : obligations[at]
  if (last?.withdrawn) return `发布已不再要求：${last.withdrawn.reason}`
  if (last?.waived) return `发布已免除：${last.waived.reason}`
  return last?.metAt ? '已发布，此稿不再审批' : '尚无须发布，此稿暂不审批'
}

/**
 * `syncApprovals` on a context the caller owns (a copy it made): its `obligations` list
 * is replaced when something changed, an obligation never changed in place.
 */
export function syncApprovalsIn(
  table: ApprovalTable,
  next: IncidentContext,
  event: IncidentEvent,
  change: Change,
  releases?: readonly ObligationRule[],
): void {
  const { live, superseded } = needingApprovals(next.drafts)
  // Option approvalsWhile 'releaseOwed' (`releases`: the plan's rules): the purposes a release is owed of.
  const purposes = releases === undefined ? undefined : purposeByRule(releases)
  let owing: Set<string> | undefined
  if (purposes !== undefined && releases !== undefined) {
    owing = new Set()
    const uses = usesByRule(releases)
    for (const o of next.obligations) {
      if (o.status !== 'owed') continue
      const p = purposes.get(o.rule)
      if (p !== undefined) owing.add(p)
      // A rule's `usesDraft`: owed, it keeps the drafts owing while no release of theirs was met.
      const u = uses.get(o.rule)
      if (u !== undefined && !releaseMet(next.obligations, purposes, u)) owing.add(u)
    }
  }
  // The approvals each draft's purpose requires, asked once per purpose.
  const required = new Map<string | undefined, readonly ApprovalRequirement[]>()
  next.obligations = mapChanged(next.obligations, (o) => {
    if (o.kind !== 'approval' || o.status !== 'owed' || o.draftId === null) return o
    const gone = superseded.find((d) => d.id === o.draftId)
    const purpose = live.find((d) => d.id === o.draftId)?.purpose
    const needed = requiredOf(required, table, next, purpose)
    const unreleased = owing !== undefined && purpose !== undefined && !owing.has(purpose)
    const stillNeeded = !gone && !unreleased && needed.some((a) => ruleOf(a).id === o.rule)
    if (stillNeeded) return o
    const reason = gone
      ? gone.withdrawn
        ? `稿件已撤回：${gone.withdrawn.reason}`
        : '已有新稿，旧稿不再审批'
      : unreleased && purposes !== undefined && releases !== undefined
        ? unreleasedReason(next.obligations, purposes, usesByRule(releases), purpose)
        : change === 'lower'
          ? typeof event.reason === 'string'
            ? event.reason
            : '级别降低'
          : '现级别不再要求此审批'
    return { ...o, status: 'withdrawn' as const, withdrawn: { by: event.actor, reason, at: event.at } }
  })
  if (live.length === 0) return
  // The approval rules each live draft has an instance of (not withdrawn), in one pass.
  const has = new Map<string, string[]>()
  for (const d of live) has.set(d.id, [])
  for (const o of next.obligations)
    if (o.draftId !== null && o.status !== 'withdrawn') has.get(o.draftId)?.push(o.rule)
  for (const draft of live) {
    if (owing !== undefined && !owing.has(draft.purpose)) continue
    const rules = has.get(draft.id) as string[]
    for (const a of requiredOf(required, table, next, draft.purpose)) {
      const rule = ruleOf(a)
      if (rules.includes(rule.id)) continue
      const o = begin(next, approvalRuleFor(a, rule, draft.purpose), event.at, event.quotes, {
        fromEvent: true,
        draftId: draft.id,
        repeat: false,
      })
      next.obligations = [...next.obligations, o]
      rules.push(rule.id)
    }
  }
}
