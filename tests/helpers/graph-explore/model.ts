/**
 * What an exploration of a plan (explore.ts) is made of: its edges, perturbations and
 * result; the kinds of event it tells apart; its bounds; the virtual root its traversals
 * start from.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentContext, IncidentEvent, PlanDefinition, Severity } from '../../../machines/index.js'
import { type instrument, SYSTEM_EVENT_TYPES } from '../graph.js'

/** The instrumented copy of a plan's machine an exploration round runs on. */
export type Instrumented = ReturnType<typeof instrument>

/** An incident opened here has working-time due times reaching a year the holiday data does not cover. */
export const UNCERTAIN_T0 = '2026-12-31T01:00:00.000Z'

export const hasFacts = (e: Record<string, unknown>) =>
  typeof e.facts === 'object' && e.facts !== null && Object.keys(e.facts).length > 0
export const isSystem = (e: { type: string }) => SYSTEM_EVENT_TYPES.has(e.type)
/** Events that change (or may change) the grade: a lowering is not a way out of a state. */
export const regrades = (e: Record<string, unknown>) =>
  e.type === 'SET_SEVERITY' || (e.type === 'METRICS_UPDATED' && hasFacts(e))
/** A change of grade or of an already given category (the first grading and category are steps). */
export const perturbs = (e: IncidentEvent, before: IncidentContext) =>
  regrades(e) || (e.type === 'SET_CATEGORY' && before.category !== null)

/** Event types that discharge an obligation with a due time (so may meet it in time, or late). */
export function dischargingEvents(plan: PlanDefinition): Set<string> {
  return new Set(plan.obligations.filter((r) => r.due !== undefined).map((r) => r.discharge.type))
}

export interface Edge {
  to: string
  event: IncidentEvent
}
export interface Perturbation {
  from: string
  event: IncidentEvent
  to: string
  /** Whether `closed` is still reachable from `to` without re-grading. */
  closes: boolean
}
export interface Exploration {
  /** One representative snapshot per explored state key. */
  snapshots: Map<string, AnyMachineSnapshot>
  edges: Map<string, Edge[]>
  taken: Set<string>
  /** Keys of the states whose flow events were explored. */
  expanded: Set<string>
  /** Key of the opening snapshot of each start grade. */
  openings: Map<Severity | null, string>
  /** A shortest closing path (events keeping the grade) from each expanded state that has one. */
  closing: Map<string, IncidentEvent[]>
  perturbations: Perturbation[]
  /** Whether `closed` is reachable from a state without re-grading (the explored paths, else a bounded search). */
  closes: (s: AnyMachineSnapshot) => boolean
  /** Whether an explored snapshot accepts some event it may be offered. */
  acceptsSome: (s: AnyMachineSnapshot) => boolean
  ms: number
}

/** Progress of an exploration, with GRAPH_DEBUG=1. */
export const debug = (msg: string) => {
  if (process.env.GRAPH_DEBUG) console.info(msg)
}
export const VARIANT = Symbol('variant')
export type Keyed = IncidentEvent & { [VARIANT]: string }
/** A step of a route to closed; `draft`: the signature of the draft it names. */
export interface RouteNext {
  event: Keyed
  draft?: string
}

export const ROOT = { status: 'active', value: '(root)', context: {} } as unknown as AnyMachineSnapshot
export const SEED = 'xstate-graph-test.seed'
/**
 * Side steps (steps that leave the state value as it is: a report, a draft, an approval,
 * a decision) commute mostly, and every subset of them is a state of its own. After this
 * many in a row, the flow takes them in one canonical order (partial-order reduction);
 * the moves out of each such state are all explored, and the random walks try other orders.
 */
export const FREE_SIDE_STEPS = 1
/**
 * The obligations make the states of one place (state value, grade, category) many: every
 * subset of what is owed, met, decided, drafted. The flow expands the first PER_PLACE states
 * of each place and number of obligations owed (so that states further along have their
 * own share); the others are reached (counted for coverage, checked for an accepted event)
 * but not expanded.
 */
export const PER_PLACE = 3
/** Flow states not closed by the explored paths that are searched for a way to close. */
export const CLOSE_SAMPLE = 150
/** States a fallback search for `closed` may visit from one perturbed state. */
export const SEARCH_CAP = 300
/** Steps a walk towards `closed` (see `dive`) may take before the bounded search is tried instead. */
export const DIVE_STEPS = 80
