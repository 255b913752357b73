/**
 * Shared by the registry-wide machine suites (graph, random walk, meta, fingerprint):
 * a walk over a machine's definition, sample payloads from each event's zod schema,
 * the stamped events a snapshot can be offered (with the timer events the engine's
 * scheduler would send), and an instrumented copy of a machine that records which
 * transition definitions fire.
 */
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  assign,
  createMachine,
  getInitialSnapshot,
  getNextSnapshot,
} from 'xstate'
import type { z } from 'zod'
import { createKit } from '../../machines/kit/kit.js'
import type {
  DeadlineInstance,
  EventSpec,
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  PlanDefinition,
} from '../../machines/kit/types.js'
import {
  CATEGORIES,
  type Category,
  type Facts,
  SEVERITIES,
  type Severity,
} from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, T0 } from './machine.js'

type Cfg = Record<string, unknown>
interface NodeLike {
  id: string
  key: string
  type: string
  config: Cfg
  states: Record<string, NodeLike>
}

// ---------------------------------------------------------------- the definition

export interface StateInfo {
  id: string
  /** Keys from the root, e.g. ['phase', 'discovery', 'triage']. */
  path: string[]
  config: Cfg
  childKeys: string[]
}

export interface TransitionInfo {
  /** `<source id> <event>#<index>`: one entry of the source's candidate list for that event. */
  id: string
  source: string
  /** The event type ('' for `always`; `xstate.after.<delay>.<source>` for `after`). */
  event: string
  kind: 'on' | 'always' | 'after'
  index: number
  guard: string | null
  targets: string[]
  config: Cfg
}

const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])
const transitionList = (x: unknown): Cfg[] =>
  list(x).map((t) => (typeof t === 'string' ? { target: t } : (t as Cfg)))

export const afterEventType = (delay: string, source: string) => `xstate.after.${delay}.${source}`
export const transitionId = (source: string, event: string, index: number) =>
  `${source} ${event === '' ? 'always' : event}#${index}`

/** A guard reference by name, with params when it has them. */
export function guardName(g: unknown): string | null {
  if (g === undefined || g === null) return null
  if (typeof g === 'string') return g
  if (typeof g === 'function') {
    const t = (g as { type?: unknown }).type
    return typeof t === 'string' ? t : g.name || 'inline'
  }
  const { type, params } = g as { type: string; params?: unknown }
  return params === undefined ? type : `${type}(${JSON.stringify(params)})`
}

function transitionsOf(node: NodeLike): TransitionInfo[] {
  const out: TransitionInfo[] = []
  const add = (kind: TransitionInfo['kind'], event: string, raw: unknown) => {
    transitionList(raw).forEach((config, index) => {
      out.push({
        id: transitionId(node.id, event, index),
        source: node.id,
        event,
        kind,
        index,
        guard: guardName(config.guard),
        targets: list(config.target).map(String),
        config,
      })
    })
  }
  for (const [event, raw] of Object.entries((node.config.on ?? {}) as Cfg)) add('on', event, raw)
  add('always', '', node.config.always)
  for (const [delay, raw] of Object.entries((node.config.after ?? {}) as Cfg))
    add('after', afterEventType(delay, node.id), raw)
  return out
}

/** Every state node (root included) and every transition of a machine's definition. */
export function walkDefinition(machine: AnyStateMachine): {
  states: StateInfo[]
  transitions: TransitionInfo[]
} {
  const states: StateInfo[] = []
  const transitions: TransitionInfo[] = []
  const visit = (node: NodeLike, path: string[]) => {
    states.push({ id: node.id, path, config: node.config, childKeys: Object.keys(node.states) })
    transitions.push(...transitionsOf(node))
    for (const [key, child] of Object.entries(node.states)) visit(child, [...path, key])
  }
  visit(machine.root as unknown as NodeLike, [])
  return { states, transitions }
}

