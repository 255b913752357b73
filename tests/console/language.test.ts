/**
 * The console in zh-CN says everything in Chinese: no English validation message and no
 * raw code in the visible text of the list, new-incident and incident pages, even after
 * refused requests (400 field errors, 403); recipients carry the plan's own names; only
 * roles that may open incidents are offered to; one message at a time, dismissable; the
 * grade preview names its rule and the facts not filled in; the evidence card tells a
 * recorded evidence step from nothing kept.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { PHASES, ROLES } from '../../machines/vocabulary.js'
import {
  chromiumAvailable,
  fill,
  phaseShown,
  SHOTS,
  scriptErrors,
  signIn,
  TOKENS,
  type Who,
} from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const unique = () => Math.random().toString(36).slice(2, 8)

/** What an English validation or permission message from the server looks like. */
const ENGLISH = [
  /Invalid (option|input|URL|ISO|string)/,
  /\bexpected\b/,
  /Too (small|big)/,
  /\breceived\b/,
  /Unrecognized key/,
  /missing or has invalid fields/,
  /may not (open|send|assign)/,
  /is not accepted in phase/,
  /failed validation/,
  /\brequired\b/,
  /\bunknown field\b/,
]

/** Every code a page could show instead of its label: event types, enum values, roles, phases… */
function knownCodes(): Set<string> {
  const codes = new Set<string>([...ROLES, ...PHASES])
  for (const plan of currentPlans()) {
    for (const s of plan.severities) codes.add(s.code)
    for (const e of plan.events) {
      codes.add(e.type)
      for (const [name, prop] of Object.entries(e.schema.shape)) {
        codes.add(name)
        const json = JSON.stringify((prop as { toJSONSchema?: () => unknown }).toJSONSchema?.() ?? {})
        for (const m of json.matchAll(/"enum":\[([^\]]*)\]/g))
          for (const v of (m[1] ?? '').split(',')) codes.add(v.replaceAll('"', ''))
      }
    }
  }
  return codes
}

/**
 * The visible text of the page, piece by piece: text nodes and option labels, without
 * `.code` annotations; and each label less its code span ("category category" shows as
 * "category"). Runs in the page (a string: this project's TypeScript has no DOM types).
 */
const VISIBLE_TEXTS = `(() => {
  const out = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement
    const text = (n.textContent || '').trim()
    if (!el || !text || el.closest('.code, script, style, noscript')) continue
    if (el.tagName !== 'OPTION' && !el.checkVisibility()) continue
    out.push(text)
  }
  for (const label of document.querySelectorAll('label, legend')) {
    const copy = label.cloneNode(true)
    for (const x of copy.querySelectorAll('.code, .req')) x.remove()
    const text = (copy.textContent || '').trim()
    if (text) out.push(text)
  }
  return out
})()`
const visibleTexts = (page: Page) => page.evaluate<string[]>(VISIBLE_TEXTS)

