/**
 * Graph coverage of every registered plan (current versions), with @xstate/graph
 * (`getAdjacencyMap` over the plan machine, from a virtual root whose events jump to
 * chosen snapshots, so several starts share one graph; see `explore`).
 *
 * Events: an explicit list built from the plan's EventSpecs, each payload generated from
 * its zod schema (one variant per grade, category class, enum value, fact sample and
 * recipient list), plus the timer event of each pending deadline exactly as the engine's
 * scheduler sends it. Every event is stamped with `at` (the latest instant the incident
 * has seen: time moves only when a timer fires, and a step done at that instant meets
 * the deadline inclusively), an actor and the calendar's quotes; no wall clock.
 * States are de-duplicated on `stateKey` (value + the context guards read), so each
 * traversal ends.
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
import { type AnyMachineSnapshot, createActor, getInitialSnapshot, getNextSnapshot } from 'xstate'
import {
  CATEGORIES,
  currentPlans,
  type IncidentContext,
  type IncidentEvent,
  PHASES,
  type Phase,
  type PlanDefinition,
  type Severity,
} from '../../machines/index.js'
import { quoteRules } from '../../src/engine/quotes.js'
import {
  activeNodeIds,
  categoryRepresentatives,
  categorySets,
  type GuardReads,
  guardedSteps,
  guardReadsOn,
  handledEventTypes,
  incidentInput,
  instrument,
  nowOf,
  payloadVariants,
  pendingInstance,
  phaseOf,
  startGrades,
  stateKey,
  stepsCompletedBy,
  type TransitionInfo,
  timerEvent,
  timerEventTypes,
  walkDefinition,
} from '../helpers/graph.js'
import { calendar, inertClock, T0 } from '../helpers/machine.js'

/** Context fields `stateKey` always covers; a plan guard reading any other field adds it to the key. */
const KEYED_FIELDS = new Set([
  'severity',
  'category',
  'approvals',
  'steps',
  'reportedTo',
  'severityPin',
  'deadlines',
  'closedAt',
])

const hasFacts = (e: Record<string, unknown>) =>
  typeof e.facts === 'object' && e.facts !== null && Object.keys(e.facts).length > 0
const isTimer = (e: { type: string }) => e.type.startsWith('xstate.after.')
/** Events that change (or may change) the grade: a lowering is not a way out of a state. */
const regrades = (e: Record<string, unknown>) =>
  e.type === 'SET_SEVERITY' || (e.type === 'METRICS_UPDATED' && hasFacts(e))
/** A change of grade or of an already given category (the first grading and category are steps). */
const perturbs = (e: IncidentEvent, before: IncidentContext) =>
  regrades(e) || (e.type === 'SET_CATEGORY' && before.category !== null)

type Status = 'idle' | 'pending' | 'met' | 'missed' | 'escalated' | 'cancelled'

/**
 * The kit's deadline regions mirror the latest instance's status with an `always`
 * transition from every status to every other (30 per deadline name). The kit's
 * bookkeeping (machines/kit/deadlines.ts) makes some of these moves impossible; they
 * are not required. Every other transition, the plan's own and the rest of the mirror,
 * must be taken.
 */
function mirrorMoveFeasible(plan: PlanDefinition, name: string, from: Status, to: Status): boolean {
  const rules = plan.deadlines.filter((r) => r.name === name)
  const grades = plan.severities.map((s) => s.code)
  // A lowering leaves no rule of this name applying (else a rule of the same name starts).
  const lowerable = !grades.every((g) =>
    rules.some((r) => r.severities === undefined || r.severities.includes(g)),
  )
  const recategorisable = !CATEGORIES.every((c) =>
    rules.some((r) => r.categories === undefined || r.categories.includes(c)),
  )
  const superseded = plan.deadlines.some((r) => r.supersedes?.includes(name as never))
  // Instances are never removed, so the latest instance never disappears.
  if (to === 'idle') return false
  // An instance is born pending; nothing else changes in the macrostep that starts it.
  if (from === 'idle') return to === 'pending'
  switch (to) {
    case 'pending':
      // After a cancellation: lowered, then raised again (probed). A category changed and
      // changed back is not probed; a step that starts the rule again depends on the plan.
      if (from === 'cancelled') return lowerable
      // After met/missed/escalated: a rise restarts it.
      return rules.some((r) => r.restartOnRaise === true) && grades.length > 1
    case 'met':
      // Met in time, or at the due instant after the timer fired (inclusive), escalated or not.
      return from === 'pending' || from === 'missed' || from === 'escalated'
    case 'missed':
      // Only a pending instance is breached.
      return from === 'pending'
    case 'cancelled':
      // Only a pending instance is cancelled, and (closing aside, which a plan may make
      // impossible while the step is pending) only when its rule stops applying.
      return from === 'pending' && (lowerable || recategorisable || superseded)
    case 'escalated':
      return from === 'missed'
  }
}