/** Ids of the state nodes a snapshot's value makes active (root included). */
export function activeNodeIds(machine: AnyStateMachine, value: unknown): string[] {
  const out: string[] = []
  const visit = (node: NodeLike, v: unknown) => {
    out.push(node.id)
    if (typeof v === 'string') {
      const child = node.states[v]
      if (child) visit(child, {})
    } else if (v && typeof v === 'object') {
      for (const [k, sub] of Object.entries(v)) {
        const child = node.states[k]
        if (child) visit(child, sub)
      }
    }
  }
  visit(machine.root as unknown as NodeLike, value)
  return out
}

/**
 * The event types the active state nodes of a value (and their ancestors) have
 * transitions for; any other event is ignored by that snapshot. Cached per value.
 */
export function handledEventTypes(machine: AnyStateMachine): (value: unknown) => ReadonlySet<string> {
  const bySource = new Map<string, string[]>()
  for (const t of walkDefinition(machine).transitions)
    if (t.kind !== 'always') bySource.set(t.source, [...(bySource.get(t.source) ?? []), t.event])
  const cache = new Map<string, Set<string>>()
  return (value) => {
    const k = JSON.stringify(value)
    let types = cache.get(k)
    if (!types) {
      types = new Set(activeNodeIds(machine, value).flatMap((id) => bySource.get(id) ?? []))
      cache.set(k, types)
    }
    return types
  }
}

/** The `phase` region's top state of a snapshot value. */
export const phaseOf = (value: unknown): string => {
  const v = (value as { phase: unknown }).phase
  return typeof v === 'string' ? v : Object.keys(v as object)[0]!
}

/** The actions of a transition config with a given type, as `{type, params}`. */
const actionRefs = (config: Cfg) =>
  list(config.actions)
    .map((a) =>
      typeof a === 'string' ? { type: a, params: undefined } : (a as { type?: unknown; params?: unknown }),
    )
    .filter((a): a is { type: string; params: unknown } => typeof a.type === 'string')

/** Steps a transition completes (kit `completeStep`, or `recordReport` → 'report'). */
export const stepsCompletedBy = (t: TransitionInfo): string[] =>
  actionRefs(t.config).flatMap((a) =>
    a.type === 'completeStep'
      ? [(a.params as { step: string }).step]
      : a.type === 'recordReport'
        ? ['report']
        : [],
  )

/** Steps the plan completes only behind the approvals guard: its release steps. */
export function releaseSteps(plan: PlanDefinition): string[] {
  const { transitions } = walkDefinition(plan.machine)
  return [
    ...new Set(transitions.filter((t) => t.guard?.includes('approvalsComplete')).flatMap(stepsCompletedBy)),
  ]
}

/** Every recipient list the machine's `recordReport` actions name, by grade. */
export function reportRecipients(plan: PlanDefinition): string[][] {
  const { transitions } = walkDefinition(plan.machine)
  const lists = transitions.flatMap((t) =>
    actionRefs(t.config)
      .filter((a) => a.type === 'recordReport')
      .flatMap((a) => Object.values((a.params as { required: Record<string, string[]> }).required)),
  )
  const seen = new Map(lists.map((l) => [JSON.stringify(l), [...l]]))
  return [...seen.values()]
}

/** Names of the guards every plan shares (from the kit); the others are the plan's own. */
export const KIT_GUARDS: ReadonlySet<string> = new Set(
  Object.keys(
    createKit({ classify: () => ({ severity: null, rule: '' }), deadlines: [], approvals: {} }).guards,
  ),
)

// ---------------------------------------------------------------- payloads

