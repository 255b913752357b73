import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { PLAN_DOCUMENTS } from '/work/wt-19/machines/documents.ts'
import { plan as hrss } from '/work/wt-19/machines/hrss-city/index.ts'
import { plan as neixiang } from '/work/wt-19/machines/neixiang-2017/index.ts'
import { plan as saws } from '/work/wt-19/machines/saws-2014/index.ts'
import { planMermaidText } from '/work/wt-19/src/diagrams/mermaid.ts'
import { planDot } from '/work/wt-19/src/diagrams/dot.ts'
import { initDiagrams, renderSvg } from '/work/wt-19/src/diagrams/svg.ts'
await initDiagrams()
const plans = [hrss, neixiang, saws]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] })
const page = await browser.newPage()
await page.setContent('<html><body></body></html>')
await page.addScriptTag({ path: '/work/wt-19/node_modules/mermaid/dist/mermaid.min.js' })
await page.evaluate(() => (window as any).mermaid.initialize({ startOnLoad: false }))
for (const p of plans) {
  const svg = renderSvg(planDot(p))
  writeFileSync(`/tmp/wt19/${p.id}.svg`, svg)
  const w = /width="(\d+)pt" height="(\d+)pt"/.exec(svg)
  const mmd = planMermaidText(p)
  writeFileSync(`/tmp/wt19/${p.id}.mmd`, mmd)
  const r = await page.evaluate(async (text) => {
    try {
      const { svg } = await (window as any).mermaid.render('m' + Math.random().toString(36).slice(2), text)
      const vb = /viewBox="([^"]+)"/.exec(svg)?.[1]
      const mw = /max-width: ?([\d.]+)px/.exec(svg)?.[1]
      return { vb, mw, svg }
    } catch (e) { return { error: String(e) } }
  }, mmd)
  if ('svg' in r && r.svg) writeFileSync(`/tmp/wt19/${p.id}.mermaid.svg`, r.svg)
  console.log(p.id, 'dot pt', w?.[1], 'x', w?.[2], 'px', Math.round(Number(w?.[1]) * 4 / 3), 'mermaid', r.vb, r.mw, (r as any).error ?? '')
}
await browser.close()
