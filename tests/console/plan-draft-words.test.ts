/**
 * The console's plan page (views/plan-obligations.js) in a real browser says of a rule written
 * from a draft (GET /plans/:id `usesDraft`: hrss-city's 网络评论文章, written from the 通稿) that the
 * draft's approval is still owed while the rule is and the draft has not gone out, and of an
 * approval asked only of drafts of some purposes (`purposes`: nanning-aic-2017's 单位主要负责人签署意见
 * for a 答复意见) which purposes — in the plan page's wording (rule-words.js), zh-CN and English,
 * purposes by the names the console gives a DRAFT's 用途 (purpose-words.js, the documents' too),
 * never by their codes, and in English by English words.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

/** The 条件 cell of `rule` in every grade's table of `planId`'s page, joined (one grade may lack the option). */
async function conditionOf(page: Page, planId: string, rule: string): Promise<string> {
  await page.goto(`${page.url().split('#')[0]}#/plans/${planId}`)
  const cells = page.locator(`.obligation-tables tr[data-rule="${rule}"] td:last-child`)
  await cells.first().waitFor()
  return (await cells.allTextContents()).join('\n')
}

describe.skipIf(!run)('the console’s plan page names a rule’s draft and an approval’s draft purposes', () => {
  const suite = consoleSuite()

  it('hrss-city usesDraft and nanning-aic-2017 purposes, in zh-CN and English', async () => {
    const page = await suite.page()
    await signIn(page, 'auditor')
    expect(await conditionOf(page, 'hrss-city', 'commentary')).toContain(
      '根据通稿撰写：待办且通稿未发出时，通稿的审批仍应办',
    )
    expect(await conditionOf(page, 'nanning-aic-2017', 'approval:unitSignOff')).toContain(
      '稿件用途：答复意见',
    )
    const online = await conditionOf(page, 'nanning-aic-2017', 'approval:groupApproval')
    expect(online).toContain('稿件用途：权威信息、初步回应')
    expect(online).not.toMatch(/initialResponse|\brelease\b/)
    await page
      .locator('.obligation-tables tr[data-rule="approval:groupApproval"]')
      .first()
      .scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-draft-words.png` })

    await page.locator('#lang-toggle').click()
    expect(await conditionOf(page, 'hrss-city', 'commentary')).toContain(
      'written from the press release: while this is owed and the press release has not gone out, its approvals are still owed',
    )
    expect(await conditionOf(page, 'nanning-aic-2017', 'approval:groupApproval')).toContain(
      'only for drafts whose purpose is authoritative information or initial response',
    )
    // The console's own parts of a condition are joined in English punctuation (not ；).
    expect(await conditionOf(page, 'nanning-aic-2017', 'approval:groupApproval')).toMatch(
      /initial response; cannot be waived/,
    )
    await page
      .locator('.obligation-tables tr[data-rule="approval:groupApproval"]')
      .first()
      .scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/plan-draft-words-en.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
