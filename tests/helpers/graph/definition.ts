/**
 * The chart of a machine, read without running it: every state node and transition
 * definition (on, always, after) with its guard by name, the nodes a value makes active,
 * the events those handle, the `phase` a value is in, the steps a transition completes.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate'
import type { IncidentEvent, PlanDefinition } from '../../../machines/kit/types.js'
import { nextSnapshot as transitionOnce } from '../../../src/engine/actor.js'

export type Cfg = Record<string, unknown>
export interface NodeLike {
  id: string
  key: string
  type: string
  config: Cfg
  states: Record<string, NodeLike>
}

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

export const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])
export const transitionList = (x: unknown): Cfg[] =>
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

/** Guard references inside a guard, through `and` / `or` / `not`. */
export function guardParts(g: unknown): unknown[] {
  const inner = (g as { guards?: unknown } | undefined)?.guards
  return Array.isArray(inner) ? inner.flatMap(guardParts) : g === undefined ? [] : [g]
}
