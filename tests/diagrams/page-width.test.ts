/**
 * Issue 19: every chart an auditor reads fits the page. For every plan, each SVG and
 * each Mermaid chart is at most 2,400 px wide at its natural size, and Mermaid 11
 * (rendered in Chromium) draws it without error.
 */
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { MAX_PX, planCharts, svgWidthPx } from '../../src/diagrams/charts.js'
import { planDot } from '../../src/diagrams/dot.js'
import { LIFECYCLE_MERMAID } from '../../src/diagrams/mermaid.js'
import { svgWarnings } from '../../src/diagrams/svg.js'
import { canRender, renderMermaid } from './mermaid-render.js'
import '../../src/diagrams/index.js'

const plans = currentPlans()

describe.each(plans.map((p) => [p.id, p] as const))('charts of %s', (_, plan) => {
  it(`has every Graphviz SVG at most ${MAX_PX} px wide, without layout warnings`, () => {
    for (const c of planCharts(plan))
      expect(svgWarnings(planDot(plan, undefined, c.view)), c.suffix).toEqual([])
    for (const c of planCharts(plan))
      expect(svgWidthPx(c.svg), `${plan.id}${c.suffix}.svg`).toBeLessThanOrEqual(MAX_PX)
  })
})

describe.skipIf(!canRender())('Mermaid 11 in Chromium', () => {
  it(`renders every plan's charts without error, each at most ${MAX_PX} px wide`, async () => {
    const charts = [
      ...plans.flatMap((p) =>
        planCharts(p).map((c) => ({ name: `${p.id}${c.suffix}.mmd`, text: c.mermaid })),
      ),
      { name: 'lifecycle legend', text: LIFECYCLE_MERMAID },
    ]
    const rendered = await renderMermaid(charts.map((c) => c.text))
    const report = charts.map((c, i) => ({ name: c.name, ...rendered[i]! }))
    expect(report.filter((r) => r.error !== null)).toEqual([])
    const wide = report.filter((r) => r.width === null || r.width > MAX_PX)
    expect(wide.map((r) => `${r.name} ${r.width}`)).toEqual([])
  }, 120_000)
})
