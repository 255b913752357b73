/** /docs in a real browser: Swagger UI draws every operation and asks nothing of any other origin. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launch, type Server, SHOTS, startServer } from './harness.js'

const run = chromiumAvailable()

describe.skipIf(!run)('GET /docs in Chromium', () => {
  let server: Server
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launch()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('renders the API from /openapi.json with assets of this origin only, under its CSP', async () => {
    const page = await browser.newPage()
    const elsewhere: string[] = []
    const problems: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(server.base) && !r.url().startsWith('data:')) elsewhere.push(r.url())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    await page.goto(`${server.base}/docs`)
    await page.locator('.swagger-ui .info .title').waitFor()
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('yuqing-flow')
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(20)
    expect(await page.locator('.servers select').inputValue()).toBe(server.base)
    await page.screenshot({ path: `${SHOTS}/docs.png` })
    expect(elsewhere).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})