describe.skipIf(!run)('the console in zh-CN', () => {
  const suite = consoleSuite()
  const codes = knownCodes()

  async function expectChineseOnly(page: Page, where: string) {
    const texts = await visibleTexts(page)
    const english = texts.filter((x) => ENGLISH.some((re) => re.test(x)))
    expect(english, `${where}: English messages`).toEqual([])
    const raw = texts.filter((x) => codes.has(x))
    expect(raw, `${where}: raw codes`).toEqual([])
  }

  async function openByApi(who: Who, body: Record<string, unknown>) {
    const res = await fetch(`${suite.server.base}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(201)
    return (await res.json()) as { id: string }
  }

  it('new-incident page: field errors and the grade preview in Chinese, the rule and the facts not filled in', async () => {
    const page = await suite.page()
    await signIn(page, 'office')
    await expectChineseOnly(page, 'list')
    await page.getByRole('navigation').getByRole('link', { name: '新建事件' }).click()
    const form = page.locator('form').filter({ has: page.locator('[data-path="planId"]') })
    await form.locator('[data-path="planId"] select').selectOption('saws-2014')
    await form.locator('[data-path="facts.clicksPerDay"] input').waitFor()
    await fill(form, { 'facts.clicksPerDay': '60000', 'source.url': 'not a url' })
    const preview = page.locator('output.preview[data-state="done"]')
    await expect.poll(() => preview.locator('#preview-missing').count(), { timeout: 10_000 }).toBe(1)
    expect(await preview.locator('#preview-rule').textContent()).toMatch(/^依据：二\(三\)/)
    expect(await preview.locator('#preview-missing').textContent()).toContain('出现该言论的网站数')

    await form.locator('button[type="submit"]').click()
    await form.locator('.form-error p').waitFor()
    expect(await form.locator('.form-error').textContent()).toMatch(/请修改以下内容：.*标题/)
    expect(await form.locator('[data-path="title"] .field-error').textContent()).toBe('不能为空')
    expect(await form.locator('[data-path="source.url"] .field-error').textContent()).toContain(
      '不是有效的网址',
    )
    await expectChineseOnly(page, 'new incident after a 400')
    await page.screenshot({ path: `${SHOTS}/zh-new-incident-errors.png`, fullPage: true })
    expect(scriptErrors(page)).toEqual([])
  })

  it("incident page: a refused event's field errors in Chinese, recipients by the plan's own names, one message at a time", async () => {
    const title = `语言测试 ${unique()}`
    const { id } = await openByApi('office', { planId: 'nanning-aic-2017', title, category: 'doubt' })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.locator('#incidents a', { hasText: title }).click()
    await phaseShown(page, 'discovery')
    await expectChineseOnly(page, 'incident')

    // Forced past the browser's own checks: an empty KEEP_EVIDENCE and a wrong enum value.
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/KEEP_EVIDENCE`)
    const form = page.locator('form[data-event="KEEP_EVIDENCE"]')
    await form.locator('button[type="submit"]').click()
    await form.locator('.form-error p').waitFor()
    expect(await form.locator('.form-error p').textContent()).toMatch(/^请修改以下内容：/)
    expect(await form.locator('[data-path="kind"] .field-error').textContent()).toBe(
      '请从以下选项中选择：报纸、电视、广播、网页、其他',
    )
    // The carrier's choices are the plan's names (载体（报纸、电视、广播、网页、其他）).
    expect(await form.locator('[data-path="kind"] option').allTextContents()).toEqual([
      '—',
      '报纸',
      '电视',
      '广播',
      '网页',
      '其他',
    ])
    await expectChineseOnly(page, 'incident after a 400')
    await expect.poll(() => page.locator('#messages .message').count()).toBe(1)

    // Evidence kept as a plan step, no file yet: the card says which.
    await fill(form, { kind: 'webpage', description: '网页截图已保存' })
    await form.locator('button[type="submit"]').click()
    await form.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.locator('#evidence-none').textContent(), { timeout: 10_000 })
      .toMatch(/已记录「保存证据」.*尚未上传证据文件/)
    expect(await page.locator('#messages .message').count()).toBe(1)
    await page.locator('#messages .message button').click()
    expect(await page.locator('#messages .message').count()).toBe(0)

    // Recipients: 市局办公室 (the plan's name), not the generic 办公室（office）.
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/REPORT`)
    const to = page.locator('form[data-event="REPORT"] [data-path="to"]')
    await to.waitFor()
    const labels = await to.locator('label').allTextContents()
    expect(labels).toContain('市局办公室')
    expect(labels.join()).not.toMatch(/（office）/)
    await expectChineseOnly(page, 'incident with the report form')
    await page.goto(`${suite.server.base}/#/incidents/${id}/send/SET_CATEGORY`)
    await page.locator('form[data-event="SET_CATEGORY"] [data-path="category"]').waitFor()
    await expectChineseOnly(page, 'incident with the category form')
    await page.screenshot({ path: `${SHOTS}/zh-incident.png`, fullPage: true })
    expect(scriptErrors(page)).toEqual([])
  })

  it('offers 新建事件 only to roles that may open; a 403 is explained in Chinese', async () => {
    const title = `权限语言 ${unique()}`
    const { id } = await openByApi('office', { planId: 'nanning-aic-2017', title })
    const page = await suite.page()
    await signIn(page, 'group')
    await page.locator('#incidents').waitFor()
    await page.locator('#incidents a', { hasText: title }).waitFor()
    await expectChineseOnly(page, 'list, group')
    expect(await page.getByRole('link', { name: '新建事件' }).count()).toBe(0)
    await page.goto(`${suite.server.base}/#/new`)
    expect(await page.locator('#new-not-allowed').textContent()).toContain('不能新建事件')
    await expectChineseOnly(page, 'new incident, group')

    await page.goto(`${suite.server.base}/#/incidents/${id}/send/KEEP_EVIDENCE`)
    const form = page.locator('form[data-event="KEEP_EVIDENCE"]')
    await form.locator('.notice').waitFor()
    await fill(form, { kind: 'webpage', description: '越权尝试' })
    await form.locator('button[type="submit"]').click()
    await form.locator('.form-error p').waitFor()
    expect(await form.locator('.form-error p').textContent()).toMatch(
      /^您的角色（领导小组）无权执行「保存证据」；可执行的角色：/,
    )
    await expectChineseOnly(page, 'incident after a 403')

    for (const who of ['monitor', 'office'] as const) {
      const other = await suite.page()
      await signIn(other, who)
      await other.locator('#incidents').waitFor()
      expect(await other.getByRole('navigation').getByRole('link', { name: '新建事件' }).count()).toBe(1)
      await other.context().close()
    }
  })
})
