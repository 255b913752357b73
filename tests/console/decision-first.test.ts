/**
 * OBLIGATIONS.md rule 3 in the console: an event refused because a decision is still owed
 * (its 409 names it in `decisions`) says which decision to answer yes first and who owes
 * it, not that the phase does not take the event. 南宁市工商局预案 四(四): 未经领导小组授权，
 * …不得擅自接受记者采访 — the spokesperson's INTERVIEW waits for the group's yes to
 * `decision:interview`.
 */
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()

describe.skipIf(!run)('a refusal that waits for a decision', () => {
  const suite = consoleSuite()

  const api = suite.api

  /** A nanning incident reported, its text d1 approved and released, an interview proposed. */
  async function interviewProposed(): Promise<string> {
    const { id } = await api('monitor', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: '农贸市场过期食品（采访待授权）',
    })
    const send = (who: Who, type: string, fields: Record<string, unknown> = {}) =>
      api(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
    const report = (to: string[]) => ({
      to,
      platform: '新浪微博',
      time: '2026年10月9日下午',
      place: '南宁市青秀区某农贸市场',
      unit: '青秀分局',
      course: '网民发帖称市场销售过期食品',
      result: '分局已到场检查',
      leaning: '以质疑为主',
    })
    await send('monitor', 'KEEP_EVIDENCE', {
      kind: 'webpage',
      description: '微博原帖截图',
      reference: 'sha256:abc',
    })
    await send('monitor', 'REPORT', report(['leader', 'office']))
    await send('leader', 'REPORT', report(['principal']))
    await send('office', 'REPORT', report(['newsLeader']))
    await send('office', 'ASSESS', { assessment: '转发量上升', proposal: '需要应对，发布核查情况' })
    await send('group', 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
    await send('unit', 'DRAFT', { content: '情况通报', purpose: 'release' })
    await send('unitHead', 'SIGN_OFF', { draftId: 'd1' })
    await send('office', 'OFFICE_REVIEW', { draftId: 'd1' })
    await send('newsLeader', 'LEADER_APPROVE', { draftId: 'd1' })
    await send('spokesperson', 'RELEASE', { draftId: 'd1', channel: '市局官方微博' })
    await send('office', 'PROPOSE_INTERVIEW', { outlet: '南宁日报', reason: '当事人愿意说明情况' })
    return id
  }

  it('names the decision to answer yes first and who owes it, in zh and in en', async () => {
    const id = await interviewProposed()
    const view = await api<{
      obligations: Array<{ id: string; rule: string; status: string; label: string; owedBy: string[] }>
    }>('auditor', 'GET', `/incidents/${id}`)
    const asked = view.obligations.find((o) => o.rule === 'decision:interview' && o.status === 'owed')
    expect(asked?.owedBy).toEqual(['group'])
    const label = asked?.label ?? ''
    expect(label).toBe('领导小组决定是否授权接受采访')

    const page = await suite.page()
    await signIn(page, 'spokesperson')
    // INTERVIEW is not offered now: the spokesperson tries it by its link (a forced form).
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/INTERVIEW`)
    const form = page.locator('form[data-event="INTERVIEW"]')
    const tryIt = async () => {
      await form.locator('[data-path="outlet"] input').fill('南宁日报')
      await form.locator('button[type="submit"]').click()
      const error = form.locator('.form-error p')
      await error.waitFor()
      return (await error.textContent()) ?? ''
    }

    const zh = await tryIt()
    expect(zh).toContain(`须先就「${label}」（领导小组）作出同意的决定`)
    expect(zh).not.toContain('不接受')
    expect(zh).not.toContain('未被接受')
    await page.screenshot({ path: `${SHOTS}/decision-first-zh.png`, fullPage: false })

    await page.locator('#lang-toggle').click()
    await form.locator('[data-path="outlet"] input').waitFor()
    const en = await tryIt()
    expect(en).toContain(`Decide “${label}” (leading group) yes first`)
    expect(en).not.toContain('does not accept')
    await page.screenshot({ path: `${SHOTS}/decision-first-en.png`, fullPage: false })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
