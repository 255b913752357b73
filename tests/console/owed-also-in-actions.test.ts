/**
 * A step owed by others whose event this role may send now: the owed list gives it no button
 * (its `owedBy` does not name the role), but says the role may send it from the actions box,
 * where the plan decides. saws-2014 2–3 take the leader's CONVENE at 一般, which meets 人事司's
 * notice to the unit (`assign:unit`, owed by the office): the row said only 需由人事司办理 and
 * the leader had no way to tell the action was theirs too. (nanning-aic-2017 13's refused steps
 * keep no button: tests/console/owed-own-step.test.ts.)
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createStore } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { chromiumAvailable, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

/** A saws-2014 incident at 一般 opened on version 3 (the API opens on the current only), reported to 人事司. */
async function seedOnVersion3(databaseUrl: string): Promise<string> {
  const store = createStore(databaseUrl)
  await migrateToLatest(store.db, store.schema)
  const v3 = getPlan('saws-2014', 3)
  if (!v3) throw new Error('saws-2014 has no version 3')
  const engine = createEngine({ store, plans: registryOf(v3), clock: { now: () => new Date() }, calendar })
  const v = await engine.open(
    {
      planId: 'saws-2014',
      title: '一般舆情（谁通知单位）',
      category: 'suggestion',
      facts: { reposts: 20 },
    } as never,
    caller('monitor'),
  )
  await engine.send(v.id, { type: 'REPORT', fields: { to: ['office'], channel: 'phone' } }, caller('monitor'))
  await store.close()
  return v.id
}

describe.skipIf(!chromiumAvailable())('the owed list points to the actions box for a step others owe', () => {
  let id = ''
  const suite = consoleSuite({
    seed: async (url) => {
      id = await seedOnVersion3(url)
    },
  })

  async function openAs(page: Page, who: 'leader' | 'office') {
    await signIn(page, who)
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#owed tr[data-obligation^="assign:unit#"]').waitFor()
  }

  it('saws-2014 3 at 一般: the leader is told CONVENE is in the actions box, and the engine takes it', async () => {
    const page = await suite.page()
    await openAs(page, 'leader')
    const row = page.locator('#owed tr[data-obligation^="assign:unit#"]')
    expect(await row.locator('button[data-discharge]').count()).toBe(0)
    expect(await row.locator('[data-also-in-actions]').count()).toBe(1)
    expect(await row.textContent()).toContain('可执行的操作')
    expect(await page.locator('#actions button[data-event="CONVENE"]').count()).toBe(1)

    // The engine takes the leader's CONVENE, and it meets the notice the office owed.
    const view = await suite.api<{ obligations: Array<{ rule: string; status: string }> }>(
      'leader',
      'POST',
      `/incidents/${id}/events`,
      { type: 'CONVENE' },
    )
    expect(view.obligations.find((o) => o.rule === 'assign:unit')?.status).toBe('met')
  })
})
