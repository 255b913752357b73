/**
 * The holiday-data banner (src/console/static/calendar-banner.js) in a real browser: an
 * admin sees it while GET /calendar says the data runs out within 60 days; other roles
 * never do; with more than 60 days left nobody does.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, TOKENS } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('web console: holiday-data banner', () => {
  const suite = consoleSuite()

  /** A page whose GET /calendar answers `daysLeft` (the rest as the server says). */
  async function pageWith(daysLeft: number | null): Promise<Page> {
    const page = await suite.page()
    if (daysLeft !== null)
      await page.route('**/calendar', async (route) => {
        const res = await route.fetch()
        await route.fulfill({
          response: res,
          json: { ...(await res.json()), lastCoveredDay: '2026-12-31', daysLeft },
        })
      })
    return page
  }

  it('shows admins how many days of holiday data are left and how to load the next year', async () => {
    const page = await pageWith(28)
    await signIn(page, 'admin')
    const banner = page.locator('#calendar-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('节假日数据只到 2026-12-31（还剩 28 天）')
    expect(await banner.textContent()).toContain('npm run cli -- calendar add 2027.json')
    await page.screenshot({ path: `${SHOTS}/calendar-banner.png` })
    // It stays across navigation, and goes with the session.
    await page.locator('a[href="#/plans"]').click()
    await page.locator('h1').first().waitFor()
    expect(await page.locator('#calendar-banner').count()).toBe(1)
    await page.locator('#sign-out').click()
    await page.getByLabel('令牌').waitFor()
    expect(await page.locator('#calendar-banner').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('shows no banner to other roles, nor with more than 60 days left', async () => {
    const office = await pageWith(28)
    await signIn(office, 'office')
    await office.locator('#incidents, h1').first().waitFor()
    await office.waitForTimeout(300)
    expect(await office.locator('#calendar-banner').count()).toBe(0)
    await office.context().close()

    const admin = await pageWith(61)
    let asked = false
    admin.on('request', (r) => {
      if (r.url().endsWith('/calendar')) asked = true
    })
    await signIn(admin, 'admin')
    await expect.poll(() => asked).toBe(true)
    await admin.waitForTimeout(300)
    expect(await admin.locator('#calendar-banner').count()).toBe(0)
    await admin.context().close()
  })

  it('follows what the server says (no interception)', async () => {
    const res = await fetch(`${suite.server.base}/calendar`, {
      headers: { authorization: `Bearer ${TOKENS.admin}` },
    })
    const { daysLeft } = (await res.json()) as { daysLeft: number }
    const page = await pageWith(null)
    await signIn(page, 'admin')
    if (daysLeft <= 60) await page.locator('#calendar-banner').waitFor()
    else {
      await page.waitForTimeout(500)
      expect(await page.locator('#calendar-banner').count()).toBe(0)
    }
    await page.context().close()
  })
})
