/**
 * The categories (涉事原因) the new-incident form offers are the chosen plan's: what its
 * category step (SET_CATEGORY) accepts as GET /plans/:id describes it, not a list of the
 * console's own. neixiang-2017's include political_mass (第二條4); a plan whose step does
 * not take a category is not offered it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { callApi, chromiumAvailable, type Server, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

interface PlanEvent {
  type: string
  schema: { properties?: { category?: { enum?: string[] } } }
}

/** The categories the plan's SET_CATEGORY accepts, from the API the console reads too. */
async function planCategories(server: Server, planId: string): Promise<string[]> {
  const plan = await callApi<{ events: PlanEvent[] }>(server, 'office', 'GET', `/plans/${planId}`)
  return plan.events.find((e) => e.type === 'SET_CATEGORY')?.schema.properties?.category?.enum ?? []
}

/** The category codes the form offers now (the empty choice left out). */
const offeredCategories = (page: Page) =>
  page
    .locator('[data-path="category"] select option')
    .evaluateAll((options) =>
      options.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''),
    )

describe.skipIf(!run)('categories a plan takes', () => {
  const suite = consoleSuite()

  it('offers each plan the categories its category step accepts; neixiang-2017 political_mass among them', async () => {
    const page = await suite.page()
    await signIn(page, 'office')
    await page.getByRole('navigation').getByRole('link', { name: '新建事件' }).click()
    const plans = await callApi<{ items: { id: string }[] }>(suite.server, 'office', 'GET', '/plans')
    expect(plans.items.length).toBeGreaterThan(1)
    const select = page.locator('[data-path="planId"] select')
    await select.locator('option').first().waitFor({ state: 'attached' })
    // Each plan in turn, then back to the first: every choice redraws the list.
    for (const { id } of [...plans.items, plans.items[0]!]) {
      const expected = await planCategories(suite.server, id)
      expect(expected.length, id).toBeGreaterThan(0)
      await select.selectOption(id)
      await expect.poll(() => offeredCategories(page), { timeout: 10_000 }).toEqual(expected)
    }
    expect(await planCategories(suite.server, 'neixiang-2017')).toContain('political_mass')
    await select.selectOption('neixiang-2017')
    await expect.poll(() => offeredCategories(page), { timeout: 10_000 }).toContain('political_mass')
    // Shown by its name in the plan's words, not its code.
    expect(await page.locator('[data-path="category"] option[value="political_mass"]').textContent()).toBe(
      '重大政治性或群体性事件',
    )
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('keeps a category already chosen when the next plan takes it, and clears one it does not', async () => {
    const page = await suite.page()
    await signIn(page, 'office')
    await page.getByRole('navigation').getByRole('link', { name: '新建事件' }).click()
    const select = page.locator('[data-path="planId"] select')
    const category = page.locator('[data-path="category"] select')
    await select.selectOption('neixiang-2017')
    await category.locator('option[value="political_mass"]').waitFor({ state: 'attached' })
    await category.selectOption('rumor')
    await select.selectOption('saws-2014')
    await expect
      .poll(() => offeredCategories(page), { timeout: 10_000 })
      .toEqual(await planCategories(suite.server, 'saws-2014'))
    expect(await category.inputValue()).toBe('rumor')
    await select.selectOption('neixiang-2017')
    await category.locator('option[value="political_mass"]').waitFor({ state: 'attached' })
    await category.selectOption('political_mass')
    await select.selectOption('saws-2014')
    await expect
      .poll(() => offeredCategories(page), { timeout: 10_000 })
      .toEqual(await planCategories(suite.server, 'saws-2014'))
    const sawsTakesIt = (await planCategories(suite.server, 'saws-2014')).includes('political_mass')
    expect(await category.inputValue()).toBe(sawsTakesIt ? 'political_mass' : '')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
