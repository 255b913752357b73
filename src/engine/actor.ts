/**
 * What the engine needs to know about a running machine, read generically from the
 * snapshot: the phase, the events the current state accepts, and the timed event
 * that fires a given deadline. No plan is named here.
 */
import { type AnyMachineSnapshot, type AnyStateMachine, createActor, type Snapshot } from 'xstate'
import { SYSTEM_EVENTS } from '../../machines/kit/common.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import { makeAsk } from './accepted.js'

/** Timers never run inside XState: deadlines are rows in the database, fired by our scheduler. */
export const inertClock = {
  setTimeout: () => 0 as unknown as ReturnType<typeof setTimeout>,
  clearTimeout: () => undefined,
}

export function restore(machine: AnyStateMachine, persisted: unknown) {
  return createActor(machine, { snapshot: persisted as Snapshot<unknown>, clock: inertClock }).start()
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
const ASKER = { name: '', role: 'system' } as const

/**
 * Events the current state accepts (whatever the caller's role), without timer events:
 * one pass over the active nodes' candidate events (known per node), each asked of the
 * machine's guards once, with the context they read (accepted.ts).
 */
export function acceptedEvents(s: AnyMachineSnapshot): string[] {
  if (s.status !== 'active' || phaseOf(s) === 'closed') return []
  const types = new Set<string>()
  for (const n of activeNodes(s)) for (const t of candidatesOf(n)) types.add(t)
  const ask = makeAsk(s)
  const accepted: string[] = []
  for (const type of types) if (ask({ type, at: EPOCH, actor: ASKER })) accepted.push(type)
  return accepted.sort()
}
