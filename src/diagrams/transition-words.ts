/**
 * Transitions in words, as the diagrams show them: the event and its label (or `always`, `after`),
 * who may send it, its guard and its citation.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { citation } from './citation.js'
import { guardText } from './guard-text.js'
import type { PlanModel, TransitionInfo } from './model.js'

/** The plan's spec of an event type (label, roles, schema). */
export function eventSpec(plan: PlanDefinition, type: string) {
  return plan.events.find((e) => e.type === type)
}

/** `REPORT 汇报` for events, `always（自动）`, `after reportDue（…）` for timed ones. */
export function eventText(plan: PlanDefinition, t: TransitionInfo): string {
  if (t.kind === 'always') return 'always（条件满足即自动）'
  if (t.kind === 'after') return `after ${t.delay ?? ''}`
  const spec = eventSpec(plan, t.event)
  return spec ? `${t.event} ${spec.label}` : t.event
}

/** Who may send the event, from the plan's event specs (`‹office/group›`). */
export function rolesText(plan: PlanDefinition, t: TransitionInfo): string | null {
  if (t.kind !== 'event') return null
  const spec = eventSpec(plan, t.event)
  return spec ? spec.roles.join('/') : null
}

/** The one-line label of a transition as the diagrams show it. */
export function transitionLines(model: PlanModel, t: TransitionInfo): string[] {
  const plan = model.plan
  const lines = [eventText(plan, t)]
  const guard = guardText(plan, t.guard)
  const roles = rolesText(plan, t)
  const cond = [guard ? `[${guard}]` : '', roles ? `‹${roles}›` : ''].filter((x) => x).join(' ')
  if (cond) lines.push(cond)
  lines.push(citation(t.meta))
  return lines
}
