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
import { planDot } from './dot.js'
import { stateLabel } from './labels.js'
import { planMermaidText } from './mermaid.js'
import { planModel } from './model.js'
import { traceHistory, valuePaths } from './replay.js'
import { initDiagrams, renderSvg } from './svg.js'

export type { DeadlineReport, DeadlineReportItem } from './deadline-report.js'
export { deadlineReport } from './deadline-report.js'
export { incidentReport } from './incident-report.js'
export { initDiagrams }

await initDiagrams()

/** The plan's machine as Mermaid `stateDiagram-v2` text (diagrams/<planId>.mmd). */
export const planMermaid = (plan: PlanDefinition): string => planMermaidText(plan)

/** The plan's machine as SVG (diagrams/<planId>.svg). */
export const planSvg = (plan: PlanDefinition): string => renderSvg(planDot(plan))

/**
 * The plan's diagram with one incident on it: active states (view.state) highlighted,
 * the states it went through and the transitions it took shaded (by re-running its
 * journal through the machine), missed deadlines marked.
 */
export function incidentSvg(plan: PlanDefinition, view: IncidentView, history: HistoryItem[]): string {
  const trace = traceHistory(plan, view, history)
  const active = new Set(valuePaths(view.state))
  const m = planModel(plan)
  const activeLeaves = [...active]
    .map((p) => m.byPath.get(p))
    .filter((s) => s !== undefined && s.children.length === 0 && s.region !== 'deadlines')
    .map((s) => `${stateLabel(s!)}（${s!.key}）`)
  const breached = new Set(view.deadlines.filter((d) => d.status === 'missed').map((d) => d.name))
  const caption = [
    `事件：${view.title}（${view.id}）`,
    `当前：${activeLeaves.join('、') || view.phase}；级别 ${view.severity ?? '未定级'}；版本 ${view.version}`,
    `黄色为当前状态，蓝色为经过的状态和转移${breached.size ? `；红色为超时的时限：${[...breached].join('、')}` : ''}`,
  ]
  return renderSvg(planDot(plan, { active, visited: trace.visited, taken: trace.taken, breached, caption }))
}
