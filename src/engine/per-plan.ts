import type { PlanDefinition } from '../../machines/kit/types.js'

/**
 * A WeakMap per plan version, made on first use: what is kept of an incident's items
 * (their texts, their views) depends on the version's rules, and an item carried to
 * another version is kept apart.
 */
export function perPlan<K extends object, V>(): (plan: PlanDefinition) => WeakMap<K, V> {
  const maps = new WeakMap<PlanDefinition, WeakMap<K, V>>()
  return (plan) => {
    let map = maps.get(plan)
    if (!map) {
      map = new WeakMap()
      maps.set(plan, map)
    }
    return map
  }
}
