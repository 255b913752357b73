/**
 * A route from an opening at a grade to `closed`, found by a best-first search over the
 * plan's own events, and the snapshots along it.
 */
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../../machines/kit/types.js'
import type { Role, Severity } from '../../../machines/vocabulary.js'
import { quoteRules } from '../../../src/engine/quotes.js'
import { calendar } from '../machine.js'
import { handledEventTypes, nextSnapshot, phaseOf } from './definition.js'
import { incidentInput, nowOf } from './events.js'
import { categoryRepresentatives, conditionActs } from './guards.js'
import { bindMenu, planMenu } from './menus.js'
import { stateKey } from './state-keys.js'

/** An event of a route: its type and payload (stamp it with `at`, actor and quotes when sending). */
export interface RouteStep {
  type: string
  payload: Record<string, unknown>
  role: Role
  name: string
}

/**
 * The instant a route's next step is taken: a millisecond after the incident's latest, as
 * the engine walks take each step on a clock that moves (a step that must come after
 * another, `prior: { after }`, is not counted as taken at the same instant).
 */
const routeAt = (c: IncidentContext): string => new Date(Date.parse(nowOf(c)) + 1).toISOString()

/** A route's step as the event it sends from `s`, stamped a millisecond after the incident's latest instant, and quoted. */
export function routeEvent(plan: PlanDefinition, s: AnyMachineSnapshot, step: RouteStep): IncidentEvent {
  const c = s.context as IncidentContext
  const at = routeAt(c)
  return {
    ...step.payload,
    type: step.type,
    at,
    actor: { name: step.name, role: step.role },
    quotes: quoteRules(plan.obligations, calendar, c, at),
  } as IncidentEvent
}

/** The snapshots along a route from an opening at `grade` to closed (closingRoute), the opening first. */
export function routeSnapshots(plan: PlanDefinition, grade: Severity | null): AnyMachineSnapshot[] {
  let s = getInitialSnapshot(plan.machine, incidentInput(plan, grade))
  const out = [s]
  for (const step of closingRoute(plan, grade) ?? []) {
    s = nextSnapshot(plan.machine, s, routeEvent(plan, s, step))
    out.push(s)
  }
  return out
}

/** Events that are not the plan's own way forward: monitoring, re-grading, escalation, waivers. */
const NOT_FORWARD = new Set(['METRICS_UPDATED', 'SET_SEVERITY', 'ESCALATE', 'WAIVE', 'WITHDRAW_DRAFT'])

/**
 * A route from an incident opened at `grade` to `closed`, found by a best-first search
 * (the state furthest along the phases first) over the plan's own events and the first
 * category, each stamped a millisecond after the incident's latest instant (routeAt). Undefined when none is found
 * within `cap` states.
 */
export function closingRoute(
  plan: PlanDefinition,
  grade: Severity | null,
  cap = 5_000,
): RouteStep[] | undefined {
  const PHASE_ORDER = ['discovery', 'reporting', 'consultation', 'response', 'disposal', 'review', 'closed']
  const handles = handledEventTypes(plan.machine)
  const menu = planMenu(plan, { categories: categoryRepresentatives(plan) }).filter(
    (m) => !NOT_FORWARD.has(m.type),
  )
  const start = getInitialSnapshot(plan.machine, incidentInput(plan, grade))
  const key = (s: AnyMachineSnapshot) =>
    stateKey(s, {
      steps: 'all',
      category: true,
      extraFields: [],
      acts: conditionActs(plan),
      allActTypes: true,
    })
  const parent = new Map<string, { prev: string; step: RouteStep } | null>([[key(start), null]])
  const buckets: AnyMachineSnapshot[][] = PHASE_ORDER.map(() => [])
  const bucket = (s: AnyMachineSnapshot) => buckets[PHASE_ORDER.indexOf(phaseOf(s.value))]!
  bucket(start).push(start)
  while (parent.size < cap) {
    const s = buckets.findLast((b) => b.length > 0)?.pop()
    if (!s) return undefined
    const c = s.context as IncidentContext
    const handled = handles(s.value)
    const moved: AnyMachineSnapshot[] = []
    const items = menu.filter(
      (m) => handled.has(m.type) && (m.type !== 'SET_CATEGORY' || c.category === null),
    )
    for (const { event } of bindMenu(plan, items, c, routeAt(c))) {
      if (!s.can(event)) continue
      const next = nextSnapshot(plan.machine, s, event as never)
      const k = key(next)
      if (parent.has(k)) continue
      const { type, at: _at, actor, quotes: _q, ...payload } = event
      parent.set(k, { prev: key(s), step: { type, payload, role: actor.role as Role, name: actor.name } })
      if (phaseOf(next.value) === 'closed') {
        const route: RouteStep[] = []
        for (let p = parent.get(k); p; p = parent.get(p.prev)) route.unshift(p.step)
        return route
      }
      // Moves of the phase state are tried before steps that stay (the last pushed pops first).
      if (JSON.stringify(next.value) !== JSON.stringify(s.value)) moved.push(next)
      else bucket(next).push(next)
    }
    for (const next of moved.reverse()) bucket(next).push(next)
  }
  return undefined
}
