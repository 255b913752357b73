/**
 * The events the current state accepts, asked of the machine's guards directly.
 *
 * `snapshot.can(event)` answers one event by walking the state tree the way XState
 * selects a transition (a child before its parent, every region of a parallel state,
 * the first candidate whose guard holds) and is exact, but it finds each node's
 * candidates through a per-call cache keyed by a string built per call. Every send
 * and firing asks it for every candidate event: that was the largest single cost of
 * building a view. This walks the same tree and evaluates each guard as XState does
 * (named, parameterised, inline, and the built-in `and`/`or`/`not`).
 *
 * What depends on the state value alone is worked out once per machine and state
 * value (issue 20): the candidate event types, in order, each with its tree pruned to
 * the nodes that have candidates for it, each guard resolved to the function that
 * answers it (the built-in `and`/`or`/`not` to their parts), and the event asked (one
 * object per type, kept). A call only runs those guards on the context. Answers cached
 * by what the guards read of the context were tried and do not pay on the plans: the
 * guards' reads are most of their work, so checking them costs about what evaluating
 * does, recording them through a proxy costs 30–50 times more, and few contexts repeat
 * what the guards read. A machine with wildcard event descriptors is answered by
 * `can()` itself. tests/engine/accepted.test.ts holds the answers equal to `can()`'s on
 * every plan's route states, along random walks, and on contexts changed in place.
 */
import { type AnyMachineSnapshot, and, not, or } from 'xstate'

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
  /** The guards a built-in and/or/not combines. */
  guards?: readonly unknown[]
}
interface GuardArgs {
  context: unknown
  event: { type: string }
}

const checkOf = (g: unknown) => (g as Guard).check
const AND = checkOf(and([]))
const OR = checkOf(or([]))
const NOT = checkOf(not(() => true))

/** Machines whose nodes use wildcard descriptors (answered by `can()`). */
const wildcard = new WeakMap<object, boolean>()

function usesWildcards(root: Node): boolean {
  for (const key of root.transitions.keys()) if (key.includes('*')) return true
  return Object.values(root.states ?? {}).some(usesWildcards)
}

type Guards = Record<string, unknown>
/** A guard resolved: whether it holds for these args, on this snapshot. */
export type Pred = (args: GuardArgs, s: AnyMachineSnapshot) => boolean

/**
 * A guard reference resolved once, as XState's evaluateGuard resolves it per call (also
 * what guard-refusal.ts asks of a refusing transition's guard and of its parts).
 */
export function resolve(guard: unknown, guards: Guards): Pred {
  const inline = typeof guard === 'function'
  const name = typeof guard === 'string' ? guard : (guard as { type?: string }).type
  const resolved = inline ? guard : guards[name ?? '']
  if (!resolved)
    return () => {
      throw new Error(`Guard '${name}' is not implemented.`)
    }
  if (typeof resolved !== 'function') return resolve(resolved, guards)
  const fn = resolved as Guard
  const check = fn.check
  if (check) {
    // The built-in and/or/not, their guards resolved here (XState's check resolves them per call).
    const subs = fn.guards?.map((g) => resolve(g, guards)) ?? []
    const [first] = subs
    if (check === AND) return (args, s) => subs.every((g) => g(args, s))
    if (check === OR) return (args, s) => subs.some((g) => g(args, s))
    if (check === NOT && first) return (args, s) => !first(args, s)
    return (args, s) => check(s, args, fn)
  }
  const p = inline || typeof guard === 'string' ? undefined : (guard as { params?: unknown }).params
  if (typeof p === 'function') return (args) => fn(args, p(args))
  return (args) => fn(args, p)
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
    for (const k of Object.keys(v)) {
      const child = node.states[k]
      const p = child && v[k] ? prune(child, v[k], type) : null
      if (p) kids.push(p)
    }
  }
  const own = node.transitions.get(type) ?? []
  return kids.length > 0 || own.length > 0 ? { own, kids } : null
}

/** A candidate transition: its guard resolved (null: none), and whether taking it does anything. */
interface Choice {
  holds: Pred | null
  acts: boolean
}
interface Compiled {
  own: readonly Choice[]
  kids: readonly Compiled[]
}

