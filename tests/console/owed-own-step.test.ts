/**
 * The owed list offers a step's button only to a role that owes it now (its `owedBy`), beside
 * the event's roles: 南宁市工商局预案 version 13 refuses (409) one body's part of the comment work
 * from the other (guard commentPartOfSender) and 源头化解 from 新闻宣传分管领导 at 一般 (guard
 * leadsSourceAtGrade), though both may send the event. Each is told whose the step is instead.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { measuresDecided } from '../helpers/nanning-http.js'
import { chromiumAvailable, signIn, signOut, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

describe.skipIf(!chromiumAvailable())('the owed list offers a step to its owers', () => {
  const suite = consoleSuite()
  const api = suite.api

  /** A nanning incident (一般) whose group decided the measures and both bodies said yes to comment work. */
  async function bothParts(): Promise<string> {
    const id = await measuresDecided(api, '农贸市场过期食品（谁办哪部分）')
    const send = (who: Who, type: string, fields: Record<string, unknown> = {}) =>
      api(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
    const yes = { answer: 'yes', reason: '根据需要' }
    await send('office', 'DECIDE', { decision: 'decision:comments-office', ...yes })
    await send('unit', 'DECIDE', { decision: 'decision:comments-unit', ...yes })
    return id
  }

  async function openAs(page: Page, who: Who, id: string) {
    await signIn(page, who)
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#owed-list').waitFor()
    await page.locator('#phase').waitFor()
  }
  const buttons = (page: Page, rule: string) =>
    page.locator(`#owed tr[data-obligation^="${rule}#"] button[data-discharge]`).count()

  it('the unit its own part of the comment work only, the office its own; 源头化解 the units’ at 一般, not newsLeader’s', async () => {
    const id = await bothParts()
    const page = await suite.page()
    await openAs(page, 'unit', id)
    expect(await buttons(page, 'step:comments-unit')).toBe(1)
    expect(await buttons(page, 'step:comments-office')).toBe(0)
    expect(await buttons(page, 'step:source')).toBe(1)
    await signOut(page)

    await openAs(page, 'office', id)
    expect(await buttons(page, 'step:comments-office')).toBe(1)
    expect(await buttons(page, 'step:comments-unit')).toBe(0)
    await signOut(page)

    await openAs(page, 'newsLeader', id)
    expect(await buttons(page, 'step:source')).toBe(0)
    // Told whose it is (tests/engine/nanning-v13-roles: the server refuses newsLeader's at 一般, 409).
    expect(await page.locator('#owed tr[data-obligation^="step:source#"]').textContent()).toContain(
      '股室主要负责人',
    )
  })
})
