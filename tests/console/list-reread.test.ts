/**
 * The list re-reads the rows on screen when the service says something changed (the event
 * stream; a poll while it is down). A click on "加载更多" while such a re-read is on its way is
 * honoured: the next page is asked once the re-read is read, from where it ends (it was dropped:
 * the re-read's answer replaced the rows and the page, answering after it, was thrown away). And a
 * re-read keeps what the user has loaded: past the 200 rows one answer gives, it reads as many
 * as are on screen, 200 at a time (it showed the first 200 only, and every re-read cut the list again).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, scriptErrors, signIn } from './harness.js'
import { hold, LIST, listedIds, shown } from './list-hold.js'
import { consoleSuite } from './suite.js'

const TAG = `重读测试-${Math.random().toString(36).slice(2, 8)}`

describe.skipIf(!chromiumAvailable())('the list: a re-read neither drops "more" nor what was loaded', () => {
  const suite = consoleSuite()

  /** The ids GET /incidents lists for the console's default filters under `sort`, all of them. */
  const ids = (sort: 'nextDue' | 'created' = 'nextDue') => listedIds(suite, sort)
  let opened = 0
  async function open(n: number) {
    for (let i = 0; i < n; i += 10)
      await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, () =>
          suite.api('office', 'POST', '/incidents', {
            planId: 'nanning-aic-2017',
            title: `${TAG} ${opened++}`,
            facts: { reposts: 25 },
          }),
        ),
      )
  }
  const until = (page: Page, want: string[]) =>
    expect.poll(() => shown(page), { timeout: 20_000 }).toEqual(want)
  const more = (page: Page) => page.getByRole('button', { name: '加载更多' })
  /** The list on screen under `sort` (the default, or newest first as the filter form asks). */
  async function listed(sort: 'nextDue' | 'created' = 'nextDue'): Promise<Page> {
    const page = await suite.page()
    await signIn(page, 'office')
    await until(page, (await ids()).slice(0, 50))
    if (sort === 'created') {
      await page.getByLabel('排序').selectOption(sort)
      await page.getByRole('button', { name: '筛选', exact: true }).click()
      await until(page, (await ids(sort)).slice(0, 50))
    }
    await more(page).waitFor()
    return page
  }

  it('"more" clicked while a re-read is on its way asks the next page once the re-read is read', async () => {
    await open(55)
    // Newest first: a new incident is a row on screen, so the re-read changes the rows.
    const page = await listed('created')
    // A change on the server (a new incident) makes the list re-read its rows; its answer waits.
    const reread = await hold(page, (q) => !q.has('cursor'))
    await open(1)
    const rereadAsked = await reread.arrived
    // The next page, if asked before the re-read is read, answers after it.
    const next = await hold(page, (q) => q.has('cursor'))
    await more(page).click()
    await page.waitForTimeout(500)
    reread.release()
    await (await rereadAsked.response())?.finished()
    await page.waitForTimeout(300)
    next.release()
    await until(page, await ids('created'))
    expect(await page.locator('#messages .message.error').count()).toBe(0)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('a re-read past 200 rows keeps every row loaded, and "more" goes on from there', async () => {
    await open(250 - opened)
    const page = await listed()
    for (const n of [100, 150, 200, 250]) {
      await more(page).click()
      await until(page, (await ids()).slice(0, n))
    }
    // A change on the server: the list re-reads the 250 rows on screen (it read the first 200 only).
    const reread = page
      .waitForRequest((r) => LIST(new URL(r.url())) && !new URL(r.url()).searchParams.has('cursor'))
      .then((r) => r.response())
    await open(6)
    await (await reread)?.finished()
    await page.waitForTimeout(500)
    const all = await ids()
    await until(page, all.slice(0, 250))
    await more(page).click()
    await until(page, all)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
