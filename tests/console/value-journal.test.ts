/**
 * An auditor comparing the console's incident page with the plan page and the incident report sees
 * one name for a recipient: neixiang-2017's group is its rules' 县网络舆情应急处置工作领导小组 in the
 * REPORT form's choices, in the journal and in GET /incidents/:id/report alike (the console once
 * said 领导小组, from the field's description), what the description says besides a name (仅县委办、
 * 县政府办) is the form's hint; the English console names it in English wherever it shows it
 * (plan-language.js); nanchong-npc-2022's REPORT form names 市公安部门 and 市委宣传部 as its rules do.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, fill, SHOTS, scriptErrors, signIn, TOKENS } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const GROUP = '县网络舆情应急处置工作领导小组'

describe.skipIf(!run)('a recipient on the incident page and in the report', () => {
  const suite = consoleSuite()

  it('is named by the plan’s rules in the REPORT form, the journal and the report, in zh and en', async () => {
    const { id } = await suite.api('office', 'POST', '/incidents', {
      planId: 'neixiang-2017',
      title: `报送对象 ${Math.random().toString(36).slice(2, 8)}`,
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#actions button[data-event="REPORT"]').click()
    const form = page.locator('form[data-event="REPORT"]')
    const to = form.locator('[data-path="to"]')
    expect(await to.locator('input[value="group"] + label').textContent()).toBe(GROUP)
    expect(await to.locator('input[value="higher"] + label').textContent()).toBe('上级有关部门')
    expect(await to.locator('.hint').textContent()).toContain('上级有关部门（仅县委办、县政府办）')
    await to.screenshot({ path: `${SHOTS}/value-report-form.png` })
    await fill(form, { to: ['group'], proposal: '网民反映补贴发放迟缓，建议核实后回应' })
    await form.locator('button[type="submit"]').click()
    await form.waitFor({ state: 'detached' })
    const named = page.locator('#journal > li[data-type="REPORT"] dt[title="to"] + dd')
    await expect.poll(() => named.textContent()).toBe(GROUP)

    const res = await fetch(`${suite.server.base}/incidents/${id}/report`, {
      headers: { authorization: `Bearer ${TOKENS.auditor}` },
    })
    expect(await res.text()).toContain(`报送对象：${GROUP}`)

    // English: the journal drawn again (its author's role in English), the recipient in English.
    await page.locator('#lang-toggle').click()
    const who = page.locator('#journal > li[data-type="REPORT"] .who')
    await expect.poll(() => who.textContent()).toContain('(office)')
    expect(await named.textContent()).toBe('County leading group')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('names nanchong-npc-2022’s departments as its rules do: 市公安部门, 市委宣传部', async () => {
    const { id } = await suite.api('office', 'POST', '/incidents', {
      planId: 'nanchong-npc-2022',
      title: `相关部门 ${Math.random().toString(36).slice(2, 8)}`,
      severity: 'general',
      severityReason: '关注度较高',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#actions button[data-event="REPORT"]').click()
    const to = page.locator('form[data-event="REPORT"] [data-path="to"]')
    expect(await to.locator('input[value="police"] + label').textContent()).toBe('市公安部门')
    expect(await to.locator('input[value="propaganda"] + label').textContent()).toBe('市委宣传部')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
