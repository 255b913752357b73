/**
 * Where an explored state is, at three grains (its phase state; plus grade and category;
 * its whole value), and one open flow state per place: the starts of the perturbations and
 * obligation probes of an exploration (explore.ts).
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentContext } from '../../../machines/index.js'
import { phaseOf } from '../graph.js'

/** Where a state is, at four grains: its phase state; plus its category; plus grade and category; its whole value. */
export type Grain = 'phase' | 'category' | 'grade' | 'value'
export const config = (s: AnyMachineSnapshot, grain: Grain) => {
  const c = s.context as IncidentContext
  const phase = (s.value as { phase: unknown }).phase
  if (grain === 'phase') return JSON.stringify([phase])
  if (grain === 'category') return JSON.stringify([phase, c.category])
  if (grain === 'grade') return JSON.stringify([phase, c.severity, c.category])
  return JSON.stringify([s.value, c.severity])
}

/** The representatives of the flow states `expanded` so far (see below). */
export function representativesOf(
  expanded: ReadonlySet<string>,
  snapshots: ReadonlyMap<string, AnyMachineSnapshot>,
) {
  /**
   * Open flow states, one per place at the given grain: the shallowest, and (`fullest`)
   * the one with the most steps, approvals and met obligations, where most events are enabled.
   */
  return (grain: Grain, fullest: boolean) => {
    const out = new Map<string, AnyMachineSnapshot>()
    const done = (s: AnyMachineSnapshot) => {
      const c = s.context as IncidentContext
      return (
        Object.keys(c.steps).length +
        c.drafts.reduce((n, d) => n + d.approvals.length, 0) +
        c.obligations.filter((o) => o.status === 'met').length
      )
    }
    for (const k of expanded) {
      const s = snapshots.get(k)!
      const at = config(s, grain)
      if (phaseOf(s.value) === 'closed') continue
      if (!out.has(at) || (fullest && done(out.get(at)!) < done(s))) out.set(at, s)
    }
    return [...out.values()]
  }
}
