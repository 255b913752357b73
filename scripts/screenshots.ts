/**
 * `npx tsx scripts/screenshots.ts`: the README's two Chromium screenshots, made again —
 * a printed 简报 (saws-2014, grade 较大) as docs/screenshots/briefing-print.png, and an
 * incident page of the console with its diagram as docs/screenshots/incident-page.png.
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { renderDocument } from '../src/documents/render.js'
import { launch, newPage, signIn, startServer, TOKENS } from '../tests/console/harness.js'
import { briefingIncident } from '../tests/documents/briefing-incident.js'

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function briefing() {
  const s = await briefingIncident()
  const spec = s.plan.documents!.find((d) => d.name === 'briefing')!
  const html = renderDocument(s.plan, spec, s.view, s.history, 'html')
  await s.close()
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } })
    await page.emulateMedia({ media: 'print' })
    await page.setContent(html)
    await page.screenshot({ path: join(OUT, 'briefing-print.png'), fullPage: true })
  } finally {
    await browser.close()
  }
}

async function incidentPage() {
  const server = await startServer()
  const call = async (who: keyof typeof TOKENS, path: string, body: unknown) => {
    const res = await fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as { id: string }
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }
  try {
    const v = await call('office', '/incidents', {
      planId: 'neixiang-2017',
      title: '网传某镇集市销售过期食品',
      severity: 'major',
      severityReason: '多个平台转载',
      category: 'rumor',
      discoveredAt: new Date(Date.now() - 50 * 60_000).toISOString(),
    })
    await call('monitor', `/incidents/${v.id}/events`, {
      type: 'REPORT',
      to: ['group'],
      proposal: '建议核实后发布情况说明',
    })
    await call('group', `/incidents/${v.id}/events`, { type: 'CONVENE', note: '领导小组研判' })
    const browser = await launch()
    try {
      const page = await newPage(browser, server.base)
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'office')
      await page.goto(`${server.base}/#/incidents/${v.id}`)
      await page.locator('#diagram img').waitFor()
      const box = await page.locator('#diagram').boundingBox()
      await page.screenshot({
        path: join(OUT, 'incident-page.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: Math.ceil((box?.y ?? 2000) + (box?.height ?? 800) + 16) },
      })
    } finally {
      await browser.close()
    }
  } finally {
    await server.stop()
  }
}

mkdirSync(OUT, { recursive: true })
await briefing()
await incidentPage()
console.log(`wrote ${OUT}/briefing-print.png and incident-page.png`)
