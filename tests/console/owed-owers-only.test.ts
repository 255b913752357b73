/**
 * The owed list offers a duty's 办理 only to a role that owes it (`owedBy`), for every kind of
 * duty, not steps alone: nanchong-npc-2022's first report (三(二), owed by 舆情监测、办公室) was
 * offered to 领导小组 too, whose REPORT the plan refuses (逐级报送: 409). The group is told whose
 * it is instead, and pointed to the actions box where its own REPORT stays offered.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

describe.skipIf(!chromiumAvailable())('the owed list offers a duty to its owers only', () => {
  const suite = consoleSuite()

  it('the group sees no 办理 on the report owed by 舆情监测、办公室; the office does', async () => {
    const { id } = await suite.api('office', 'POST', '/incidents', {
      planId: 'nanchong-npc-2022',
      title: `谁报告 ${Math.random().toString(36).slice(2, 8)}`,
      severity: 'major',
      severityReason: '关注度较高',
    })
    const page = await suite.page()
    const report = page.locator('#owed tr[data-obligation="report:group#1"]')
    const open = async (who: 'group' | 'office') => {
      await signIn(page, who)
      await page.goto(`${suite.server.base}/#/incidents/${id}`)
      await page.locator('#owed').waitFor()
      await page.locator('#phase').waitFor()
    }
    await open('group')
    expect(await report.getAttribute('data-owed-by')).toBe('monitor office')
    expect(await report.locator('button[data-discharge]').count()).toBe(0)
    const hint = await report.locator('td').last().textContent()
    expect(hint).toContain('需由舆情监测、办公室办理')
    expect(hint).toContain('可执行的操作')
    await page.context().close()

    const page2 = await suite.page()
    await signIn(page2, 'office')
    await page2.goto(`${suite.server.base}/#/incidents/${id}`)
    await page2.locator('#owed').waitFor()
    expect(
      await page2.locator('#owed tr[data-obligation="report:group#1"] button[data-discharge]').count(),
    ).toBe(1)
    await page2.context().close()
  })
})
