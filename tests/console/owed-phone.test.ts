/**
 * The owed list on a phone (390 px wide): its six columns squeezed into the screen left a
 * duty's name a few characters a line and its clause and due time unreadable. Narrow, each
 * duty is a card: its name across the width, then each of its cells on a line of its own,
 * named by its column (应办者, 截止, 倒计时, 依据), nothing wider than the screen.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

/** What these checks read of the page (the tests compile without the DOM library). */
interface Win {
  document: { documentElement: { clientWidth: number; scrollWidth: number } }
  getComputedStyle(e: unknown, pseudo?: string): { content: string; display: string }
}

describe.skipIf(!chromiumAvailable())('the owed list on a phone', () => {
  const suite = consoleSuite()

  it('stacks each duty’s cells across the width of a 390 px screen, each named by its column', async () => {
    const v = await suite.api('office', 'POST', '/incidents', {
      planId: 'neixiang-2017',
      title: '手机上查看的舆情',
      severity: 'major',
      severityReason: '值班研判',
    })
    const page = await suite.page({ width: 390, height: 844 })
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${v.id}`)
    const rows = page.locator('#owed tbody tr')
    await rows.first().waitFor()
    await page.screenshot({ path: `${SHOTS}/owed-phone.png` })
    await page.locator('#owed-list').screenshot({ path: `${SHOTS}/owed-phone-list.png` })
    const screen = await page.evaluate(
      () => (globalThis as unknown as Win).document.documentElement.clientWidth,
    )
    // Nothing on the page is wider than the screen, nor the list inside its box (it was 529 px
    // wide there, the clause and the buttons to be scrolled to sideways).
    expect(
      await page.evaluate(() => (globalThis as unknown as Win).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(screen)
    const list = await page.locator('#owed').boundingBox()
    expect(list?.width).toBeLessThanOrEqual(screen)
    const cells = await rows.evaluateAll((trs) =>
      trs.flatMap((tr) =>
        [...tr.children].map((c) => ({
          row: tr.getAttribute('data-obligation'),
          tag: c.tagName,
          width: c.getBoundingClientRect().width,
          text: (c.textContent ?? '').trim(),
          label: (globalThis as unknown as Win).getComputedStyle(c, '::before').content,
        })),
      ),
    )
    expect(cells.length).toBeGreaterThan(6 * 3)
    for (const c of cells) {
      // Each cell across the card (not a sixth of the screen): its words read in lines, not columns.
      expect(c.width, `${c.row} ${c.tag} ${c.text}`).toBeGreaterThan((list?.width ?? 0) * 0.8)
    }
    // Each cell but the name and the buttons says which column it is.
    const named = cells.filter((c) => c.tag === 'TD' && c.text !== '' && c.label !== 'none')
    for (const label of ['应办者', '截止', '倒计时', '依据'])
      expect(
        named.some((c) => c.label.includes(label)),
        label,
      ).toBe(true)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('keeps the table with its columns on a wide screen', async () => {
    const v = await suite.api('office', 'POST', '/incidents', {
      planId: 'neixiang-2017',
      title: '电脑上查看的舆情',
      severity: 'major',
      severityReason: '值班研判',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${v.id}`)
    await page.locator('#owed tbody tr').first().waitFor()
    expect(await page.locator('#owed thead').isVisible()).toBe(true)
    const display = await page
      .locator('#owed tbody tr')
      .first()
      .evaluate((tr) => (globalThis as unknown as Win).getComputedStyle(tr).display)
    expect(display).toBe('table-row')
    await page.context().close()
  })
})
