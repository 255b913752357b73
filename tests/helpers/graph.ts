/**
 * Shared by the registry-wide machine suites (graph, random walk, meta, fingerprint):
 * a walk over a machine's definition, sample payloads from each event's zod schema
 * (fields that name something of the incident — a draft, an owed obligation, a
 * decision — bound to the incident when offered), the stamped events a snapshot can be
 * offered (with the system events the engine's scheduler sends: DEADLINE_PASSED at an
 * owed obligation's due time, REQUOTE of an uncertain one), a state key summarising
 * the obligations, and an instrumented copy of a machine that records which
 * transition definitions fire.
 */
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  assign,
  createMachine,
  getInitialSnapshot,
} from 'xstate'
import type { z } from 'zod'
import { afterAct } from '../../machines/kit/begin.js'
import { approvalsFor } from '../../machines/kit/drafts.js'
import { createKit } from '../../machines/kit/kit.js'
import { fieldsMatch, matchesDischarge } from '../../machines/kit/ledger.js'
import type {
  Condition,
  Draft,
  EventSpec,
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  Obligation,
  ObligationRule,
  PlanDefinition,
} from '../../machines/kit/types.js'
import {
  CATEGORIES,
  type Category,
  type Facts,
  type Role,
  SEVERITIES,
  type Severity,
} from '../../machines/vocabulary.js'
import { nextSnapshot as transitionOnce } from '../../src/engine/actor.js'
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

/** One transition without an actor: the engine's own (src/engine/actor.ts). */
export function nextSnapshot(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: IncidentEvent,
): AnyMachineSnapshot {
  return transitionOnce(machine, snapshot, event)
}

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

/** Recipient codes an obligation rule's discharge names (`to: [...]`). */
const recipientsOf = (r: ObligationRule): string[] => {
  const to = r.discharge.fields.to
  return Array.isArray(to) ? to.filter((x): x is string => typeof x === 'string') : []
}

/**
 * Recipient lists worth sending a report to: each recipient an obligation rule names
 * alone (rule 7: one recipient, one obligation), and every recipient of a grade at once.
 */
export function reportRecipients(plan: PlanDefinition): string[][] {
  const single = [...new Set(plan.obligations.flatMap(recipientsOf))].map((code) => [code])
  const byGrade = plan.severities.map((g) => [
    ...new Set(
      plan.obligations
        .filter((r) => r.severities === undefined || r.severities.includes(g.code))
        .flatMap(recipientsOf),
    ),
  ])
  const seen = new Map([...single, ...byGrade].filter((l) => l.length > 0).map((l) => [JSON.stringify(l), l]))
  return [...seen.values()]
}

/** A placeholder escalation rule, to build a kit only to read its guard names. */
const NO_ESCALATION: ObligationRule = {
  id: 'escalate',
  kind: 'step',
  label: '',
  clause: null,
  policy: 'x',
  owedBy: [],
  discharge: { type: 'ESCALATE', fields: {} },
}

/** Names of the guards every plan shares (from the kit); the others are the plan's own. */
export const KIT_GUARDS: ReadonlySet<string> = new Set(
  Object.keys(
    createKit({
      classify: () => ({ severity: null, rule: '' }),
      obligations: [],
      approvals: {},
      escalation: NO_ESCALATION,
    }).guards,
  ),
)

// ---------------------------------------------------------------- payloads

