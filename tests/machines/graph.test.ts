/**
 * Graph coverage of every registered plan (current versions), with @xstate/graph
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
import { getAdjacencyMap } from '@xstate/graph'
import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, createActor, getInitialSnapshot } from 'xstate'
import {
  currentPlans,
  type IncidentContext,
  type IncidentEvent,
  PHASES,
  type Phase,
  type PlanDefinition,
  type Severity,
} from '../../machines/index.js'
import { wouldDischarge } from '../../machines/kit/ledger.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { obligationParts } from '../../src/engine/view-parts.js'
import {
  activeNodeIds,
  armed,
  bindMenu,
  categoryRepresentatives,
  categorySets,
  closingRoute,
  conditionActs,
  deadlineEvent,
  draftSignature,
  type GuardReads,
  guardedSteps,
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
  requotable,
  requoteEvent,
  routeEvent,
  SYSTEM_EVENT_TYPES,
  startGrades,
  stateKey,
  stepsCompletedBy,
  systemOffers,
  type TransitionInfo,
  walkDefinition,
} from '../helpers/graph.js'
import { calendar, inertClock, T0 } from '../helpers/machine.js'

/** Context fields `stateKey` always covers; a plan guard reading any other field adds it to the key. */
const KEYED_FIELDS = new Set([
  'severity',
  'category',
  'steps',
  'reportedTo',
  'severityPin',
  'obligations',
  'drafts',
  'acts',
  'ledger',
  'closedAt',
])

/** An incident opened here has working-time due times reaching a year the holiday data does not cover. */
const UNCERTAIN_T0 = '2026-12-31T01:00:00.000Z'

const hasFacts = (e: Record<string, unknown>) =>
  typeof e.facts === 'object' && e.facts !== null && Object.keys(e.facts).length > 0
const isSystem = (e: { type: string }) => SYSTEM_EVENT_TYPES.has(e.type)
/** Events that change (or may change) the grade: a lowering is not a way out of a state. */
const regrades = (e: Record<string, unknown>) =>
  e.type === 'SET_SEVERITY' || (e.type === 'METRICS_UPDATED' && hasFacts(e))
/** A change of grade or of an already given category (the first grading and category are steps). */
const perturbs = (e: IncidentEvent, before: IncidentContext) =>
  regrades(e) || (e.type === 'SET_CATEGORY' && before.category !== null)

/** The state node id a transition target names: `#id`, `.child`, or a sibling key. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('#')) return target.slice(1)
  if (target.startsWith('.')) return `${source}${target}`
  return `${source.slice(0, source.lastIndexOf('.'))}.${target}`
}

/**
 * Every transition must be taken, but for the kit's events a plan cannot have: no due
 * time (no breach, so no escalation either), no working-time due time (never uncertain,
 * so never re-quoted), no decision rule (nothing to DECIDE).
 */
function required(plan: PlanDefinition, t: TransitionInfo): boolean {
  const due = plan.obligations.some((r) => r.due !== undefined)
  if (t.event === 'REQUOTE') return hasWorkingTimeRule(plan)
  if (t.event === 'DEADLINE_PASSED' || t.event === 'ESCALATE') return due
  // The kit's DECIDE answers an owed decision: a plan with no decision rule never owes one.
  if (t.event === 'DECIDE') return plan.obligations.some((r) => r.kind === 'decision')
  return true
}

