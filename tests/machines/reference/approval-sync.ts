/**
 * The reference ledger's rule 8 (see ./ledger.ts): each live draft owes the approvals its grade
 * (and purpose) requires; a newer draft supersedes an older one; with approvalsWhile and usesDraft.
 */

import type { ApprovalRequirement } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext, IncidentEvent } from '../../../machines/kit/types.js'
import { begin } from './begin.js'
import { approvalRule, approvalRuleFor, approvalsFor, draftsNeedingApprovals } from './drafts.js'
import type { Change, LedgerSpec } from './ledger.js'

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
