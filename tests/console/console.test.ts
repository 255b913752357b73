/**
 * The web console in a real browser against the real server: sign in, open an incident
 * with a live grade preview, walk nanning-aic-2017 to closed by clicks only, see a
 * missed deadline turn red, a role refused, another officer's move arrive live, and
 * user text shown verbatim.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import {
  beijingInputHoursAgo,
  chromiumAvailable,
  fill,
  offered,
  phaseShown,
  SHOTS,
  scriptErrors,
  send,
  signIn,
  signOut,
  TOKENS,
  type Who,
} from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const unique = () => Math.random().toString(36).slice(2, 8)

describe.skipIf(!run)('web console', () => {
  const suite = consoleSuite()

  /** Opens an incident through the API (setup for the scenarios that are not about the form). */
  async function openByApi(who: Who, body: Record<string, unknown>) {
    const res = await fetch(`${suite.server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(201)
    return (await res.json()) as { id: string; version: number }
  }
  async function sendByApi(who: Who, id: string, event: Record<string, unknown>) {
    const res = await fetch(`${suite.server.base}/incidents/${id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify(event),
    })
    expect(res.status).toBe(200)
  }

  /** Fills the new-incident form for nanning-aic-2017 up to (not including) the submit. */
  async function fillNewNanning(
    page: Page,
    title: string,
    extra: { discoveredAt?: string; category?: string } = { category: 'doubt' },
  ) {
    await page.getByRole('navigation').getByRole('link', { name: '新建事件' }).click()
    const form = page.locator('form').filter({ has: page.locator('[data-path="planId"]') })
    await form.locator('[data-path="planId"] select').selectOption('nanning-aic-2017')
    await form.locator('[data-path="facts.reposts"] input').waitFor()
    await fill(form, {
      title,
      'source.url': 'https://weibo.example/post/1',
      'source.platform': '微博',
      ...(extra.category ? { category: extra.category } : {}),
      'facts.reposts': '25',
      ...(extra.discoveredAt ? { discoveredAt: extra.discoveredAt } : {}),
    })
    return form
  }

  it('serves the page and its assets under a strict CSP without a token', async () => {
    const page = await fetch(`${suite.server.base}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await page.text()
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    const js = await fetch(`${suite.server.base}/console/app.js`)
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await fetch(`${suite.server.base}/console/app.css`)).headers.get('content-type')).toMatch(
      /^text\/css/,
    )
    expect((await fetch(`${suite.server.base}/console/..%2fpackage.json`)).status).toBe(404)
    expect((await fetch(`${suite.server.base}/incidents`)).status).toBe(401)
  })

  it('signs in with a token, refuses a bad one, and signs out', async () => {
    const page = await suite.page()
    await page.getByLabel('令牌').fill('not-a-real-token-at-all')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByText('令牌无效或已被撤销。').waitFor()
    await signIn(page, 'office')
    expect(await page.locator('h1').textContent()).toBe('进行中的事件')
    expect(await page.locator('#who-role').textContent()).toContain('办公室')
    await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true })
    await page.getByRole('button', { name: 'English' }).click()
    expect(await page.locator('h1').textContent()).toBe('Open incidents')
    await page.reload()
    expect(await page.locator('h1').textContent()).toBe('Open incidents')
    await page.getByRole('button', { name: '中文' }).click()
    expect(await page.locator('h1').textContent()).toBe('进行中的事件')
    await signOut(page)
    expect(await page.locator('h1').textContent()).toBe('登录')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('previews 重大 for 25 reposts, opens the incident on its owed list, and discharges a report from it pre-filled', async () => {
    const page = await suite.page()
    const title = `网传某市场销售过期食品 ${unique()}`
    await signIn(page, 'office')
    const form = await fillNewNanning(page, title)
    // The grade comes from POST /plans/:id/classify before anything is submitted.
    await page.locator('output.preview[data-severity="major"]').waitFor()
    expect(await page.locator('output.preview').textContent()).toContain('重大')
    expect(await page.locator('output.preview').textContent()).toContain('转发')
    // Every control of the form has a label.
    const unlabelled = await form
      .locator('input, select, textarea')
      .evaluateAll(
        (els) => els.filter((e) => !(e as unknown as { labels: { length: number } }).labels?.length).length,
      )
    expect(unlabelled).toBe(0)
    await page.screenshot({ path: `${SHOTS}/new-incident.png`, fullPage: true })
    await form.getByRole('button', { name: '立案' }).click()

    expect(await phaseShown(page, 'discovery')).toBe('发现')
    expect(await page.locator('#incident-title').textContent()).toBe(title)
    expect(await page.locator('#severity').getAttribute('data-severity')).toBe('major')
    // The page opens on what is owed: the report to 上级 within 4 h (五(二)), counting down.
    const higher = page.locator('#owed tr[data-obligation^="report:higher#"]')
    await higher.waitFor()
    expect(await higher.locator('.countdown').textContent()).toMatch(/^剩余 3小时59分/)
    expect(await page.locator('#owed tr[data-obligation^="step:evidence#"]').count()).toBe(1)

    // Keeping the evidence, from its owed item: one button opens the form.
    await page.locator('#owed button[data-discharge^="step:evidence#"]').click()
    const keep = page.locator('form[data-event="KEEP_EVIDENCE"]')
    await fill(keep, { kind: 'webpage', description: '网页截图与链接' })
    await keep.locator('button[type="submit"]').click()
    await keep.waitFor({ state: 'detached' })
    expect(await phaseShown(page, 'reporting')).toBe('报告')

    // The report to 上级 from its owed item: the form opens with 上级 already ticked.
    await page.locator('#owed button[data-discharge^="report:higher#"]').click()
    const report = page.locator('form[data-event="REPORT"]')
    expect(await report.locator('input[type="checkbox"][value="higher"]').isChecked()).toBe(true)
    expect(await report.locator('input[type="checkbox"][value="leader"]').isChecked()).toBe(false)
    // Without its required contents it is refused field by field, in plain words.
    await report.locator('button[type="submit"]').click()
    await report.locator('[data-path="platform"] .field-error').first().waitFor()
    expect(await report.locator('[data-path="platform"] input').getAttribute('aria-invalid')).toBe('true')
    await fill(report, {
      platform: '新浪微博',
      time: '2026年9月30日9时40分',
      place: '南宁市某农贸市场',
      unit: '某区市场监管所',
      course: '网民发帖称市场销售过期食品，转发25条',
      result: '已派员核查',
      leaning: '以质疑为主',
    })
    await report.locator('button[type="submit"]').click()
    await report.waitFor({ state: 'detached' })
    // Done items are folded away below the owed list (a <details>), kept with when they were met.
    await page
      .locator('#obligations-done li[data-status="met"]', { hasText: '上级' })
      .waitFor({ state: 'attached' })
    expect(await page.locator('#owed tr[data-obligation^="report:higher#"]').count()).toBe(0)
    const metRow = page.locator('#deadlines tr[data-deadline="report"]').first()
    expect(await metRow.getAttribute('data-status')).toBe('met')
    // The countdown column says what the owed list's done part says: 已办 <time>, not a bare time.
    expect(await metRow.locator('td').nth(2).textContent()).toMatch(/^已办 \d{4}\/\d{2}\/\d{2}/)
    await page.locator('#diagram img').waitFor()
    await page.screenshot({ path: `${SHOTS}/incident.png`, fullPage: true })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('shows a deadline missed hours ago in red, on the incident and in the list', async () => {
    const page = await suite.page()
    const title = `补录：五小时前发现 ${unique()}`
    await signIn(page, 'office')
    // A category nanning-aic-2017 owes no initial answer for (五(二) counts that in working
    // hours, which depend on the wall clock); without one, version 10 owes the categorisation,
    // also in working hours: either would be the list's nearest countdown at some hours.
    const form = await fillNewNanning(page, title, {
      discoveredAt: beijingInputHoursAgo(5),
      category: 'rumor',
    })
    await page.locator('output.preview[data-severity="major"]').waitFor()
    await form.getByRole('button', { name: '立案' }).click()
    await phaseShown(page, 'discovery')
    // The report was due 4 h after discovery: the server's scheduler fires it; the page polls.
    const row = page.locator('#deadlines tr[data-deadline="report"][data-status="missed"]')
    await row.waitFor({ timeout: 15_000 })
    expect(await row.getAttribute('class')).toContain('overdue')
    expect(await row.locator('.status').textContent()).toBe('已超时')
    expect(await row.locator('.status').getAttribute('class')).toContain('overdue')
    expect(await page.locator('#breaches tbody tr').count()).toBe(1)
    await page.locator('#journal > li[data-type="DEADLINE_PASSED"] .who', { hasText: '系统' }).waitFor()
    expect(await page.locator('#journal > li[data-type="OPENED"] .backdated').textContent()).toContain('补录')
    // What each entry did to the ledger, in words (the rule's label), never as raw JSON.
    const breached = await page
      .locator('#journal > li[data-type="DEADLINE_PASSED"] dt[title="obligations"] + dd')
      .first()
      .textContent()
    expect(breached).toMatch(/(^|；)超时：\S/)
    expect(breached).not.toMatch(/[{}]|#\d/)
    await page.screenshot({ path: `${SHOTS}/missed.png`, fullPage: true })

    await page.getByRole('link', { name: '返回事件列表' }).click()
    const listed = page.locator('#incidents tbody tr', { hasText: title })
    await listed.waitFor()
    expect(await listed.getAttribute('class')).toContain('overdue')
    expect(await listed.locator('.badge.overdue', { hasText: '已超时：' }).textContent()).toContain('已超时')
    // The publish deadline (24 h) still counts down, live.
    const clock = listed.locator('.countdown')
    const first = await clock.textContent()
    // It ticks without a reload (waits for the change; no timing bound, so load cannot flake it).
    await expect.poll(() => clock.textContent(), { timeout: 15_000 }).not.toBe(first)
    expect(first).toMatch(/^剩余 18小时5\d分/)

    await page.getByLabel('只看已超时').check()
    await page.getByLabel('搜索标题或来源链接').fill(title)
    await page.getByRole('button', { name: '筛选', exact: true }).click()
    // The filtered list replaces the full one: wait for it rather than read the old rows.
    await expect.poll(() => page.locator('#incidents tbody tr').count(), { timeout: 15_000 }).toBe(1)
    await page.screenshot({ path: `${SHOTS}/list-overdue.png`, fullPage: true })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('offers a role no button for an event it may not send, and explains the 403 when forced', async () => {
    const title = `权限测试 ${unique()}`
    const { id } = await openByApi('office', { planId: 'nanning-aic-2017', title, facts: { reposts: 25 } })
    const page = await suite.page()
    await signIn(page, 'group')
    await page.locator('#incidents a', { hasText: title }).click()
    await phaseShown(page, 'discovery')
    const buttons = await offered(page)
    expect(buttons).not.toContain('KEEP_EVIDENCE')
    expect(buttons).toContain('SET_SEVERITY')
    expect(await page.locator('#actions .others').textContent()).toContain('保存证据')

    // The request forced by hand: the server refuses it.
    const forced = await page.evaluate(
      async ([incident, token]) => {
        const res = await fetch(`/incidents/${incident}/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'KEEP_EVIDENCE', kind: 'webpage', description: 'x' }),
        })
        return { status: res.status, body: (await res.json()) as { detail: string } }
      },
      [id, TOKENS.group],
    )
    expect(forced.status).toBe(403)
    expect(forced.body.detail).toContain('KEEP_EVIDENCE')

    // Forced through the console (a deep link to the form): a clear message by the form.
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/KEEP_EVIDENCE`)
    const form = page.locator('form[data-event="KEEP_EVIDENCE"]')
    await form.locator('.notice').waitFor()
    await fill(form, { kind: 'webpage', description: '越权尝试' })
    await form.locator('button[type="submit"]').click()
    const error = form.locator('.form-error')
    await error.locator('p').waitFor()
    expect(await error.textContent()).toContain('您的角色（领导小组）无权执行「保存证据」')
    expect(await error.textContent()).not.toContain('null')
    expect(await page.locator('#messages .message.error').last().textContent()).toContain('无权执行')
    expect(await page.locator('#version').textContent()).toBe('1')
    await page.screenshot({ path: `${SHOTS}/forbidden.png`, fullPage: true })

    // A role picked wrongly at sign-in: the server's answer (GET /whoami) wins over the pick,
    // so the buttons follow the token's real role (the picker is only a fallback).
    await signOut(page)
    await signIn(page, 'group', 'office')
    expect(await page.locator('#who-role').textContent()).toContain('领导小组')
    await page.locator('#incidents a', { hasText: title }).click()
    await phaseShown(page, 'discovery')
    expect(await offered(page)).not.toContain('KEEP_EVIDENCE')

    // The auditor reads everything and is offered nothing.
    await signOut(page)
    await signIn(page, 'auditor')
    await page.locator('#incidents a', { hasText: title }).click()
    await phaseShown(page, 'discovery')
    expect(await offered(page)).toEqual([])
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it("shows another officer's move without a reload, and a 409 refreshes and says what changed", async () => {
    const title = `并发测试 ${unique()}`
    const { id } = await openByApi('office', { planId: 'nanning-aic-2017', title, facts: { reposts: 25 } })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.locator('#incidents a', { hasText: title }).click()
    await phaseShown(page, 'discovery')

    await sendByApi('monitor', id, { type: 'KEEP_EVIDENCE', kind: 'webpage', description: '他人操作' })
    await page
      .locator('#messages .message', { hasText: '李监测（舆情监测）已办理「保存证据」：现为第 2 版' })
      .waitFor({ timeout: 8000 })
    expect(await page.locator('#state-label').textContent()).toBe(
      '逐级报告分管领导、主要领导，同时报送市局办公室',
    )
    await page.locator('#journal > li[data-type="KEEP_EVIDENCE"] .who', { hasText: '李监测' }).waitFor()

    await send(page, 'REPORT', {
      to: ['leader', 'office', 'higher'],
      platform: 'p',
      time: 't',
      place: 'p',
      unit: 'u',
      course: 'c',
      result: 'r',
      leaning: 'l',
    })
    await phaseShown(page, 'reporting')
    // The form is open on this page when someone else assesses first.
    await page.locator('#actions button[data-event="ASSESS"]').click()
    const form = page.locator('form[data-event="ASSESS"]')
    await fill(form, { assessment: 'a', proposal: 'p' })
    await sendByApi('office', id, { type: 'ASSESS', assessment: '抢先评估', proposal: '发布' })
    await form.locator('button[type="submit"]').click()
    await form.locator('.form-error p', { hasText: '阶段「会商」' }).waitFor()
    expect(await form.locator('.form-error').textContent()).toContain('第 4 版')
    expect(await phaseShown(page, 'consultation')).toBe('会商')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('lets an auditor browse the plans: diagram, states, events with roles, obligations by grade', async () => {
    const page = await suite.page()
    await signIn(page, 'auditor')
    await page.getByRole('navigation').getByRole('link', { name: '预案' }).click()
    await page.getByRole('link', { name: '查看「南宁市工商局突发事件舆情应对预案」' }).click()
    await page.locator('#plan-diagram img').waitFor()
    expect(await page.locator('h1').textContent()).toBe('南宁市工商局突发事件舆情应对预案')
    const states = page.locator('table', { has: page.locator('caption', { hasText: /^状态$/ }) })
    expect(await states.locator('tr', { hasText: 'reporting.upward' }).textContent()).toContain('逐级报告')
    const events = page.locator('table', { has: page.locator('caption', { hasText: /^事件$/ }) })
    // Version 12: the section head's review is the head's own (四(四) 业务股室主要负责人审核).
    expect(await events.locator('tr', { hasText: 'SECTION_REVIEW' }).textContent()).toContain(
      '股室主要负责人',
    )
    // Issue 19: every obligation rule of GET /plans/:id is on the page, under the grades it applies to.
    const shown = await page
      .locator('.obligation-tables tr[data-rule]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')))
    const rules = describeObligations(getPlan('nanning-aic-2017')!).obligations.map((o) => o.id)
    expect(rules.filter((r) => !shown.includes(r))).toEqual([])
    // Version 5: an approval is given or its draft withdrawn, never waived (rule 8).
    const approval = page.locator('.obligation-tables tr[data-rule^="approval:"]').first()
    expect(await approval.textContent()).toContain('不可免除')
    await page.screenshot({ path: `${SHOTS}/plan.png`, fullPage: true })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('shows script tags and SQL metacharacters in user text verbatim', async () => {
    const title = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'; DROP TABLE incidents;-- ${unique()}`
    const page = await suite.page()
    await signIn(page, 'office')
    const form = await fillNewNanning(page, title)
    await form.getByRole('button', { name: '立案' }).click()
    await phaseShown(page, 'discovery')
    expect(await page.locator('#incident-title').textContent()).toBe(title)
    await page.locator('#journal > li[data-type="OPENED"]').waitFor()
    expect(await page.locator('#journal > li[data-type="OPENED"] dd').first().textContent()).toBe(title)
    await page.getByRole('link', { name: '返回事件列表' }).click()
    const link = page.locator('#incidents a', { hasText: 'DROP TABLE' }).first()
    expect(await link.textContent()).toBe(title)
    expect(await page.locator('main script, main img[src="x"]').count()).toBe(0)
    expect(await page.evaluate('window.__pwned')).toBeUndefined()
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
