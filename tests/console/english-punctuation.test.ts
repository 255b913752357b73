/**
 * The console in English writes its own sentences with English punctuation: a list of roles
 * is "office, unit" (not "office、unit"), a parenthesis " (saws-2014 v12)" (not "（…）"), a
 * label's colon ": "; in Chinese the same places keep 、（）：. Texts quoted from a plan (its
 * labels, its clauses) keep the plan's own punctuation in both.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { chromiumAvailable, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const TERMS = '../../src/console/static/i18n-terms.js'
const { terms } = (await import(TERMS)) as {
  terms: Record<'zh' | 'en', Record<string, Record<string, string>>>
}

interface Owed {
  id: string
  status: string
  owedBy: string[]
}

describe.skipIf(!chromiumAvailable())('the console’s own punctuation follows its language', () => {
  const suite = consoleSuite()

  async function openIncident(page: Page, id: string) {
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#owed-list').waitFor()
    await page.locator('#phase').waitFor()
  }

  it('lists roles with ", " and puts the plan version in ASCII parentheses in English; 、 and （） in Chinese', async () => {
    // Every current plan: an incident whose owed list has an obligation owed by two roles or more.
    const cases: Array<{ id: string; owed: Owed; title: string; planId: string; version: number }> = []
    for (const plan of currentPlans()) {
      const view = await suite.api<{ id: string; obligations: Owed[] }>('office', 'POST', '/incidents', {
        planId: plan.id,
        title: `标点 ${plan.id}`,
      })
      const owed = view.obligations.find((o) => o.status === 'owed' && o.owedBy.length >= 2)
      if (owed) cases.push({ id: view.id, owed, title: plan.title, planId: plan.id, version: plan.version })
    }
    expect(cases.length, 'a current plan owes something to two roles at its opening').toBeGreaterThan(0)

    const page = await suite.page()
    await signIn(page, 'office')
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
      for (const c of cases) {
        await openIncident(page, c.id)
        const row = page.locator(`#owed tr[data-obligation="${c.owed.id}"]`)
        const roles = c.owed.owedBy.map((r) => terms[lang].role?.[r] ?? r)
        expect(await row.locator('td').first().textContent(), `${c.planId} ${lang}`).toBe(
          roles.join(lang === 'en' ? ', ' : '、'),
        )
        const planLine = `${c.title}${lang === 'en' ? ` (${c.planId} v${c.version})` : `（${c.planId} v${c.version}）`}`
        expect(await page.locator('body').textContent(), `${c.planId} ${lang}`).toContain(planLine)
      }
    }
    await page.screenshot({ path: 'test-output/console/english-punctuation.png', fullPage: false })
  })
})
