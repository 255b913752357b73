/**
 * The incident page names its plan version; on an older version everyone is told so, and
 * an admin also how to migrate (the API call and the CLI, to the version that takes it).
 * Here the notice's cases are rendered in the browser from the console's own module;
 * plan-version.test.ts shows a real incident opened on an older version.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { chromiumAvailable, scriptErrors, signIn, TOKENS } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('web console: plan version and migration notice', () => {
  const suite = consoleSuite()

  it('shows the plan version, and no notice while the incident is on the current version', async () => {
    const res = await fetch(`${suite.server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ planId: 'nanning-aic-2017', title: '版本显示测试' }),
    })
    const { id } = (await res.json()) as { id: string }
    const page = await suite.page()
    await signIn(page, 'admin')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#incident-title').filter({ hasText: '版本显示测试' }).waitFor()
    // The current version, read from the registry (version 8 since whether to authorize an interview is asked once at a time, 四(四)).
    const current = getPlan('nanning-aic-2017')?.version
    expect(await page.locator('.incident').textContent()).toContain(`nanning-aic-2017 v${current}`)
    expect(await page.locator('#migration-notice').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
  })

  it('tells everyone the incident is on an older version, and an admin how to migrate it', async () => {
    const page = await suite.page()
    // As a string: the test runner would rewrite a dynamic import() inside a function.
    const shown = (await page.evaluate(`(async () => {
      const m = await import('/console/views/migration-notice.js')
      const view = { id: 'abc', planId: 'toy', planVersion: 1 }
      const text = (el) => (el ? el.textContent : null)
      const next = { version: 2, migratesFrom: 1 }
      return {
        admin: text(m.migrationNotice({ current: 2, next }, view, 'admin')),
        stepwise: text(m.migrationNotice({ current: 3, next }, view, 'admin')),
        notFrom: text(m.migrationNotice({ current: 2, next: { version: 2, migratesFrom: null } }, view, 'admin')),
        office: text(m.migrationNotice({ current: 2, next }, view, 'office')),
        current: text(m.migrationNotice({ current: 1, next: null }, view, 'admin')),
        unread: text(m.migrationNotice(null, view, 'admin')),
      }
    })()`)) as Record<'admin' | 'stepwise' | 'notFrom' | 'office' | 'current' | 'unread', string | null>
    expect(shown.admin).toContain('预案现行为第 2 版，本事件仍按第 1 版办理')
    expect(shown.admin).toContain('POST /incidents/abc/migrate {"toVersion":2,"reason":"…"}')
    expect(shown.admin).toContain('npm run cli -- migrate --plan toy --to 2 --dry-run')
    expect(shown.admin).not.toContain('逐版')
    // Version 1 of a plan now at 3 moves to 2 first (the version that takes it), then on.
    expect(shown.stepwise).toContain('预案现行为第 3 版，本事件仍按第 1 版办理')
    expect(shown.stepwise).toContain('{"toVersion":2,')
    expect(shown.stepwise).toContain('到第 2 版后，再迁移到下一版，直至第 3 版')
    expect(shown.notFrom).toContain('第 2 版未声明可从第 1 版迁移')
    expect(shown.office).toContain('本事件仍按第 1 版办理')
    expect(shown.office).not.toContain('migrate')
    expect(shown.current).toBeNull()
    expect(shown.unread).toBeNull()
  })
})