type Schema = z.ZodType
const def = (s: Schema) =>
  (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def

const STRING_CANDIDATES = [
  '测试',
  T0,
  '2026-10-09',
  'https://example.com/post/1',
  'tester@example.com',
  '测试内容'.repeat(5),
]

/** A small valid value for a zod schema, or undefined when the schema is optional. */
function minimal(schema: Schema): unknown {
  const d = def(schema)
  switch (d.type) {
    case 'optional':
      return undefined
    case 'default':
    case 'nullable':
    case 'readonly':
      return minimal(d.innerType as Schema)
    case 'pipe':
      return minimal(d.in as Schema)
    case 'object': {
      const shape = d.shape as Record<string, Schema>
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(shape)) {
        const value = minimal(v)
        if (value !== undefined) out[k] = value
      }
      return out
    }
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0]
    case 'literal':
      return (d.values as unknown[])[0]
    case 'union':
      return minimal((d.options as Schema[])[0]!)
    case 'boolean':
      return false
    case 'array': {
      const el = minimal(d.element as Schema)
      for (let n = 1; n <= 5; n++) {
        const arr = Array.from({ length: n }, () => el)
        if (schema.safeParse(arr).success) return arr
      }
      return [el]
    }
    case 'number':
      return [0, 1, 10, 100, 1000].find((n) => schema.safeParse(n).success) ?? 0
    case 'string':
      return STRING_CANDIDATES.find((s) => schema.safeParse(s).success) ?? '测试'
    default:
      return null
  }
}

const unwrap = (s: Schema): Schema => {
  const d = def(s)
  return d.type === 'optional' || d.type === 'default' || d.type === 'nullable'
    ? unwrap(d.innerType as Schema)
    : s
}

/** Facts that give each grade the plan's classifier knows, one sample per distinct answer. */
const FACT_CANDIDATES: readonly Facts[] = [
  {},
  { clicksPerDay: 1_001, sites: 2 },
  { clicksPerDay: 10_001, sites: 2 },
  { clicksPerDay: 50_001, sites: 2 },
  { reposts: 20 },
  { reposts: 101 },
  { reposts: 301 },
  { reposts: 501 },
  { crossRegion: true, largeImageImpact: true },
  { mainstreamMedia: true },
  { foreignMedia: true },
]
export function factSamples(plan: PlanDefinition): Facts[] {
  const byGrade = new Map<string, Facts>()
  for (const f of FACT_CANDIDATES) {
    const g = String(plan.classify(f).severity)
    if (!byGrade.has(g)) byGrade.set(g, f)
  }
  return [...byGrade.values()]
}

/**
 * Categories the machine can tell apart: two categories are alike when every
 * `categoryIn` guard and every deadline rule treats them the same, and every guard of
 * the plan's own answers the same for them in each of the `probes` contexts.
 */
export function categoryRepresentatives(
  plan: PlanDefinition,
  probes: readonly IncidentContext[] = [],
): Category[] {
  const sets = categorySets(plan)
  const own = ownGuardRefs(plan)
  const guards = plan.machine.implementations.guards as Record<string, unknown>
  const classes = new Map<string, Category>()
  for (const c of CATEGORIES) {
    // A plan's own guard may read the category: probe it with each category in sample contexts.
    const probed = probes.flatMap((ctx) =>
      own.map(({ name, params }) => {
        const g = guards[name]
        try {
          return typeof g === 'function'
            ? Boolean(g({ context: { ...ctx, category: c }, event: { type: '' } }, params))
            : '?'
        } catch {
          return 'error'
        }
      }),
    )
    const sig = JSON.stringify([sets.map((s) => s.includes(c)), probed])
    if (!classes.has(sig)) classes.set(sig, c)
  }
  return [...classes.values()]
}

/** The plan's own guards (not the kit's) as used in the machine, with their params. */
export function ownGuardRefs(plan: PlanDefinition): { name: string; params: unknown }[] {
  const refs = new Map<string, { name: string; params: unknown }>()
  for (const t of walkDefinition(plan.machine).transitions)
    for (const g of guardParts(t.config.guard)) {
      const ref =
        typeof g === 'string'
          ? { name: g, params: undefined }
          : typeof g === 'object' && g !== null && typeof (g as { type?: unknown }).type === 'string'
            ? { name: (g as { type: string }).type, params: (g as { params?: unknown }).params }
            : null
      if (ref && !KIT_GUARDS.has(ref.name)) refs.set(JSON.stringify(ref), ref)
    }
  return [...refs.values()]
}

