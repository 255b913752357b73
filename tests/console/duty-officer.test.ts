/**
 * The console as a duty officer under a deadline reads it, at 1366×768, in Chinese: the
 * owed list puts what is due soonest first and says why one's own duty has no button yet;
 * a refused release or close says what is missing, not that someone else changed the
 * incident; waivers and decisions name what they are about; the list names deadlines in
 * words and keeps its short columns on one line; a deadline passing is announced as the
 * system's, not another officer's.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, TOKENS, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const unique = () => Math.random().toString(36).slice(2, 8)
const LAPTOP = { width: 1366, height: 768 }

describe.skipIf(!run)('the console for a duty officer under a deadline', () => {
  const suite = consoleSuite()

  const api = suite.api
  const event = (who: Who, id: string, body: Record<string, unknown>) =>
    api(who, 'POST', `/incidents/${id}/events`, body)
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()

  /** Signed in as `who` on the incident's page, at laptop size. */
  async function openAs(who: Who, id: string): Promise<Page> {
    const page = await suite.page(LAPTOP)
    await signIn(page, who)
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#owed-list table, #owed-none').first().waitFor()
    return page
  }

  /** An hrss-city incident at 一般, in the response phase, its press release drafted by the office. */
  async function hrssDrafted(title: string) {
    const id = await hrssResponding(title)
    await event('office', id, {
      type: 'DRAFT',
      content: '关于补贴发放的通报：将于本周内全部到账。',
      purpose: 'pressRelease',
    })
    return id
  }

  /** An hrss-city incident at 一般, in the response phase, its reply owed, nothing drafted yet. */
  async function hrssResponding(title: string) {
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title,
      severity: 'general',
      severityReason: '关注度较高',
    })
    await event('office', id, { type: 'REPORT', to: ['group'], summary: '论坛投诉' })
    await event('office', id, { type: 'RECORD_SOURCE', source: '本地论坛' })
    await event('office', id, { type: 'CONVENE' })
    await event('group', id, { type: 'DIRECT_GROUP_LEAD', direction: '办公室具体负责' })
    await event('group', id, {
      type: 'DECIDE',
      decision: 'decide:pressConference',
      answer: 'no',
      reason: '书面回复即可',
    })
    await event('office', id, { type: 'START_RESPONSE' })
    return id
  }

  it('puts the report due in minutes above the duties with no time limit, clause references whole', async () => {
    const { id } = await api('monitor', 'POST', '/incidents', {
      planId: 'saws-2014',
      title: `应办排序 ${unique()}`,
      facts: { clicksPerDay: 20000, sites: 3 },
    })
    const page = await openAs('monitor', id)
    const rows = await page
      .locator('#owed tr[data-obligation]')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-obligation') ?? ''))
    expect(rows.length).toBeGreaterThan(2)
    expect(rows[0]).toMatch(/^report:office:major/)
    // 五(一)3 on one line, not 五 / (一)3 in the narrow 依据 column.
    const refs = page.locator('#owed td.clause .clause-ref')
    expect(await refs.count()).toBeGreaterThan(0)
    const lines = await refs.evaluateAll((els) => els.map((e) => e.getClientRects().length))
    expect(lines.every((n) => n === 1)).toBe(true)
    await page.screenshot({ path: `${SHOTS}/officer-owed-order.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it("says why one's own duty has no button yet, and who takes the first step", async () => {
    const title = `发言人待办 ${unique()}`
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title,
      severity: 'general',
      severityReason: '关注度较高',
    })
    const page = await openAs('spokesperson', id)
    const reply = page.locator('#owed tr[data-obligation^="reply"] td').last()
    await expect.poll(() => reply.textContent()).toBe('先由办公室、业务单位「起草稿件」')
    await event('office', id, { type: 'DRAFT', content: '通稿', purpose: 'pressRelease' })
    await expect
      .poll(() => reply.textContent(), { timeout: 10_000 })
      .toBe('待审批：稿件 d1 尚缺领导小组审定稿件（通稿、发布会权威消息）')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('offers the draft an owed reply waits for to who drafts (firstStep), and the reply to its owers once approved', async () => {
    const id = await hrssResponding(`先起草 ${unique()}`)
    const office = await openAs('office', id)
    const row = office.locator('#owed tr[data-obligation="reply#1"]')
    expect(await row.getAttribute('data-event')).toBe('REPLY')
    expect(await row.getAttribute('data-first-step')).toBe('DRAFT')
    expect(await row.locator('button[data-discharge]').count()).toBe(0)
    const draft = row.locator('button[data-first-step="reply#1"]')
    expect(await draft.textContent()).toBe('先起草稿件')
    await draft.click()
    const form = office.locator('form[data-event="DRAFT"]')
    expect(await form.locator('[data-path="purpose"] select').inputValue()).toBe('pressRelease')
    await form.locator('[data-path="content"] textarea').fill('关于补贴发放的通报：将于本周内全部到账。')
    await form.locator('button[type="submit"]').click()
    await form.waitFor({ state: 'detached' })
    await event('group', id, { type: 'APPROVE_RELEASE', draftId: 'd1' })
    const spokesperson = await openAs('spokesperson', id)
    const reply = spokesperson.locator('#owed button[data-discharge="reply#1"]')
    await reply.waitFor()
    expect(await reply.getAttribute('data-event')).toBe('REPLY')
    await reply.click()
    const replyForm = spokesperson.locator('form[data-event="REPLY"]')
    expect(await replyForm.locator('[data-path="draftId"] select').inputValue()).toBe('d1')
    expect(scriptErrors(office)).toEqual([])
    expect(scriptErrors(spokesperson)).toEqual([])
    await office.context().close()
    await spokesperson.context().close()
  })

  it('a release refused for approvals says which the draft lacks, not that someone changed the incident', async () => {
    const id = await hrssDrafted(`未审先发 ${unique()}`)
    const page = await suite.page(LAPTOP)
    await signIn(page, 'spokesperson')
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/REPLY`)
    const form = page.locator('form[data-event="REPLY"]')
    await form.locator('[data-path="draftId"] select').selectOption('d1')
    // The approver sees what the draft says under the choice.
    expect(await form.locator('.choice-detail').textContent()).toContain('将于本周内全部到账')
    await form.locator('[data-path="channel"] input').fill('官方微博')
    await form.locator('button[type="submit"]').click()
    const error = form.locator('.form-error p')
    await error.waitFor()
    expect(await error.textContent()).toBe(
      '稿件 d1 尚缺审批：领导小组审定稿件（通稿、发布会权威消息）。审批齐全后才能进行「正面回复」。',
    )
    await page.screenshot({ path: `${SHOTS}/officer-release-refused.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('a step refused as filled in (the author reviewing their own draft) is not blamed on someone else', async () => {
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: `自审稿件 ${unique()}`,
      category: 'demand',
    })
    // Version 12: only the unit's head signs and never drafts (三(二)3), so the author who
    // approves their own text is the office, reviewing what it wrote (三(二)1).
    await event('office', id, {
      type: 'DRAFT',
      content: '初步答复：已收悉，正在核查。',
      purpose: 'initialResponse',
    })
    await event('unitHead', id, { type: 'SIGN_OFF', draftId: 'd1' })
    const page = await openAs('office', id)
    await page.locator('#owed button[data-event="OFFICE_REVIEW"]').click()
    const form = page.locator('form[data-event="OFFICE_REVIEW"]')
    await form.locator('button[type="submit"]').click()
    const error = form.locator('.form-error p')
    await error.waitFor()
    expect(await error.textContent()).toBe(
      '稿件 d1 由张办公起草：预案要求「办公室审核以市局名义发布的上网信息」由起草人以外的人作出。',
    )
    expect(await error.textContent()).not.toContain('已被更新')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('a waiver and a decision name what they are about; a decision is answered 是 or 否', async () => {
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: `免除与决定 ${unique()}`,
      severity: 'general',
      severityReason: '关注度较高',
    })
    const page = await openAs('group', id)
    await page.locator('#owed button[data-waive^="report:filing"]').click()
    const waive = page.locator('form[data-event="WAIVE"] [data-path="obligation"] select')
    expect(
      await waive.evaluate((s: { selectedOptions: Array<{ text: string }> }) => s.selectedOptions[0]?.text),
    ).toBe('报告市委网信办备案 → 市委网信办（备案）')
    await page.locator('form[data-event="WAIVE"] [data-path="reason"] textarea').fill('已电话备案')
    await page.locator('form[data-event="WAIVE"] button[type="submit"]').click()
    // The journal says which duty was waived, in words.
    const waived = page.locator('#journal > li[data-type="WAIVE"] dd').first()
    await waived.waitFor()
    expect(await waived.textContent()).toBe('报告市委网信办备案')
    await page.locator('#owed button[data-discharge^="decide:pressConference"]').click()
    const decide = page.locator('form[data-event="DECIDE"]')
    expect(
      await decide
        .locator('[data-path="decision"] select')
        .evaluate((s: { selectedOptions: Array<{ text: string }> }) => s.selectedOptions[0]?.text),
    ).toBe('必要时：是否组织新闻发布会')
    expect(await decide.locator('[data-path="answer"] option').allTextContents()).toEqual(['—', '是', '否'])
    await page.screenshot({ path: `${SHOTS}/officer-decide.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('the list names the nearest deadline in words, drops 已超时 once done late, and keeps short columns on one line', async () => {
    const tag = unique()
    // saws 一般 after the bulletin report: next is 人事司's notice to the unit (rule assign:unit).
    const saws = await api('monitor', 'POST', '/incidents', {
      planId: 'saws-2014',
      title: `列表时限 ${tag}`,
      facts: { clicksPerDay: 800, sites: 2 },
    })
    await event('monitor', saws.id, { type: 'REPORT', to: ['office'], channel: 'bulletin' })
    // hrss reported 40 min after discovery: the 30-minute report was breached, then done late.
    const hrss = await api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: `列表补办 ${tag}`,
      severity: 'general',
      severityReason: '关注度较高',
      discoveredAt: minutesAgo(40),
      occurredAt: minutesAgo(40),
    })
    await expect
      .poll(
        async () =>
          (
            (await (
              await fetch(`${suite.server.base}/incidents/${hrss.id}`, {
                headers: { authorization: `Bearer ${TOKENS.auditor}` },
              })
            ).json()) as { breached: number }
          ).breached,
        { timeout: 15_000 },
      )
      .toBe(1)
    await event('monitor', hrss.id, { type: 'REPORT', to: ['group'], summary: '补报' })

    const page = await suite.page(LAPTOP)
    await signIn(page, 'office')
    const sawsRow = page.locator('#incidents tbody tr', { hasText: `列表时限 ${tag}` })
    await sawsRow.waitFor()
    expect(await sawsRow.locator('.dl-name').textContent()).toBe('人事司(宣教办)通知相关单位依职能办理')
    const hrssRow = page.locator('#incidents tbody tr', { hasText: `列表补办 ${tag}` })
    expect(await hrssRow.locator('td.deadline .badge.overdue').count()).toBe(0)
    expect(await hrssRow.locator('td.owed').textContent()).toContain('1 项曾超时')
    expect(await page.locator('#incidents caption').textContent()).toContain('最近截止在前')
    // 阶段 and 级别 read as words, not one character per line.
    // (A string: this project's TypeScript has no DOM types.)
    const oneLine = await page.evaluate<boolean>(`[...document.querySelectorAll(
      '#incidents thead th, #incidents td.phase, #incidents td.severity')].every((e) => {
        const range = document.createRange()
        range.selectNodeContents(e)
        return range.getClientRects().length === 1
      })`)
    expect(oneLine).toBe(true)
    await page.screenshot({ path: `${SHOTS}/officer-list.png` })

    // The journal reads 报送方式 舆情动态, with room for the value.
    await sawsRow.locator('a').click()
    const entry = page.locator('#journal > li[data-type="REPORT"]')
    await entry.waitFor()
    expect(await entry.locator('dt').allTextContents()).toContain('报送方式')
    const widths = await entry
      .locator('dd')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width))
    expect(Math.min(...widths)).toBeGreaterThan(200)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('announces a deadline passing as the system’s, and another officer’s step by name', async () => {
    // hrss-city: the report to the group is due 30 minutes after discovery; this one has seconds left.
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: `临界时限 ${unique()}`,
      severity: 'general',
      severityReason: '关注度较高',
      discoveredAt: new Date(Date.now() - 30 * 60_000 + 4_000).toISOString(),
    })
    const page = await openAs('group', id)
    await page.locator('#live-status[data-live="true"]').waitFor()
    const message = page.locator('#messages .message')
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toContain('系统记录「时限已过」')
    await event('monitor', id, { type: 'REPORT', to: ['group'], summary: '补报' })
    await expect
      .poll(() => message.textContent(), { timeout: 10_000 })
      .toContain('李监测（舆情监测）已办理「上报」')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
