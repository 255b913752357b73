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
import type { ApprovalRequirement, Draft, ObligationRule } from './obligation-types.js'
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
  spec: { approvals: ApprovalTable },
  ctx: IncidentContext,
  event: IncidentEvent,
  change: Change,
): IncidentContext {
  const next = { ...ctx }
  syncApprovalsIn(spec.approvals, next, event, change)
  return next
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
): void {
  const { live, superseded } = needingApprovals(next.drafts)
  // The approvals each draft's purpose requires, asked once per purpose.
  const required = new Map<string | undefined, readonly ApprovalRequirement[]>()
  next.obligations = mapChanged(next.obligations, (o) => {
    if (o.kind !== 'approval' || o.status !== 'owed' || o.draftId === null) return o
    const gone = superseded.find((d) => d.id === o.draftId)
    const needed = requiredOf(required, table, next, live.find((d) => d.id === o.draftId)?.purpose)
    const stillNeeded = !gone && needed.some((a) => ruleOf(a).id === o.rule)
    if (stillNeeded) return o
    const reason = gone
      ? gone.withdrawn
        ? `稿件已撤回：${gone.withdrawn.reason}`
        : '已有新稿，旧稿不再审批'
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
