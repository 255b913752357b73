/**
 * The exploration behind the graph coverage of every registered plan
 * (tests/machines/graph.coverage.test.ts), with @xstate/graph
 * (`getAdjacencyMap` over the plan machine, from a virtual root whose events jump to
 * chosen snapshots, so several starts share one graph; see `explore`).
 *
 * Events: an explicit list built from the plan's EventSpecs, each payload generated from
 * its zod schema (one variant per grade, category class, enum value, fact sample and
 * recipient list), sent as each role that owes what it discharges; fields naming a
 * draft, an owed obligation or a decision bound to each the incident has. Plus the
 * system events of the engine's scheduler: DEADLINE_PASSED for each owed obligation
 * with a due time (at that time), REQUOTE of an uncertain one. Every event is stamped
 * with `at` (the latest instant the incident has seen: time moves only when a due time
 * passes, and a step done at that instant meets it inclusively), an actor and the
 * calendar's quotes; no wall clock. States are de-duplicated on `stateKey` (value +
 * the context guards and the ledger read, obligations summarised per rule: status,
 * breached or not, drafts' approvals, decisions; and, per rule not begun, the acts that
 * would meet it at once when it begins: rule 6), so each traversal ends.
 *
 * How taken transitions are known: `instrument()` rebuilds the machine from the same
 * config with one recording `assign` prepended to every transition definition (on,
 * always, after). XState runs a definition's actions only when it selects that
 * definition (guard passed, priority won), so the recorded set is exactly the
 * definitions some explored step took; every explored step extends a real path from an
 * opening, so "recorded" means "taken by a generated path".
 */
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../../machines/index.js'
import { wouldDischarge } from '../../../machines/kit/ledger.js'
import { quoteRules } from '../../../src/engine/quotes.js'
import {
  categoryRepresentatives,
  draftSignature,
  guardReadsOn,
  handledEventTypes,
  hasWorkingTimeRule,
  incidentInput,
  instrument,
  nextSnapshot,
  nowOf,
  openDrafts,
  phaseOf,
  planMenu,
  startGrades,
  stateKey,
} from '../graph.js'
import { calendar } from '../machine.js'
import { closability, closingPaths } from './closes.js'
import { guardProbes, keyShape, mergeReads, sameShape } from './key-shape.js'
import {
  debug,
  dischargingEvents,
  type Edge,
  type Exploration,
  FREE_SIDE_STEPS,
  isSystem,
  type Keyed,
  PER_PLACE,
  perturbs,
  ROOT,
  type RouteNext,
  regrades,
  UNCERTAIN_T0,
  VARIANT,
} from './model.js'
import { flowEvent, offersOf, redrafts } from './offers.js'
import { config, representativesOf } from './places.js'
import { openingRoutes } from './routes.js'
import { traversal } from './traverse.js'

/**
 * Explores a plan with @xstate/graph traversals that share one graph:
 * 1. the flow: every opening grade, the plan's events (first grading and category,
 *    decisions, drafts and approvals included), no system event, no waiver, no change
 *    of grade or category. Its states are "expanded": every flow event they accept was
 *    explored (past FREE_SIDE_STEPS side steps in a row, in one canonical order).
 * 2. perturbations: from one flow state per phase state, grade and category, every
 *    change of grade or category, every due time passing and every waiver, one step.
 *    Whether `closed` is still reachable from there without re-grading is checked by
 *    replaying the flow's shortest closing path from a flow state of the same phase
 *    state, grade and category, else by a walk that takes what is owed first (`dive`),
 *    else by a bounded search.
 * 3. obligation probes: from one flow state per value (the fullest), every due time
 *    passing and change of grade, then one step of escalation, discharging steps, a new
 *    draft, a due time or a change of grade (breached, met late, escalated,
 *    begun again by a rise, withdrawn by a lowering). Where a plan counts due
 *    times in working time, incidents opened where the holiday data ends are probed
 *    too (uncertain due times, re-quoted).
 */