/** A mirror region's status state is required when some feasible move leads into it (or it is `idle`). */
function requiredState(plan: PlanDefinition, id: string): boolean {
  const m = new RegExp(`^${plan.machine.id}\\.deadlines\\.(\\w+)\\.(\\w+)$`).exec(id)
  if (!m || m[2] === 'idle') return true
  const statuses: Status[] = ['idle', 'pending', 'met', 'missed', 'escalated', 'cancelled']
  return statuses.some((from) => from !== m[2] && mirrorMoveFeasible(plan, m[1]!, from, m[2] as Status))
}

/** The state node id a transition target names: `#id`, `.child`, or a sibling key. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('#')) return target.slice(1)
  if (target.startsWith('.')) return `${source}${target}`
  return `${source.slice(0, source.lastIndexOf('.'))}.${target}`
}

function required(plan: PlanDefinition, t: TransitionInfo): boolean {
  const m = new RegExp(`^${plan.machine.id}\\.deadlines\\.(\\w+)\\.(\\w+)$`).exec(t.source)
  if (!m || t.kind !== 'always') return true
  return mirrorMoveFeasible(plan, m[1]!, m[2] as Status, t.targets[0] as Status)
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
  /** The events an explored snapshot is offered and accepts. */
  offered: (s: AnyMachineSnapshot) => IncidentEvent[]
  ms: number
}

const VARIANT = Symbol('variant')
type MenuItem = IncidentEvent & { [VARIANT]: string }

/** What the state key must cover, from what the guards were seen to read. */
function keyShape(plan: PlanDefinition, reads: GuardReads) {
  return {
    steps: reads.allSteps ? ('all' as const) : new Set([...guardedSteps(plan), ...reads.steps]),
    extraFields: [...reads.fields].filter((f) => !KEYED_FIELDS.has(f)).sort(),
    everyCategory: reads.ownFields.has('category'),
    category: reads.ownFields.has('category') || categorySets(plan).length > 0,
  }
}
const sameShape = (a: ReturnType<typeof keyShape>, b: ReturnType<typeof keyShape>) =>
  JSON.stringify([a.steps === 'all' ? 'all' : [...a.steps].sort(), a.extraFields, a.category]) ===
  JSON.stringify([b.steps === 'all' ? 'all' : [...b.steps].sort(), b.extraFields, b.category])

const ROOT = { status: 'active', value: '(root)', context: {} } as unknown as AnyMachineSnapshot
const SEED = 'xstate-graph-test.seed'
/** States a fallback search for `closed` may visit from one perturbed state. */
const SEARCH_CAP = 3_000

/**
 * Explores a plan with @xstate/graph traversals that share one graph:
 * 1. the flow: every opening grade, the plan's events (first grading and category
 *    included), no timer, no change of grade or category. Its states are "expanded":
 *    every flow event they accept was explored.
 * 2. perturbations: from one flow state per phase state, grade and category, every
 *    change of grade or category and every due timer, one step. Whether `closed` is
 *    still reachable from there without re-grading is checked by replaying the flow's
 *    shortest closing path from a flow state of the same phase state, grade and
 *    category, else by a bounded search (a rise that adds an approval the phase can no
 *    longer grant is a trap).
 * 3. deadline probes: from one flow state per phase state, every due timer and change
 *    of grade, then up to PROBE_DEPTH steps of escalation, deadline-meeting steps,
 *    timers and changes of grade (escalated, met late, restarted by a rise, lowered
 *    then raised).
 */
