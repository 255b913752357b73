/**
 * The list's pages belong to the query they came from. GET /incidents encodes the sort in
 * `nextCursor` and refuses it (400 on `cursor`) under another sort; under other filters it
 * pages the new query from the old position. So "加载更多" asks only the query its cursor
 * came from, and an answer (a page, a reload, a poll) for a query the filters no longer ask
 * is dropped: changing the filters while an answer is on its way never shows an error, nor
 * rows of the former query. A cursor the API still refuses is said in the reader's language
 * and the list is read again from the first page.
 */
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { hold, LIST, listedIds, shown } from './list-hold.js'
import { consoleSuite } from './suite.js'

/** More than one page of the console's list (50 rows a page). */
const OPENED = 55
const TAG = `翻页测试-${Math.random().toString(36).slice(2, 8)}`

describe.skipIf(!chromiumAvailable())('the list: a page belongs to the query it came from', () => {
  const suite = consoleSuite()

  /** The ids GET /incidents lists for the console's default filters under `sort`, all of them. */
  const ids = (sort: 'nextDue' | 'created') => listedIds(suite, sort)
  async function open(n: number) {
    for (let i = 0; i < n; i += 5)
      await Promise.all(
        Array.from({ length: Math.min(5, n - i) }, (_, k) =>
          suite.api('office', 'POST', '/incidents', {
            planId: 'nanning-aic-2017',
            title: `${TAG} ${i + k}`,
            facts: { reposts: 25 },
          }),
        ),
      )
  }
  const errors = (page: Page) => page.locator('#messages .message.error').allTextContents()
  /** Applies the sort chosen, as a user does with the filter form. */
  async function sortBy(page: Page, sort: 'nextDue' | 'created') {
    await page.getByLabel('排序').selectOption(sort)
    await page.getByRole('button', { name: '筛选', exact: true }).click()
  }
  /** Waits until the list shows exactly `want` (by id, in order). */
  const until = (page: Page, want: string[]) =>
    expect.poll(() => shown(page), { timeout: 15_000 }).toEqual(want)

  async function listed(): Promise<Page> {
    const page = await suite.page()
    await signIn(page, 'office')
    await until(page, (await ids('nextDue')).slice(0, 50))
    await page.getByRole('button', { name: '加载更多' }).waitFor()
    return page
  }

  it('opens more than a page of incidents, whose two orders differ', async () => {
    await open(OPENED)
    const [due, created] = await Promise.all([ids('nextDue'), ids('created')])
    expect(due).toHaveLength(OPENED)
    expect(created.slice(0, 50)).not.toEqual(due.slice(0, 50))
  })

  it('"more" clicked before the reload of another sort answers: no error, then the new order’s pages', async () => {
    const page = await listed()
    const reload = await hold(page, (q) => q.get('sort') === 'created' && !q.has('cursor'))
    await sortBy(page, 'created')
    await reload.arrived
    await page.getByRole('button', { name: '加载更多' }).click()
    await page.waitForTimeout(800)
    expect(await errors(page)).toEqual([])
    reload.release()
    const created = await ids('created')
    await until(page, created.slice(0, 50))
    await page.getByRole('button', { name: '加载更多' }).click()
    await until(page, created)
    expect(await errors(page)).toEqual([])
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('a page of the former sort answering after the reload is not appended to the new list', async () => {
    const page = await listed()
    const page2 = await hold(page, (q) => q.has('cursor'))
    await page.getByRole('button', { name: '加载更多' }).click()
    await page2.arrived
    await sortBy(page, 'created')
    const created = await ids('created')
    await until(page, created.slice(0, 50))
    await page2.deliver()
    expect(await shown(page)).toEqual(created.slice(0, 50))
    // The button pages the new order (a page of the former would have taken it away: its last).
    await page.getByRole('button', { name: '加载更多' }).click()
    await until(page, created)
    expect(await errors(page)).toEqual([])
    await page.context().close()
  })

  it('an earlier reload answering after a later one does not replace it', async () => {
    const page = await listed()
    const earlier = await hold(page, (q) => q.get('sort') === 'created')
    await sortBy(page, 'created')
    await earlier.arrived
    await sortBy(page, 'nextDue')
    const due = await ids('nextDue')
    await page.waitForTimeout(500)
    await earlier.deliver()
    expect(await shown(page)).toEqual(due.slice(0, 50))
    expect(await page.locator('#incidents caption').textContent()).toContain('最近截止在前')
    await page.context().close()
  })

  it('a re-read of the former filters answering after the new ones does not replace them', async () => {
    const page = await listed()
    // A change on the server (a new incident) makes the list re-read its query.
    const reread = await hold(page, (q) => q.get('sort') === 'nextDue' && !q.has('cursor'))
    await open(1)
    await reread.arrived
    await sortBy(page, 'created')
    const created = await ids('created')
    await until(page, created.slice(0, 50))
    await reread.deliver()
    expect(await shown(page)).toEqual(created.slice(0, 50))
    expect(await page.locator('#incidents caption').textContent()).toContain('最新立案在前')
    await page.context().close()
  })

  it('a cursor the API refuses is said in the reader’s words, and the list starts again', async () => {
    const page = await listed()
    // A cursor of the other order, as a page made before the sort changed would carry.
    const foreign = Buffer.from(`created|2020-01-01T00:00:00.000Z|x`).toString('base64url')
    const forge = async (route: Route) => {
      const url = new URL(route.request().url())
      if (!url.searchParams.has('cursor')) return route.fallback()
      url.searchParams.set('cursor', foreign)
      await route.continue({ url: url.toString() })
    }
    await page.route(LIST, forge)
    const due = (await ids('nextDue')).slice(0, 50)
    const firstPage = page.waitForRequest((r) => {
      const url = new URL(r.url())
      return LIST(url) && url.searchParams.get('sort') === 'nextDue' && !url.searchParams.has('cursor')
    })
    await page.getByRole('button', { name: '加载更多' }).click()
    const zh = page.locator('#messages .message.error')
    await zh.waitFor()
    const said = (await zh.textContent()) ?? ''
    expect(said).not.toMatch(/cursor|sort/i)
    expect(said).toMatch(/[\u4e00-\u9fff]{6}/)
    await firstPage
    await until(page, due)
    await page.screenshot({ path: `${SHOTS}/list-cursor-refused.png` })

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Load more' }).click()
    const latin = async () => (await errors(page)).filter((m) => !/[\u4e00-\u9fff]/.test(m))
    await expect.poll(latin, { timeout: 15_000 }).toHaveLength(1)
    const [english = ''] = await latin()
    expect(english).not.toMatch(/cursor|[\u4e00-\u9fff]/i)
    expect(english).toMatch(/^[A-Z][a-z]+ /)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('a filter the API refuses is named by its label in the form, not by its query parameter', async () => {
    const page = await listed()
    await page.getByLabel('搜索标题或来源链接').fill('长'.repeat(201))
    await page.getByRole('button', { name: '筛选', exact: true }).click()
    const said = page.locator('section.list .error-text')
    await said.waitFor()
    expect(await said.textContent()).toBe('请修改以下内容：搜索标题或来源链接')
    await page.context().close()
  })

  it('the heading says what the phase filter shows: open incidents, all, closed or one phase', async () => {
    const page = await listed()
    const heading = page.locator('section.list h1')
    expect(await heading.textContent()).toBe('进行中的事件')
    for (const [phase, want] of [
      ['', '全部事件'],
      ['closed', '已结束的事件'],
      ['reporting', '处于“报告”阶段的事件'],
      ['open', '进行中的事件'],
    ] as const) {
      await page.getByLabel('阶段').selectOption(phase)
      await page.getByRole('button', { name: '筛选', exact: true }).click()
      await expect.poll(() => heading.textContent()).toBe(want)
    }
    await page.context().close()
  })
})