/** The category lists the kit's `categoryIn` guards and the deadline rules name. */
export function categorySets(plan: PlanDefinition): (readonly string[])[] {
  const { transitions } = walkDefinition(plan.machine)
  return [
    ...plan.deadlines.flatMap((r) => (r.categories ? [r.categories] : [])),
    ...transitions.flatMap((t) =>
      guardParts(t.config.guard).flatMap((raw) => {
        const g = raw as { type?: string; params?: { categories?: string[] } }
        return g?.type === 'categoryIn' && g.params?.categories ? [g.params.categories] : []
      }),
    ),
  ]
}

export interface PayloadOptions {
  categories: readonly Category[]
}

/**
 * Valid payloads for an event: the minimal one, plus one variant per value of each
 * field whose value the machine's actions act on (grades, categories, enums,
 * booleans, facts, report recipients). Variants change one field at a time.
 */
export function payloadVariants(
  plan: PlanDefinition,
  spec: EventSpec,
  opts: PayloadOptions,
): Record<string, unknown>[] {
  const base = minimal(spec.schema) as Record<string, unknown>
  const planGrades = plan.severities.map((s) => s.code)
  const choices = (field: string, raw: Schema): unknown[] => {
    const d = def(unwrap(raw))
    if (d.type === 'enum') {
      const options = Object.values(d.entries as Record<string, unknown>)
      if (options.every((o) => (SEVERITIES as readonly unknown[]).includes(o)))
        return planGrades.filter((g) => options.includes(g))
      if (options.every((o) => (CATEGORIES as readonly unknown[]).includes(o)))
        return opts.categories.filter((c) => options.includes(c))
      return options
    }
    if (d.type === 'boolean') return [false, true]
    if (field === 'facts') return factSamples(plan)
    if (d.type === 'array') {
      const el = def(unwrap(d.element as Schema))
      if (el.type === 'string') return reportRecipients(plan)
      if (el.type === 'enum')
        return [...reportRecipients(plan), Object.values(el.entries as Record<string, unknown>)]
    }
    return []
  }
  const fields = Object.entries(spec.schema.shape as Record<string, Schema>).map(
    ([field, raw]) => [field, choices(field, raw).filter((v) => raw.safeParse(v).success)] as const,
  )
  // A required field takes its first choice (never a grade or category the plan does not use).
  for (const [field, values] of fields) if (field in base && values.length > 0) base[field] = values[0]
  const variants: Record<string, unknown>[] = [base]
  for (const [field, values] of fields)
    for (const v of values) {
      const p = { ...base, [field]: v }
      if (spec.schema.safeParse(p).success && !variants.some((x) => JSON.stringify(x) === JSON.stringify(p)))
        variants.push(p)
    }
  if (!spec.schema.safeParse(base).success)
    throw new Error(
      `${plan.id} ${spec.type}: no valid sample payload could be built from its schema (${JSON.stringify(base)}); feed one by hand in tests/helpers/graph.ts`,
    )
  return variants
}

// ---------------------------------------------------------------- time and events

/** The latest instant the context records: the moment of the last event the incident saw. */
export function nowOf(c: IncidentContext): string {
  let max = Date.parse(c.discoveredAt)
  const see = (iso: string | null | undefined) => {
    if (iso) max = Math.max(max, Date.parse(iso))
  }
  see(c.closedAt)
  for (const s of c.severityLog) see(s.at)
  for (const at of Object.values(c.steps)) see(at)
  for (const d of c.deadlines) {
    see(d.startedAt)
    see(d.metAt)
    see(d.breachedAt)
    see(d.escalatedAt)
  }
  for (const b of c.breaches) see(b.at)
  return new Date(max).toISOString()
}

export const SYSTEM_ACTOR = { name: 'system', role: 'system' } as const

/** The timer events a machine defines, by deadline name (`<name>Due` delays of the kit's regions). */
export function timerEventTypes(plan: PlanDefinition): Map<string, string> {
  const out = new Map<string, string>()
  for (const t of walkDefinition(plan.machine).transitions) {
    const m = t.kind === 'after' ? /^xstate\.after\.(\w+)Due\./.exec(t.event) : null
    if (m) out.set(m[1]!, t.event)
  }
  return out
}

