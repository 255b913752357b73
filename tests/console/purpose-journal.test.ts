/**
 * An auditor comparing the console's incident page with the incident report sees one name for a
 * draft's purpose: hrss-city's press release is the plan's 通稿 (三第四步 根据通稿) in the DRAFT
 * form's choices, in the journal and in GET /incidents/:id/report alike (the console once said
 * 新闻通稿 where the report said 通稿), and the English toggle names it in English.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, fill, SHOTS, scriptErrors, signIn, TOKENS } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('a draft’s purpose on the incident page and in the report', () => {
  const suite = consoleSuite()

  it('is named 通稿 by the DRAFT form, the journal and the report, and in English by the toggle', async () => {
    const { id } = await suite.api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: `稿件用途 ${Math.random().toString(36).slice(2, 8)}`,
      severity: 'general',
      severityReason: '关注度较高',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#actions button[data-event="DRAFT"]').click()
    const form = page.locator('form[data-event="DRAFT"]')
    expect(await form.locator('[data-path="purpose"] option[value="pressRelease"]').textContent()).toBe(
      '通稿',
    )
    await fill(form, { purpose: 'pressRelease', content: '关于补贴发放的通报' })
    await form.locator('button[type="submit"]').click()
    await form.waitFor({ state: 'detached' })
    const purpose = page.locator('#journal > li[data-type="DRAFT"] dt[title="purpose"] + dd')
    await expect.poll(() => purpose.textContent()).toBe('通稿')

    const res = await fetch(`${suite.server.base}/incidents/${id}/report`, {
      headers: { authorization: `Bearer ${TOKENS.auditor}` },
    })
    expect(await res.text()).toMatch(/用途[^\n]*通稿/)

    await page.locator('#lang-toggle').click()
    await expect.poll(() => purpose.textContent()).toBe('press release')
    await page.screenshot({ path: `${SHOTS}/purpose-journal-en.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
