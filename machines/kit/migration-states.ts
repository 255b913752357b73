/**
 * Where a migration moves an incident's active states (README "Migrating open incidents"):
 * each leaf by the new version's declared mapping (its longest listed prefix, else to
 * itself), checked against the new machine's tree. Pure; kit/migration.ts uses it.
 */
import type { MigrationSpec } from './migration-types.js'

/** A state node of a machine, as far as the mapping reads it. */
export interface NodeLike {
  type: string
  states: Record<string, NodeLike>
}

/** The active leaf states of a state value, as dot paths from the root (`phase.reporting.upward`). */
export function statePaths(value: unknown, prefix = ''): string[] {
  const at = (k: string) => (prefix ? `${prefix}.${k}` : k)
  if (typeof value === 'string') return [at(value)]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && Object.keys(v).length === 0 ? [at(k)] : statePaths(v, at(k)),
  )
}

export function nodeAt(root: NodeLike, path: string): NodeLike | undefined {
  let node: NodeLike | undefined = root
  for (const key of path.split('.')) node = node?.states[key]
  return node
}

/** Where `path` goes: by its longest listed prefix, else to itself. */
export function target(spec: MigrationSpec, path: string): string | { refuse: string } {
  const segs = path.split('.')
  for (let n = segs.length; n > 0; n--) {
    const prefix = segs.slice(0, n).join('.')
    const to = spec.states?.[prefix]
    if (to === undefined) continue
    if (typeof to !== 'string') return to
    const rest = segs.slice(n).join('.')
    return rest ? `${to}.${rest}` : to
  }
  return path
}

type Tree = Map<string, Tree>

/** The state value the leaf paths make, checked against the new machine's tree. */
export function mappedValue(
  root: NodeLike,
  paths: readonly string[],
): { value: unknown } | { refuse: string } {
  const tree: Tree = new Map()
  for (const p of paths) {
    let t = tree
    for (const key of p.split('.')) {
      const sub = t.get(key) ?? new Map()
      t.set(key, sub)
      t = sub
    }
  }
  const build = (node: NodeLike, t: Tree, where: string): unknown => {
    if (node.type === 'compound' && t.size > 1)
      return {
        refuse: `two states of ${where || 'the root'} would be active at once: ${[...t.keys()].join(', ')}`,
      }
    const out: Record<string, unknown> = {}
    for (const [key, sub] of t) {
      const child = node.states[key]
      if (!child) return { refuse: `no state ${where ? `${where}.` : ''}${key}` }
      const v = sub.size === 0 ? {} : build(child, sub, where ? `${where}.${key}` : key)
      if (v !== null && typeof v === 'object' && 'refuse' in v) return v
      out[key] = v
    }
    const only = Object.entries(out)[0]
    if (
      node.type === 'compound' &&
      only &&
      typeof only[1] === 'object' &&
      Object.keys(only[1] as object).length === 0
    )
      return only[0]
    return out
  }
  const v = build(root, tree, '')
  return v !== null && typeof v === 'object' && 'refuse' in v ? (v as { refuse: string }) : { value: v }
}
