import { writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { plan as saws } from '../machines/saws-2014/index.ts'
import { planMermaidText } from '../src/diagrams/mermaid.ts'
const text = planMermaidText(saws, { mode: 'phase', focus: 'phase.response', compact: true, rankdir: 'LR' } as never)
writeFileSync('/tmp/wt19/sr.mmd', text)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 2800, height: 1200 } })
await page.setContent('<html><body></body></html>')
await page.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' })
const svg = await page.evaluate(async (t) => { const m = (globalThis as any).mermaid; m.initialize({ startOnLoad: false }); return (await m.render('x', t)).svg }, text)
await page.setContent(`<html><body style="margin:0">${svg}</body></html>`)
await page.screenshot({ path: '/tmp/wt19/sr-m.png', fullPage: true })
await browser.close()
