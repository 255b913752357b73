/**
 * What the engine needs to know about a running machine, read generically from the
 * snapshot: the phase, the events the current state accepts, and the timed event
 * that fires a given deadline. No plan is named here.
 */
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  type EventObject,
  type Snapshot,
} from 'xstate'
import { SYSTEM_EVENTS } from '../../machines/kit/common.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import { type AskedEvent, acceptedAmong } from './accepted.js'

/** Timers never run inside XState: deadlines are rows in the database, fired by our scheduler. */
export const inertClock = {
  setTimeout: () => 0 as unknown as ReturnType<typeof setTimeout>,
  clearTimeout: () => undefined,
}

/** An incident's machine as the engine drives it: an XState actor, or a held snapshot (`restore`). */
export interface Running {
  getSnapshot(): AnyMachineSnapshot
  send(event: EventObject): void
  getPersistedSnapshot(): Snapshot<unknown>
}

type Scope = Parameters<AnyStateMachine['transition']>[2] & { self: { _snapshot: unknown } }
/** One inert actor scope per machine (no clock, no children, actions other than `assign` dropped). */
const scopes = new WeakMap<AnyStateMachine, Scope>()
function scopeOf(machine: AnyStateMachine, snapshot: Snapshot<unknown>): Scope {
  let scope = scopes.get(machine)
  if (!scope) {
    const self = createActor(machine, { snapshot, clock: inertClock })
    const noop = () => undefined
    scope = {
      self,
      defer: noop,
      id: '',
      logger: noop,
      sessionId: '',
      stopChild: noop,
      system: self.system,
      emit: noop,
      actionExecutor: noop,
    } as unknown as Scope
    scopes.set(machine, scope)
  }
  return scope
}

/**
 * The snapshot `event` moves `snapshot` to, as an actor would move it (the plans'
 * machines are pure: assign only, no children, no delays), without building an actor:
 * xstate's `getNextSnapshot` builds one per call and computes the machine's initial
 * snapshot with it.
 */
export function nextSnapshot(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: EventObject,
): AnyMachineSnapshot {
  const scope = scopeOf(machine, snapshot)
  scope.self._snapshot = snapshot
  return machine.transition(snapshot, event, scope) as AnyMachineSnapshot
}

/**
 * A restored incident held as a snapshot and moved by `machine.transition`, as an actor
 * moves it, without what restoring an actor costs: XState's restore walks the whole
 * context looking for actor references to revive (an incident has none), and an actor
 * builds its system, mailbox and observers. The plans' machines are pure (assign only,
 * no children, no delays): an actor adds nothing they use.
 */
class Held implements Running {
  constructor(
    private readonly machine: AnyStateMachine,
    private s: AnyMachineSnapshot,
  ) {}
  getSnapshot(): AnyMachineSnapshot {
    return this.s
  }
  send(event: EventObject): void {
    this.s = nextSnapshot(this.machine, this.s, event)
  }
  getPersistedSnapshot(): Snapshot<unknown> {
    return this.machine.getPersistedSnapshot(this.s) as Snapshot<unknown>
  }
}

interface Persisted {
  status?: unknown
  value?: unknown
  context?: unknown
  historyValue?: unknown
  children?: unknown
}
const empty = (o: unknown) => !o || (typeof o === 'object' && Object.keys(o).length === 0)

/** An incident's machine restored from its persisted snapshot, ready to take events. */
export function restore(machine: AnyStateMachine, persisted: unknown): Running {
  const p = persisted as Persisted
  // Anything an actor would have to revive (children, history, a finished machine) is
  // restored as an actor.
  if (p.status !== 'active' || !empty(p.children) || !empty(p.historyValue))
    return createActor(machine, { snapshot: persisted as Snapshot<unknown>, clock: inertClock }).start()
  const s = machine.resolveState({ value: p.value as never, context: p.context as never })
  return new Held(machine, s as AnyMachineSnapshot)
}

interface NodeLike {
  ownEvents: string[]
  after: Array<{ eventType: string }>
}
const activeNodes = (s: AnyMachineSnapshot): NodeLike[] => (s as unknown as { _nodes: NodeLike[] })._nodes

/** The phase a state value is in (its `phase` region's top state). */
export const phaseOfValue = (value: unknown): string => {
  const v = (value as { phase?: unknown }).phase
  if (typeof v === 'string') return v
  if (v && typeof v === 'object') return Object.keys(v)[0] ?? 'discovery'
  throw new Error('machine has no phase region')
}

export const phaseOf = (s: AnyMachineSnapshot): string => phaseOfValue(s.value)

export const contextOf = (s: AnyMachineSnapshot): IncidentContext => s.context as IncidentContext

const isInternal = (type: string) =>
  type.startsWith('xstate.') || (SYSTEM_EVENTS as readonly string[]).includes(type)

/** A state node's own non-internal events, computed once per node (xstate derives them per read). */
const candidates = new WeakMap<NodeLike, readonly string[]>()
const candidatesOf = (n: NodeLike): readonly string[] => {
  let c = candidates.get(n)
  if (c === undefined) {
    c = n.ownEvents.filter((t) => !isInternal(t))
    candidates.set(n, c)
  }
  return c
}
const EPOCH = new Date(0).toISOString()
const ASKER = Object.freeze({ name: '', role: 'system' } as const)

/** The event each type is asked with: no fields, at the epoch, by the system (one object per type). */
const asked = new Map<string, AskedEvent>()
const eventOf = (type: string): AskedEvent => {
  let e = asked.get(type)
  if (!e) {
    e = Object.freeze({ type, at: EPOCH, actor: ASKER })
    asked.set(type, e)
  }
  return e
}

/** The active nodes' candidate events (depends on the state value alone). */
function candidateEvents(s: AnyMachineSnapshot): Set<string> {
  const types = new Set<string>()
  for (const n of activeNodes(s)) for (const t of candidatesOf(n)) types.add(t)
  return types
}

/**
 * Events the current state accepts (whatever the caller's role), without timer events:
 * the active nodes' candidate events (worked out once per state value), each asked of
 * the machine's guards with the context they read (accepted.ts).
 */
export function acceptedEvents(s: AnyMachineSnapshot): string[] {
  if (s.status !== 'active' || phaseOf(s) === 'closed') return []
  return acceptedAmong(s, candidateEvents, eventOf)
}
