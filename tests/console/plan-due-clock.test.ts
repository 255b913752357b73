/**
 * The console's plan page says of every due rule what the plan page's tables say of its clock
 * (src/diagrams/plan-tables.ts, one table of words: src/console/static/due-words.js):
 * 自然时间（不扣除非工作时间） for minutes and hours, 工作时间（非工作时间顺延） for working hours and
 * working days (nanning-aic-2017's 3 个工作小时 and 5 个工作日, nanchong-npc-2022's 5 个工作日 from version 14); in
 * English with the English toggle, where the clock's words read on one line below the due rule
 * at the console's usual 1280 px width (they took two).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { CLOCK_WORDS, clockWords } from '../../src/console/static/due-words.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

async function openPlan(page: Page, planId: string) {
  await page.goto(`${page.url().split('#')[0]}#/plans/${planId}`)
  await page.locator('.obligation-tables tr[data-rule]').first().waitFor()
}

/** Lines each due cell's clock (`.due-clock`) takes on the page: one rectangle per line of its text. */
async function clockLines(page: Page) {
  const cells = await page.locator('.obligation-tables td.due .due-clock').evaluateAll((cells) =>
    cells.map((c) => {
      const range = c.ownerDocument.createRange()
      range.selectNodeContents(c)
      return { text: c.textContent ?? '', lines: new Set([...range.getClientRects()].map((r) => r.top)).size }
    }),
  )
  expect(cells.length).toBeGreaterThan(0)
  return cells
}

/** Every rule's due cell on the page against its clock's words in `lang`. */
async function checkClocks(page: Page, planId: string, lang: 'zh' | 'en') {
  const plan = getPlan(planId)
  if (!plan) throw new Error(`${planId} missing`)
  const seen = new Set<string>()
  for (const o of describeObligations(plan).obligations) {
    const cells = page.locator(`.obligation-tables tr[data-rule="${o.id}"] td.due`)
    const text = (await cells.first().textContent()) ?? ''
    if (!o.due) {
      for (const w of Object.values(CLOCK_WORDS[lang])) expect(text, `${planId} ${o.id}`).not.toContain(w)
      continue
    }
    const words = clockWords(o.due, lang)
    expect(text, `${planId} ${o.id}`).toContain(words)
    seen.add(words)
  }
  return seen
}

describe.skipIf(!run)('the console’s plan page says what the due time’s clock counts', () => {
  const suite = consoleSuite()

  it('nanchong-npc-2022 and nanning-aic-2017: 自然时间 or 工作时间 on every due rule, in zh and English', async () => {
    const page = await suite.page()
    await signIn(page, 'auditor')
    await openPlan(page, 'nanchong-npc-2022')
    // Version 14 counts 三(四)4's investigation and accountability in working days (5 个工作日).
    expect(await checkClocks(page, 'nanchong-npc-2022', 'zh')).toEqual(
      new Set(['自然时间（不扣除非工作时间）', '工作时间（非工作时间顺延）']),
    )
    await openPlan(page, 'nanning-aic-2017')
    expect(await checkClocks(page, 'nanning-aic-2017', 'zh')).toContain('工作时间（非工作时间顺延）')
    const working = page.locator('.obligation-tables td.due', { hasText: '个工作日' }).first()
    await working.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-due-clock.png` })

    await page.locator('#lang-toggle').click()
    await openPlan(page, 'nanning-aic-2017')
    const en = await checkClocks(page, 'nanning-aic-2017', 'en')
    expect(en).toEqual(new Set(Object.values(CLOCK_WORDS.en)))
    expect(page.viewportSize()?.width).toBe(1280)
    for (const c of await clockLines(page)) expect(c.lines, c.text).toBe(1)
    await page
      .locator('.obligation-tables td.due', { hasText: 'working days' })
      .first()
      .scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-due-clock-en.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
