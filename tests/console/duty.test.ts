/**
 * The duty team's console features in a real browser against the real server: a due-soon
 * warning in amber on the incident and in the list, notes and a correction, an owner
 * assigned and handed over, a required document opened (fetched with the token, shown
 * from a blob URL), live updates over the event stream, and the role told by GET /whoami.
 */
import { describe, expect, it } from 'vitest'
import {
  beijingInputHoursAgo,
  chromiumAvailable,
  phaseShown,
  SHOTS,
  scriptErrors,
  signIn,
  signOut,
  TOKENS,
} from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const unique = () => Math.random().toString(36).slice(2, 8)

describe.skipIf(!run)('web console: duty-team essentials', () => {
  const suite = consoleSuite()

  const api = suite.api

  /**
   * A nanning incident at 重大 found 2.5 h ago: its 4 h report deadline is past half, so the 50 % warning
   * fires. Opened as a rumor so that nothing counted in working hours is owed beside it (the
   * categorisation, 五(二)'s initial answer): in Beijing's working hours those passed half too and
   * warned as well.
   */
  const openDueSoon = (title: string) =>
    api('office', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title,
      category: 'rumor',
      facts: { reposts: 25 },
      discoveredAt: `${beijingInputHoursAgo(2.5)}:00+08:00`,
    })

  it('shows a due-soon warning in amber on the incident and in the list, arriving live', async () => {
    const title = `预警展示 ${unique()}`
    const { id } = await openDueSoon(title)
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await phaseShown(page, 'discovery')
    await page.locator('#live-status[data-live="true"]').waitFor()
    // The server's scheduler fires the warning; the stream brings it.
    const warning = page.locator('#warnings li.due-soon[data-deadline="report"][data-share="0.5"]')
    await warning.waitFor({ timeout: 15_000 })
    expect(await warning.textContent()).toContain('即将到期')
    expect(await warning.textContent()).toContain('50%')
    expect(await warning.locator('.countdown').textContent()).toMatch(/^剩余 1小时[23]\d分/)
    await page.locator('#journal > li[data-type="DEADLINE_WARNING"] .who', { hasText: '系统' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/due-soon.png`, fullPage: true })

    await page.getByRole('link', { name: '返回事件列表' }).click()
    const row = page.locator('#incidents tbody tr', { hasText: title })
    await row.waitFor()
    expect(await row.locator('.badge.due-soon').textContent()).toContain('50%')
    expect((await row.getAttribute('class')) ?? '').not.toContain('overdue')
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('adds a note and corrects it, assigns and hands over the owner, and opens a required document', async () => {
    const title = `值班操作 ${unique()}`
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title,
      facts: { reposts: 25 },
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.locator('#incidents a', { hasText: title }).click()
    await phaseShown(page, 'discovery')

    // A note, then a correction of it: the original stays, struck through.
    const notes = page.locator('#note-form')
    await notes.getByLabel('备注内容').fill('发帖人称已删帖 <script>alert(1)</script>')
    await notes.getByRole('button', { name: '添加备注' }).click()
    const first = page.locator('#notes li[data-seq="2"]')
    await first.waitFor()
    expect(await first.locator('.note-text').textContent()).toBe('发帖人称已删帖 <script>alert(1)</script>')
    await first.getByRole('button', { name: '更正' }).click()
    expect(await notes.locator('.notice').textContent()).toContain('正在更正第 2 条')
    await notes.getByLabel('备注内容').fill('更正：帖子仍在，仅被折叠')
    await notes.getByRole('button', { name: '提交更正' }).click()
    await page.locator('#notes li[data-seq="3"]', { hasText: '更正第 2 条' }).waitFor()
    expect(await first.getAttribute('class')).toContain('corrected')
    expect(await first.locator('.badge.corrected').textContent()).toBe('已由第 3 条更正')
    await page.locator('#journal > li[data-type="NOTE_ADDED"]').nth(1).waitFor()

    // Owner: assigned, then handed over with the reason.
    const owner = page.locator('#owner-form')
    expect(await page.locator('#owner-now').textContent()).toBe('尚未指派负责人。')
    await owner.getByLabel('负责人姓名').fill('张三')
    await owner.getByLabel('理由').fill('值班安排')
    await owner.getByRole('button', { name: '指派' }).click()
    await page.locator('#owner-now', { hasText: '现由 张三 负责。' }).waitFor()
    await owner.getByLabel('负责人姓名').fill('李四')
    await owner.getByLabel('理由').fill('交班：夜班接手')
    await owner.getByRole('button', { name: '移交' }).click()
    await page.locator('#owner-now', { hasText: '现由 李四 负责。' }).waitFor()
    await page.locator('#journal > li[data-type="OWNER_HANDED_OVER"]').waitFor()
    expect(await page.locator('#journal > li[data-type="OWNER_HANDED_OVER"]').textContent()).toContain(
      '交班：夜班接手',
    )

    // A required document: fetched with the token, opened from a blob URL in a new tab.
    const doc = page.locator('#documents li[data-document="report"]')
    await doc.waitFor()
    expect(await doc.textContent()).toContain('舆情报告')
    expect(await doc.textContent()).toContain('依据四(二)')
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      doc.getByRole('button', { name: '打开打印版' }).click(),
    ])
    await popup.waitForURL(/^blob:/)
    await popup.locator('h1').waitFor()
    expect(await popup.locator('h1').textContent()).toContain('舆情报告')
    expect(await popup.locator('body').textContent()).toContain(title)
    expect(await popup.locator('body').textContent()).toContain('负责人李四') // the incident's data as it is now
    // Print-ready: the console's copy of the print styles applies (the page's inline <style> cannot).
    await popup.waitForLoadState('load') // the stylesheet too
    const border = await popup
      .locator('td')
      .first()
      .evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { borderTopStyle: string } }
          ).getComputedStyle(el).borderTopStyle,
      )
    expect(border).toBe('solid')
    await popup.screenshot({ path: `${SHOTS}/document.png`, fullPage: true })
    await popup.close()
    // Reading it wrote nothing to the incident (API.md "reads that write nothing").
    await page.screenshot({ path: `${SHOTS}/duty.png`, fullPage: true })
    expect(await page.locator('#journal > li[data-type="DOCUMENT_GENERATED"]').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()

    const history = (await (
      await fetch(`${suite.server.base}/incidents/${id}/history`, {
        headers: { authorization: `Bearer ${TOKENS.auditor}` },
      })
    ).json()) as { items: Array<{ type: string; payload: Record<string, unknown> }> }
    expect(history.items.at(-1)).toMatchObject({ type: 'OWNER_HANDED_OVER' })
  })

  it('takes the role from the server (GET /whoami), not the picker, and offers an auditor no writing', async () => {
    const title = `角色 ${unique()}`
    const { id } = await api('office', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title,
      facts: { reposts: 25 },
    })
    await api('office', 'POST', `/incidents/${id}/notes`, { text: '已核实' })
    const page = await suite.page()
    await signIn(page, 'group', 'office') // the picker says office; the token is the group's
    expect(await page.locator('#who-role').textContent()).toContain('领导小组')
    expect(await page.locator('#who-name').textContent()).toBe('赵组长')
    await signOut(page)

    await signIn(page, 'auditor')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await phaseShown(page, 'discovery')
    await page.locator('#notes li[data-seq="2"]', { hasText: '已核实' }).waitFor()
    expect(await page.locator('#note-form').count()).toBe(0)
    expect(await page.locator('#owner-form').count()).toBe(0)
    expect(await page.locator('#notes button').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
