/**
 * A deadline in working days counts down in working days (README "Web console"): on a
 * Friday evening, 南宁市工商局's extended formal reply (最长10个工作日内确定答复意见) says
 * 剩 N 个工作日 as the plan counts them on the service's calendar, not the wall-clock days
 * that include the weekend (those stay in its tooltip); deadlines in hours keep the
 * wall-clock countdown. The browser's clock is set to the first Friday 19:00 (Beijing)
 * after the incident is opened, so a weekend lies between it and the due time.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../../src/calendar/index.js'
import { callApi, chromiumAvailable, SHOTS, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

interface View {
  id: string
  version: number
  obligations: Array<{ id: string; rule: string }>
  deadlines: Array<{ id: string; name: string; dueAt: string; status: string }>
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const BEIJING_MS = 8 * HOUR_MS

/** The first Friday 19:00 in Beijing time after `after` (epoch ms). */
function fridayEveningAfter(after: number): number {
  for (let day = Math.floor((after + BEIJING_MS) / DAY_MS); ; day++) {
    const evening = day * DAY_MS - BEIJING_MS + 19 * HOUR_MS
    if (new Date(day * DAY_MS).getUTCDay() === 5 && evening > after) return evening
  }
}

/** As the plan counts: the most N whose "within N working days" from `now` ends by `due`. */
function workingDaysBy(now: number, due: number): number {
  const calendar = createCalendar()
  let n = 0
  while (calendar.addWorkingDays(new Date(now), n + 1).at.getTime() <= due) n++
  return n
}

describe.skipIf(!chromiumAvailable())('the countdown of a deadline in working days', () => {
  const suite = consoleSuite()

  /** A page whose clock stands at `time` from its first script on. */
  async function pageAt(time: number): Promise<{ page: Page; errors: string[] }> {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    })
    await context.clock.setFixedTime(new Date(time))
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    return { page, errors }
  }

  it('says 剩 N 个工作日 on a Friday evening, the weekend not counted, in zh and en', async () => {
    const opened = await callApi(suite.server, 'office', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: '周五晚的答复时限',
    })
    // 误读: no answer owed in hours, so the reply is the nearest deadline the list shows.
    await callApi(suite.server, 'office', 'POST', `/incidents/${opened.id}/events`, {
      type: 'SET_CATEGORY',
      category: 'misreading',
    })
    await callApi(suite.server, 'office', 'POST', `/incidents/${opened.id}/events`, {
      type: 'FORMAL_HANDLING',
    })
    const v = await callApi<View>(suite.server, 'office', 'POST', `/incidents/${opened.id}/events`, {
      type: 'EXTEND',
      explanation: '需现场复核',
    })
    const reply = v.deadlines.find((d) => d.name === 'formalReplyExtended' && d.status === 'pending')
    if (!reply) throw new Error(`no pending extended reply in ${JSON.stringify(v.deadlines)}`)
    expect(v.obligations.find((o) => o.id === reply.id)?.rule).toBe('answer:extended')
    const pending = v.deadlines.filter((d) => d.status === 'pending')
    expect(pending.map((d) => d.name)).toEqual(['formalReplyExtended'])
    const due = Date.parse(reply.dueAt)
    const friday = fridayEveningAfter(Date.now())
    const n = workingDaysBy(friday, due)
    // The weekend lies between: the wall clock would say more days than there are working days.
    expect(n).toBeGreaterThanOrEqual(1)
    expect(Math.floor((due - friday) / DAY_MS)).toBeGreaterThan(n)

    const { page, errors } = await pageAt(friday)
    await page.goto(`${suite.server.base}/#/incidents/${encodeURIComponent(opened.id)}`)
    await signIn(page, 'office')
    const inTable = page.locator('#deadlines tr[data-deadline="formalReplyExtended"] .countdown')
    const inOwed = page.locator(`#owed-list tr[data-obligation="${reply.id}"] .countdown`)
    await expect.poll(() => inTable.textContent(), { timeout: 15_000 }).toBe(`剩 ${n} 个工作日`)
    expect(await inTable.getAttribute('data-working-days-left')).toBe(String(n))
    expect(await inTable.getAttribute('title')).toMatch(/^剩余 \d+天/)
    expect(await inOwed.textContent()).toBe(`剩 ${n} 个工作日`)
    // Deadlines in hours or working hours keep the wall-clock countdown.
    for (const other of await page.locator('#deadlines .countdown:not([data-unit])').all())
      expect(await other.textContent()).not.toContain('工作日')
    await inTable.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/workday-countdown.png` })

    // The list's nearest deadline says the same.
    await page.goto(`${suite.server.base}/#/`)
    const listed = page.locator(`#incidents tr[data-id="${opened.id}"] td.deadline .countdown`)
    await expect.poll(() => listed.textContent(), { timeout: 15_000 }).toBe(`剩 ${n} 个工作日`)
    await page.screenshot({ path: `${SHOTS}/workday-countdown-list.png` })
    await page.goto(`${suite.server.base}/#/incidents/${encodeURIComponent(opened.id)}`)

    await page.locator('#lang-toggle').click()
    await expect
      .poll(() => inTable.textContent(), { timeout: 15_000 })
      .toBe(`${n} working day${n === 1 ? '' : 's'} left`)
    expect(await inTable.getAttribute('title')).toMatch(/^\d+d /)
    expect(errors).toEqual([])
  })
})
