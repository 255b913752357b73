/**
 * The list's filters live in its address (#/?plan=…&phase=…&q=…): a reload and a shared link
 * show the same list with the same filters in the form, back and forward step through the
 * filters applied, the way back from an incident keeps them, and 清除条件 returns to #/.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const TAG = `地址筛选-${Math.random().toString(36).slice(2, 8)}`

describe.skipIf(!chromiumAvailable())('the list’s filters in its address', () => {
  const suite = consoleSuite()

  const titles = (page: Page) => page.locator('#incidents tbody tr td:first-child a').allTextContents()
  const until = (page: Page, want: string[]) =>
    expect.poll(async () => (await titles(page)).sort(), { timeout: 15_000 }).toEqual(want)
  const form = (page: Page) => page.locator('form.filters')
  const fieldValue = (page: Page, name: string) => form(page).locator(`[name="${name}"]`).inputValue()
  const apply = (page: Page) => page.getByRole('button', { name: '筛选', exact: true }).click()
  const hashOf = (page: Page) => new URL(page.url()).hash

  it('keeps them through a reload, a shared link, back and forward, and an incident visited', async () => {
    const nanning = `${TAG} 南宁`
    const neixiang = `${TAG} 内乡`
    await suite.api('office', 'POST', '/incidents', { planId: 'nanning-aic-2017', title: nanning })
    await suite.api('office', 'POST', '/incidents', { planId: 'neixiang-2017', title: neixiang })
    const page = await suite.page()
    await signIn(page, 'office')
    await form(page).locator('[name="plan"] option[value="nanning-aic-2017"]').waitFor({ state: 'attached' })

    await form(page).locator('[name="plan"]').selectOption('nanning-aic-2017')
    await form(page).locator('[name="phase"]').selectOption('')
    await form(page).locator('[name="q"]').fill(TAG)
    await apply(page)
    await until(page, [nanning])
    const filtered = new URLSearchParams(hashOf(page).replace(/^#\/\?/, ''))
    expect(Object.fromEntries(filtered)).toEqual({ plan: 'nanning-aic-2017', phase: 'any', q: TAG })
    expect(await page.locator('h1').textContent()).toBe('全部事件')

    // A reload shows the same list, the form filled in as it was.
    await page.reload()
    await until(page, [nanning])
    await expect.poll(() => fieldValue(page, 'plan')).toBe('nanning-aic-2017')
    expect(await fieldValue(page, 'phase')).toBe('')
    expect(await fieldValue(page, 'q')).toBe(TAG)

    // Another filter applied; back returns to the one before, forward to it again.
    await form(page).locator('[name="plan"]').selectOption('')
    await apply(page)
    await until(page, [nanning, neixiang].sort())
    expect(hashOf(page)).not.toContain('plan=')
    await page.goBack()
    await until(page, [nanning])
    expect(await fieldValue(page, 'plan')).toBe('nanning-aic-2017')
    await page.goForward()
    await until(page, [nanning, neixiang].sort())
    expect(await fieldValue(page, 'plan')).toBe('')
    await page.goBack()
    await until(page, [nanning])

    // An incident visited: the way back to the list keeps the filters.
    const shared = page.url()
    await page.locator('#incidents a', { hasText: nanning }).click()
    await page.locator('#phase').waitFor()
    await page.getByRole('link', { name: '返回事件列表' }).click()
    await until(page, [nanning])
    expect(page.url()).toBe(shared)

    // A shared link opens on the same list for a colleague, once signed in.
    const colleague = await suite.page()
    await colleague.goto(shared)
    await signIn(colleague, 'leader')
    await until(colleague, [nanning])
    await expect.poll(() => fieldValue(colleague, 'q')).toBe(TAG)

    // 清除条件: the defaults, at #/.
    await page.getByRole('button', { name: '清除条件' }).click()
    await expect.poll(() => hashOf(page)).toBe('#/')
    expect(await fieldValue(page, 'q')).toBe('')
    expect(await fieldValue(page, 'phase')).toBe('open')
    expect(scriptErrors(page)).toEqual([])
    expect(scriptErrors(colleague)).toEqual([])
    await page.context().close()
    await colleague.context().close()
  })
})
