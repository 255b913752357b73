/**
 * Why a DECIDE's decision is not owed now, in words (`reason`, the English `detail`) and as
 * a structured field of the refusal (`decision`, which the console says in its reader's
 * language): the plan has no decision by that id; the latest asking was answered (how,
 * when) or waived; or it is not asked yet (the condition it is asked on, in the plan's
 * words as GET /plans/:planId's obligations say it). Or it is owed, but not by the role
 * deciding (`owedByOthers`: `owedBy`, whose it is): a 409 as the others (API.md "Send an
 * event": 403 is for a role outside DECIDE's roles only).
 */
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import { conditionWords } from '../diagrams/labels.js'
import type { DecisionNotOwed } from '../errors.js'

export function decisionNotOwed(
  plan: PlanDefinition,
  ctx: IncidentContext,
  id: string,
): { reason: string; decision: DecisionNotOwed } {
  const rule = plan.obligations.find((r) => r.id === id && r.kind === 'decision')
  if (!rule) return { reason: `the plan has no decision ${id}`, decision: { id, why: 'unknown' } }
  const named = `decision ${id} (“${rule.label}”)`
  const about = { id, label: rule.label }
  const latest = ctx.obligations.filter((o) => o.rule === id && o.status !== 'withdrawn').at(-1)
  if (latest?.decision) {
    const { answer, at } = latest.decision
    return {
      reason: `${named} is not owed now: answered ${answer} at ${at}`,
      decision: { ...about, why: 'answered', answer, at },
    }
  }
  if (latest?.status === 'waived')
    return {
      reason: `${named} is not owed now: waived`,
      decision: { ...about, why: 'waived', ...(latest.waived ? { at: latest.waived.at } : {}) },
    }
  const askedWhen = rule.when ? conditionWords(plan, rule.when) : undefined
  return {
    reason: `${named} is not owed now${askedWhen ? `: it is asked when ${askedWhen}` : ''}`,
    decision: { ...about, why: 'notAsked', ...(askedWhen ? { askedWhen } : {}) },
  }
}

/**
 * A DECIDE by one of DECIDE's roles of a decision owed now, but not by that role: whose it
 * is (the owed asking's `owedBy`); null where the decision is not owed (decisionNotOwed says
 * why) or the role owes it.
 */
export function decisionOwedByOthers(
  plan: PlanDefinition,
  ctx: IncidentContext,
  event: IncidentEvent,
): { reason: string; decision: DecisionNotOwed } | null {
  if (event.type !== 'DECIDE' || typeof event.decision !== 'string') return null
  const id = event.decision
  const o = ctx.obligations.find((x) => x.kind === 'decision' && x.status === 'owed' && x.rule === id)
  const role = event.actor.role
  if (!o || (o.owedBy as string[]).includes(role)) return null
  const label = plan.obligations.find((r) => r.id === id && r.kind === 'decision')?.label ?? o.label
  const owedBy = [...o.owedBy] as string[]
  return {
    reason: `decision ${id} (“${label}”) is not ${role}'s to decide: it is owed by ${owedBy.join(', ')}`,
    decision: { id, label, why: 'owedByOthers', owedBy },
  }
}