export function explore(plan: PlanDefinition): Exploration {
  const started = performance.now()
  const handles = handledEventTypes(plan.machine)
  const discharging = dischargingEvents(plan)
  // What the plan's own guards read, first from a few sample contexts, then as seen in the traversal.
  let reads = guardReadsOn(plan, guardProbes(plan))
  for (let round = 0; ; round++) {
    const shape = keyShape(plan, reads)
    const inst = instrument(plan.machine)
    const categories = categoryRepresentatives(plan, shape.everyCategory ? guardProbes(plan) : [])
    const menu = planMenu(plan, { categories })
    const { accepted, acceptsSome } = offersOf(plan, menu, handles)
    const probeEvent = (e: IncidentEvent, c: IncidentContext) =>
      isSystem(e) || regrades(e) || redrafts(e, c) || e.type === 'ESCALATE' || discharging.has(e.type)
    const keys = new WeakMap<object, string>()
    const keyOf = (s: AnyMachineSnapshot) => {
      let k = keys.get(s)
      if (k === undefined) {
        k = s === ROOT ? '(root)' : stateKey(s, shape)
        keys.set(s, k)
      }
      return k
    }
    const snapshots = new Map<string, AnyMachineSnapshot>()
    const edges = new Map<string, Edge[]>()
    const expanded = new Set<string>()
    /** Side steps (the value unchanged) since the last move, by the path that first reached a state. */
    const sideDepth = new Map<string, number>()
    /** Flow states expanded per place (value, grade, category, number owed). */
    const perPlace = new Map<string, number>()
    const link = (from: string, to: string, event: IncidentEvent) => {
      const out = edges.get(from) ?? []
      if (!out.some((x) => x.to === to && x.event[VARIANT as never] === event[VARIANT as never]))
        out.push({ to, event })
      edges.set(from, out)
    }
    const traverse = traversal({ plan, inst, keyOf, snapshots, sideDepth, link })
    const representatives = representativesOf(expanded, snapshots)
    /**
     * A route's step from `s`: restamped at its instant, and the draft it names is the open
     * draft of `s` of the same signature (another path to the same key numbers drafts otherwise).
     */
    const routeStep = (s: AnyMachineSnapshot, { event, draft }: RouteNext): Keyed => {
      const c = s.context as IncidentContext
      const at = nowOf(c)
      const id = draft === undefined ? undefined : openDrafts(c).find((d) => draftSignature(d) === draft)?.id
      return {
        ...event,
        at,
        quotes: quoteRules(plan.obligations, calendar, c, at),
        ...(id ? { draftId: id } : {}),
      }
    }
    /** Flow events of a state not yet expanded (each state's flow is explored once). */
    const expand = (s: AnyMachineSnapshot) => {
      const k = keyOf(s)
      if (expanded.has(k)) return []
      // At most PER_PLACE states of one place and as much owed are expanded.
      const c = s.context as IncidentContext
      const owed = c.obligations.filter((o) => o.status === 'owed').length
      const place = JSON.stringify([s.value, c.severity, c.category, owed])
      const n = perPlace.get(place) ?? 0
      if (n >= PER_PLACE && !onRoute.has(k)) return []
      perPlace.set(place, n + 1)
      expanded.add(k)
      const all = accepted(s, flowEvent)
      if (onRoute.has(k)) {
        // Its route's next step, restamped at this state's instant.
        const next = (routeNext.get(k) ?? []).map((r) => routeStep(s, r)).filter((e) => s.can(e))
        return [...all, ...next]
      }
      if ((sideDepth.get(k) ?? 0) < FREE_SIDE_STEPS) return all
      // Past a few side steps, side steps are taken in one canonical order: every move, and
      // one side step that changes the state: the first (menu order) that discharges something
      // owed, else the first.
      const value = JSON.stringify(s.value)
      const owing = (s.context as IncidentContext).obligations.filter((o) => o.status === 'owed')
      const moves: Keyed[] = []
      let progress: Keyed | undefined
      let other: Keyed | undefined
      for (const e of all) {
        const n = nextSnapshot(inst.machine, s, e as never)
        if (JSON.stringify(n.value) !== value) moves.push(e)
        else if (progress || keyOf(n) === k) continue
        else if (owing.some((o) => wouldDischarge(o, e))) progress = e
        else other ??= e
      }
      const side = progress ?? other
      return side ? [...moves, side] : moves
    }

    // 1. The flow. A plan's guard may read context the key does not cover yet: then again with it.
    const openingSnapshots = startGrades(plan).map((g) =>
      getInitialSnapshot(inst.machine, incidentInput(plan, g)),
    )
    const openings = new Map(startGrades(plan).map((g, i) => [g, keyOf(openingSnapshots[i]!)]))
    for (const s of openingSnapshots) snapshots.set(keyOf(s), s)
    // The states along a route to closed from each opening are expanded whatever their place's share.
    const { onRoute, routeVariants, routeNext } = openingRoutes(plan, inst, keyOf, openingSnapshots)
    traverse(openingSnapshots, expand, expand)
    debug(
      `${plan.id} route states ${onRoute.size}, reached ${[...onRoute].filter((k) => snapshots.has(k)).length}, expanded ${[...onRoute].filter((k) => expanded.has(k)).length}, closed ${[...snapshots.values()].filter((x) => phaseOf(x.value) === 'closed').length}`,
    )
    debug(`${plan.id} flow: ${snapshots.size} states, ${Math.round(performance.now() - started)} ms`)
    const next = keyShape(plan, mergeReads(reads, inst.reads))
    if (!sameShape(shape, next) && round < 2) {
      reads = mergeReads(reads, inst.reads)
      continue
    }

    // Flow states from which `closed` is reachable without re-grading, and a shortest such path.
    const closing = closingPaths(snapshots, edges, expanded)
    const suffixByConfig = new Map<string, IncidentEvent[]>()
    for (const k of expanded) {
      const path = closing.get(k)
      const c = config(snapshots.get(k)!, 'grade')
      if (path && (!suffixByConfig.has(c) || suffixByConfig.get(c)!.length > path.length))
        suffixByConfig.set(c, path)
    }
    /** Whether `closed` is reachable from a state without re-grading: a flow suffix, a walk, a search (closes.ts). */
    const closes = closability({
      plan,
      inst,
      keyOf,
      accepted,
      flowEvent,
      config,
      routeStep,
      routeVariants,
      suffixByConfig,
      closable: new Set(closing.keys()),
    })

    // 2. One change of grade or category, a due time passing or a waiver, and whether the
    // incident can still close. Category changes and waivers from one state per phase state.
    const byGrade = new Set(representatives('phase', false).map(keyOf))
    // After subsiding, category changes also from one state per phase state and category (a subset
    // of the starts): a route step a late category owes there is owed only where the category was
    // another and its step not done before (rule 6), which the one state of its phase state may not
    // be (saws-2014's first review state is 恶意炒作 already: review's CONTROL_SOURCE needs one of
    // another category). Not before: nanchong-npc-2022's unclassified discovery states then add
    // changes the bounded close search cannot settle.
    const late = (s: AnyMachineSnapshot) => ['disposal', 'review'].includes(phaseOf(s.value))
    const byCategory = new Set(representatives('category', false).filter(late).map(keyOf))
    const perturbations = traverse(
      representatives('grade', false),
      (s) =>
        accepted(
          s,
          (e, c) =>
            isSystem(e) ||
            regrades(e) ||
            ((perturbs(e, c) || e.type === 'WAIVE') && byGrade.has(keyOf(s))) ||
            (e.type === 'SET_CATEGORY' && perturbs(e, c) && byCategory.has(keyOf(s))),
        ),
      () => [],
    ).map(({ from, event, to }) => ({ from: keyOf(from), event, to: keyOf(to), closes: closes(to) }))

    debug(`${plan.id} perturbations: ${perturbations.length}, ${Math.round(performance.now() - started)} ms`)
    // 3. Obligation probes from every value the flow reached (the fullest state of each).
    const probe = (s: AnyMachineSnapshot, d: number) => (d === 1 ? accepted(s, probeEvent) : [])
    traverse(representatives('value', true), (s) => accepted(s, (e) => isSystem(e) || regrades(e)), probe)
    debug(`${plan.id} probes: ${snapshots.size} states, ${Math.round(performance.now() - started)} ms`)
    if (hasWorkingTimeRule(plan))
      traverse(
        startGrades(plan).map((g) => getInitialSnapshot(inst.machine, incidentInput(plan, g, UNCERTAIN_T0))),
        (s) => accepted(s, (e) => isSystem(e) || regrades(e) || discharging.has(e.type)),
        probe,
      )

    return {
      snapshots,
      edges,
      expanded,
      taken: inst.taken,
      openings,
      closing,
      perturbations,
      closes,
      acceptsSome,
      ms: performance.now() - started,
    }
  }
}