/** The latest pending instance of a deadline: the one the scheduler's timer is armed for. */
export const pendingInstance = (c: IncidentContext, name: string): DeadlineInstance | undefined =>
  c.deadlines.findLast((d) => d.name === name && d.status === 'pending')

/** The event the engine's scheduler sends when a deadline instance comes due (never before `notBefore`). */
export function timerEvent(type: string, d: DeadlineInstance, notBefore: string): IncidentEvent {
  const at = Date.parse(d.dueAt) > Date.parse(notBefore) ? d.dueAt : notBefore
  return { type, at, actor: SYSTEM_ACTOR, instance: d.id }
}

/** Stamps a payload as the engine does: `at`, `actor` and the calendar's quotes at that time. */
export function stamp(
  plan: PlanDefinition,
  c: IncidentContext,
  type: string,
  payload: Record<string, unknown>,
  at: string,
  role: string,
): IncidentEvent {
  return {
    ...payload,
    type,
    at,
    actor: { name: `测试${role}`, role: role as never },
    quotes: quoteRules(plan.deadlines, calendar, c, at),
  }
}

/** The grades an incident can be opened with: every grade of the plan, and unclassified where a person grades. */
export const startGrades = (plan: PlanDefinition): (Severity | null)[] => [
  ...(plan.hasCriteria ? [] : [null]),
  ...plan.severities.map((s) => s.code),
]

/** The input the engine would open an incident with, at T0, of a given grade. */
export function incidentInput(plan: PlanDefinition, grade: Severity | null): IncidentInput {
  const base = {
    title: '测试舆情',
    discoveredAt: T0,
    knownAt: T0,
    occurredAt: T0,
    category: null,
    facts: {},
    severity: grade,
    severityReason: grade === null ? null : '开案时人工定级（测试）',
    actor: { name: '值班员', role: 'office' as const },
  }
  return { ...base, quotes: quoteRules(plan.deadlines, calendar, base, T0) }
}

// ---------------------------------------------------------------- instrumentation

/** What the guards were seen to read from the context. */
export interface GuardReads {
  fields: Set<string>
  /** Fields read by the plan's own guards (not the kit's). */
  ownFields: Set<string>
  steps: Set<string>
  allSteps: boolean
}

const RECORD = 'xstate-graph-test.taken'

/** The reads being recorded by the guard now running (guards run synchronously, one at a time). */
let recording: { reads: GuardReads; own: boolean } | null = null
const STEPS_HANDLER: ProxyHandler<Record<string, string>> = {
  get: (t, k) => {
    if (recording && typeof k === 'string') recording.reads.steps.add(k)
    return Reflect.get(t, k)
  },
  has: (t, k) => {
    if (recording && typeof k === 'string') recording.reads.steps.add(k)
    return Reflect.has(t, k)
  },
  ownKeys: (t) => {
    if (recording) recording.reads.allSteps = true
    return Reflect.ownKeys(t)
  },
}
const CONTEXT_HANDLER: ProxyHandler<IncidentContext> = {
  get: (t, k) => {
    if (recording && typeof k === 'string') {
      recording.reads.fields.add(k)
      if (recording.own) recording.reads.ownFields.add(k)
    }
    return k === 'steps' ? new Proxy(t.steps, STEPS_HANDLER) : Reflect.get(t, k)
  },
}
function tracked<T>(reads: GuardReads, own: boolean, run: () => T): T {
  recording = { reads, own }
  try {
    return run()
  } finally {
    recording = null
  }
}

/** What the plan's own guards read when evaluated (with their params) in each of `contexts`. */
export function guardReadsOn(plan: PlanDefinition, contexts: readonly IncidentContext[]): GuardReads {
  const reads: GuardReads = { fields: new Set(), ownFields: new Set(), steps: new Set(), allSteps: false }
  const guards = plan.machine.implementations.guards as Record<string, unknown>
  for (const { name, params } of ownGuardRefs(plan))
    for (const context of contexts) {
      const g = guards[name]
      if (typeof g !== 'function') continue
      try {
        tracked(reads, true, () =>
          g({ context: new Proxy(context, CONTEXT_HANDLER), event: { type: '' } }, params),
        )
      } catch {
        // A guard that needs more than a context is watched during the traversal instead.
      }
    }
  return reads
}

