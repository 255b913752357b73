/**
 * Whether an explored state can still reach `closed` without re-grading: the shortest
 * closing paths of the flow (BFS backwards from closed), and for a state off them a
 * replayed flow suffix, else a walk that takes what is owed first (`dive`), else a
 * bounded best-first search.
 */
import type { AnyMachineSnapshot } from 'xstate'
import {
  type IncidentContext,
  type IncidentEvent,
  PHASES,
  type Phase,
  type PlanDefinition,
} from '../../../machines/index.js'
import { wouldDischarge } from '../../../machines/kit/ledger.js'
import { obligationParts } from '../../../src/engine/view-parts.js'
import { nextSnapshot, phaseOf } from '../graph.js'
import {
  DIVE_STEPS,
  type Edge,
  type Instrumented,
  type Keyed,
  type RouteNext,
  regrades,
  SEARCH_CAP,
  VARIANT,
} from './model.js'
import type { Grain } from './places.js'

/**
 * For every expanded state from which a closed state is reachable over edges whose
 * events keep the grade: the events of a shortest such path (BFS backwards from closed).
 */
export function closingPaths(
  snapshots: Map<string, AnyMachineSnapshot>,
  edges: Map<string, Edge[]>,
  expanded: Set<string>,
): Map<string, IncidentEvent[]> {
  const reverse = new Map<string, Edge[]>()
  for (const [from, out] of edges)
    for (const { to, event } of out)
      if (!regrades(event) && expanded.has(from))
        reverse.set(to, [...(reverse.get(to) ?? []), { to: from, event }])
  const paths = new Map<string, IncidentEvent[]>()
  const queue = [...snapshots].filter(([, s]) => phaseOf(s.value) === 'closed').map(([k]) => k)
  for (const k of queue) paths.set(k, [])
  for (let i = 0; i < queue.length; i++) {
    const to = queue[i]!
    for (const { to: from, event } of reverse.get(to) ?? [])
      if (!paths.has(from)) {
        paths.set(from, [event, ...paths.get(to)!])
        queue.push(from)
      }
  }
  return paths
}

/** What the closability search shares with its exploration round. */
export interface ClosabilityOf {
  plan: PlanDefinition
  inst: Instrumented
  keyOf: (s: AnyMachineSnapshot) => string
  /** The stamped events a snapshot accepts, of the kinds `pick` keeps. */
  accepted: (s: AnyMachineSnapshot, pick: (e: IncidentEvent, c: IncidentContext) => boolean) => Keyed[]
  flowEvent: (e: IncidentEvent, c: IncidentContext) => boolean
  /** Where a state is (places.ts `config`). */
  config: (s: AnyMachineSnapshot, grain: Grain) => string
  /** A route's step from `s`, restamped at its instant. */
  routeStep: (s: AnyMachineSnapshot, next: RouteNext) => Keyed
  routeVariants: ReadonlyMap<string, RouteNext>
  /** A shortest closing flow path per place (phase state, grade, category). */
  suffixByConfig: ReadonlyMap<string, IncidentEvent[]>
  /** Keys known to reach `closed` without re-grading (flow states, and what searches found). */
  closable: Set<string>
}

