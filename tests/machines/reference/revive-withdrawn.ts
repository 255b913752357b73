/**
 * The reference ledger's revived due time (see ./ledger.ts): again.revivesWithdrawn 'byOwer'.
 */

import type { Obligation, ObligationRule } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext } from '../../../machines/kit/types.js'
import { isAbove } from '../../../machines/vocabulary.js'

const ms = (iso: string) => Date.parse(iso)

/**
 * again.revivesWithdrawn 'byOwer': an instance a rise began, owed with a due time, keeps the due
 * time (and what it counts from) of the rule's latest earlier instance for the same draft and key
 * when that one was withdrawn by a lowering (a change of grade downwards logged at the withdrawal's
 * instant, by the one who withdrew it) made by one of the roles that owed it, and its due time is
 * after the rise; the policy says so.
 */
export function keptDue(ctx: IncidentContext, rule: ObligationRule, o: Obligation, at: string): Obligation {
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
