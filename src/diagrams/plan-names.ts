/**
 * A plan's own things by their labels (zh-CN): grades, rules, approvals, recipients, steps and
 * routes, each falling back to its code when the plan does not name it.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planModel } from './model.js'

/** A grade by its label and code: `重大(major)`. */
export const severityLabel = (plan: PlanDefinition, code: unknown): string => {
  const s = plan.severities.find((x) => x.code === code)
  return s ? `${s.label}(${String(code)})` : String(code)
}

/** A step in words: the label of the event whose transition records it. */
export function stepWords(plan: PlanDefinition, step: string): string {
  const t = planModel(plan).transitions.find((x) => x.steps.includes(step))
  const label = t ? plan.events.find((e) => e.type === t.event)?.label : undefined
  return label ? `已${label}` : `已完成步骤 ${step}`
}

/** A route's words: the label of the state of that name, if the machine has one. */
export function routeLabel(plan: PlanDefinition, route: string): string {
  const node = (plan.machine.root as unknown as { states: Record<string, unknown> }).states
  const phase = node.phase as {
    states?: Record<string, { states?: Record<string, { meta?: { label?: string } }> }>
  }
  for (const p of Object.values(phase?.states ?? {})) {
    const hit = p.states?.[route]?.meta?.label
    if (hit) return hit
  }
  return route
}

/** A rule by its label. */
export const ruleLabel = (plan: PlanDefinition, id: string): string =>
  plan.obligations.find((r) => r.id === id)?.label ?? id

/** An approval by its label, from any grade's list. */
export const approvalLabel = (plan: PlanDefinition, code: string): string =>
  Object.values(plan.approvals)
    .flatMap((l) => l ?? [])
    .find((a) => a.code === code)?.label ?? code

/** A recipient by the label a rule gives it. */
export const recipientLabel = (plan: PlanDefinition, code: string): string =>
  plan.obligations.find((r) => r.recipient?.code === code)?.recipient?.label ?? code
