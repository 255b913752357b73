/**
 * The evidence panel in a real browser against the real server: upload a file with a
 * note, see it listed with its hash, size, type, who and when, verify the journal, and
 * see the file name shown verbatim (never as markup). An auditor gets no upload form.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, signOut, TOKENS } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('the evidence panel', () => {
  const suite = consoleSuite()

  it('uploads a file, lists it with its hash, and verifies the journal', async () => {
    const res = await fetch(`${suite.server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ planId: 'neixiang-2017', title: '证据面板测试' }),
    })
    const { id } = (await res.json()) as { id: string }
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#evidence').waitFor()
    await expect(page.locator('#evidence').textContent()).resolves.toContain('尚未上传证据文件')

    const content = '<img src=x onerror=alert(1)> 截图'
    const name = '<b onclick=alert(1)>页面.html'
    await page.locator('#evidence-form input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/html',
      buffer: Buffer.from(content),
    })
    await page.locator('#evidence-form input[name="note"]').fill('发帖页面存档')
    await page.locator('#evidence-form button[type="submit"]').click()
    const sha = createHash('sha256').update(content).digest('hex')
    const row = page.locator(`#evidence-table tr[data-sha256="${sha}"]`)
    await row.waitFor()
    const cells = await row.locator('td').allTextContents()
    expect(cells.slice(0, 4)).toEqual([name, sha, `${Buffer.byteLength(content)} B`, 'text/html'])
    expect(cells[4]).toContain('张办公')
    expect(cells[6]).toBe('发帖页面存档')
    expect(await page.locator('#evidence b').count()).toBe(0)

    await page.getByRole('button', { name: '校验', exact: true }).click()
    const result = page.locator('#verify-result[data-ok="true"]')
    await result.waitFor()
    expect(await result.textContent()).toMatch(/校验通过：2 条记录.*链头 [0-9a-f]{64}/)
    await page.locator('#evidence').screenshot({ path: join(SHOTS, 'evidence.png') })

    await signOut(page)
    await signIn(page, 'auditor')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await row.waitFor()
    expect(await page.locator('#evidence-form').count()).toBe(0)
    await page.getByRole('button', { name: '校验', exact: true }).click()
    await result.waitFor()
    expect(scriptErrors(page)).toEqual([])
  }, 90_000)
})
