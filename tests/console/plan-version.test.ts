/**
 * The incident page works from the incident's own plan version, not the current one: a
 * saws-2014 incident a release before opened on version 3 offers the leader in charge the
 * waiver of the principal's 批示 (version 4 leaves it to the principal alone, `waivableBy`),
 * names its version, and says near the plan name that it is not on the current one (an
 * admin is also told how to migrate it, one version at a time). An incident of the current
 * version (4 or later) of the same plan, viewed in the same tab before, does not lend it its
 * rules. Migrated to version 4 and on to the current one, the open page takes the current
 * rules and the notice goes.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createStore } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const PLAN = 'saws-2014'
const OPEN = { planId: PLAN, category: 'suggestion', facts: { reposts: 301 } } as const
/** To 重大's special report to both leaders: each owes a 批示 (`instruct:principal#1`, …). */
const STEPS: [Who, string, Record<string, unknown>][] = [
  ['monitor', 'REPORT', { to: ['office'], channel: 'phone' }],
  ['monitor', 'ACTIVATE_PLAN', {}],
  ['office', 'CONVENE', {}],
  ['office', 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '舆情专报' }],
]
const PRINCIPAL_INSTRUCTION = 'instruct:principal#1'
/** The plan's current version: 4 or later, which leave the principal's 批示 to the principal. */
const CURRENT = getPlan(PLAN)?.version ?? 0

/** Opened by the release before, when version 3 was the current one (the API opens on the current only). */
async function seedOnVersion3(databaseUrl: string): Promise<{ page: string; list: string }> {
  const store = createStore(databaseUrl)
  await migrateToLatest(store.db, store.schema)
  const v3 = getPlan(PLAN, 3)
  if (!v3) throw new Error(`${PLAN} has no version 3`)
  const engine = createEngine({ store, plans: registryOf(v3), clock: { now: () => new Date() }, calendar })
  const v = await engine.open({ ...OPEN, title: '第三版事件' }, caller('monitor'))
  for (const [who, type, fields] of STEPS) await engine.send(v.id, { type, fields }, caller(who as never))
  const listed = await engine.open({ ...OPEN, title: '第三版列表事件' }, caller('monitor'))
  await store.close()
  return { page: v.id, list: listed.id }
}

describe.skipIf(!run)('web console: an incident shows its own plan version', () => {
  let onV3 = ''
  let listedOnV3 = ''
  const suite = consoleSuite({
    seed: async (url) => {
      ;({ page: onV3, list: listedOnV3 } = await seedOnVersion3(url))
    },
  })
  const api = (who: Who, method: string, path: string, body?: unknown) =>
    suite.api<{ id: string; planVersion: number }>(who, method, path, body)

  /** The incident page, once its list of what is owed shows the principal's 批示. */
  async function openIncident(page: Page, id: string) {
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator(`#owed tr[data-obligation="${PRINCIPAL_INSTRUCTION}"]`).waitFor()
  }
  const waiveOffered = (page: Page) => page.locator(`button[data-waive="${PRINCIPAL_INSTRUCTION}"]`).count()
  const planRow = async (page: Page) => (await page.locator('.summary dd').first().textContent()) ?? ''

  it('shows a version 3 incident by version 3, says it is not on the current one, and follows a migration', async () => {
    expect(CURRENT).toBeGreaterThanOrEqual(4)
    const onCurrent = await api('office', 'POST', '/incidents', { ...OPEN, title: '现行版事件' })
    expect(onCurrent.planVersion).toBe(CURRENT)
    for (const [who, type, fields] of STEPS)
      await api(who, 'POST', `/incidents/${onCurrent.id}/events`, { type, ...fields })
    expect((await api('leader', 'GET', `/incidents/${onV3}`)).planVersion).toBe(3)

    const page = await suite.page()
    await signIn(page, 'leader')

    // The current version first, so that its plan is the one loaded when the version 3 incident is opened.
    await openIncident(page, onCurrent.id)
    expect(await planRow(page)).toContain(`${PLAN} v${CURRENT}`)
    expect(await waiveOffered(page)).toBe(0)
    expect(await page.locator('#migration-notice').count()).toBe(0)

    await openIncident(page, onV3)
    expect(await planRow(page)).toContain(`${PLAN} v3`)
    expect(await waiveOffered(page)).toBe(1)
    const notice = page.locator('#migration-notice')
    expect(await notice.textContent()).toContain(`预案现行为第 ${CURRENT} 版，本事件仍按第 3 版办理`)
    // Near the plan name: right before the summary that names it.
    expect(
      await notice.evaluate((el) => el.nextElementSibling?.querySelector('dd')?.textContent ?? ''),
    ).toContain(`${PLAN} v3`)
    expect(await notice.locator('pre').count()).toBe(0) // how to migrate is for admins
    await page.screenshot({ path: `${SHOTS}/plan-version-v3.png`, fullPage: false })

    await page.locator('#lang-toggle').click()
    await page.locator('#migration-notice').filter({ hasText: 'runs on version 3' }).waitFor()
    expect(await page.locator('#migration-notice').textContent()).toContain(
      `The plan's current version is ${CURRENT}; this incident still runs on version 3`,
    )
    await page.locator('#lang-toggle').click()
    await page.locator('#migration-notice').filter({ hasText: '第 3 版' }).waitFor()

    const admin = await suite.page()
    await signIn(admin, 'admin')
    await openIncident(admin, onV3)
    expect(await admin.locator('#migration-notice').textContent()).toContain(
      `POST /incidents/${onV3}/migrate {"toVersion":4,"reason":"…"}`,
    )

    // Migrated while the leader's page is open, one version at a time: it takes the current rules.
    for (let to = 4; to <= CURRENT; to++)
      await api('admin', 'POST', `/incidents/${onV3}/migrate`, { toVersion: to, reason: `迁移到第 ${to} 版` })
    await page.locator('#migration-notice').waitFor({ state: 'detached' })
    expect(await planRow(page)).toContain(`${PLAN} v${CURRENT}`)
    expect(await waiveOffered(page)).toBe(0)
    expect(scriptErrors(page)).toEqual([])
    expect(scriptErrors(admin)).toEqual([])
  })

  it('lists an incident with its own version’s plan title and grade names', async () => {
    const page = await suite.page()
    // Every version so far names the plan and its grades alike: here version 3 renames them.
    await page.route(`**/plans/${PLAN}?version=3`, async (route) => {
      const plan = await (await route.fetch()).json()
      plan.title = `${plan.title}（第三版）`
      for (const s of plan.severities) s.label = `${s.label}（第三版）`
      await route.fulfill({ json: plan })
    })
    await signIn(page, 'office')
    const row = page.locator(`#incidents tr[data-id="${listedOnV3}"]`)
    await row.locator('td', { hasText: '（第三版）' }).first().waitFor()
    const cells = await row.locator('td').allTextContents()
    expect(cells[1]).toBe('安全生产网络舆情应对预案（第三版）')
    expect(cells[3]).toBe('重大网络舆情（第三版）')
    // An incident on the current version keeps the current names.
    const current = await page
      .locator('#incidents tr', { hasText: '现行版事件' })
      .locator('td')
      .allTextContents()
    expect(current[1]).toBe('安全生产网络舆情应对预案')
    expect(current[3]).toBe('重大网络舆情')
    expect(scriptErrors(page)).toEqual([])
  })
})
