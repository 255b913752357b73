/**
 * A DECIDE refused because its decision is not owed now reaches the console in its reader's
 * language (src/console/static/decision-refusal.js, from the 409's `decision`): which decision,
 * by its label, and why — not asked yet (the condition it is asked on, in the plan's words), or
 * answered meanwhile by someone else (是/否 and when, in Beijing time), or owed by another
 * role than the reader's (whose it is: a 409 for a role among DECIDE's, API.md) — not the
 * generic 「未被接受…不能按所填内容由您办理」. 南宁市工商局预案 v11's decision:liaise (四(四)).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { plan as nanning } from '../../machines/nanning-aic-2017/index.js'
import { conditionWords } from '../../src/diagrams/labels.js'
import { reportFields } from '../helpers/nanning.js'
import { measuresDecided } from '../helpers/nanning-http.js'
import { chromiumAvailable, fill, SHOTS, scriptErrors, signIn, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const LIAISE = nanning.obligations.find((r) => r.id === 'decision:liaise')

describe.skipIf(!run)('a DECIDE of a decision not owed, in the console', () => {
  const suite = consoleSuite()

  const api = suite.api
  async function opened(title: string) {
    const { id } = await api('monitor', 'POST', '/incidents', { planId: 'nanning-aic-2017', title })
    const send = (who: Who, type: string, fields: Record<string, unknown> = {}) =>
      api(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
    return { id, send }
  }
  /** The DECIDE form of incident `id` opened by its link, as the group (or `who`). */
  async function decideForm(id: string, who: Who = 'group'): Promise<Page> {
    const page = await suite.page()
    await signIn(page, who)
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/DECIDE`)
    await page.locator('form[data-event="DECIDE"] [data-path="decision"]').waitFor()
    return page
  }
  async function refusal(page: Page): Promise<string> {
    const form = page.locator('form[data-event="DECIDE"]')
    await form.locator('button[type="submit"]').click()
    const error = form.locator('.form-error p')
    await error.waitFor()
    return (await error.textContent()) ?? ''
  }

  it('not asked yet: names the decision and the condition it is asked on', async () => {
    const { id } = await opened('农贸市场过期食品（尚未询问沟通）')
    const page = await decideForm(id)
    // Nothing is owed to decide: the decision is typed in.
    await fill(page.locator('form[data-event="DECIDE"]'), {
      decision: 'decision:liaise',
      answer: 'yes',
      reason: '拟沟通',
    })
    const text = await refusal(page)
    expect(text).toBe(
      `「${LIAISE?.label}」尚未到询问条件，现在不能作出决定。询问条件：${conditionWords(nanning, LIAISE!.when!)}。`,
    )
    expect(text).toContain('已领导小组决定处置措施')
    expect(text).not.toContain('未被接受')
    expect(scriptErrors(page)).toEqual([])
    await page
      .locator('form[data-event="DECIDE"]')
      .screenshot({ path: `${SHOTS}/refusal-decision-not-asked.png` })
    await page.context().close()
  })

  it('answered meanwhile by a colleague: says so, with the answer and its time', async () => {
    const { id, send } = await opened('农贸市场过期食品（沟通已决定）')
    await send('monitor', 'KEEP_EVIDENCE', {
      kind: 'webpage',
      description: '微博原帖截图',
      reference: 'sha256:abc',
    })
    await send('office', 'SET_CATEGORY', { category: 'rumor' })
    await send('unit', 'RESOLVE_SOURCE', { progress: '已约谈经营户，下架过期食品' })
    await send('monitor', 'REPORT', reportFields(['leader', 'office']))
    await send('leader', 'REPORT', reportFields(['principal']))
    await send('office', 'REPORT', reportFields(['newsLeader']))
    await send('office', 'ASSESS', { assessment: '转发量上升', proposal: '需要应对，发布核查情况' })
    await send('group', 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
    const page = await decideForm(id)
    const form = page.locator('form[data-event="DECIDE"]')
    await fill(form, { decision: 'decision:liaise', answer: 'yes', reason: '拟沟通' })
    // Before it is sent, a colleague of the group answers no.
    await send('group2', 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '无需沟通' })
    const text = await refusal(page)
    expect(text).toContain('事件已被更新')
    expect(text).toMatch(
      new RegExp(
        `「${LIAISE?.label}」已作出决定：否（\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}），现在无需再决定。`,
      ),
    )
    expect(text).not.toMatch(/answered|decision:liaise/)
    expect(scriptErrors(page)).toEqual([])
    await form.screenshot({ path: `${SHOTS}/refusal-decision-answered.png` })
    await page.context().close()
  })

  it('owed by another role: names the decision and who owes it (409, not 403)', async () => {
    const id = await measuresDecided(api, '农贸市场过期食品（他人应作的决定）')
    const send = (who: Who, type: string, fields: Record<string, unknown> = {}) =>
      api(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
    // The unit's own judgement answered, it owes no decision: the field is a text box.
    await send('unit', 'DECIDE', { decision: 'decision:comments-unit', answer: 'no', reason: '无需' })
    const page = await decideForm(id, 'unit')
    const form = page.locator('form[data-event="DECIDE"]')
    await fill(form, { decision: 'decision:liaise', answer: 'yes', reason: '拟沟通' })
    const text = await refusal(page)
    expect(text).toBe(`「${LIAISE?.label}」需由领导小组作出，您的角色不能作出此决定。`)
    expect(text).not.toMatch(/无权|未被接受|decision:liaise/)
    expect(scriptErrors(page)).toEqual([])
    await form.screenshot({ path: `${SHOTS}/refusal-decision-owed-by-others.png` })
    await page.context().close()
  })
})
