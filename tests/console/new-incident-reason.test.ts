/**
 * The new-incident form and the grade's reason (API.md "Open an incident": a value that differs
 * from the computed grade needs `severityReason`). On a plan that computes no grade from the
 * facts (neixiang-2017) a grade with the reason left empty opens the incident; on a plan that
 * computes one (nanning-aic-2017, 25 reposts: 重大) a different grade still asks for the reason,
 * beside its field.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, fill, phaseShown, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const unique = () => Math.random().toString(36).slice(2, 8)

describe.skipIf(!run)('the grade and its reason in the new-incident form', () => {
  const suite = consoleSuite()

  it('opens a neixiang-2017 incident graded 一般 with no reason; a grade other than nanning-aic-2017 computes still asks one', async () => {
    const page = await suite.page()
    await signIn(page, 'office')
    await page.getByRole('navigation').getByRole('link', { name: '新建事件' }).click()
    const form = page.locator('form').filter({ has: page.locator('[data-path="planId"]') })

    await form.locator('[data-path="planId"] select').selectOption('nanning-aic-2017')
    await form.locator('[data-path="facts.reposts"] input').waitFor()
    await fill(form, { title: `网传某事 ${unique()}`, 'facts.reposts': '25' })
    await page.locator('output.preview[data-severity="major"]').waitFor()
    await form.locator('[data-path="severity"] select').selectOption('general')
    await form.getByRole('button', { name: '立案' }).click()
    const reasonError = form.locator('[data-path="severityReason"] > .field-error')
    await expect.poll(() => reasonError.textContent(), { timeout: 10_000 }).not.toBe('')
    expect(await form.locator('[data-path="severityReason"] textarea').getAttribute('aria-invalid')).toBe(
      'true',
    )

    await form.locator('[data-path="planId"] select').selectOption('neixiang-2017')
    await form.locator('[data-path="severity"] select option[value="general"]').waitFor({ state: 'attached' })
    const title = `网传某市场销售过期食品 ${unique()}`
    await fill(form, { title, severity: 'general' })
    expect(await form.locator('[data-path="severityReason"] textarea').inputValue()).toBe('')
    await form.getByRole('button', { name: '立案' }).click()
    expect(await phaseShown(page, 'discovery')).toBe('发现')
    expect(await page.locator('#incident-title').textContent()).toBe(title)
    expect(await page.locator('#severity').getAttribute('data-severity')).toBe('general')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
