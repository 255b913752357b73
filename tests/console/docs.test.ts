/** /docs in a real browser: Swagger UI draws every operation and asks nothing of any other origin. */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('GET /docs in Chromium', () => {
  const suite = consoleSuite()

  it('renders the API from /openapi.json with assets of this origin only, under its CSP', async () => {
    const page = await suite.browser.newPage()
    const elsewhere: string[] = []
    const problems: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(suite.server.base) && !r.url().startsWith('data:')) elsewhere.push(r.url())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    await page.goto(`${suite.server.base}/docs`)
    await page.locator('.swagger-ui .info .title').waitFor()
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('yuqing-flow')
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(20)
    expect(await page.locator('.servers select').inputValue()).toBe(suite.server.base)
    await page.screenshot({ path: `${SHOTS}/docs.png` })
    expect(elsewhere).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })
})
