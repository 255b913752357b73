/**
 * A refusal by the plan's conditions reaches the console (src/console/static/problems.js,
 * views/event-form.js): the form says which conditions do not hold, in the plan's words,
 * with the clause — not that the step "cannot be done as filled in". 南宁市工商局预案 v10
 * 四(四) 未经领导小组授权，任何单位与个人不得擅自发布信息: an approved 一般 text at the opening
 * is not released before a release is owed or the group ordered measures.
 */
import { describe, expect, it } from 'vitest'
import { guardWord } from '../../src/diagrams/guards.js'
import { chromiumAvailable, fill, SHOTS, scriptErrors, signIn, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('a refusal by the plan’s conditions, in the console', () => {
  const suite = consoleSuite()

  it('a release the group has not authorised names 四(四)’s condition', async () => {
    const api = suite.api
    const { id } = await api('monitor', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: '农贸市场过期食品（发布未经授权）',
    })
    const send = (who: Who, type: string, fields: Record<string, unknown> = {}) =>
      api(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
    await send('unit', 'DRAFT', { content: '情况通报', purpose: 'release' })
    await send('unitHead', 'SIGN_OFF', { draftId: 'd1' })
    await send('office', 'OFFICE_REVIEW', { draftId: 'd1' })
    await send('newsLeader', 'LEADER_APPROVE', { draftId: 'd1' })

    const page = await suite.page()
    await signIn(page, 'spokesperson')
    // RELEASE is not offered now: the spokesperson tries it by its link (a forced form).
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/RELEASE`)
    const form = page.locator('form[data-event="RELEASE"]')
    await form.locator('[data-path="draftId"] select').waitFor()
    await fill(form, { draftId: 'd1', channel: '市局官方微博' })
    await form.locator('button[type="submit"]').click()
    const error = form.locator('.form-error p')
    await error.waitFor()
    const text = (await error.textContent()) ?? ''
    expect(text).toContain('预案的条件尚不满足')
    expect(text).toContain(guardWord('nanning-aic-2017', 'measuresOrdered'))
    expect(text).toContain('四(四)、五(二)')
    expect(text).not.toContain('未被接受')
    expect(scriptErrors(page)).toEqual([])
    await form.screenshot({ path: `${SHOTS}/refusal-conditions.png` })
    await page.context().close()
  })
})