/**
 * A copy of `machine` built from the same config and implementations, in which every
 * transition definition (on, always, after) also runs one extra `assign` that adds
 * the transition's id to `taken`. An `assign` runs inside the pure `transition()`
 * @xstate/graph calls, exactly when XState selects that definition (after guard and
 * document-order priority), so `taken` is the set of definitions selected by at least
 * one explored step. Every guard runs against a context proxy that records which
 * fields and steps it reads (`reads`), so the state key can include them.
 */
export function instrument(machine: AnyStateMachine) {
  const taken = new Set<string>()
  const reads: GuardReads = { fields: new Set(), ownFields: new Set(), steps: new Set(), allSteps: false }
  const tag = (source: string, event: string, raw: unknown) =>
    transitionList(raw).map((t, i) => ({
      ...t,
      actions: [{ type: RECORD, params: { id: transitionId(source, event, i) } }, ...list(t.actions)],
    }))
  const rebuild = (node: NodeLike): Cfg => {
    const cfg: Cfg = { ...node.config }
    if (cfg.on)
      cfg.on = Object.fromEntries(Object.entries(cfg.on as Cfg).map(([e, t]) => [e, tag(node.id, e, t)]))
    if (cfg.always) cfg.always = tag(node.id, '', cfg.always)
    if (cfg.after)
      cfg.after = Object.fromEntries(
        Object.entries(cfg.after as Cfg).map(([d, t]) => [d, tag(node.id, afterEventType(d, node.id), t)]),
      )
    if (Object.keys(node.states).length > 0)
      cfg.states = Object.fromEntries(Object.entries(node.states).map(([k, child]) => [k, rebuild(child)]))
    return cfg
  }
  const impl = machine.implementations
  // The kit's guards read fields the key always covers (and `stepDone` names its step in
  // params, see guardedSteps); only the plan's own guards are watched.
  const guards = Object.fromEntries(
    Object.entries(impl.guards).map(([name, g]) => {
      if (typeof g !== 'function' || KIT_GUARDS.has(name)) return [name, g]
      const wrapped = (args: { context: IncidentContext }, params: unknown) =>
        tracked(reads, true, () =>
          (g as (a: unknown, p: unknown) => boolean)(
            { ...args, context: new Proxy(args.context, CONTEXT_HANDLER) },
            params,
          ),
        )
      return [name, wrapped]
    }),
  )
  const record = assign((_: unknown, params: { id: string }) => {
    taken.add(params.id)
    return {}
  })
  const copy = createMachine(
    rebuild(machine.root as unknown as NodeLike) as never,
    {
      ...impl,
      guards,
      actions: { ...impl.actions, [RECORD]: record },
    } as never,
  ) as AnyStateMachine
  return { machine: copy, taken, reads }
}

// ---------------------------------------------------------------- state keys

/** Latest instance status of each deadline name, as the kit's regions mirror it (plus whether a missed one was done late). */
export function deadlineSummary(c: IncidentContext, names: readonly string[]): string[] {
  return names.map((n) => {
    const d = c.deadlines.findLast((x) => x.name === n)
    if (!d) return 'idle'
    // A late step leaves the instance missed but done (metAt set): guards may tell them apart.
    const status = d.status === 'missed' && d.escalatedAt ? 'escalated' : d.status
    return d.status === 'missed' && d.metAt !== null ? `${status}+done` : status
  })
}

/**
 * The abstract state @xstate/graph de-duplicates on: the value plus every context
 * field a guard reads (grade, category, approvals, the steps guards test, deadline
 * statuses and unescalated breaches, closed) and the fields that decide those later
 * (reached recipients, the grade pin). Timestamps are left out, so time never makes
 * two states differ and the traversal ends.
 */
