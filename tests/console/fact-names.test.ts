/**
 * The console names a fact as the plan page does (src/console/static/fact-words.js) on every
 * page, for the incident's or the chosen plan's version: hrss-city's 跨地区传播 for `crossRegion`
 * in the new-incident form, the incident's 传播数据 line, the 监测数据更新 form (METRICS_UPDATED)
 * and a refusal naming the field (problems.js fieldName), nanning-aic-2017's 跨市区 (四(三)) in the
 * new-incident form; a plan with no word of its own says the plan page's shared word (跨市区, not
 * a second word of the console's), every fact alike; English keeps the vocabulary's words.
 */
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { callApi, chromiumAvailable, SHOTS, scriptErrors, signIn, signOut } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

const labelOf = (form: Locator, path: string) =>
  form.locator(`[data-path="${path}"] label`).first().textContent()

async function choosePlan(form: Locator, planId: string) {
  await form.locator('[data-path="planId"] select').selectOption(planId)
  await form.locator('[data-path="facts.crossRegion"] input').waitFor()
}

describe.skipIf(!run)('the console names facts in the plan’s own words on every page', () => {
  const suite = consoleSuite()

  it('hrss-city: 跨地区传播 in the new-incident form, the summary, METRICS_UPDATED and a refusal; the others 跨市区, as their plan pages', async () => {
    const page = await suite.page()
    await signIn(page, 'office')
    await page.getByRole('navigation').getByRole('link', { name: '新建事件' }).click()
    const form = page.locator('form').filter({ has: page.locator('[data-path="planId"]') })

    await choosePlan(form, 'saws-2014')
    await expect.poll(() => labelOf(form, 'facts.crossRegion')).toContain('跨市区')
    expect(await labelOf(form, 'facts.largeImageImpact')).toContain('对整体形象有较大影响')
    // Every fact of every plan: the console's word is the plan page's (fact-words.js), code aside.
    const mismatches = await page.evaluate(`Promise.all([
      import('/console/fact-names.js'), import('/console/fact-words.js'),
    ]).then(([names, words]) => ['saws-2014', 'hrss-city', 'nanning-aic-2017', 'neixiang-2017', 'nanchong-npc-2022']
      .flatMap((plan) => Object.keys(words.FACT_WORDS).map((fact) => [plan, fact, names.factName(fact, plan),
        words.factWord(plan, fact).replace('（' + fact + '）', '')]))
      .filter(([, , console, planPage]) => console !== planPage))`)
    expect(mismatches).toEqual([])
    await choosePlan(form, 'hrss-city')
    await expect.poll(() => labelOf(form, 'facts.crossRegion')).toContain('跨地区传播')
    expect(await labelOf(form, 'facts.crossRegion')).not.toContain('跨区域')
    await form
      .locator('[data-path="facts.crossRegion"]')
      .screenshot({ path: join(SHOTS, 'fact-names-new.png') })
    await choosePlan(form, 'nanning-aic-2017')
    await expect.poll(() => labelOf(form, 'facts.crossRegion')).toContain('跨市区')

    const { id } = await callApi<{ id: string }>(suite.server, 'monitor', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: '跨地区传播的舆情',
      severity: 'general',
      severityReason: '关注度较高',
      facts: { reposts: 120, crossRegion: true },
    })
    await signOut(page)
    await signIn(page, 'monitor')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    const summary = page.locator('dl.summary')
    await summary.waitFor()
    await expect.poll(() => summary.textContent()).toContain('跨地区传播：是')
    expect(await summary.textContent()).not.toContain('跨区域')
    // The journal's OPENED entry names the facts it was opened with, in the same words.
    const openedFacts = page.locator('#journal > li[data-type="OPENED"] dt[title="facts"] + dd')
    await expect.poll(() => openedFacts.textContent()).toContain('跨地区传播：是')
    expect(await openedFacts.textContent()).toContain('120')
    // A refusal naming the field (problems.js fieldName) on this incident's page.
    const named = await page.evaluate(
      `import('/console/problems.js').then((m) => m.fieldName('facts.crossRegion'))`,
    )
    expect(named).toBe('跨地区传播')

    await page.locator('#actions button[data-event="METRICS_UPDATED"]').click()
    const metrics = page.locator('form[data-event="METRICS_UPDATED"]')
    expect(await labelOf(metrics, 'facts.crossRegion')).toContain('跨地区传播')
    await summary.screenshot({ path: join(SHOTS, 'fact-names-summary.png') })
    await metrics.screenshot({ path: join(SHOTS, 'fact-names-metrics.png') })

    // English: the console's vocabulary.
    await page.locator('#lang-toggle').click()
    await expect.poll(() => page.locator('dl.summary').textContent()).toContain('Crosses regions: yes')
    const inEnglish = await page
      .locator('#journal > li[data-type="OPENED"] dt[title="facts"] + dd')
      .textContent()
    expect(inEnglish).toContain('Crosses regions: yes')
    expect(inEnglish).not.toContain('；')
    // A form's grade choices (SET_SEVERITY's) in English are the vocabulary's, none the plan's Chinese.
    const grades = await page.evaluate(
      `import('/console/form.js').then((m) => ['general', 'large', 'major', 'critical'].map((c) => m.enumLabel(c, {}, 'severity')))`,
    )
    expect(grades).toEqual(['general', 'large', 'major', 'critical'])
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  }, 90_000)
})
