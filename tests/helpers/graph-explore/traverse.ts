/**
 * One @xstate/graph traversal of an exploration round (explore.ts): from a virtual root
 * whose events jump to chosen snapshots, so several starts share one graph; every state
 * reached is recorded, linked to where it was reached from, and keyed.
 */
import { getAdjacencyMap } from '@xstate/graph'
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentEvent, PlanDefinition } from '../../../machines/index.js'
import { debug, type Instrumented, type Keyed, ROOT, SEED, VARIANT } from './model.js'

/** What a traversal shares with its exploration round. */
export interface TraversalOf {
  plan: PlanDefinition
  inst: Instrumented
  keyOf: (s: AnyMachineSnapshot) => string
  snapshots: Map<string, AnyMachineSnapshot>
  /** Side steps (the value unchanged) since the last move, by the path that first reached a state. */
  sideDepth: Map<string, number>
  link: (from: string, to: string, event: IncidentEvent) => void
}

export function traversal({ plan, inst, keyOf, snapshots, sideDepth, link }: TraversalOf) {
  /**
   * One @xstate/graph traversal from a virtual root whose events jump to `seeds`.
   * Seeds are offered `seedEvents`; a state reached from them `next(s, depth)`.
   */
  const traverse = (
    seeds: AnyMachineSnapshot[],
    seedEvents: (s: AnyMachineSnapshot) => IncidentEvent[],
    next: (s: AnyMachineSnapshot, depth: number) => IncidentEvent[],
  ) => {
    const isSeed = new Set(seeds)
    const depth = new WeakMap<object, number>()
    const successors: { from: AnyMachineSnapshot; event: IncidentEvent; to: AnyMachineSnapshot }[] = []
    const logic = {
      getInitialSnapshot: () => ROOT,
      transition: (s: AnyMachineSnapshot, e: IncidentEvent & { index?: number }, scope: never) =>
        s === ROOT ? (e.type === SEED ? seeds[e.index!]! : s) : inst.machine.transition(s, e as never, scope),
    }
    getAdjacencyMap(logic as never, {
      events: ((s: AnyMachineSnapshot) => {
        if (s === ROOT) return seeds.map((_, index) => ({ type: SEED, index }))
        return isSeed.has(s) ? seedEvents(s) : next(s, depth.get(s) ?? 0)
      }) as never,
      serializeEvent: ((e: Keyed & { index?: number }) =>
        e.type === SEED ? `${SEED}#${e.index}` : String(e[VARIANT] ?? e.type)) as never,
      serializeState: ((s: AnyMachineSnapshot, e: IncidentEvent | undefined, prev?: AnyMachineSnapshot) => {
        const k = keyOf(s)
        if (s === ROOT || !prev || prev === ROOT || !e) return k
        if (!snapshots.has(k)) {
          snapshots.set(k, s)
          if (snapshots.size % 5000 === 0) debug(`${plan.id}: ${snapshots.size} states ${k}`)
        }
        if (!depth.has(s)) depth.set(s, isSeed.has(prev) ? 1 : (depth.get(prev) ?? 0) + 1)
        if (!sideDepth.has(k))
          sideDepth.set(
            k,
            JSON.stringify(s.value) === JSON.stringify(prev.value)
              ? (sideDepth.get(keyOf(prev)) ?? 0) + 1
              : 0,
          )
        link(keyOf(prev), k, e)
        if (isSeed.has(prev)) successors.push({ from: prev, event: e, to: s })
        return k
      }) as never,
    })
    return successors
  }
  return traverse
}