type Schema = z.ZodType
const def = (s: Schema) =>
  (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def

const STRING_CANDIDATES = [
  '测试',
  'd1',
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

/** The category lists the kit's `categoryIn` guards, the obligation rules and the approvals name. */
export function categorySets(plan: PlanDefinition): (readonly string[])[] {
  const { transitions } = walkDefinition(plan.machine)
  return [
    ...plan.obligations.flatMap((r) => (r.categories ? [r.categories] : [])),
    ...Object.values(plan.approvals).flatMap((reqs) =>
      (reqs ?? []).flatMap((a) => (a.categories ? [a.categories] : [])),
    ),
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
  for (const a of c.acts) see(a.at)
  for (const o of c.obligations) {
    see(o.startedAt)
    see(o.metAt)
    see(o.breachedAt)
    see(o.escalatedAt)
    see(o.waived?.at)
    see(o.withdrawn?.at)
    see(o.decision?.at)
    see(o.requoted?.at)
  }
  for (const d of c.drafts) {
    see(d.createdAt)
    see(d.releasedAt)
    see(d.withdrawn?.at)
    for (const x of d.approvals) see(x.at)
  }
  return new Date(max).toISOString()
}

export const SYSTEM_ACTOR = { name: 'system', role: 'system' } as const
/** Events only the engine's scheduler sends (never in allowedEvents). */
export const SYSTEM_EVENT_TYPES: ReadonlySet<string> = new Set(['DEADLINE_PASSED', 'REQUOTE'])

/** Owed obligations whose due timer is armed: a due time, not yet breached. */
export const armed = (c: IncidentContext): Obligation[] =>
  c.obligations.filter((o) => o.status === 'owed' && o.dueAt !== null && o.breachedAt === null)

/** The event the engine's scheduler sends when an owed obligation comes due (never before `notBefore`). */
export function deadlineEvent(o: Obligation, notBefore: string): IncidentEvent {
  const at = o.dueAt !== null && Date.parse(o.dueAt) > Date.parse(notBefore) ? o.dueAt : notBefore
  return { type: 'DEADLINE_PASSED', at, actor: SYSTEM_ACTOR, obligation: o.id }
}

/** Owed obligations with an uncertain due time not yet re-quoted (rule 9's one exception). */
export const requotable = (c: IncidentContext): Obligation[] =>
  c.obligations.filter((o) => o.status === 'owed' && o.dueAt !== null && !o.certain && o.requoted === null)

/** The re-quote the engine sends once the holiday data of the year arrived: one day later, certain. */
export function requoteEvent(o: Obligation, at: string): IncidentEvent {
  const dueAt = new Date(Date.parse(o.dueAt!) + 24 * 3_600_000).toISOString()
  return { type: 'REQUOTE', at, actor: SYSTEM_ACTOR, obligation: o.id, dueAt, certain: true }
}

/** Whether a plan has a due rule counted in working time (only those can be uncertain, hence re-quoted). */
export const hasWorkingTimeRule = (plan: PlanDefinition): boolean =>
  plan.obligations.some((r) => r.due?.unit === 'workingHours' || r.due?.unit === 'workingDays')

/** Stamps a payload as the engine does: `at`, `actor` and the calendar's quotes at that time. */
export function stamp(
  plan: PlanDefinition,
  c: IncidentContext,
  type: string,
  payload: Record<string, unknown>,
  at: string,
  role: string,
  name = `测试${role}`,
): IncidentEvent {
  return {
    ...payload,
    type,
    at,
    actor: { name, role: role as never },
    quotes: quoteRules(plan.obligations, calendar, c, at),
  }
}

/** The grades an incident can be opened with: every grade of the plan, and unclassified where a person grades. */
export const startGrades = (plan: PlanDefinition): (Severity | null)[] => [
  ...(plan.hasCriteria ? [] : [null]),
  ...plan.severities.map((s) => s.code),
]

/** The input the engine would open an incident with, at `at` (T0), of a given grade. */
export function incidentInput(plan: PlanDefinition, grade: Severity | null, at = T0): IncidentInput {
  const base = {
    title: '测试舆情',
    discoveredAt: at,
    knownAt: at,
    occurredAt: at,
    category: null,
    facts: {},
    severity: grade,
    severityReason: grade === null ? null : '开案时人工定级（测试）',
    actor: { name: '值班员', role: 'office' as const },
  }
  return { ...base, quotes: quoteRules(plan.obligations, calendar, base, at) }
}

// ---------------------------------------------------------------- binding and roles

/** Payload fields that name something of the incident: bound when the event is offered. */
export const BOUND_FIELDS = ['draftId', 'obligation', 'decision'] as const

/** Drafts that may still be approved, released or withdrawn: one per purpose and approvals given (the latest). */
export function openDrafts(c: IncidentContext): Draft[] {
  const out = new Map<string, Draft>()
  for (const d of c.drafts) if (d.releasedAt === null && d.withdrawn === null) out.set(draftSignature(d), d)
  return [...out.values()]
}
/** What tells one open draft from another in a state key: its purpose and the approvals it carries. */
export const draftSignature = (d: Draft) => `${d.purpose}:${d.approvals.map((a) => a.code).join('+')}`

/**
 * The events a menu item stands for in context `c`: its bound fields filled with each
 * open draft, each owed obligation (WAIVE), each owed decision (DECIDE); `tag` names
 * the binding so that a variant is the same event in every state.
 */
export function bindings(
  spec: EventSpec,
  payload: Record<string, unknown>,
  c: IncidentContext,
): { payload: Record<string, unknown>; tag: string; owedBy?: readonly Role[] }[] {
  const shape = spec.schema.shape as Record<string, unknown>
  let out: { payload: Record<string, unknown>; tag: string; owedBy?: readonly Role[] }[] = [
    { payload, tag: '' },
  ]
  if ('draftId' in shape)
    out = out.flatMap((b) =>
      openDrafts(c).map((d) => ({
        ...b,
        payload: { ...b.payload, draftId: d.id },
        tag: `${b.tag}@${draftSignature(d)}`,
      })),
    )
  if ('obligation' in shape)
    out = out.flatMap((b) =>
      c.obligations
        .filter((o) => o.status === 'owed')
        .map((o) => ({ ...b, payload: { ...b.payload, obligation: o.id }, tag: `${b.tag}@${slot(c, o)}` })),
    )
  if ('decision' in shape)
    out = out.flatMap((b) =>
      c.obligations
        .filter((o) => o.kind === 'decision' && o.status === 'owed')
        .map((o) => ({
          ...b,
          payload: { ...b.payload, decision: o.rule },
          tag: `${b.tag}@${o.rule}`,
          owedBy: o.owedBy,
        })),
    )
  // Keep one event per tag (two owed instances of a rule are waived alike).
  return [...new Map(out.map((b) => [b.tag, b])).values()]
}

/**
 * The roles worth sending an event as: the first role the plan lets send it, and each
 * role that owes an obligation or an approval the event (with this payload) discharges,
 * so that guards reading the actor's role (who may report to whom, who signs off) are
 * exercised with the roles that matter.
 */
export function senderRoles(plan: PlanDefinition, spec: EventSpec, payload: Record<string, unknown>): Role[] {
  const rules = [
    ...plan.obligations.filter(
      (r) => r.discharge.type === spec.type && fieldsMatch(r.discharge.fields, payload),
    ),
  ]
  const approvers = Object.values(plan.approvals).flatMap((reqs) =>
    (reqs ?? []).filter((a) => a.event === spec.type),
  )
  const owing = [...rules.map((r) => r.owedBy), ...approvers.map((a) => a.owedBy)].flatMap(
    (owedBy) => owedBy.find((role) => spec.roles.includes(role)) ?? [],
  )
  return [...new Set([spec.roles[0]!, ...owing])]
}

/** The approvals the current grade requires of a draft, by code (for the release invariant). */
export const requiredApprovals = (plan: PlanDefinition, c: IncidentContext, d: Draft): string[] =>
  approvalsFor(plan.approvals, c, d.purpose).map((a) => a.code)

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

/** Where an obligation sits in the summary: its rule, and for a draft's, the draft's purpose. */
export function slot(c: IncidentContext, o: Obligation): string {
  if (o.draftId === null) return o.rule
  const d = c.drafts.find((x) => x.id === o.draftId)
  return `${o.rule}:${d?.purpose ?? '?'}`
}

/**
 * The obligations without their times: per slot (rule, draft purpose), the latest
 * instance's status, whether it breached (!) and was escalated (^), a decision's answer,
 * and whether any instance of the slot is owed. Instances repeat (续报, a relapse, a new
 * draft) without making new states.
 */
export function obligationSummary(c: IncidentContext): string[] {
  const latest = new Map<string, Obligation>()
  const owed = new Set<string>()
  for (const o of c.obligations) {
    const k = slot(c, o)
    latest.set(k, o)
    if (o.status === 'owed') owed.add(k)
  }
  return [...latest]
    .map(
      ([k, o]) =>
        `${k}=${o.status}${o.breachedAt ? '!' : ''}${o.escalatedAt ? '^' : ''}${o.decision ? `:${o.decision.answer}` : ''}${owed.has(k) && o.status !== 'owed' ? '+owed' : ''}${o.certain ? '' : '?'}`,
    )
    .sort()
}

/** The drafts without their times: open ones by purpose and approvals given, and the purposes released. */
export function draftSummary(c: IncidentContext): string[] {
  return [
    ...new Set([
      ...openDrafts(c).map(draftSignature),
      ...c.drafts.filter((d) => d.releasedAt !== null).map((d) => `released:${d.purpose}`),
    ]),
  ].sort()
}

/** Act types the plan's obligation rules name in their conditions (`{ act }`). */
export function conditionActs(plan: PlanDefinition): Set<string> {
  const out = new Set<string>()
  const visit = (c: Condition | undefined) => {
    if (!c) return
    if ('act' in c) out.add(c.act)
    else if ('all' in c) c.all.forEach(visit)
    else if ('any' in c) c.any.forEach(visit)
    else if ('not' in c) visit(c.not)
  }
  for (const r of plan.obligations) visit(r.when)
  return out
}

/**
 * The acts without times or instance ids: those of the types rule conditions name,
 * with their fields; and, when a plan's own guard reads the acts (`allTypes`), which
 * types were accepted at all. Other acts only matter to rule 6 (done before owed): see
 * priorSummary.
 */
export function actSummary(c: IncidentContext, types: ReadonlySet<string>, allTypes: boolean): string[] {
  const strip = (f: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(f).filter(([k]) => !(BOUND_FIELDS as readonly string[]).includes(k)))
  return [
    ...new Set(
      c.acts.flatMap((a) =>
        types.has(a.type) ? [`${a.type}${JSON.stringify(strip(a.fields))}`] : allTypes ? [a.type] : [],
      ),
    ),
  ].sort()
}

/**
 * Rule 6 (done before owed): a rule that begins where it has no live instance is met at
 * once by an earlier act that discharges it (`prior: 'sameGrade'`: one done at the grade
 * it begins at). Which such acts the incident has is not told by the obligations (a
 * measure may be taken before the category that owes it is set, e.g. saws-2014's
 * REQUEST_TAKEDOWN before 谣言): per rule of `rules` without a live instance, the grades
 * its prior acts were done at (`*` when any grade counts); `prior: { after }` counts only
 * acts done at or after the first act of that type (`latest`: the latest; kit `afterAct`).
 */
export function priorSummary(c: IncidentContext, rules: readonly ObligationRule[]): string[] {
  const live = new Set(c.obligations.filter((o) => o.status !== 'withdrawn').map((o) => o.rule))
  return rules.flatMap((r) => {
    if (live.has(r.id) || r.prior === 'none' || r.kind === 'decision' || r.kind === 'approval') return []
    const after = typeof r.prior === 'object' ? afterAct(c, r.prior) : undefined
    const latest = typeof r.prior === 'object' && r.prior.latest === true
    const bound = after === undefined || !latest ? -1 : c.acts.lastIndexOf(after)
    const done = c.acts.filter(
      (a, i) =>
        matchesDischarge(r.discharge, a.type, a.fields) &&
        (typeof r.prior !== 'object' ||
          (after !== undefined && Date.parse(a.at) >= Date.parse(after.at) && i > bound)),
    )
    if (done.length === 0) return []
    const grades = r.prior === 'sameGrade' ? [...new Set(done.map((a) => String(a.severity)))].sort() : ['*']
    return [`${r.id}@${grades.join(',')}`]
  })
}

/**
 * The abstract state @xstate/graph de-duplicates on: the value plus every context
 * field a guard or the ledger reads (grade, category, steps, reached recipients, the
 * grade pin, the obligations, drafts and acts summarised, closed). Timestamps are left
 * out, so time never makes two states differ and the traversal ends.
 */
export interface KeyOptions {
  /** Steps to key on ('all', or those some guard or rule condition tests). */
  steps: ReadonlySet<string> | 'all'
  /** Whether anything reads the category (else it is left out of the key). */
  category: boolean
  /** Act types keyed with their fields (see actSummary). */
  acts: ReadonlySet<string>
  /** Whether a plan's own guard reads the acts. */
  allActTypes: boolean
  /** Further context fields a plan's own guard reads. */
  extraFields: readonly string[]
  /** Rules whose prior acts (rule 6) are keyed (see priorSummary); none when absent. */
  prior?: readonly ObligationRule[]
}
export function stateKey(snapshot: AnyMachineSnapshot, o: KeyOptions): string {
  const c = snapshot.context as IncidentContext
  return JSON.stringify([
    snapshot.value,
    c.severity,
    o.category ? c.category : null,
    Object.keys(c.steps)
      .filter((x) => o.steps === 'all' || o.steps.has(x))
      .sort(),
    [...c.reportedTo].sort(),
    c.severityPin?.computed ?? null,
    obligationSummary(c),
    draftSummary(c),
    actSummary(c, o.acts, o.allActTypes),
    c.closedAt !== null,
    o.extraFields.map((f) => (c as unknown as Record<string, unknown>)[f]),
    priorSummary(c, o.prior ?? []),
  ])
}

/** Guard references inside a guard, through `and` / `or` / `not`. */
export function guardParts(g: unknown): unknown[] {
  const inner = (g as { guards?: unknown } | undefined)?.guards
  return Array.isArray(inner) ? inner.flatMap(guardParts) : g === undefined ? [] : [g]
}

/** Steps the kit's `stepDone` guards test anywhere in the machine (inside `and`/`or`/`not` too), and rule conditions name. */
export function guardedSteps(plan: PlanDefinition): Set<string> {
  const out = new Set<string>()
  const visit = (c: Condition | undefined) => {
    if (!c) return
    if ('step' in c) out.add(c.step)
    else if ('all' in c) c.all.forEach(visit)
    else if ('any' in c) c.any.forEach(visit)
    else if ('not' in c) visit(c.not)
  }
  for (const r of plan.obligations) visit(r.when)
  for (const t of walkDefinition(plan.machine).transitions)
    for (const g of guardParts(t.config.guard)) {
      const { type, params } = (g ?? {}) as { type?: string; params?: { step?: string } }
      if (type === 'stepDone' && params?.step) out.add(params.step)
    }
  return out
}

// ---------------------------------------------------------------- menus

/** One event a plan may be offered: a payload variant, sent as one role. */
export interface MenuItem {
  spec: EventSpec
  type: string
  payload: Record<string, unknown>
  role: Role
  /** Names the variant, the same in every state. */
  key: string
}

/** The categories the plan version takes (its SET_CATEGORY's; the whole vocabulary if it has none). */
export function planCategories(plan: PlanDefinition): Category[] {
  const field = plan.events.find((e) => e.type === 'SET_CATEGORY')?.schema.shape.category
  return CATEGORIES.filter((c) => field === undefined || field.safeParse(c).success)
}

/** Every payload variant of every event of the plan, as each role worth sending it as. */
export function planMenu(plan: PlanDefinition, opts: PayloadOptions): MenuItem[] {
  return plan.events.flatMap((spec) =>
    payloadVariants(plan, spec, opts).flatMap((payload, i) =>
      senderRoles(plan, spec, payload).map((role) => ({
        spec,
        type: spec.type,
        payload,
        role,
        key: `${spec.type}#${i}/${role}`,
      })),
    ),
  )
}

export interface Offer {
  event: IncidentEvent
  /** The menu item's key with its binding: the same event in every state. */
  key: string
}

/**
 * The menu items bound and stamped for context `c` at `at`: each bound field filled
 * (see `bindings`; an item whose bound field has nothing to name is left out). A draft
 * is written by someone else than those who approve it.
 */
export function bindMenu(
  plan: PlanDefinition,
  menu: readonly MenuItem[],
  c: IncidentContext,
  at: string,
): Offer[] {
  const quotes = quoteRules(plan.obligations, calendar, c, at)
  return menu.flatMap((m) =>
    bindings(m.spec, m.payload, c).map((b) => {
      const role = b.owedBy?.find((r) => m.spec.roles.includes(r)) ?? m.role
      const name = m.type === 'DRAFT' ? `起草人${role}` : `测试${role}`
      return {
        event: { ...b.payload, type: m.type, at, actor: { name, role }, quotes },
        key: `${m.key}${b.tag}`,
      }
    }),
  )
}

/** The system events the engine's scheduler would send now: each armed due timer, each re-quote. */
export function systemOffers(c: IncidentContext, at: string): Offer[] {
  return [
    ...armed(c).map((o) => ({ event: deadlineEvent(o, at), key: `DEADLINE_PASSED@${slot(c, o)}` })),
    ...requotable(c).map((o) => ({ event: requoteEvent(o, at), key: `REQUOTE@${slot(c, o)}` })),
  ]
}

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
