/**
 * The incident page names its plan version, and an admin is told when a newer version
 * exists and how to migrate (the API call and the CLI); other roles are not. The API opens
 * incidents on the current version only, so the notice itself is rendered in the browser
 * from the console's own module, with a plan description as GET /plans/{id} gives it.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chromiumAvailable,
  launch,
  newPage,
  type Server,
  scriptErrors,
  signIn,
  startServer,
  TOKENS,
} from './harness.js'

const run = chromiumAvailable()

describe.skipIf(!run)('web console: plan version and migration notice', () => {
  let server: Server
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launch()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the plan version, and no notice while the incident is on the current version', async () => {
    const res = await fetch(`${server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ planId: 'nanning-aic-2017', title: '版本显示测试' }),
    })
    const { id } = (await res.json()) as { id: string }
    const page = await newPage(browser, server.base)
    await signIn(page, 'admin')
    await page.goto(`${server.base}/#/incidents/${id}`)
    await page.locator('#incident-title').filter({ hasText: '版本显示测试' }).waitFor()
    expect(await page.locator('.incident').textContent()).toContain('nanning-aic-2017 v4')
    expect(await page.locator('#migration-notice').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
  })

  it('tells an admin of a newer version and how to migrate; tells nobody else', async () => {
    const page = await newPage(browser, server.base)
    // As a string: the test runner would rewrite a dynamic import() inside a function.
    const shown = (await page.evaluate(`(async () => {
      const m = await import('/console/views/migration-notice.js')
      const view = { id: 'abc', planId: 'toy', planVersion: 1 }
      const text = (el) => (el ? el.textContent : null)
      return {
        admin: text(m.migrationNotice({ version: 2, migratesFrom: 1 }, view, 'admin')),
        notFrom: text(m.migrationNotice({ version: 3, migratesFrom: 2 }, view, 'admin')),
        office: text(m.migrationNotice({ version: 2, migratesFrom: 1 }, view, 'office')),
        current: text(m.migrationNotice({ version: 1, migratesFrom: null }, view, 'admin')),
      }
    })()`)) as Record<'admin' | 'notFrom' | 'office' | 'current', string | null>
    expect(shown.admin).toContain('预案已有第 2 版，本事件仍按第 1 版办理。')
    expect(shown.admin).toContain('POST /incidents/abc/migrate {"toVersion":2,"reason":"…"}')
    expect(shown.admin).toContain('npm run cli -- migrate --plan toy --to 2 --dry-run')
    expect(shown.notFrom).toContain('第 3 版未声明可从第 1 版迁移')
    expect(shown.office).toBeNull()
    expect(shown.current).toBeNull()
  })
})
