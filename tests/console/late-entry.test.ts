/**
 * An incident recorded after the fact (README: a deadline already passed when it was
 * opened waits LATE_ENTRY_GRACE_MINUTES before it fires): the owed list tells the duty
 * officer that such a duty was due before the incident was recorded, and to record what
 * was done offline with its own time before it is recorded as overdue.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, TOKENS } from './harness.js'
import { consoleSuite } from './suite.js'

describe.skipIf(!chromiumAvailable())('the console for an incident recorded after the fact', () => {
  const suite = consoleSuite({ env: { LATE_ENTRY_GRACE_MINUTES: '10' } })

  const open = async (discoveredAt?: string) => {
    const res = await fetch(`${suite.server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.office}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        planId: 'neixiang-2017',
        title: discoveredAt ? '补录的舆情' : '及时立案的舆情',
        severity: 'general',
        severityReason: '值班研判',
        ...(discoveredAt ? { discoveredAt } : {}),
      }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { id: string }).id
  }

  it('says which duties were due before it was recorded, and none for an incident recorded in time', async () => {
    const late = await open(new Date(Date.now() - 40 * 60_000).toISOString())
    const timely = await open()
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${late}`)
    const hint = page.locator('#owed [data-due-before-opened]').first()
    await hint.waitFor()
    expect(await hint.textContent()).toContain('立案前已到期')
    // Held, not yet recorded as overdue: not when drawn, nor once the one-second ticker
    // has repainted its countdown (it turned the row red a second after it was drawn).
    expect(await page.locator('#owed tr.overdue').count()).toBe(0)
    await page.waitForTimeout(1_500)
    expect(await page.locator('#owed tr.overdue').count()).toBe(0)
    await page.screenshot({ path: `${SHOTS}/late-entry.png` })
    await page.goto(`${suite.server.base}/#/incidents/${timely}`)
    await page.locator('#owed tr[data-obligation]').first().waitFor()
    expect(await page.locator('#owed [data-due-before-opened]').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
