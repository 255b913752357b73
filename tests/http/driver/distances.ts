/**
 * A plan's chart as distances, for the closing walk (../driver.ts): how many events each atomic
 * state of the phase region is from `closed`, where an event may lead, and the active leaves.
 */
import type { PlanDescription } from '../../../src/http/plan-description.js'

/** Distance (in events) from each atomic state of the phase region to a state of phase `closed`. */
export function distances(plan: PlanDescription) {
  const states = new Map(plan.states.map((s) => [s.path, s]))
  const children = (path: string) =>
    plan.states.filter((s) => s.path.startsWith(`${path}.`) && !s.path.slice(path.length + 1).includes('.'))
  /** The atomic states entering `path` lands in (one per region of a parallel state). */
  const resolve = (path: string): string[] => {
    const s = states.get(path)
    if (s?.type === 'compound' && s.initial) return resolve(`${path}.${s.initial}`)
    if (s?.type === 'parallel') return children(path).flatMap((c) => resolve(c.path))
    return [path]
  }
  const lineage = (path: string) => ['*', ...path.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))]
  /** Transitions a state answers: its own and its ancestors'. */
  const edgesOf = (path: string) => {
    const from = new Set(lineage(path))
    return plan.transitions.filter((t) => from.has(t.from) && (t.event !== null || t.from === path))
  }
  const leaves = plan.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.path)
  const dist = new Map<string, number>()
  const of = (path: string) => dist.get(path) ?? Number.POSITIVE_INFINITY
  /** Entering a parallel state: as near as its nearest region (its own exits are every leaf's). */
  const ofEntry = (path: string) => Math.min(...resolve(path).map(of))
  for (const p of leaves) dist.set(p, states.get(p)?.phase === 'closed' ? 0 : Number.POSITIVE_INFINITY)
  for (let changed = true; changed; ) {
    changed = false
    for (const p of leaves) {
      for (const t of edgesOf(p)) {
        for (const to of t.to) {
          const d = ofEntry(to) + (t.event === null ? 0 : 1)
          if (d < of(p)) {
            dist.set(p, d)
            changed = true
          }
        }
      }
    }
  }
  /** Distances of where `event` may lead from the active leaves (empty: it stays). */
  const targets = (active: string[], event: string) =>
    active.flatMap((a) =>
      edgesOf(a)
        .filter((t) => t.event === event)
        .flatMap((t) => t.to.map(ofEntry)),
    )
  return { of, targets }
}

/** The active atomic states of the phase region, as plan paths. */
export function activeLeaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value]
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => activeLeaves(v, prefix ? `${prefix}.${k}` : k))
}
