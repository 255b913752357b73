/**
 * The charts of a plan, each at page width: the whole phase flow when its SVG fits
 * MAX_PX; otherwise an overview (each phase one box) and one chart per phase, laid out
 * top-down, or left-to-right when top-down is still too wide. The Mermaid text of each
 * chart follows the same split and direction. Memoised per plan object.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { ChartView } from './chart-view.js'
import { planDot } from './dot.js'
import { planMermaidText } from './mermaid.js'
import { isComposite, planModel } from './model.js'
import { MAIN_REGION } from './parts.js'
import { renderSvg } from './svg.js'

/** The widest a chart may be at natural size, in CSS px. */
export const MAX_PX = 2400

/**
 * The widest the whole phase flow's Graphviz drawing may be for it to stay one chart: Mermaid
 * lays out the same chart wider (hrss-city version 13: 1,929 px in Graphviz, 2,572 px in
 * Mermaid 11, tests/diagrams/page-width.test.ts), so a flow wider than this is split too.
 */
export const WHOLE_MAX_PX = MAX_PX * 0.75

export interface Chart {
  /** File name suffix: '' for the main chart, `.<phase>` for a phase chart. */
  suffix: string
  title: string
  view: ChartView
  svg: string
  mermaid: string
}

/** The natural width of a Graphviz SVG in CSS px (it states pt: 1 pt = 4/3 px). */
export const svgWidthPx = (svg: string): number => {
  const w = /<svg[^>]*\swidth="([\d.]+)(pt|px)?"/.exec(svg)
  if (!w) return Number.NaN
  return w[2] === 'px' ? Number(w[1]) : (Number(w[1]) * 4) / 3
}

const cache = new WeakMap<PlanDefinition, Chart[]>()

export function planCharts(plan: PlanDefinition): Chart[] {
  const hit = cache.get(plan)
  if (hit) return hit
  const chart = (suffix: string, title: string, view: ChartView): Chart => ({
    suffix,
    title,
    view,
    svg: renderSvg(planDot(plan, undefined, view)),
    mermaid: planMermaidText(plan, view),
  })
  let charts: Chart[]
  const full = chart('', '状态图', { mode: 'full' })
  if (svgWidthPx(full.svg) <= WHOLE_MAX_PX) charts = [full]
  else {
    const m = planModel(plan)
    charts = [chart('', '总览', { mode: 'overview' })]
    for (const p of m.states.filter((s) => s.parent === MAIN_REGION && isComposite(s))) {
      const title = `分图：${p.meta?.label ?? p.key}（${p.key}）`
      const tb = chart(`.${p.key}`, title, { mode: 'phase', focus: p.path })
      if (svgWidthPx(tb.svg) <= MAX_PX) {
        charts.push(tb)
        continue
      }
      // Many branches: rows (LR); the Mermaid text drops the in-box lines; Graphviz
      // scales the drawing down to MAX_PX as a last resort.
      const lr: ChartView = { mode: 'phase', focus: p.path, rankdir: 'LR', compact: true }
      const fit = chart(`.${p.key}`, title, lr)
      charts.push(
        svgWidthPx(fit.svg) <= MAX_PX
          ? fit
          : chart(`.${p.key}`, title, { ...lr, sizeInches: (MAX_PX * 0.75) / 72 }),
      )
    }
  }
  cache.set(plan, charts)
  return charts
}