export interface KeyOptions {
  deadlineNames: readonly string[]
  /** Steps to key on ('all', or those some guard tests). */
  steps: ReadonlySet<string> | 'all'
  /** Whether anything reads the category (else it is left out of the key). */
  category: boolean
  /** Further context fields a plan's own guard reads. */
  extraFields: readonly string[]
}
export function stateKey(snapshot: AnyMachineSnapshot, o: KeyOptions): string {
  const c = snapshot.context as IncidentContext
  const stepKeys = Object.keys(c.steps)
    .filter((s) => o.steps === 'all' || o.steps.has(s))
    .sort()
  return JSON.stringify([
    snapshot.value,
    c.severity,
    o.category ? c.category : null,
    [...c.approvals].sort(),
    stepKeys,
    [...c.reportedTo].sort(),
    c.severityPin?.computed ?? null,
    deadlineSummary(c, o.deadlineNames),
    c.deadlines.some((d) => d.status === 'missed' && d.escalatedAt === null),
    c.closedAt !== null,
    o.extraFields.map((f) => (c as unknown as Record<string, unknown>)[f]),
  ])
}

/** Guard references inside a guard, through `and` / `or` / `not`. */
export function guardParts(g: unknown): unknown[] {
  const inner = (g as { guards?: unknown } | undefined)?.guards
  return Array.isArray(inner) ? inner.flatMap(guardParts) : g === undefined ? [] : [g]
}

/** Steps the kit's `stepDone` guards test anywhere in the machine (inside `and`/`or`/`not` too). */
export function guardedSteps(plan: PlanDefinition): Set<string> {
  const out = new Set<string>()
  for (const t of walkDefinition(plan.machine).transitions)
    for (const g of guardParts(t.config.guard)) {
      const { type, params } = (g ?? {}) as { type?: string; params?: { step?: string } }
      if (type === 'stepDone' && params?.step) out.add(params.step)
    }
  return out
}

/** An event of a route: its type and payload (stamp it with `at`, actor and quotes when sending). */
export interface RouteStep {
  type: string
  payload: Record<string, unknown>
}

/**
 * A route from an incident opened at `grade` to `closed`, found by a best-first search
 * (the state furthest along the phases first) over the plan's own events and the first
 * category, each stamped at the incident's latest instant. Undefined when none is found
 * within `cap` states.
 */
export function closingRoute(
  plan: PlanDefinition,
  grade: Severity | null,
  cap = 5_000,
): RouteStep[] | undefined {
  const PHASE_ORDER = ['discovery', 'reporting', 'consultation', 'response', 'disposal', 'review', 'closed']
  const handles = handledEventTypes(plan.machine)
  const menu = plan.events
    .filter((spec) => !['METRICS_UPDATED', 'SET_SEVERITY', 'ESCALATE'].includes(spec.type))
    .flatMap((spec) =>
      payloadVariants(plan, spec, { categories: categoryRepresentatives(plan) }).map((payload) => ({
        type: spec.type,
        payload,
        role: spec.roles[0] ?? 'office',
      })),
    )
  const start = getInitialSnapshot(plan.machine, incidentInput(plan, grade))
  const key = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context])
  const parent = new Map<string, { prev: string; step: RouteStep } | null>([[key(start), null]])
  const buckets: AnyMachineSnapshot[][] = PHASE_ORDER.map(() => [])
  const bucket = (s: AnyMachineSnapshot) => buckets[PHASE_ORDER.indexOf(phaseOf(s.value))]!
  bucket(start).push(start)
  while (parent.size < cap) {
    const s = buckets.findLast((b) => b.length > 0)?.pop()
    if (!s) return undefined
    const c = s.context as IncidentContext
    const at = nowOf(c)
    const handled = handles(s.value)
    const moved: AnyMachineSnapshot[] = []
    for (const m of menu) {
      if (!handled.has(m.type)) continue
      if (m.type === 'SET_CATEGORY' && c.category !== null) continue
      const event = stamp(plan, c, m.type, m.payload, at, m.role)
      if (!s.can(event)) continue
      const next = getNextSnapshot(plan.machine, s, event as never)
      const k = key(next)
      if (parent.has(k)) continue
      parent.set(k, { prev: key(s), step: { type: m.type, payload: m.payload } })
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
