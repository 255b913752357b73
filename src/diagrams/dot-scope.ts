/**
 * Where a state is drawn in a Graphviz chart of one ChartView: in its own box or cluster,
 * inside its phase's box (overview), inside a nested composite's box (a compact chart), or
 * as a stub of another phase (a phase chart); and the node an edge to it attaches to.
 */
import type { ChartView } from './chart-view.js'
import { mermaidId } from './mermaid.js'
import { isComposite, type PlanModel } from './model.js'
import { MAIN_REGION } from './parts.js'

/** The phase (child of the region) a state belongs to. */
export const phaseOf = (path: string): string => path.split('.').slice(0, 2).join('.')

/** The scope of one chart: what each state path is drawn as, and its ids. */
export function dotScope(m: PlanModel, view: ChartView) {
  const composite = (path: string) => {
    const st = m.byPath.get(path)
    return st !== undefined && isComposite(st)
  }
  const depth = (path: string) => path.split('.').length
  /** Compact chart: each composite directly inside the open phase is one box listing its steps. */
  const open = view.mode === 'phase' ? view.focus : view.expand
  const nested = (path: string) =>
    view.compact === true &&
    open !== undefined &&
    path.startsWith(`${open}.`) &&
    depth(path) === depth(open) + 1 &&
    composite(path)
  const collapsed = (path: string) =>
    (view.mode === 'overview' &&
      m.byPath.get(path)?.parent === MAIN_REGION &&
      composite(path) &&
      path !== view.expand) ||
    nested(path)
  const shown = (path: string): string | null => {
    if (view.mode === 'overview' && collapsed(phaseOf(path))) return phaseOf(path)
    if (view.mode === 'phase' && phaseOf(path) !== view.focus) return `stub:${phaseOf(path)}`
    if (open) {
      const top = path
        .split('.')
        .slice(0, depth(open) + 1)
        .join('.')
      if (nested(top)) return top
    }
    return path
  }
  const anchor = (path: string) =>
    path.startsWith('stub:')
      ? `${mermaidId(path.slice(5))}__stub`
      : isComposite(m.byPath.get(path)!) && !collapsed(path)
        ? `${mermaidId(path)}__init`
        : mermaidId(path)
  const cluster = (path: string) => `cluster_${mermaidId(path)}`
  return { nested, collapsed, shown, anchor, cluster }
}

export type DotScope = ReturnType<typeof dotScope>