interface Edge {
  to: string
  event: IncidentEvent
}
interface Perturbation {
  from: string
  event: IncidentEvent
  to: string
  /** Whether `closed` is still reachable from `to` without re-grading. */
  closes: boolean
}
interface Exploration {
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
const debug = (msg: string) => {
  if (process.env.GRAPH_DEBUG) console.info(msg)
}
const VARIANT = Symbol('variant')
type Keyed = IncidentEvent & { [VARIANT]: string }
/** A step of a route to closed; `draft`: the signature of the draft it names. */
interface RouteNext {
  event: Keyed
  draft?: string
}

/** What the state key must cover, from what the guards were seen to read. */
function keyShape(plan: PlanDefinition, reads: GuardReads) {
  return {
    steps: reads.allSteps ? ('all' as const) : new Set([...guardedSteps(plan), ...reads.steps]),
    extraFields: [...reads.fields].filter((f) => !KEYED_FIELDS.has(f)).sort(),
    acts: conditionActs(plan),
    allActTypes: reads.ownFields.has('acts'),
    everyCategory: reads.ownFields.has('category'),
    category: reads.ownFields.has('category') || categorySets(plan).length > 0,
    prior: plan.obligations,
  }
}
const sameShape = (a: ReturnType<typeof keyShape>, b: ReturnType<typeof keyShape>) =>
  JSON.stringify([
    a.steps === 'all' ? 'all' : [...a.steps].sort(),
    a.extraFields,
    a.category,
    a.allActTypes,
  ]) ===
  JSON.stringify([b.steps === 'all' ? 'all' : [...b.steps].sort(), b.extraFields, b.category, b.allActTypes])

const ROOT = { status: 'active', value: '(root)', context: {} } as unknown as AnyMachineSnapshot
const SEED = 'xstate-graph-test.seed'
/**
 * Side steps (steps that leave the state value as it is: a report, a draft, an approval,
 * a decision) commute mostly, and every subset of them is a state of its own. After this
 * many in a row, the flow takes them in one canonical order (partial-order reduction);
 * the moves out of each such state are all explored, and the random walks try other orders.
 */
const FREE_SIDE_STEPS = 1
/**
 * The obligations make the states of one place (state value, grade, category) many: every
 * subset of what is owed, met, decided, drafted. The flow expands the first PER_PLACE states
 * of each place and number of obligations owed (so that states further along have their
 * own share); the others are reached (counted for coverage, checked for an accepted event)
 * but not expanded.
 */
const PER_PLACE = 3
/** Flow states not closed by the explored paths that are searched for a way to close. */
const CLOSE_SAMPLE = 150
/** States a fallback search for `closed` may visit from one perturbed state. */
const SEARCH_CAP = 300
/** Steps a walk towards `closed` (see `dive`) may take before the bounded search is tried instead. */
const DIVE_STEPS = 80

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
function explore(plan: PlanDefinition): Exploration {
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
    /** The stamped events a snapshot accepts, of the kinds `pick` keeps. */
    const accepted = (s: AnyMachineSnapshot, pick: (e: IncidentEvent, c: IncidentContext) => boolean) => {
      const c = s.context as IncidentContext
      const handled = handles(s.value)
      const at = nowOf(c)
      const items = menu.filter(
        (m) =>
          handled.has(m.type) &&
          (m.payload.severity === undefined || m.payload.severity !== c.severity) &&
          (m.type !== 'SET_CATEGORY' || m.payload.category !== c.category) &&
          pick({ ...m.payload, type: m.type } as IncidentEvent, c),
      )
      const offers = [
        ...bindMenu(plan, items, c, at),
        ...systemOffers(c, at).filter((o) => handled.has(o.event.type) && pick(o.event, c)),
      ]
      return offers.filter((o) => s.can(o.event)).map((o) => ({ ...o.event, [VARIANT]: o.key }) as Keyed)
    }
    /** The flow drafts one text of a purpose at a time (a new draft superseding one is probed). */
    const redrafts = (e: IncidentEvent, c: IncidentContext) =>
      e.type === 'DRAFT' && openDrafts(c).some((d) => d.purpose === (e.purpose ?? 'release'))
    const flowEvent = (e: IncidentEvent, c: IncidentContext) =>
      !isSystem(e) && !perturbs(e, c) && e.type !== 'WAIVE' && !redrafts(e, c)
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
    /**
     * One @xstate/graph traversal from a virtual root whose events jump to `seeds`.
     * Seeds are offered `seedEvents`; a state reached from them `next(s, depth)`.
     */
    const traverse = (
      seeds: AnyMachineSnapshot[],
      seedEvents: (s: AnyMachineSnapshot) => IncidentEvent[],
      next: (s: AnyMachineSnapshot, depth: number) => IncidentEvent[],
    ) => {
      const isSeed = new Set(seeds)
      const depth = new WeakMap<object, number>()
      const successors: { from: AnyMachineSnapshot; event: IncidentEvent; to: AnyMachineSnapshot }[] = []
      const logic = {
        getInitialSnapshot: () => ROOT,
        transition: (s: AnyMachineSnapshot, e: IncidentEvent & { index?: number }, scope: never) =>
          s === ROOT
            ? e.type === SEED
              ? seeds[e.index!]!
              : s
            : inst.machine.transition(s, e as never, scope),
      }
      getAdjacencyMap(logic as never, {
        events: ((s: AnyMachineSnapshot) => {
          if (s === ROOT) return seeds.map((_, index) => ({ type: SEED, index }))
          return isSeed.has(s) ? seedEvents(s) : next(s, depth.get(s) ?? 0)
        }) as never,
        serializeEvent: ((e: Keyed & { index?: number }) =>
          e.type === SEED ? `${SEED}#${e.index}` : String(e[VARIANT] ?? e.type)) as never,
        serializeState: ((s: AnyMachineSnapshot, e: IncidentEvent | undefined, prev?: AnyMachineSnapshot) => {
          const k = keyOf(s)
          if (s === ROOT || !prev || prev === ROOT || !e) return k
          if (!snapshots.has(k)) {
            snapshots.set(k, s)
            if (snapshots.size % 5000 === 0) debug(`${plan.id}: ${snapshots.size} states ${k}`)
          }
          if (!depth.has(s)) depth.set(s, isSeed.has(prev) ? 1 : (depth.get(prev) ?? 0) + 1)
          if (!sideDepth.has(k))
            sideDepth.set(
              k,
              JSON.stringify(s.value) === JSON.stringify(prev.value)
                ? (sideDepth.get(keyOf(prev)) ?? 0) + 1
                : 0,
            )
          link(keyOf(prev), k, e)
          if (isSeed.has(prev)) successors.push({ from: prev, event: e, to: s })
          return k
        }) as never,
      })
      return successors
    }
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
    /** Where a state is, at three grains: its phase state; plus grade and category; its whole value. */
    const config = (s: AnyMachineSnapshot, grain: 'phase' | 'grade' | 'value') => {
      const c = s.context as IncidentContext
      const phase = (s.value as { phase: unknown }).phase
      if (grain === 'phase') return JSON.stringify([phase])
      if (grain === 'grade') return JSON.stringify([phase, c.severity, c.category])
      return JSON.stringify([s.value, c.severity])
    }
    /**
     * Open flow states, one per place at the given grain: the shallowest, and (`fullest`)
     * the one with the most steps, approvals and met obligations, where most events are enabled.
     */
    const representatives = (grain: 'phase' | 'grade' | 'value', fullest: boolean) => {
      const out = new Map<string, AnyMachineSnapshot>()
      const done = (s: AnyMachineSnapshot) => {
        const c = s.context as IncidentContext
        return (
          Object.keys(c.steps).length +
          c.drafts.reduce((n, d) => n + d.approvals.length, 0) +
          c.obligations.filter((o) => o.status === 'met').length
        )
      }
      for (const k of expanded) {
        const s = snapshots.get(k)!
        const at = config(s, grain)
        if (phaseOf(s.value) === 'closed') continue
        if (!out.has(at) || (fullest && done(out.get(at)!) < done(s))) out.set(at, s)
      }
      return [...out.values()]
    }

    // 1. The flow. A plan's guard may read context the key does not cover yet: then again with it.
    const openingSnapshots = startGrades(plan).map((g) =>
      getInitialSnapshot(inst.machine, incidentInput(plan, g)),
    )
    const openings = new Map(startGrades(plan).map((g, i) => [g, keyOf(openingSnapshots[i]!)]))
    for (const s of openingSnapshots) snapshots.set(keyOf(s), s)
    // The states along a route to closed from each opening are expanded whatever their place's share.
    const onRoute = new Set<string>()
    /** The route steps by variant (a flow path that closes may take them; see `closes`). */
    const routeVariants = new Map<string, RouteNext>()
    const routeNext = new Map<string, RouteNext[]>()
    for (const [i, g] of startGrades(plan).entries()) {
      let t = openingSnapshots[i]!
      onRoute.add(keyOf(t))
      for (const step of closingRoute(plan, g) ?? []) {
        const event = routeEvent(plan, t, step)
        if (!t.can(event)) break
        const from = keyOf(t)
        const named = (t.context as IncidentContext).drafts.find((d) => d.id === step.payload.draftId)
        const next: RouteNext = {
          event: {
            ...event,
            [VARIANT]: `route:${step.type}:${JSON.stringify(step.payload)}:${step.role}`,
          } as Keyed,
          ...(named ? { draft: draftSignature(named) } : {}),
        }
        routeNext.set(from, [...(routeNext.get(from) ?? []), next])
        routeVariants.set(next.event[VARIANT], next)
        t = nextSnapshot(inst.machine, t, event as never)
        onRoute.add(keyOf(t))
      }
    }
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
    /** Keys known to reach `closed` without re-grading (flow states, and what searches found). */
    const closable = new Set(closing.keys())
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
        // What is owed first: its discharge, or the draft its release waits for (as the view names it).
        const owedStep = (ev: IncidentEvent) =>
          owing.some(
            (o) =>
              wouldDischarge(o, ev) ||
              (o.discharge.type === 'DRAFT' &&
                ev.type === 'DRAFT' &&
                ev.purpose === o.discharge.fields.purpose),
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

    // 2. One change of grade or category, a due time passing or a waiver, and whether the
    // incident can still close. Category changes and waivers from one state per phase state.
    const byGrade = new Set(representatives('phase', false).map(keyOf))
    const perturbations = traverse(
      representatives('grade', false),
      (s) =>
        accepted(
          s,
          (e, c) =>
            isSystem(e) || regrades(e) || ((perturbs(e, c) || e.type === 'WAIVE') && byGrade.has(keyOf(s))),
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
      acceptsSome: (s) => {
        const c = s.context as IncidentContext
        const handled = handles(s.value)
        const at = nowOf(c)
        const items = menu.filter((m) => handled.has(m.type))
        return [...systemOffers(c, at), ...bindMenu(plan, items, c, at)].some((o) => s.can(o.event))
      },
      ms: performance.now() - started,
    }
  }
}

/**
 * For every expanded state from which a closed state is reachable over edges whose
 * events keep the grade: the events of a shortest such path (BFS backwards from closed).
 */
function closingPaths(
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

/** Contexts to probe a plan's own guards with: just opened at each grade, and with every step done. */
function guardProbes(plan: PlanDefinition): IncidentContext[] {
  const steps = new Set(walkDefinition(plan.machine).transitions.flatMap(stepsCompletedBy))
  const done = Object.fromEntries([...steps].map((s) => [s, T0]))
  return startGrades(plan).flatMap((g) => {
    const c = getInitialSnapshot(plan.machine, incidentInput(plan, g)).context as IncidentContext
    return [c, { ...c, steps: done }]
  })
}

/** Event types that discharge an obligation with a due time (so may meet it in time, or late). */
function dischargingEvents(plan: PlanDefinition): Set<string> {
  return new Set(plan.obligations.filter((r) => r.due !== undefined).map((r) => r.discharge.type))
}

const mergeReads = (a: GuardReads, b: GuardReads): GuardReads => ({
  fields: new Set([...a.fields, ...b.fields]),
  ownFields: new Set([...a.ownFields, ...b.ownFields]),
  steps: new Set([...a.steps, ...b.steps]),
  allSteps: a.allSteps || b.allSteps,
})

/** An event in a failure message: its type and the payload fields that pick a variant. */
function describeEvent(e: IncidentEvent): string {
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
function replay(plan: PlanDefinition, grade: Severity | null, path: readonly IncidentEvent[]) {
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
function pathTo(e: Exploration, target: string): string {
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

const plans = currentPlans()
const explorations = new Map<string, Exploration>()
const explored = (plan: PlanDefinition) => {
  let e = explorations.get(plan.id)
  if (!e) {
    e = explore(plan)
    explorations.set(plan.id, e)
  }
  return e
}
const isClosedSnapshot = (s: AnyMachineSnapshot) => phaseOf(s.value) === 'closed'
const edgeCount = (e: Exploration) => [...e.edges.values()].reduce((n, out) => n + out.length, 0)

/**
 * What the bounded exploration is known not to prove yet, per plan (with obligations the
 * state space is far larger than the search this suite can afford on two cores). These
 * plans' transitions and closability are exercised by the random walks (1,000 per plan,
 * tests/machines/random-walk.test.ts), the owed-list walks (invariants.property) and the
 * HTTP and console walks to closed. A gap that grows fails here; one that closes must be
 * removed here (the counts are exact for the untaken transitions, upper bounds for the
 * sampled close searches).
 */
const KNOWN_GAPS: Record<string, { untaken: readonly string[]; trapped: number; perturbed: number }> = {
  'nanchong-npc-2022': {
    untaken: [
      'nanchong-npc-2022.phase CAC_CONSENT_BLOCK#0 [and] → (self)',
      'nanchong-npc-2022.phase BLOCK_CONTENT#0 [and] → (self)',
      'nanchong-npc-2022.phase.discovery CONVENE#0 [groupHasReport] → consultation',
      // Version 3's states use the budget elsewhere; tested by name in nanchong-npc-2022.staged.test.ts
      // ('the stance response may go out in consultation, before the measures are final').
      'nanchong-npc-2022.phase.consultation STANCE#0 [and] → (self)',
      // (In the order of the definition, with the STANCE ones.) Version 5 refuses a superseded
      // draft (kit supersededDrafts): the explored states that reached the PROGRESS and
      // CONCLUDE below hold an older signed-off draft and a newer unsigned one of the purpose;
      // the newest signed off falls past PER_PLACE. Taken by name in nanchong-npc-2022.v5.test.ts
      // ('progress in the response; progress and conclusion after it subsides and in the review …').
      'nanchong-npc-2022.phase.response PROGRESS#0 [and] → (self)',
      'nanchong-npc-2022.phase.disposal STANCE#0 [and] → (self)',
      'nanchong-npc-2022.phase.disposal PROGRESS#0 [and] → (self)',
      'nanchong-npc-2022.phase.disposal CONCLUDE#0 [and] → (self)',
      'nanchong-npc-2022.phase.review STANCE#0 [and] → (self)',
      'nanchong-npc-2022.phase.review CONCLUDE#0 [and] → (self)',
    ],
    // Version 4's decisions (三(四)2, 三(五), 三(六)) lengthen every way to closed past the
    // bounded search from a few discovery states (unclassified, before or after the report's
    // breach); such a state closed by hand in nanchong-npc-2022.v4.test.ts, and the random walks close them.
    trapped: 3,
    perturbed: 8,
  },
  'saws-2014': {
    // Version 8 (its amendments of this date): the bounded search no longer takes the route
    // steps a 定性 changed after subsiding owes in disposal and review; walked by hand in
    // tests/machines/saws-2014.v8-late-route.test.ts.
    untaken: [
      'saws-2014.phase.disposal REQUEST_TAKEDOWN#0 [and] → (self)',
      'saws-2014.phase.review REQUEST_TAKEDOWN#0 [and] → (self)',
      'saws-2014.phase.review CONTROL_SOURCE#0 [and] → (self)',
    ],
    trapped: 0,
    perturbed: 0,
  },
  'nanning-aic-2017': {
    untaken: [
      'nanning-aic-2017.phase REQUOTE#0 [canRequote] → (self)',
      // Version 10's INTERVIEW (any open phase, the outlet authorised) is taken: the gap of
      // versions 4–9 (response.INTERVIEW past PER_PLACE) closed.
    ],
    trapped: 0,
    perturbed: 0,
  },
  // Version 3's stance takes three side steps (a stance draft, its approval, the stance):
  // the `following` states with a second release draft approved fall past PER_PLACE.
  // Both are taken in tests/machines/neixiang-2017.v3-response.test.ts (a new draft released
  // in stages and in the mainstream media, each only once its line is agreed).
}
const gapsOf = (id: string) => KNOWN_GAPS[id] ?? { untaken: [], trapped: 0, perturbed: 0 }

describe.each(plans.map((p) => [p.id, p] as const))('%s: graph coverage', (_id, plan) => {
  // The exploration is bounded by states, not by time (timing lives in benchmarks).
  it('explores from every opening grade', { timeout: 240_000 }, () => {
    const e = explored(plan)
    console.info(`${plan.id}: ${e.snapshots.size} states, ${edgeCount(e)} edges, ${Math.round(e.ms)} ms`)
    expect(e.openings.size).toBe(startGrades(plan).length)
    expect(e.snapshots.size).toBeGreaterThan(startGrades(plan).length)
  })

  it('reaches every state node of the machine', () => {
    const e = explored(plan)
    const { states, transitions } = walkDefinition(plan.machine)
    // A state entered and left within one macrostep (by an `always`) never shows in a
    // snapshot: it was active when one of its own transitions, or one into it, was taken.
    const taken = transitions.filter((t) => e.taken.has(t.id))
    const reached = new Set([
      ...[...e.snapshots.values()].flatMap((s) => activeNodeIds(plan.machine, s.value)),
      ...taken.map((t) => t.source),
      ...taken.flatMap((t) => t.targets.map((target) => resolveTarget(t.source, target))),
    ])
    const needed = states
    const unreached = needed.map((s) => s.id).filter((id) => !reached.has(id))
    expect(unreached, `state nodes no generated path reaches:\n  ${unreached.join('\n  ')}`).toEqual([])
    expect(needed.filter((s) => reached.has(s.id)).length).toBe(needed.length)
  })

  it('takes every transition of the definition (on, always; the system events a plan can have)', () => {
    const e = explored(plan)
    const needed = walkDefinition(plan.machine).transitions.filter((t) => required(plan, t))
    const untaken = needed.filter((t) => !e.taken.has(t.id)).map(describeTransition)
    expect(untaken, `transitions no generated path takes:\n  ${untaken.join('\n  ')}`).toEqual([
      ...gapsOf(plan.id).untaken,
    ])
  })

  it('leaves no explored open state without an event it accepts', () => {
    const e = explored(plan)
    const open = [...e.snapshots].filter(([, s]) => !isClosedSnapshot(s))
    const stuck = open.filter(([, s]) => !e.acceptsSome(s)).map(([k]) => `${k}\n    ${pathTo(e, k)}`)
    expect(stuck, `open states that accept no event:\n  ${stuck.join('\n  ')}`).toEqual([])
    expect(open.length).toBeGreaterThan(0)
  })

  it('can close from every state of the flow without re-grading (searched for a sample beyond the explored paths)', () => {
    const e = explored(plan)
    // States the explored paths already close are counted; of the others, an even sample of
    // CLOSE_SAMPLE is searched (a bounded search each), so that the suite's time stays bounded.
    const open = [...e.expanded].filter((k) => !isClosedSnapshot(e.snapshots.get(k)!) && !e.closing.has(k))
    const stride = Math.max(1, Math.ceil(open.length / CLOSE_SAMPLE))
    const trapped = open.filter((k, i) => i % stride === 0 && !e.closes(e.snapshots.get(k)!))
    const shown = trapped.slice(0, 8).map((k) => `${k}\n    ${pathTo(e, k)}`)
    expect(
      trapped.length,
      `${trapped.length} flow states that cannot reach closed, e.g.:\n  ${shown.join('\n  ')}`,
    ).toBeLessThanOrEqual(gapsOf(plan.id).trapped)
    expect(e.closing.size).toBeGreaterThan(0)
  })

  it('can still close after a change of grade or category, a due time passing or a waiver (without lowering back)', () => {
    const e = explored(plan)
    const trapped = e.perturbations
      .filter((p) => !p.closes)
      .map((p) => `${describeEvent(p.event)} from ${p.from}\n    reached by ${pathTo(e, p.from)}`)
    expect(
      trapped.length,
      `${trapped.length} perturbations after which closed is unreachable without re-grading, e.g.:\n  ${trapped.slice(0, 8).join('\n  ')}`,
    ).toBeLessThanOrEqual(gapsOf(plan.id).perturbed)
    expect(e.perturbations.length).toBeGreaterThan(0)
  })

  it.each(startGrades(plan).map((g) => [g ?? 'unclassified', g] as const))(
    'walks an incident opened %s to closed (a shortest path, replayed on the plan machine)',
    (_label, grade) => {
      const e = explored(plan)
      const path = e.closing.get(e.openings.get(grade)!)
      expect(path, `no path from an incident opened ${grade ?? 'unclassified'} to closed`).toBeDefined()
      const end = replay(plan, grade, path!)
      const route = path!.map(describeEvent).join(' → ')
      expect(end && phaseOf(end.value), `replaying ${route}`).toBe('closed')
      if (grade !== null) expect((end!.context as IncidentContext).severity, route).toBe(grade)
      expect((end!.context as IncidentContext).closedAt).not.toBeNull()
    },
  )
})

const describeTransition = (t: TransitionInfo) =>
  `${t.id}${t.guard ? ` [${t.guard}]` : ''} → ${t.targets.join(', ') || '(self)'}`

describe('graph suite', () => {
  it('covers every registered plan, once each', () => {
    expect(plans.length).toBeGreaterThan(0)
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length)
    for (const id of Object.keys(KNOWN_GAPS)) expect(plans.map((p) => p.id)).toContain(id)
  })
})
