/**
 * What the graph coverage suite checks against and says when a check fails: the target
 * node a transition names, which transitions a plan must take, an event or transition in
 * a message, a path replayed on the plan's own machine, a shortest explored path to a state.
 */
import { createActor } from 'xstate'
import type { IncidentContext, IncidentEvent, PlanDefinition, Severity } from '../../../machines/index.js'
import { quoteRules } from '../../../src/engine/quotes.js'
import {
  armed,
  deadlineEvent,
  hasWorkingTimeRule,
  incidentInput,
  nowOf,
  requotable,
  requoteEvent,
  type TransitionInfo,
} from '../graph.js'
import { calendar, inertClock } from '../machine.js'
import type { Exploration } from './model.js'

/** The state node id a transition target names: `#id`, `.child`, or a sibling key. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('#')) return target.slice(1)
  if (target.startsWith('.')) return `${source}${target}`
  return `${source.slice(0, source.lastIndexOf('.'))}.${target}`
}

/**
 * Every transition must be taken, but for the kit's events a plan cannot have: no due
 * time (no breach, so no escalation either), no working-time due time (never uncertain,
 * so never re-quoted), no decision rule (nothing to DECIDE).
 */
export function required(plan: PlanDefinition, t: TransitionInfo): boolean {
  const due = plan.obligations.some((r) => r.due !== undefined)
  if (t.event === 'REQUOTE') return hasWorkingTimeRule(plan)
  if (t.event === 'DEADLINE_PASSED' || t.event === 'ESCALATE') return due
  // The kit's DECIDE answers an owed decision: a plan with no decision rule never owes one.
  if (t.event === 'DECIDE') return plan.obligations.some((r) => r.kind === 'decision')
  return true
}

/** An event in a failure message: its type and the payload fields that pick a variant. */
export function describeEvent(e: IncidentEvent): string {
  const picks = [
    'severity',
    'category',
    'to',
    'facts',
    'purpose',
    'draftId',
    'obligation',
    'decision',
    'answer',
  ]
    .filter((f) => f in e)
    .map((f) => JSON.stringify(e[f]))
  return `${e.type}${picks.length ? `(${picks.join(', ')})` : ''}${e.actor?.role ? ` as ${e.actor.role}` : ''}`
}

/** Replays a path on the plan's own machine (not the instrumented copy), restamping each event. */
export function replay(plan: PlanDefinition, grade: Severity | null, path: readonly IncidentEvent[]) {
  const actor = createActor(plan.machine, { input: incidentInput(plan, grade), clock: inertClock }).start()
  for (const ev of path) {
    const c = actor.getSnapshot().context as IncidentContext
    const at = nowOf(c)
    if (ev.type === 'DEADLINE_PASSED') {
      const o = armed(c).find((x) => x.id === ev.obligation)
      if (!o) return undefined
      actor.send(deadlineEvent(o, at))
    } else if (ev.type === 'REQUOTE') {
      const o = requotable(c).find((x) => x.id === ev.obligation)
      if (!o) return undefined
      actor.send(requoteEvent(o, at))
    } else {
      actor.send({ ...ev, at, quotes: quoteRules(plan.obligations, calendar, c, at) })
    }
  }
  return actor.getSnapshot()
}

/** A shortest explored path from any opening to `target`, for failure messages. */
export function pathTo(e: Exploration, target: string): string {
  const back = new Map<string, { prev: string; event: IncidentEvent } | null>()
  const queue: string[] = []
  for (const [grade, k] of e.openings) {
    if (!back.has(k)) back.set(k, null)
    queue.push(k)
    if (k === target) return `opened ${grade ?? 'unclassified'}`
  }
  for (let i = 0; i < queue.length; i++)
    for (const { to, event } of e.edges.get(queue[i]!) ?? [])
      if (!back.has(to)) {
        back.set(to, { prev: queue[i]!, event })
        queue.push(to)
        if (to === target) {
          const steps: string[] = []
          let at = to
          for (let b = back.get(at); b; at = b.prev, b = back.get(at)) steps.unshift(describeEvent(b.event))
          const grade = [...e.openings].find(([, k]) => k === at)?.[0]
          return `opened ${grade ?? 'unclassified'} → ${steps.join(' → ')}`
        }
      }
  return '(no path)'
}

export const describeTransition = (t: TransitionInfo) =>
  `${t.id}${t.guard ? ` [${t.guard}]` : ''} → ${t.targets.join(', ') || '(self)'}`
