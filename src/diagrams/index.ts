/**
 * Diagrams and audit trail for auditors: a plan's chart (Mermaid text, SVG), one
 * incident drawn on it, the incident's review material, and deadline statistics.
 *
 * The SVG renderer (Graphviz as WebAssembly) loads asynchronously. Importing this
 * module loads it (top-level await, ~30 ms), so `planSvg` and `incidentSvg` are
 * synchronous from the first call; `initDiagrams()` stays exported for code that
 * imports the submodules directly (idempotent).
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { HistoryItem } from '../engine/engine.js'
import type { IncidentView } from '../engine/view.js'
import type { ChartView } from './chart-view.js'
import { planCharts, svgWidthPx } from './charts.js'
import { planDot } from './dot.js'
import { stateLabel } from './labels.js'
import { planModel } from './model.js'
import { traceHistory, valuePaths } from './replay.js'
import { initDiagrams, renderSvg } from './svg.js'
import { beijing } from './time.js'

export type { DeadlineReport, DeadlineReportItem, GradeChange, ReportedIncident } from './deadline-report.js'
export { deadlineReport } from './deadline-report.js'
export { incidentReport } from './incident-report.js'
export { initDiagrams }

/** The widest the incident chart may be (CSS px): read at 1,200 px without squeezing. */
export const INCIDENT_MAX_PX = 1600

await initDiagrams()

/** The plan's main chart as Mermaid `stateDiagram-v2` text (diagrams/<planId>.mmd: the whole flow, or the overview of a plan too wide for one chart). */
export const planMermaid = (plan: PlanDefinition): string => planCharts(plan)[0]!.mermaid

/** The plan's main chart as SVG (diagrams/<planId>.svg), at most 2,400 px wide. */
export const planSvg = (plan: PlanDefinition): string => planCharts(plan)[0]!.svg

/**
 * The plan's phase flow with one incident on it: active states (view.state) in yellow,
 * the states it went through and the transitions it took in blue (by re-running its
 * journal through the machine), the obligations it breached in red and those it owes
 * now in bold where they run; the caption lists what is owed, with due times.
 */
export function incidentSvg(plan: PlanDefinition, view: IncidentView, history: HistoryItem[]): string {
  const trace = traceHistory(plan, view, history)
  const active = new Set(valuePaths(view.state))
  const m = planModel(plan)
  const activeLeaves = [...active]
    .map((p) => m.byPath.get(p))
    .filter((s) => s !== undefined && s.children.length === 0)
    .map((s) => `${stateLabel(s!)}（${s!.key}）`)
  const grade = plan.severities.find((s) => s.code === view.severity)?.label ?? '未定级'
  const breached = view.obligations.filter((o) => o.breachedAt !== null)
  const owed = view.obligations.filter((o) => o.status === 'owed')
  const due = (iso: string | null) => (iso ? `，${beijing(iso)} 到期` : '')
  const caption = [
    `事件：${view.title}（${view.id}）`,
    `当前：${activeLeaves.join('、') || view.phase}；级别 ${grade}；版本 ${view.version}`,
    '黄色为当前状态，蓝色为经过的状态和走过的转移，红色为超时的应办事项，粗体为待办',
    ...(breached.length
      ? [
          `已超时：${breached.map((o) => `${o.label}（${o.status === 'late' ? `已补办 ${beijing(o.metAt!)}` : o.status === 'waived' ? '已免除' : '未办'}）`).join('；')}`,
        ]
      : []),
    owed.length
      ? `待办（${owed.length}）：${owed.map((o) => `${o.label}${o.recipient ? `（${o.recipient.label}）` : ''}${due(o.dueAt)}`).join('；')}`
      : '待办：无',
  ]
  const hl = {
    active,
    visited: trace.visited,
    taken: trace.taken,
    breached: new Set(breached.map((o) => o.rule)),
    owed: new Set(owed.map((o) => o.rule)),
    caption,
  }
  // Readable at 1,200 px: the whole flow when it fits 1,600 px; else the other phases as
  // one box each and the current phase open (its nested parts one box each); else every
  // phase one box; scaled to 1,600 px only as a last resort.
  const full = renderSvg(planDot(plan, hl))
  if (svgWidthPx(full) <= INCIDENT_MAX_PX) return full
  const current = [...active].find((p) => p.split('.').length === 2 && p.startsWith('phase.'))
  const chart: ChartView = { mode: 'overview', expand: current, compact: true }
  const tb = renderSvg(planDot(plan, hl, chart))
  if (svgWidthPx(tb) <= INCIDENT_MAX_PX) return tb
  // Every phase one box, the current one saying where the incident is in it.
  const overview: ChartView = { mode: 'overview' }
  const closed = renderSvg(planDot(plan, hl, overview))
  if (svgWidthPx(closed) <= INCIDENT_MAX_PX) return closed
  return renderSvg(planDot(plan, hl, { ...overview, sizeInches: (INCIDENT_MAX_PX * 0.75) / 72 }))
}