function explore(plan: PlanDefinition): Exploration {
  const started = performance.now()
  const deadlineNames = [...new Set(plan.deadlines.map((r) => r.name))]
  const timers = timerEventTypes(plan)
  const handles = handledEventTypes(plan.machine)
  const meetsDeadline = deadlineMeetingEvents(plan)
  // What the plan's own guards read, first from a few sample contexts, then as seen in the traversal.
  let reads = guardReadsOn(plan, guardProbes(plan))
  for (let round = 0; ; round++) {
    const shape = keyShape(plan, reads)
    const inst = instrument(plan.machine)
    const categories = categoryRepresentatives(plan, shape.everyCategory ? guardProbes(plan) : [])
    const menu: MenuItem[] = plan.events.flatMap((spec) =>
      payloadVariants(plan, spec, { categories }).map((payload, i) => ({
        ...payload,
        type: spec.type,
        at: T0,
        actor: { name: '测试', role: spec.roles[0]! },
        [VARIANT]: `${spec.type}#${i}`,
      })),
    )
    /** The stamped events a snapshot accepts, of the kinds `pick` keeps. */
    const accepted = (s: AnyMachineSnapshot, pick: (e: IncidentEvent, c: IncidentContext) => boolean) => {
      const c = s.context as IncidentContext
      const handled = handles(s.value)
      const at = nowOf(c)
      const quotes = quoteRules(plan.deadlines, calendar, c, at)
      const out: IncidentEvent[] = menu
        .filter((m) => handled.has(m.type) && pick(m, c))
        .filter((m) => m.severity === undefined || m.severity !== c.severity)
        .filter((m) => m.type !== 'SET_CATEGORY' || m.category !== c.category)
        .map((m) => ({ ...m, at, quotes }))
      for (const [name, type] of timers) {
        const d = pendingInstance(c, name)
        const e = d && { ...timerEvent(type, d, at), [VARIANT]: type }
        if (e && pick(e, c)) out.push(e)
      }
      return out.filter((e) => s.can(e))
    }
    const flowEvent = (e: IncidentEvent, c: IncidentContext) => !isTimer(e) && !perturbs(e, c)
    const probeEvent = (e: IncidentEvent) =>
      isTimer(e) || regrades(e) || e.type === 'ESCALATE' || meetsDeadline.has(e.type)
    const keys = new WeakMap<object, string>()
    const keyOf = (s: AnyMachineSnapshot) => {
      let k = keys.get(s)
      if (k === undefined) {
        k = s === ROOT ? '(root)' : stateKey(s, { ...shape, deadlineNames })
        keys.set(s, k)
      }
      return k
    }
    const snapshots = new Map<string, AnyMachineSnapshot>()
    const edges = new Map<string, Edge[]>()
    const expanded = new Set<string>()
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
        serializeEvent: ((e: MenuItem & { index?: number }) =>
          e.type === SEED ? `${SEED}#${e.index}` : String(e[VARIANT] ?? e.type)) as never,
        serializeState: ((s: AnyMachineSnapshot, e: IncidentEvent | undefined, prev?: AnyMachineSnapshot) => {
          const k = keyOf(s)
          if (s === ROOT || !prev || prev === ROOT || !e) return k
          if (!snapshots.has(k)) snapshots.set(k, s)
          if (!depth.has(s)) depth.set(s, isSeed.has(prev) ? 1 : (depth.get(prev) ?? 0) + 1)
          link(keyOf(prev), k, e)
          if (isSeed.has(prev)) successors.push({ from: prev, event: e, to: s })
          return k
        }) as never,
      })
      return successors
    }
    /** Flow events of a state not yet expanded (each state's flow is explored once). */
    const expand = (s: AnyMachineSnapshot) => {
      const k = keyOf(s)
      if (expanded.has(k)) return []
      expanded.add(k)
      return accepted(s, flowEvent)
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
     * the one with the most steps and approvals done, where most events are enabled.
     */
    const representatives = (grain: 'phase' | 'grade' | 'value', fullest: boolean) => {
      const out = new Map<string, AnyMachineSnapshot>()
      const done = (s: AnyMachineSnapshot) => {
        const c = s.context as IncidentContext
        return Object.keys(c.steps).length + c.approvals.length
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
    traverse(openingSnapshots, expand, expand)
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
    const restamp = (t: AnyMachineSnapshot, e: IncidentEvent): IncidentEvent => {
      const c = t.context as IncidentContext
      const at = nowOf(c)
      return { ...e, at, quotes: quoteRules(plan.deadlines, calendar, c, at) }
    }
    /** Whether `closed` is reachable from `s` without re-grading: replay a flow suffix, else search. */
    const closes = (s: AnyMachineSnapshot): boolean => {
      if (closable.has(keyOf(s))) return true
      const suffix = suffixByConfig.get(config(s, 'grade'))
      let t = s
      for (const e of suffix ?? []) {
        if (!t.can(restamp(t, e))) break
        t = getNextSnapshot(inst.machine, t, restamp(t, e) as never)
        if (closable.has(keyOf(t)) || phaseOf(t.value) === 'closed') {
          closable.add(keyOf(s))
          return true
        }
      }
      // Best-first search: the state furthest along the phases first, so a live state closes fast.
      const parent = new Map<string, string | null>([[keyOf(s), null]])
      const buckets: AnyMachineSnapshot[][] = PHASES.map(() => [])
      const bucket = (u: AnyMachineSnapshot) => buckets[PHASES.indexOf(phaseOf(u.value) as Phase)]!
      bucket(s).push(s)
      while (parent.size < SEARCH_CAP) {
        const u = buckets.findLast((b) => b.length > 0)?.pop()
        if (!u) return false
        for (const ev of accepted(u, flowEvent)) {
          const v = getNextSnapshot(inst.machine, u, ev as never)
          const k = keyOf(v)
          if (parent.has(k)) continue
          parent.set(k, keyOf(u))
          if (closable.has(k) || phaseOf(v.value) === 'closed') {
            for (let p: string | null | undefined = k; p; p = parent.get(p)) closable.add(p)
            return true
          }
          bucket(v).push(v)
        }
      }
      return false
    }

    // 2. One change of grade, category or a timer from the flow, and whether the incident can
    // still close. Category changes from one state per phase state and grade.
    const byGrade = new Set(representatives('phase', false).map(keyOf))
    const perturbations = traverse(
      representatives('grade', false),
      (s) => accepted(s, (e, c) => isTimer(e) || regrades(e) || (perturbs(e, c) && byGrade.has(keyOf(s)))),
      () => [],
    ).map(({ from, event, to }) => ({ from: keyOf(from), event, to: keyOf(to), closes: closes(to) }))

    // 3. Deadline probes from every value (deadline statuses included) the flow reached: a
    // timer or a change of grade, then escalation, a step meeting a deadline, a timer or a
    // change of grade, then a step meeting a deadline or a change of grade.
    traverse(
      representatives('value', true),
      (s) => accepted(s, (e) => isTimer(e) || regrades(e)),
      (s, d) =>
        d === 1
          ? accepted(s, probeEvent)
          : d === 2
            ? accepted(s, (e) => regrades(e) || meetsDeadline.has(e.type))
            : [],
    )

    return {
      snapshots,
      edges,
      expanded,
      taken: inst.taken,
      openings,
      closing,
      perturbations,
      offered: (s) => accepted(s, () => true),
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

/** Event types that may meet a deadline: they complete a step a rule names, or they report (carry `to`). */
function deadlineMeetingEvents(plan: PlanDefinition): Set<string> {
  const metBy = new Set(plan.deadlines.map((r) => r.metBy))
  return new Set([
    ...walkDefinition(plan.machine)
      .transitions.filter((t) => t.kind === 'on' && stepsCompletedBy(t).some((step) => metBy.has(step)))
      .map((t) => t.event),
    ...plan.events.filter((spec) => 'to' in spec.schema.shape).map((spec) => spec.type),
  ])
}

const mergeReads = (a: GuardReads, b: GuardReads): GuardReads => ({
  fields: new Set([...a.fields, ...b.fields]),
  ownFields: new Set([...a.ownFields, ...b.ownFields]),
  steps: new Set([...a.steps, ...b.steps]),
  allSteps: a.allSteps || b.allSteps,
})

/** An event in a failure message: its type and the payload fields that pick a variant. */
function describeEvent(e: IncidentEvent): string {
  const picks = ['severity', 'category', 'to', 'facts'].filter((f) => f in e).map((f) => JSON.stringify(e[f]))
  return picks.length ? `${e.type}(${picks.join(', ')})` : e.type
}

/** Replays a path on the plan's own machine (not the instrumented copy), restamping each event. */
function replay(plan: PlanDefinition, grade: Severity | null, path: readonly IncidentEvent[]) {
  const actor = createActor(plan.machine, { input: incidentInput(plan, grade), clock: inertClock }).start()
  for (const ev of path) {
    const c = actor.getSnapshot().context as IncidentContext
    const at = nowOf(c)
    const timer = /^xstate\.after\.(\w+)Due\./.exec(ev.type)
    if (timer) {
      const d = pendingInstance(c, timer[1]!)
      if (!d) return undefined
      actor.send(timerEvent(ev.type, d, at))
    } else actor.send({ ...ev, at, quotes: quoteRules(plan.deadlines, calendar, c, at) })
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

describe.each(plans.map((p) => [p.id, p] as const))('%s: graph coverage', (_id, plan) => {
  it('explores from every opening grade in bounded time', () => {
    const e = explored(plan)
    console.info(`${plan.id}: ${e.snapshots.size} states, ${edgeCount(e)} edges, ${Math.round(e.ms)} ms`)
    expect(e.openings.size).toBe(startGrades(plan).length)
    expect(e.snapshots.size).toBeGreaterThan(startGrades(plan).length)
    expect(e.ms).toBeLessThan(30_000)
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
    const needed = states.filter((s) => requiredState(plan, s.id))
    const unreached = needed.map((s) => s.id).filter((id) => !reached.has(id))
    expect(unreached, `state nodes no generated path reaches:\n  ${unreached.join('\n  ')}`).toEqual([])
    expect(needed.filter((s) => reached.has(s.id)).length).toBe(needed.length)
  })

  it('takes every transition of the definition (on, always, after)', () => {
    const e = explored(plan)
    const needed = walkDefinition(plan.machine).transitions.filter((t) => required(plan, t))
    const untaken = needed.filter((t) => !e.taken.has(t.id)).map(describeTransition)
    expect(untaken, `transitions no generated path takes:\n  ${untaken.join('\n  ')}`).toEqual([])
    expect(needed.filter((t) => e.taken.has(t.id)).length).toBe(needed.length)
  })

  it('leaves no explored open state without an event it accepts', () => {
    const e = explored(plan)
    const open = [...e.snapshots].filter(([, s]) => !isClosedSnapshot(s))
    const stuck = open.filter(([, s]) => e.offered(s).length === 0).map(([k]) => `${k}\n    ${pathTo(e, k)}`)
    expect(stuck, `open states that accept no event:\n  ${stuck.join('\n  ')}`).toEqual([])
    expect(open.length).toBeGreaterThan(0)
  })

  it('can close from every state of the flow without re-grading', () => {
    const e = explored(plan)
    const trapped = [...e.expanded].filter((k) => !isClosedSnapshot(e.snapshots.get(k)!) && !e.closing.has(k))
    const shown = trapped.slice(0, 8).map((k) => `${k}\n    ${pathTo(e, k)}`)
    expect(
      trapped.length,
      `${trapped.length} flow states that cannot reach closed, e.g.:\n  ${shown.join('\n  ')}`,
    ).toBe(0)
    expect(e.closing.size).toBeGreaterThanOrEqual(e.expanded.size)
  })

  it('can still close after a change of grade or category or a missed deadline (without lowering back)', () => {
    const e = explored(plan)
    const trapped = e.perturbations
      .filter((p) => !p.closes)
      .map((p) => `${describeEvent(p.event)} from ${p.from}\n    reached by ${pathTo(e, p.from)}`)
    expect(
      trapped.length,
      `${trapped.length} perturbations after which closed is unreachable without re-grading, e.g.:\n  ${trapped.slice(0, 8).join('\n  ')}`,
    ).toBe(0)
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
  })
})
