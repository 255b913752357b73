/**
 * A plan's machine read as a diagram model: every state node and every transition of
 * the machine definition, walked recursively, with their clause metadata. Everything
 * the Mermaid text, the SVG, the tables and the clause matrix show comes from here,
 * so the four cannot disagree. Deterministic: the order is the machine's own.
 */
import type { AnyStateMachine } from 'xstate'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { ClauseMeta } from '../../machines/vocabulary.js'

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history'

export interface StateInfo {
  /** Dotted path under the machine root, e.g. `phase.discovery.triage`. */
  path: string
  key: string
  kind: StateKind
  parent: string | null
  /** Path of the initial child (compound states). */
  initial: string | null
  children: string[]
  meta: ClauseMeta | null
  /** The top-level region it belongs to (`phase`). */
  region: string
  depth: number
}

export type TransitionKind = 'event' | 'always' | 'after'

export interface TransitionInfo {
  /** Stable id: `<source>|<event or always>|<index>`. */
  id: string
  source: string
  kind: TransitionKind
  /** The event type (`xstate.after.<delay>.<id>` for timed ones); `always` for eventless. */
  event: string
  /** For `after`: the named delay, e.g. `reportDue`. */
  delay: string | null
  targets: string[]
  guard: unknown
  actions: string[]
  /** Steps its `completeStep` actions record (`params.step`). */
  steps: string[]
  meta: ClauseMeta | null
}

export interface PlanModel {
  plan: PlanDefinition
  states: StateInfo[]
  transitions: TransitionInfo[]
  byPath: Map<string, StateInfo>
  /** The machine's transition definition objects → our ids (to read an actor's microsteps). */
  definitionIds: Map<object, string>
}

interface NodeLike {
  key: string
  type: StateKind
  path: string[]
  meta: unknown
  states: Record<string, NodeLike>
  initial?: { target?: NodeLike[] }
  transitions: Map<string, DefinitionLike[]>
  always?: DefinitionLike[]
  after: Array<DefinitionLike & { delay: unknown }>
}
interface DefinitionLike {
  target?: NodeLike[]
  guard?: unknown
  actions?: unknown[]
  meta?: unknown
  eventType: string
}

const isClauseMeta = (m: unknown): m is ClauseMeta =>
  typeof m === 'object' && m !== null && 'label' in m && ('clause' in m || 'policy' in m)

const actionName = (a: unknown): string => {
  if (typeof a === 'string') return a
  if (typeof a === 'function') return a.name || 'inline'
  if (a && typeof a === 'object' && 'type' in a) return String((a as { type: unknown }).type)
  return 'inline'
}

const cache = new WeakMap<AnyStateMachine, PlanModel>()

/** Walks `plan.machine`; memoised per machine object. */
export function planModel(plan: PlanDefinition): PlanModel {
  const hit = cache.get(plan.machine)
  if (hit && hit.plan === plan) return hit
  const states: StateInfo[] = []
  const transitions: TransitionInfo[] = []
  const definitionIds = new Map<object, string>()
  const pathOf = (n: NodeLike) => n.path.join('.')

  const visit = (node: NodeLike, parent: string | null) => {
    const path = pathOf(node)
    const children = Object.values(node.states)
    if (parent !== null || node.path.length > 0) {
      states.push({
        path,
        key: node.key,
        kind: node.type,
        parent,
        initial:
          node.type === 'compound' && node.initial?.target?.[0] ? pathOf(node.initial.target[0]) : null,
        children: children.map(pathOf),
        meta: isClauseMeta(node.meta) ? node.meta : null,
        region: node.path[0] ?? '',
        depth: node.path.length,
      })
      const add = (kind: TransitionKind, event: string, defs: readonly DefinitionLike[]) => {
        defs.forEach((t, i) => {
          const id = `${path}|${kind === 'always' ? 'always' : event}|${i}`
          const delay =
            kind === 'after' ? String(node.after.find((a) => a.eventType === event)?.delay ?? '') : null
          definitionIds.set(t, id)
          transitions.push({
            id,
            source: path,
            kind,
            event: kind === 'always' ? 'always' : event,
            delay,
            targets: (t.target ?? []).map(pathOf),
            guard: t.guard,
            actions: (t.actions ?? []).map(actionName),
            steps: (t.actions ?? []).flatMap((a) => {
              const step = (a as { params?: { step?: unknown } } | null)?.params?.step
              return typeof step === 'string' ? [step] : []
            }),
            meta: isClauseMeta(t.meta) ? t.meta : null,
          })
        })
      }
      for (const [event, defs] of node.transitions)
        add(event.startsWith('xstate.after.') ? 'after' : 'event', event, defs)
      if (node.always) add('always', 'always', node.always)
    }
    for (const child of children) visit(child, node.path.length === 0 ? null : path)
  }
  visit(plan.machine.root as unknown as NodeLike, null)

  const model: PlanModel = {
    plan,
    states,
    transitions,
    byPath: new Map(states.map((s) => [s.path, s])),
    definitionIds,
  }
  cache.set(plan.machine, model)
  return model
}

/** The top-level regions in machine order (`phase`). */
export const regions = (m: PlanModel): StateInfo[] => m.states.filter((s) => s.parent === null)

export const isComposite = (s: StateInfo): boolean => s.children.length > 0

/** Internal (targetless) transitions, listed inside their state as in UML's internal-transition compartment. */
export const internalOf = (m: PlanModel, path: string): TransitionInfo[] =>
  m.transitions.filter((t) => t.source === path && t.targets.length === 0)
