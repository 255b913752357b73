import { launch, newPage, signIn, startServer, TOKENS } from '../tests/console/harness.ts'
const server = await startServer()
const call = async (who: keyof typeof TOKENS, path: string, body: unknown) => {
  const res = await fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKENS[who]}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const j = await res.json()
  if (res.status >= 300) throw new Error(`${path} ${res.status} ${JSON.stringify(j)}`)
  return j
}
try {
  const discovered = new Date(Date.now() - 50 * 60_000).toISOString()
  const v = await call('office', '/incidents', {
    planId: 'neixiang-2017',
    title: '网传某镇集市销售过期食品',
    severity: 'major',
    severityReason: '多个平台转载',
    category: 'rumor',
    discoveredAt: discovered,
  })
  await call('monitor', `/incidents/${v.id}/events`, { type: 'REPORT', to: ['group'], proposal: '建议核实后发布情况说明' })
  await call('group', `/incidents/${v.id}/events`, { type: 'CONVENE', note: '领导小组研判' })
  const browser = await launch()
  const page = await newPage(browser, server.base)
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'office')
  await page.goto(`${server.base}/#/incidents/${v.id}`)
  await page.locator('#diagram img').waitFor()
  await page.waitForTimeout(500)
  const box = await page.locator('#diagram').boundingBox()
  await page.screenshot({
    path: 'docs/screenshots/incident-page.png',
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: Math.ceil((box?.y ?? 2000) + (box?.height ?? 800) + 16) },
  })
  await browser.close()
} finally {
  await server.stop()
}