/** Choices per transition, shared by every state value that has the transition as a candidate. */
const choices = new WeakMap<Transition, Choice>()

function compile(p: Pruned, guards: Guards): Compiled {
  const own = p.own.map((t) => {
    let c = choices.get(t)
    if (!c) {
      c = {
        holds: t.guard ? resolve(t.guard, guards) : null,
        acts: t.target !== undefined || t.actions.length > 0,
      }
      choices.set(t, c)
    }
    return c
  })
  return { own, kids: p.kids.map((k) => compile(k, guards)) }
}

const NONE = 0
const CHOSEN = 1
const ACTS = 2

/**
 * XState's transitionNode on the pruned tree (children first, then the node's first
 * candidate that holds), reduced to what `can()` asks of its result: NONE chosen, some
 * CHOSEN, or some chosen that ACTS (has a target or actions).
 */
function pick(n: Compiled, args: GuardArgs, s: AnyMachineSnapshot): number {
  let inner = NONE
  for (const k of n.kids) {
    const r = pick(k, args, s)
    if (r > inner) inner = r
  }
  if (inner !== NONE) return inner
  for (const c of n.own) if (c.holds === null || c.holds(args, s)) return c.acts ? ACTS : CHOSEN
  return NONE
}

/** An event the state may accept: its type, the event asked, and its compiled tree. */
interface Ask {
  type: string
  event: AskedEvent
  tree: Compiled
}
/** The events asked of a state value's guards, sorted by type; `viaCan`: asked of `s.can()`. */
interface Plan {
  asks: readonly Ask[]
  viaCan: boolean
}

/** The event asked for one type (its other fields fixed: the guards see the same event every time). */
export type AskedEvent = Readonly<{ type: string } & Record<string, unknown>>

/**
 * Per machine, by state configuration: a trie over the snapshot's active state nodes
 * (`_nodes`, which the state value is made of), walked by identity, not a key built
 * per call (JSON.stringify of the value cost about a tenth of a call).
 */
interface Trie {
  plan?: Plan
  next?: Map<object, Trie>
}
const tries = new WeakMap<object, Trie>()

function planOf(
  s: AnyMachineSnapshot,
  candidates: (s: AnyMachineSnapshot) => Iterable<string>,
  eventOf: (type: string) => AskedEvent,
): Plan {
  const machine = s.machine as unknown as { root: Node; implementations: { guards: Guards } }
  let t = tries.get(machine)
  if (!t) {
    t = {}
    tries.set(machine, t)
  }
  for (const n of (s as unknown as { _nodes: readonly object[] })._nodes) {
    t.next ??= new Map()
    let next = t.next.get(n)
    if (!next) {
      next = {}
      t.next.set(n, next)
    }
    t = next
  }
  if (t.plan) return t.plan
  let wild = wildcard.get(machine)
  if (wild === undefined) {
    wild = usesWildcards(machine.root)
    wildcard.set(machine, wild)
  }
  const asks: Ask[] = []
  for (const type of [...new Set(candidates(s))].sort()) {
    const tree = wild ? { own: [], kids: [] } : prune(machine.root, s.value, type)
    if (tree) asks.push({ type, event: eventOf(type), tree: compile(tree, machine.implementations.guards) })
  }
  t.plan = { asks, viaCan: wild }
  return t.plan
}

/**
 * The types among `candidates(s)` whose event (`eventOf(type)`) the snapshot's machine
 * takes now, as `s.can` answers, sorted. Both are asked once per machine and state
 * configuration: the candidates must depend on the active state nodes alone, and the
 * event asked for a type must be the same every time.
 */
export function acceptedAmong(
  s: AnyMachineSnapshot,
  candidates: (s: AnyMachineSnapshot) => Iterable<string>,
  eventOf: (type: string) => AskedEvent,
): string[] {
  const plan = planOf(s, candidates, eventOf)
  const accepted: string[] = []
  for (const a of plan.asks) {
    const yes = plan.viaCan
      ? s.can(a.event as never)
      : pick(a.tree, { context: s.context, event: a.event }, s) === ACTS
    if (yes) accepted.push(a.type)
  }
  return accepted
}