/** Whether `closed` is reachable from a state without re-grading (see the file's header). */
export function closability({
  plan,
  inst,
  keyOf,
  accepted,
  flowEvent,
  config,
  routeStep,
  routeVariants,
  suffixByConfig,
  closable,
}: ClosabilityOf): (s: AnyMachineSnapshot) => boolean {
  /** The way out of flow states: flow events and escalation. */
  const wayOut = (e: IncidentEvent, c: IncidentContext) => flowEvent(e, c) || e.type === 'ESCALATE'
  const isClosable = (t: AnyMachineSnapshot) => closable.has(keyOf(t)) || phaseOf(t.value) === 'closed'
  const rank = (u: AnyMachineSnapshot) => PHASES.indexOf(phaseOf(u.value) as Phase)
  const stepCount = (u: AnyMachineSnapshot) => Object.keys((u.context as IncidentContext).steps).length
  /** A change of an already given category (PROPOSE names one too). */
  const recategorises = (e: IncidentEvent, c: IncidentContext) =>
    typeof e.category === 'string' && c.category !== null && e.category !== c.category
  /**
   * One walk towards `closed`, much as the HTTP driver takes one (tests/http/driver.ts):
   * a step that discharges something owed (or the draft an owed release waits for, as
   * the view names it), else the move furthest along the phases, else a step that
   * completes a step of the plan not done yet, else a move back (a relapse, to do what a
   * later category owes), else any step; never to a state seen on the way, never a
   * change of an already given category. Up to DIVE_STEPS steps, no backtracking: the
   * bounded search is the fallback.
   */
  const dive = (s: AnyMachineSnapshot): boolean => {
    const path = [keyOf(s)]
    const seen = new Set(path)
    for (let u = s, n = 0; n < DIVE_STEPS; n++) {
      const c = u.context as IncidentContext
      const owing = obligationParts(plan, c).obligations.filter((o) => o.status === 'owed')
      const offers = accepted(u, (e, x) => wayOut(e, x) && !recategorises(e, x))
      const fresh = (ev: IncidentEvent) => {
        const v = nextSnapshot(inst.machine, u, ev as never)
        return seen.has(keyOf(v)) ? undefined : v
      }
      // What is owed first: its discharge, or the draft its release waits for (its `firstStep`, as the view names it).
      const owedStep = (ev: IncidentEvent) =>
        owing.some(
          (o) =>
            wouldDischarge(o, ev) ||
            (o.firstStep?.type === 'DRAFT' &&
              ev.type === 'DRAFT' &&
              ev.purpose === o.firstStep.fields.purpose),
        )
      let next: AnyMachineSnapshot | undefined
      for (const ev of offers.filter(owedStep)) {
        next = fresh(ev)
        if (next) break
      }
      if (!next) {
        const value = JSON.stringify(u.value)
        const others = offers.flatMap((ev) => {
          const v = fresh(ev)
          return v ? [v] : []
        })
        const moves = others
          .filter((v) => JSON.stringify(v.value) !== value)
          .sort((a, b) => rank(b) - rank(a))
        const sides = others.filter((v) => JSON.stringify(v.value) === value)
        next =
          moves.find((v) => rank(v) >= rank(u)) ??
          sides.find((v) => stepCount(v) > stepCount(u)) ??
          moves[0] ??
          sides[0]
      }
      if (!next) return false
      u = next
      path.push(keyOf(u))
      seen.add(keyOf(u))
      if (isClosable(u)) {
        for (const k of path) closable.add(k)
        return true
      }
    }
    return false
  }
  /** Whether `closed` is reachable from `s` without re-grading: replay a flow suffix, else a walk, else search. */
  const closes = (s: AnyMachineSnapshot): boolean => {
    if (closable.has(keyOf(s))) return true
    const suffix = suffixByConfig.get(config(s, 'grade'))
    let t = s
    for (const e of suffix ?? []) {
      const variant = (e as Keyed)[VARIANT]
      const route = routeVariants.get(variant)
      const again = route
        ? routeStep(t, route)
        : accepted(t, (x) => x.type === e.type).find((x) => x[VARIANT] === variant)
      if (!again || !t.can(again)) break
      t = nextSnapshot(inst.machine, t, again as never)
      if (isClosable(t)) {
        closable.add(keyOf(s))
        return true
      }
    }
    if (dive(s)) return true
    // Best-first search: the state furthest along the phases first, so a live state closes fast.
    const parent = new Map<string, string | null>([[keyOf(s), null]])
    const buckets: AnyMachineSnapshot[][] = PHASES.map(() => [])
    const bucket = (u: AnyMachineSnapshot) => buckets[PHASES.indexOf(phaseOf(u.value) as Phase)]!
    bucket(s).push(s)
    while (parent.size < SEARCH_CAP) {
      const u = buckets.findLast((b) => b.length > 0)?.pop()
      if (!u) return false
      // Within a phase, moves first, then steps discharging something owed, then the rest.
      const owing = (u.context as IncidentContext).obligations.filter((o) => o.status === 'owed')
      const later: AnyMachineSnapshot[][] = [[], [], []]
      for (const ev of accepted(u, wayOut)) {
        const v = nextSnapshot(inst.machine, u, ev as never)
        const k = keyOf(v)
        if (parent.has(k)) continue
        parent.set(k, keyOf(u))
        if (closable.has(k) || phaseOf(v.value) === 'closed') {
          for (let p: string | null | undefined = k; p; p = parent.get(p)) closable.add(p)
          return true
        }
        const moved = JSON.stringify(v.value) !== JSON.stringify(u.value)
        later[moved ? 2 : owing.some((o) => wouldDischarge(o, ev)) ? 1 : 0]!.push(v)
      }
      for (const v of later.flat()) bucket(v).push(v)
    }
    return false
  }
  return closes
}
