/**
 * The DECIDE form offers the signed-in role only the decisions it may answer: those whose
 * `owedBy` names it (the engine refuses another's: 409, owed by others). 南宁市工商局预案 version 13, once
 * the group has decided the measures: 三(二)1 根据需要…网上评论 is the office's to judge
 * (decision:comments-office), 三(二)3's the units' (decision:comments-unit), 四(四) 视情况…沟通
 * the group's (decision:liaise). The
 * owed list opens only one's own decision; a role with none is told so beside the field, with
 * whose the owed ones are, in zh and in en.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { measuresDecided } from '../helpers/nanning-http.js'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, signOut, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

interface View {
  obligations: Array<{ id: string; rule: string; status: string; label: string; owedBy: string[] }>
}

describe.skipIf(!chromiumAvailable())('DECIDE offers the decisions the role may answer', () => {
  const suite = consoleSuite()
  const api = suite.api

  /** A nanning incident whose group decided the measures (a rumor: no categorisation counted in working hours). */
  const decided = () => measuresDecided(api, '农贸市场过期食品（谁作决定）')

  async function openAs(page: Page, who: Who, id: string) {
    await signIn(page, who)
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#owed-list').waitFor()
    await page.locator('#phase').waitFor()
  }
  /** The DECIDE form opened from the actions, and the decisions its select offers ([value, text]). */
  async function decideForm(page: Page) {
    await page.locator('#actions button[data-event="DECIDE"]').click()
    const form = page.locator('form[data-event="DECIDE"]')
    await form.locator('[data-path="decision"]').waitFor()
    const options = await form
      .locator('[data-path="decision"] option')
      .evaluateAll((os) => os.map((o) => [(o as unknown as { value: string }).value, o.textContent ?? '']))
    return { form, options: options.filter(([value]) => value !== '') }
  }

  it('the office its comment decision, the unit its own, the group the liaison; none: the form says so', async () => {
    const id = await decided()
    const view = await api<View>('auditor', 'GET', `/incidents/${id}`)
    const owed = (rule: string) => view.obligations.find((o) => o.rule === rule && o.status === 'owed')
    const comments = owed('decision:comments-office')
    const units = owed('decision:comments-unit')
    const liaise = owed('decision:liaise')
    expect(comments?.owedBy).toEqual(['office'])
    expect(units?.owedBy).toEqual(['unit', 'unitHead'])
    expect(liaise?.owedBy).toEqual(['group'])

    const page = await suite.page()
    await openAs(page, 'office', id)
    // The owed list: the office answers its own decision; the group's is the group's.
    const row = (rule: string) => page.locator(`#owed tr[data-obligation^="${rule}#"]`)
    expect(await row('decision:comments-office').locator('button[data-discharge]').count()).toBe(1)
    expect(await row('decision:comments-unit').locator('button[data-discharge]').count()).toBe(0)
    expect(await row('decision:liaise').locator('button[data-discharge]').count()).toBe(0)
    expect(await row('decision:liaise').locator('td').last().textContent()).toContain('需由领导小组办理')

    const office = await decideForm(page)
    expect(office.options).toEqual([['decision:comments-office', comments?.label]])
    await office.form.locator('[data-path="decision"] select').selectOption('decision:comments-office')
    await office.form.locator('[data-path="answer"] select').selectOption('no')
    await office.form.locator('[data-path="reason"] textarea').fill('评论以正面为主，无需引导')
    await office.form.screenshot({ path: `${SHOTS}/decide-roles-office.png` })
    await office.form.locator('button[type="submit"]').click()
    await office.form.waitFor({ state: 'detached' })

    // The office's answer is not the units': theirs is still offered them; answered, none is left.
    await signOut(page)
    await openAs(page, 'unit', id)
    expect((await decideForm(page)).options).toEqual([['decision:comments-unit', units?.label]])
    await api('unit', 'POST', `/incidents/${id}/events`, {
      type: 'DECIDE',
      decision: 'decision:comments-unit',
      answer: 'no',
      reason: '本单位无需组织评论',
    })
    await page.reload()
    await page.locator('#owed-list').waitFor()
    await page.locator('#phase').waitFor()
    const unit = await decideForm(page)
    expect(unit.options).toEqual([])
    const hint = unit.form.locator('[data-path="decision"] .hint')
    expect(await hint.textContent()).toBe(
      `您的角色当前没有待作出的决定。「${liaise?.label}」需由领导小组作出。`,
    )
    await unit.form.screenshot({ path: `${SHOTS}/decide-roles-none-zh.png` })
    await page.locator('#lang-toggle').click()
    await page.locator('#phase').waitFor()
    const en = await decideForm(page)
    expect(await en.form.locator('[data-path="decision"] .hint').textContent()).toBe(
      `Your role has no decision to take here right now. “${liaise?.label}” is for leading group to decide.`,
    )
    await en.form.screenshot({ path: `${SHOTS}/decide-roles-none-en.png` })
    await page.locator('#lang-toggle').click()
    await page.locator('#phase').waitFor()

    await signOut(page)
    await openAs(page, 'group', id)
    expect((await decideForm(page)).options).toEqual([['decision:liaise', liaise?.label]])
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
