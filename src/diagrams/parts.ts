/**
 * What a diagram draws, decided once for Mermaid and SVG alike:
 * - a transition with a target is an edge, one per target;
 * - a targetless transition is listed inside its state (UML's internal-transition
 *   compartment, marked ⟲), or for a composite state in a ⟲ box inside it;
 * - a deadline region (`deadlines.<name>`) mirrors the status of its latest instance
 *   through guarded `always` transitions between every pair of its states. The pairs the
 *   deadline rules produce are drawn with what causes them (the timed `after`
 *   transition of `pending` is drawn on pending → missed); the other pairs exist only
 *   to keep the mirror total and are listed, not drawn (see SYNC_NOTE).
 */
import { citation, delayText, rulesOfDelay, transitionLines } from './labels.js'
import {
  deadlineNameOf,
  isComposite,
  isDeadlineRegion,
  type PlanModel,
  type TransitionInfo,
} from './model.js'

export interface Edge {
  from: string
  to: string
  lines: string[]
  /** Transition ids this edge shows (the mirror pending → missed also shows the timer). */
  ids: string[]
  kind: 'event' | 'always' | 'after' | 'sync'
  policy: boolean
}

export interface Internal {
  id: string
  text: string
  policy: boolean
}

export interface Parts {
  edges: Edge[]
  /** State path → its internal transitions. */
  internals: Map<string, Internal[]>
  /** Deadline region path → the mirror transitions not drawn. */
  syncOnly: Map<string, TransitionInfo[]>
}

export const SYNC_NOTE = '状态随该时限最近一次起算的实例同步（always）；其余同步转移仅使镜像完整，见转移表'

const DRAWN_SYNC = new Set([
  'idle>pending',
  'pending>met',
  'pending>missed',
  'pending>cancelled',
  'missed>escalated',
  'missed>met',
  'escalated>met',
  'met>pending',
  'missed>pending',
  'escalated>pending',
  'cancelled>pending',
])

const isSync = (m: PlanModel, t: TransitionInfo): boolean =>
  t.kind === 'always' &&
  t.targets.length === 1 &&
  isDeadlineRegion(m, m.byPath.get(t.source)?.parent ?? '') &&
  typeof t.guard === 'object' &&
  t.guard !== null &&
  (t.guard as { type?: unknown }).type === 'deadlineIs'

const leaf = (path: string) => path.split('.').at(-1) ?? path

function syncLabel(m: PlanModel, t: TransitionInfo, from: string, to: string): string {
  const name = deadlineNameOf(t.source) ?? ''
  const rules = m.plan.obligations.filter((r) => r.deadline === name)
  switch (`${from}>${to}`) {
    case 'idle>pending':
      return '起算'
    case 'pending>met':
      return `按时完成（${[...new Set(rules.map((r) => r.discharge.type))].join('、')}）`
    case 'pending>missed':
      return '超时，记录违时'
    case 'pending>cancelled':
      return '取消（不再适用、被取代或结案）'
    case 'missed>escalated':
      return '超时已上报（ESCALATE）'
    case 'missed>met':
    case 'escalated>met':
      return '补录的步骤在时限内，撤销违时'
    default:
      return `重新起算（${rules.some((r) => r.again?.raise) ? '升级后重报或' : ''}再次适用）`
  }
}

const cache = new WeakMap<PlanModel, Parts>()

export function diagramParts(m: PlanModel): Parts {
  const hit = cache.get(m)
  if (hit) return hit
  const edges: Edge[] = []
  const internals = new Map<string, Internal[]>()
  const syncOnly = new Map<string, TransitionInfo[]>()
  const timers = new Map<string, TransitionInfo[]>()

  for (const t of m.transitions) {
    if (
      t.kind === 'after' &&
      t.targets.length === 0 &&
      isDeadlineRegion(m, m.byPath.get(t.source)?.parent ?? '')
    ) {
      timers.set(t.source, [...(timers.get(t.source) ?? []), t])
    }
  }
  for (const t of m.transitions) {
    if (isSync(m, t)) {
      const to = t.targets[0]!
      const pair = `${leaf(t.source)}>${leaf(to)}`
      if (!DRAWN_SYNC.has(pair)) {
        const region = m.byPath.get(t.source)!.parent!
        syncOnly.set(region, [...(syncOnly.get(region) ?? []), t])
        continue
      }
      const timed = pair === 'pending>missed' ? (timers.get(t.source) ?? []) : []
      // The region's own label carries its clause; only the timed edge repeats it.
      const lines = [
        ...timed.map((x) => `after ${x.delay}（${delayText(m.plan, x.delay)}）`),
        syncLabel(m, t, leaf(t.source), leaf(to)),
        timed.length ? `always · ${citation(timed[0]!.meta)}` : 'always',
      ]
      const timedPolicy = timed.some((x) => rulesOfDelay(m.plan, x.delay).some((r) => r.policy !== null))
      edges.push({
        from: t.source,
        to,
        lines,
        ids: [...timed.map((x) => x.id), t.id],
        kind: timed.length ? 'after' : 'sync',
        policy: timedPolicy,
      })
      continue
    }
    if (t.targets.length === 0) continue
    const policy = t.meta?.policy !== null && t.meta?.policy !== undefined
    for (const to of t.targets)
      edges.push({ from: t.source, to, lines: transitionLines(m, t), ids: [t.id], kind: t.kind, policy })
  }
  const shown = new Set(edges.flatMap((e) => e.ids))
  for (const t of m.transitions) {
    if (t.targets.length > 0 || shown.has(t.id)) continue
    internals.set(t.source, [
      ...(internals.get(t.source) ?? []),
      {
        id: t.id,
        text: `⟲ ${transitionLines(m, t).join(' ')}`,
        policy: t.meta?.policy !== null && t.meta?.policy !== undefined,
      },
    ])
  }
  const parts = { edges, internals, syncOnly }
  cache.set(m, parts)
  return parts
}

/**
 * The region drawn as the chart itself (`phase`): its own box lists its internal
 * transitions. Every other composite state is drawn as a container, with a ⟲ box
 * (id `<state id>__self`) inside it when it has internal transitions of its own.
 */
export const MAIN_REGION = 'phase'

export const hasHolder = (m: PlanModel, path: string): boolean => {
  const s = m.byPath.get(path)
  if (!s || !isComposite(s) || path === MAIN_REGION) return false
  return (diagramParts(m).internals.get(path)?.length ?? 0) > 0
}
