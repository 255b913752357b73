/**
 * The console's plan page (views/plan-obligations.js) in a real browser says of every rule what
 * the plan page's tables say (src/diagrams/again-words.ts `againWords`, one table of words:
 * src/console/static/rule-words.js) — when it is owed again after which event (by the plan's
 * label, not its code), after a breach, a change of category or a fact turning true, `keyedBy`,
 * `dischargeOne`, a category (涉事原因：…) — in zh-CN and in English (lists with `, `), and its
 * short columns read whole: 报告 on one line, a role (领导小组, not 领导小 / 组) or a due rule not broken
 * into one or two characters a line.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { againWords } from '../../src/diagrams/again-words.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

/** Lines each cell of `selector` takes on the page (one rectangle per line of its text). */
async function linesOf(page: Page, selector: string) {
  const cells = await page.locator(selector).evaluateAll((cells) =>
    cells.map((c) => {
      const range = c.ownerDocument.createRange()
      range.selectNodeContents(c)
      return { text: c.textContent ?? '', lines: new Set([...range.getClientRects()].map((r) => r.top)).size }
    }),
  )
  expect(cells.length, selector).toBeGreaterThan(0)
  return cells
}

async function openPlan(page: Page, planId: string) {
  await page.goto(`${page.url().split('#')[0]}#/plans/${planId}`)
  await page.locator('.obligation-tables tr[data-rule]').first().waitFor()
}

describe.skipIf(!run)('the console’s plan page words every rule as the plan page does', () => {
  const suite = consoleSuite()

  it('nanchong-npc-2022 and nanning-aic-2017: every option in the plan page’s words, no event code, short columns whole', async () => {
    const page = await suite.page()
    await signIn(page, 'auditor')
    for (const planId of ['nanchong-npc-2022', 'nanning-aic-2017']) {
      const plan = getPlan(planId)
      if (!plan) throw new Error(`${planId} missing`)
      await openPlan(page, planId)
      for (const o of describeObligations(plan).obligations) {
        const cell = page.locator(`.obligation-tables tr[data-rule="${o.id}"] td:last-child`).first()
        const text = (await cell.textContent()) ?? ''
        for (const w of againWords(plan, o)) expect(text, `${planId} ${o.id}`).toContain(w)
        for (const e of plan.events) expect(text, `${planId} ${o.id}`).not.toContain(`${e.type} 后`)
      }
      for (const c of await linesOf(page, '.obligation-tables td.kind')) expect(c.lines, c.text).toBe(1)
      for (const c of await linesOf(page, '.obligation-tables td.owed-by .role'))
        expect(c.lines, c.text).toBe(1)
      for (const c of await linesOf(page, '.obligation-tables td.due .due-rule'))
        expect(c.lines, c.text).toBeLessThanOrEqual(2)
      for (const c of await linesOf(page, '.obligation-tables td.due .due-clock'))
        expect(c.lines, c.text).toBeLessThanOrEqual(2)
    }
    const block = page.locator('.obligation-tables tr[data-rule="block"]').first()
    await openPlan(page, 'nanchong-npc-2022')
    expect(await block.locator('td:last-child').textContent()).toContain(
      '按市网信办同意封堵的“同意封堵的信息（须已报请）”所列每项各应办一项，以“封堵对象（网址或标题）”为该项的封堵处理办结',
    )
    // A category is named as the plan page names it (涉事原因：…), not bare.
    expect(
      await page
        .locator('.obligation-tables tr[data-rule="offline:demand"] td:last-child')
        .first()
        .textContent(),
    ).toBe('涉事原因：诉求')
    await block.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-rule-words.png` })

    // The English toggle: the console's own words in English, and the plan's events and fields
    // (plan-language.js); the conditions as the plan gives them.
    await page.locator('#lang-toggle').click()
    await openPlan(page, 'nanchong-npc-2022')
    const en = (await block.locator('td:last-child').textContent()) ?? ''
    expect(en).toContain('owed again after City cyberspace office consents to blocking')
    expect(en).toContain(
      'owed once for each entry of “Information consented to be blocked (must have been requested)”',
    )
    expect(en).not.toMatch(/再次应办|CAC_CONSENT_BLOCK|\btargets?\b/)
    expect(await block.locator('td.kind').textContent()).toBe('step')
    const accountability = page.locator('.obligation-tables tr[data-rule="offline:accountability"]').first()
    expect(await accountability.locator('td.owed-by').textContent()).toBe('leading group, unit')
    const group = page.locator('.obligation-tables tr[data-rule="report:group"]').first()
    expect(await group.locator('td.due').textContent()).toBe('10 minutes from discovery,round the clock')
    expect(await group.locator('td:last-child').textContent()).toContain(
      'one owed and already breached: a rise begins another beside it',
    )
    await block.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-rule-words-en.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
