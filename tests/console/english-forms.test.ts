/**
 * The console in English shows the plan's events and their forms in English: the buttons, each
 * form's title, fields and choices (免除应办事项 WAIVE, 作出决定 DECIDE, 报告 REPORT's recipients),
 * the notice of one's own step, the journal and the plan page (the plan's own word beside). In either language a form names a field by its
 * name alone, never by its code (draftId, a fact's code).
 */
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, fill, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const HAN = /[\u4e00-\u9fff]/

/** The visible names a form gives: its title, every label and legend, every option and hint. */
const namesIn = (form: Locator) =>
  form
    .locator('h3, label, legend, option, .hint')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()).filter(Boolean))

/** Each field's label or legend with the path of its field (its code is the path's last part). */
const fieldLabels = (form: Locator) =>
  form
    .locator('[data-path]')
    .evaluateAll((boxes) =>
      boxes.map((box) => [
        box.getAttribute('data-path') ?? '',
        (
          box.querySelector(':scope > label, :scope > legend, :scope > span > label')?.textContent ?? ''
        ).trim(),
        box.querySelectorAll(':scope > label .code, :scope > legend .code').length,
      ]),
    ) as Promise<Array<[string, string, number]>>

async function openForm(page: Page, base: string, id: string, type: string) {
  await page.goto(`${base}/#/incidents/${id}/send/${type}`)
  const form = page.locator(`form[data-event="${type}"]`)
  await form.waitFor()
  return form
}

describe.skipIf(!chromiumAvailable())('event forms in the chosen language', () => {
  const suite = consoleSuite()

  it('in English: buttons, forms, fields, choices, the notice and the journal in English', async () => {
    const { id } = await suite.api('monitor', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: 'English forms',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.locator('#lang-toggle').click()
    await page.locator('html[lang="en"]').waitFor()
    const base = suite.server.base

    for (const type of ['WAIVE', 'DECIDE', 'REPORT', 'METRICS_UPDATED', 'KEEP_EVIDENCE', 'DRAFT']) {
      const form = await openForm(page, base, id, type)
      const chinese = (await namesIn(form)).filter((x) => HAN.test(x))
      expect(chinese, type).toEqual([])
      for (const [path, label, codes] of await fieldLabels(form)) {
        expect(codes, `${type}.${path}: a code beside its name`).toBe(0)
        expect(label, `${type}.${path}`).not.toBe(path.split('.').at(-1))
      }
    }
    const waive = await openForm(page, base, id, 'WAIVE')
    expect(await waive.locator('h3').textContent()).toContain('Waive an obligation')
    expect(await waive.locator('[data-path="obligation"] label').textContent()).toBe('Obligation *')
    await waive.screenshot({ path: join(SHOTS, 'en-waive-form.png') })
    const decide = await openForm(page, base, id, 'DECIDE')
    expect(await decide.locator('h3').textContent()).toContain('Take a decision')
    const report = await openForm(page, base, id, 'REPORT')
    expect(await report.locator('[data-path="to"] .check label').allTextContents()).toContain('Bureau office')
    await report.screenshot({ path: join(SHOTS, 'en-report-form.png') })

    // The buttons, the notice of one's own step and its journal entry name the event in English.
    const buttons = await page.locator('#actions button[data-event]').allTextContents()
    expect(buttons.length).toBeGreaterThan(0)
    expect(buttons.filter((x) => HAN.test(x))).toEqual([])
    const evidence = await openForm(page, base, id, 'KEEP_EVIDENCE')
    await fill(evidence, { kind: 'webpage', description: 'screenshot of the post', reference: 'sha256:1' })
    await evidence.locator('button[type="submit"]').click()
    await page.locator('#messages .message.ok', { hasText: 'Sent “Keep evidence”' }).waitFor()
    const entry = page.locator('#journal > li[data-type="KEEP_EVIDENCE"] .entry-head strong')
    await expect.poll(() => entry.textContent()).toBe('Keep evidence')
    await page.screenshot({ path: join(SHOTS, 'en-incident-events.png'), fullPage: true })

    // The plan page: the English name, and the plan's own word its text says beside it.
    await page.goto(`${base}/#/plans/nanning-aic-2017`)
    const waiveRow = page.locator('tr', { has: page.locator('code', { hasText: /^WAIVE$/ }) }).first()
    expect(await waiveRow.locator('td').nth(1).textContent()).toBe('Waive an obligation (免除应办事项)')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('in Chinese: fields by their names alone, no code beside them', async () => {
    const { id } = await suite.api('monitor', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: '字段名称',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    for (const type of ['REPORT', 'METRICS_UPDATED', 'WITHDRAW_DRAFT']) {
      const form = await openForm(page, suite.server.base, id, type)
      for (const [path, label, codes] of await fieldLabels(form)) {
        expect(codes, `${type}.${path}: a code beside its name`).toBe(0)
        expect(label, `${type}.${path}`).not.toContain(path.split('.').at(-1))
      }
    }
    const withdraw = page.locator('form[data-event="WITHDRAW_DRAFT"]')
    expect(await withdraw.locator('[data-path="draftId"] label').textContent()).toBe('稿件编号（如 d1） *')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
