/**
 * The list tells a duty officer what HIS role owes (README "Web console"): per incident,
 * 本岗位应办 N with the nearest due time of those obligations (overdue marked as the list
 * marks it), nothing where only other roles owe something; 只看本岗位应办 keeps only the
 * incidents that owe something of his role (GET /incidents?owedBy=<role>).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { callApi, chromiumAvailable, SHOTS, scriptErrors, signIn, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

interface Obligation {
  id: string
  status: string
  owedBy: string[]
  dueAt: string | null
}
interface View {
  id: string
  version: number
  owed: number
  obligations: Obligation[]
}

/** The console's time format (time.js): Beijing time, 2026/09/30 10:00:00. */
const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})
const dueOf = (v: View, id: string) => {
  const due = v.obligations.find((o) => o.id === id)?.dueAt
  if (!due) throw new Error(`${id} has no due time in ${JSON.stringify(v.obligations)}`)
  return beijing.format(new Date(due))
}

describe.skipIf(!chromiumAvailable())('the list: what the signed-in role owes', () => {
  const suite = consoleSuite()

  const api = <T = View>(who: Who, method: string, path: string, body?: unknown) =>
    callApi<T>(suite.server, who, method, path, body)
  /** The incident as the API shows it once `done` holds (the timers fire about once a second). */
  async function until(id: string, done: (v: View) => boolean): Promise<View> {
    for (let i = 0; i < 100; i++) {
      const v = await api('office', 'GET', `/incidents/${id}`)
      if (done(v)) return v
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`incident ${id} did not reach the expected state`)
  }
  const row = (page: Page, id: string) => page.locator(`#incidents tr[data-id="${id}"]`)

  it('counts per incident what the role owes, with the nearest due time, and filters to them', async () => {
    // Owes the office: 向领导小组报告 (discovered 40 minutes ago: due 10 minutes ago, overdue),
    // 报市网信办备案 (due later), and, once the first is breached, its 超时上报.
    const mine = await api('office', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: '办公室有待办的舆情',
      severity: 'general',
      severityReason: '关注度较高',
      discoveredAt: new Date(Date.now() - 40 * 60_000).toISOString(),
    })
    const a = await until(mine.id, (v) => v.obligations.some((o) => o.id === 'escalate#1'))
    const owedByOffice = a.obligations.filter((o) => o.status === 'owed' && o.owedBy.includes('office'))
    expect(owedByOffice.map((o) => o.id).sort()).toEqual(['escalate#1', 'report:filing#1', 'report:group#1'])
    // Owes only others: the monitor has reported to the group; the spokesperson's reply and
    // the group's decision on a press conference remain.
    const others = await api('monitor', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: '只欠他人的舆情',
    })
    const b = await api('monitor', 'POST', `/incidents/${others.id}/events`, {
      type: 'REPORT',
      to: ['group'],
      summary: '已向领导小组报告',
    })
    expect(b.owed).toBe(2)
    expect(b.obligations.filter((o) => o.status === 'owed' && o.owedBy.includes('office'))).toEqual([])

    const page = await suite.page()
    await signIn(page, 'office')
    await row(page, b.id).waitFor()
    await row(page, a.id).waitFor()

    const minePart = row(page, a.id).locator('.role-owed')
    expect(await minePart.textContent()).toContain('本岗位应办 3')
    expect(await minePart.textContent()).toContain(dueOf(a, 'report:group#1'))
    expect(await minePart.locator('.badge.overdue').textContent()).toBe('已超时')
    // Beside the total, which stays as it was.
    expect(await row(page, a.id).locator('td.owed').textContent()).toContain(`${a.owed} 项待办`)
    expect(await row(page, b.id).locator('td.owed').textContent()).toContain('2 项待办')
    expect(await row(page, b.id).locator('.role-owed').count()).toBe(0)
    expect(await row(page, b.id).textContent()).not.toContain('本岗位应办')
    await page.screenshot({ path: `${SHOTS}/role-owed.png` })

    // Once the overdue report is made, the nearest due time is 备案's, not overdue (the
    // list re-reads on the event stream).
    const after = await api('office', 'POST', `/incidents/${a.id}/events`, {
      type: 'REPORT',
      to: ['group'],
      summary: '已向领导小组报告',
    })
    const owedNow = after.obligations.filter((o) => o.status === 'owed' && o.owedBy.includes('office'))
    await expect
      .poll(() => minePart.textContent(), { timeout: 10_000 })
      .toContain(`本岗位应办 ${owedNow.length}`)
    expect(await minePart.textContent()).toContain(dueOf(after, 'report:filing#1'))
    expect(await minePart.locator('.badge.overdue').count()).toBe(0)

    await page.getByLabel('只看本岗位应办').check()
    await page.getByRole('button', { name: '筛选' }).click()
    await row(page, b.id).waitFor({ state: 'detached' })
    expect(await page.locator('#incidents tr[data-id]').count()).toBe(1)
    await row(page, a.id).waitFor()
    await page.screenshot({ path: `${SHOTS}/role-owed-filtered.png` })

    await page.locator('#lang-toggle').click()
    await page.locator('#incidents').waitFor()
    expect(await row(page, a.id).locator('.role-owed').textContent()).toContain(
      `Owed by your role: ${owedNow.length}`,
    )
    expect(await page.getByLabel('Owed by your role only').isChecked()).toBe(true)
    await page.screenshot({ path: `${SHOTS}/role-owed-en.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
