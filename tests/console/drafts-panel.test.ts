/**
 * The incident page lists its drafts (稿件): each with its purpose in the plan's words, its
 * author, its text, the approvals given (who, when) and those still missing, and where it
 * stands — a duty officer once saw a draft only inside forms and the journal, and 已有审批 —
 * named no draft. neixiang-2017, a political_mass incident: a release draft owes the group's
 * 统一解释口径 and 县委宣传部's 审定 (第七條3, 第二條4).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('the incident page’s drafts', () => {
  const suite = consoleSuite()

  it('shows a draft’s purpose, author, text, approvals given and missing, and its status as it changes', async () => {
    const { id } = await suite.api('office', 'POST', '/incidents', {
      planId: 'neixiang-2017',
      title: '稿件列表',
      severity: 'general',
      severityReason: '研判',
      category: 'political_mass',
    })
    await suite.api('office', 'POST', `/incidents/${id}/events`, {
      type: 'DRAFT',
      purpose: 'release',
      content: '关于网传情况的说明：经核实……',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    const row = page.locator('#drafts tr[data-draft="d1"]')
    await row.waitFor()
    const text = async () => (await row.textContent()) ?? ''
    expect(await text()).toContain('关于网传情况的说明')
    expect(await text()).toContain('张办公')
    expect(await text()).toContain('发布信息')
    expect(await text()).toMatch(/尚缺：领导小组审定统一解释口径、县委宣传部审定/)
    expect(await text()).toContain('待审批')

    // The group's approval, given elsewhere, shows on the open page (live) with who gave it.
    await suite.api('group', 'POST', `/incidents/${id}/events`, { type: 'AGREE_LINE', draftId: 'd1' })
    await expect.poll(text, { timeout: 10_000 }).toMatch(/领导小组审定统一解释口径：.+（领导小组）/)
    expect(await text()).toMatch(/尚缺：县委宣传部审定/)
    expect(await text()).not.toMatch(/尚缺：领导小组审定/)
    await page.locator('#drafts').screenshot({ path: join(SHOTS, 'drafts.png') })

    await page.locator('#lang-toggle').click()
    await expect.poll(text).toContain('awaiting approval')
    expect(await text()).toContain('missing: ')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  }, 90_000)
})
