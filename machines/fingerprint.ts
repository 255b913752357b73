/**
 * A stable structural fingerprint of a plan version: the machine's state tree,
 * every transition (event, targets, guard and actions with their params, in
 * priority order), entry/exit actions, delays, plus the data the kit's guards and
 * actions read (deadline rules, approval table, the kit's options) and the classifier's answers on a
 * fixed table of facts. Labels and clause citations are left out: editing them
 * does not change how a journal replays. Pure (no Node built-ins): cyrb53 hash.
 */
import type { AnyStateMachine } from 'xstate'
import { z } from 'zod'
import { kitOptionsOf, optionsSet } from './kit/options.js'
import type { PlanDefinition } from './kit/types.js'
import type { Facts } from './vocabulary.js'

interface TransitionLike {
  eventType: string
  target?: readonly NodeLike[]
  guard?: unknown
  actions: readonly unknown[]
  reenter?: boolean
}
interface NodeLike {
  key: string
  id: string
  type: string
  history?: unknown
  states: Record<string, NodeLike>
  initial?: { target: readonly NodeLike[] }
  entry: readonly unknown[]
  exit: readonly unknown[]
  transitions: Map<string, readonly TransitionLike[]>
  always?: readonly TransitionLike[]
}

/** JSON with object keys sorted; functions become their `type` or name; undefined is dropped. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(canonical(value))
}

function canonical(value: unknown): unknown {
  if (typeof value === 'function') return `ƒ ${nameOfFunction(value)}`
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = canonical(v)
    }
    return out
  }
  return value
}

function nameOfFunction(fn: object): string {
  const typed = (fn as { type?: unknown }).type
  if (typeof typed === 'string') return typed
  const name = (fn as { name?: unknown }).name
  return typeof name === 'string' && name !== '' ? name : 'inline'
}

/**
 * An action or guard reference by name (and params), however it was written; a guard
 * combined with xstate's and / or / not by the guards it combines (by its name alone, a
 * guard swapped inside `and(...)` left the fingerprint as it was).
 */
const reference = (ref: unknown): unknown => {
  if (typeof ref === 'function') {
    const parts = (ref as { guards?: unknown }).guards
    return Array.isArray(parts)
      ? { combined: `ƒ ${nameOfFunction(ref)}`, guards: parts.map(reference) }
      : `ƒ ${nameOfFunction(ref)}`
  }
  if (ref !== null && typeof ref === 'object') {
    const { type, params } = ref as { type?: unknown; params?: unknown }
    return { type: typeof type === 'function' ? `ƒ ${nameOfFunction(type)}` : type, params }
  }
  return ref ?? null
}

const transition = (t: TransitionLike) => ({
  event: t.eventType,
  targets: (t.target ?? []).map((n) => n.id),
  guard: reference(t.guard),
  actions: t.actions.map(reference),
  reenter: t.reenter ?? false,
})

function node(n: NodeLike): unknown {
  return {
    id: n.id,
    type: n.type,
    history: n.history ?? null,
    initial: n.initial ? n.initial.target.map((t) => t.id) : null,
    entry: n.entry.map(reference),
    exit: n.exit.map(reference),
    on: [...n.transitions.entries()].map(([event, ts]) => [event, ts.map(transition)]),
    always: (n.always ?? []).map(transition),
    states: Object.values(n.states).map(node),
  }
}

/** The machine's definition as plain data: what a fingerprint hashes. */
export function machineStructure(machine: AnyStateMachine): unknown {
  return {
    root: node(machine.root as unknown as NodeLike),
    delays: Object.keys(machine.implementations.delays).sort(),
  }
}

/** Facts around every boundary the plans' criteria name (PLANS.md), to fingerprint a classifier by its answers. */
const PROBE_FACTS: readonly Facts[] = [
  {},
  ...[0, 20, 21, 100, 101, 300, 301, 500, 501].map((reposts) => ({ reposts })),
  ...[1_000, 1_001, 10_000, 10_001, 50_000, 50_001].flatMap((clicksPerDay) => [
    { clicksPerDay, sites: 1 },
    { clicksPerDay, sites: 2 },
  ]),
  { crossRegion: true },
  { largeImageImpact: true },
  { crossRegion: true, largeImageImpact: true },
  { mainstreamMedia: true },
  { foreignMedia: true },
]

/** Everything about a plan version that changes how an incident walks (not how it is labelled). */
export function planStructure(plan: PlanDefinition): unknown {
  return {
    id: plan.id,
    severities: plan.severities.map((s) => s.code),
    machine: machineStructure(plan.machine),
    obligations: plan.obligations.map(({ label: _l, clause: _c, policy: _p, recipient, ...rule }) => ({
      ...rule,
      recipient: recipient?.code ?? null,
    })),
    approvals: Object.fromEntries(
      Object.entries(plan.approvals).map(([grade, reqs]) => [
        grade,
        (reqs ?? []).map((r) => [r.code, r.event, r.owedBy, r.separate ?? false, r.purposes ?? null]),
      ]),
    ),
    waivers: [...plan.waivers.roles],
    // What the version opts into (kit/options.ts); none: absent, as for every version before them.
    kit: optionsSet(kitOptionsOf(plan.machine)),
    classify: PROBE_FACTS.map((facts) => plan.classify(facts).severity),
  }
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash. */
export function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Two seeds of cyrb53 over the canonical structure: 28 hex digits. */
export function fingerprint(plan: PlanDefinition): string {
  const text = stableStringify(planStructure(plan))
  return [0, 1].map((seed) => cyrb53(text, seed).toString(16).padStart(14, '0')).join('')
}

/** Keywords whose value maps names (of fields, of definitions) to schemas: every name is kept. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

/**
 * A JSON Schema without its words (`description`, `title` of a schema): labels change
 * nothing a client may send. A field that is itself named `title` or `description` (a
 * commentary's title, a piece of evidence's description) is a field, not a word: kept.
 */
function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWords)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (k === 'description' || k === 'title') continue
      out[k] =
        SCHEMA_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).map(([name, schema]) => [name, withoutWords(schema)]))
          : withoutWords(v)
    }
    return out
  }
  return value
}

/**
 * What a plan version accepts from a client: each event's type, the roles that may send
 * it and its fields' schema (as JSON Schema, the values an enum allows included). Kept
 * apart from `planStructure` (machines/event-fingerprints.json), so that the fingerprints
 * recorded before it stand: a vocabulary edit once let every version's SET_CATEGORY take a
 * category only one plan has, and no fingerprint changed.
 */
export function eventsStructure(plan: PlanDefinition): unknown {
  return plan.events.map((e) => ({
    type: e.type,
    roles: [...e.roles],
    fields: withoutWords(z.toJSONSchema(e.schema, { io: 'input', unrepresentable: 'any' })),
  }))
}

/** cyrb53 of `eventsStructure`, as `fingerprint` hashes the structure. */
export function eventsFingerprint(plan: PlanDefinition): string {
  const text = stableStringify(eventsStructure(plan))
  return [0, 1].map((seed) => cyrb53(text, seed).toString(16).padStart(14, '0')).join('')
}

/** The key of a plan version in machines/fingerprints.json (and event-fingerprints.json). */
export const fingerprintKey = (plan: Pick<PlanDefinition, 'id' | 'version'>): string =>
  `${plan.id}@${plan.version}`
