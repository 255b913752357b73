/**
 * The events the current state accepts, asked of the machine's guards directly.
 *
 * `snapshot.can(event)` answers one event by walking the state tree the way XState
 * selects a transition (a child before its parent, every region of a parallel state,
 * the first candidate whose guard holds) and is exact, but it finds each node's
 * candidates through a per-call cache keyed by a string built per call. Every send
 * and firing asks it for every candidate event: that was the largest single cost of
 * building a view. This walks the same tree, pruned once per state value and event
 * type to the nodes that have candidates, and evaluates each guard as XState does
 * (named, parameterised, inline, and the built-in `and`/`or`/`not`). A machine with wildcard event descriptors is
 * answered by `can()` itself. tests/engine/accepted.test.ts holds the two equal on
 * every plan's reachable states.
 */
import type { AnyMachineSnapshot } from 'xstate'

interface Transition {
  guard?: unknown
  target?: readonly unknown[]
  actions: readonly unknown[]
}
interface Node {
  type: string
  states: Record<string, Node>
  transitions: Map<string, Transition[]>
}
type Guard = ((args: GuardArgs, params: unknown) => boolean) & {
  check?: (s: AnyMachineSnapshot, args: GuardArgs, self: unknown) => boolean
}
interface GuardArgs {
  context: unknown
  event: { type: string }
}

/** Machines whose nodes use wildcard descriptors (answered by `can()`). */
const wildcard = new WeakMap<object, boolean>()

function usesWildcards(root: Node): boolean {
  for (const key of root.transitions.keys()) if (key.includes('*')) return true
  return Object.values(root.states ?? {}).some(usesWildcards)
}

type Guards = Record<string, unknown>

function holds(guard: unknown, guards: Guards, args: GuardArgs, s: AnyMachineSnapshot): boolean {
  const inline = typeof guard === 'function'
  const name = typeof guard === 'string' ? guard : (guard as { type?: string }).type
  const resolved = inline ? guard : guards[name ?? '']
  if (!resolved) throw new Error(`Guard '${name}' is not implemented.`)
  if (typeof resolved !== 'function') return holds(resolved, guards, args, s)
  const fn = resolved as Guard
  if (fn.check) return fn.check(s, args, fn)
  const p = inline || typeof guard === 'string' ? undefined : (guard as { params?: unknown }).params
  return fn(args, typeof p === 'function' ? p(args) : p)
}

/**
 * The part of the active tree that has candidates for one event type: a node's own
 * candidates and its children that have some (every region of a parallel node, the
 * one child of a compound). Most event types have candidates at one node only.
 */
interface Pruned {
  own: readonly Transition[]
  kids: readonly Pruned[]
}

function prune(node: Node, value: unknown, type: string): Pruned | null {
  const kids: Pruned[] = []
  if (typeof value === 'string') {
    const child = node.states[value]
    const own = child?.transitions.get(type)
    if (own && own.length > 0) kids.push({ own, kids: [] })
  } else if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>
    const keys = Object.keys(v)
    for (const k of keys.length === 1 ? keys.slice(0, 1) : keys) {
      const child = node.states[k]
      const p = child && v[k] ? prune(child, v[k], type) : null
      if (p) kids.push(p)
    }
  }
  const own = node.transitions.get(type) ?? []
  return kids.length > 0 || own.length > 0 ? { own, kids } : null
}

/** XState's transitionNode on the pruned tree: children first, then the node's first candidate that holds. */
function select(p: Pruned, guards: Guards, args: GuardArgs, s: AnyMachineSnapshot): Transition[] {
  const inner: Transition[] = []
  for (const k of p.kids) inner.push(...select(k, guards, args, s))
  if (inner.length > 0) return inner
  for (const t of p.own) if (!t.guard || holds(t.guard, guards, args, s)) return [t]
  return []
}

/** Per machine and state value: each candidate event type's pruned tree. */
const trees = new WeakMap<object, Map<string, Map<string, Pruned | null>>>()

/** The pruned trees of one state value, by event type (filled as types are asked). */
function treesOf(machine: { root: Node }, value: unknown): Map<string, Pruned | null> {
  let byValue = trees.get(machine)
  if (!byValue) {
    byValue = new Map()
    trees.set(machine, byValue)
  }
  const key = JSON.stringify(value)
  let byType = byValue.get(key)
  if (!byType) {
    byType = new Map()
    byValue.set(key, byType)
  }
  return byType
}

function treeOf(machine: { root: Node }, byType: Map<string, Pruned | null>, value: unknown, type: string) {
  let tree = byType.get(type)
  if (tree === undefined) {
    tree = prune(machine.root, value, type)
    byType.set(type, tree)
  }
  return tree
}

/** Whether the snapshot's machine takes an event of `type` (with no fields) now, as `s.can` answers. */
export function makeAsk(
  s: AnyMachineSnapshot,
): (event: { type: string } & Record<string, unknown>) => boolean {
  const machine = s.machine as unknown as { root: Node; implementations: { guards: Guards } }
  let wild = wildcard.get(machine)
  if (wild === undefined) {
    wild = usesWildcards(machine.root)
    wildcard.set(machine, wild)
  }
  if (wild) return (event) => s.can(event as never)
  const guards = machine.implementations.guards
  // The state value's trees looked up once per snapshot, not once per event asked.
  const byType = treesOf(machine, s.value)
  return (event) => {
    const tree = treeOf(machine, byType, s.value, event.type)
    if (!tree) return false
    const chosen = select(tree, guards, { context: s.context, event }, s)
    return chosen.some((t) => t.target !== undefined || t.actions.length > 0)
  }
}
