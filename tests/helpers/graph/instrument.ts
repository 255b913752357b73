/**
 * An instrumented copy of a machine that records which transition definitions fire, and
 * context proxies that record which fields and steps the guards read.
 */
import { type AnyStateMachine, assign, createMachine } from 'xstate'
import type { IncidentContext, PlanDefinition } from '../../../machines/kit/types.js'
import { afterEventType, type Cfg, list, type NodeLike, transitionId, transitionList } from './definition.js'
import { KIT_GUARDS, ownGuardRefs } from './guards.js'

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
