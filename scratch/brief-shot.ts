import { chromium } from 'playwright-core'
import { renderDocument } from '../src/documents/render.ts'
import { briefingIncident } from '../tests/documents/briefing-incident.ts'
const s = await briefingIncident()
const spec = s.plan.documents!.find((d) => d.name === 'briefing')!
const html = renderDocument(s.plan, spec, s.view, s.history, 'html')
await s.close()
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking'] })
const page = await browser.newPage({ viewport: { width: 794, height: 1123 } })
await page.emulateMedia({ media: 'print' })
await page.setContent(html)
await page.screenshot({ path: 'docs/screenshots/briefing-print.png', fullPage: true })
await page.pdf({ path: '/tmp/wt19/briefing.pdf', format: 'A4' })
await browser.close()
