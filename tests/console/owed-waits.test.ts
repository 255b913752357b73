/**
 * A duty of one's own whose step the plan holds until other duties are settled says which
 * (the view's `waitsFor`), named as the owed list names them, in Chinese and in English:
 * saws-2014's review summary (六(四), the event that closes) waits for the follow-up of
 * 六(一)–六(三); "the flow has not reached this step" is kept for a step it truly has not
 * reached (the solving of 五(四)2 before the response). A report that waits for the grade
 * offers the grading first: nanchong-npc-2022's report to the group of an incident recorded
 * late and unclassified (三(一)–三(二), overdue at once).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, SHOTS, scriptErrors, signIn, signOut, type Who } from './harness.js'
import { consoleSuite } from './suite.js'

interface Owed {
  id: string
  label: string
  status: string
  recipient: { label: string } | null
  waitsFor?: string[]
}
interface View {
  id: string
  phase: string
  obligations: Owed[]
}

describe.skipIf(!chromiumAvailable())('the owed list says what a duty waits for', () => {
  const suite = consoleSuite()
  const send = (id: string, who: Who, type: string, fields: Record<string, unknown> = {}) =>
    suite.api<View>(who, 'POST', `/incidents/${id}/events`, { type, ...fields })
  const waiveAll = async (v: View) => {
    let now = v
    for (const o of v.obligations.filter((x) => x.status === 'owed'))
      now = await send(v.id, 'leader', 'WAIVE', { obligation: o.id, reason: '本例不需要' })
    return now
  }

  /** A saws-2014 incident (一般, 批评) in consultation, and a function taking it on to the review. */
  async function sawsCriticism(title: string) {
    const v = await suite.api<View>('office', 'POST', '/incidents', {
      planId: 'saws-2014',
      title,
      severity: 'general',
      severityReason: '值班研判',
    })
    await send(v.id, 'monitor', 'REPORT', { to: ['office'], channel: 'bulletin' })
    await send(v.id, 'office', 'CONVENE')
    await send(v.id, 'unit', 'PROPOSE', { category: 'criticism', proposal: '解决反映的问题' })
    const toReview = async () => {
      await waiveAll(await send(v.id, 'office', 'START_RESPONSE'))
      await waiveAll(await send(v.id, 'monitor', 'SUBSIDE'))
      const reviewing = await send(v.id, 'unit', 'DISPOSAL_DONE')
      expect(reviewing.phase).toBe('review')
      return reviewing
    }
    return { id: v.id, toReview }
  }

  async function openAs(page: Page, who: Who, id: string) {
    await signIn(page, who)
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#owed-list').waitFor()
    await page.locator('#phase').waitFor()
  }
  const hint = (page: Page, id: string) =>
    page.locator(`#owed tr[data-obligation="${id}"] [data-not-yet]`).textContent()

  it('the review summary names the follow-up it waits for, in zh and en; a step not reached says so', async () => {
    const { id, toReview } = await sawsCriticism('网民质疑答复（总结待后续）')
    const page = await suite.page()
    await openAs(page, 'unit', id)
    expect(await hint(page, 'solve:criticism#1')).toBe('当前尚不能办理：流程还未到这一步')
    await signOut(page)

    const reviewing = await toReview()
    const waited = reviewing.obligations.filter((o) =>
      reviewing.obligations.find((r) => r.id === 'review#1')?.waitsFor?.includes(o.id),
    )
    expect(waited.map((o) => o.id)).toEqual(['followup:track#1', 'followup:guide#1', 'followup:talk#1'])
    const named = (o: Owed) => (o.recipient ? `${o.label} → ${o.recipient.label}` : o.label)
    await openAs(page, 'office', id)
    const zh = await hint(page, 'review#1')
    expect(zh).toBe(`当前尚不能办理：须先办结${waited.map((o) => `「${named(o)}」`).join('、')}`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.locator('#owed [data-not-yet]', { hasText: 'not possible yet' }).first().waitFor()
    const en = await hint(page, 'review#1')
    expect(en).toBe(`not possible yet: first settle ${waited.map((o) => `“${named(o)}”`).join(', ')}`)
    await page.getByRole('button', { name: '中文' }).click()
    await page.locator('#owed [data-not-yet]', { hasText: '当前尚不能办理' }).first().waitFor()

    // One settled (done), one fewer named; the rest settled, the summary's button.
    await send(id, 'office', 'GUIDE')
    await page.reload()
    await page.locator('#owed-list').waitFor()
    expect(await hint(page, 'review#1')).not.toContain('继续引导')
    await send(id, 'unit', 'KEEP_TALKING')
    await send(id, 'monitor', 'TRACK')
    await page.reload()
    await page.locator('#owed tr[data-obligation="review#1"] button[data-discharge]').waitFor()
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })

  it('nanchong-npc-2022, recorded late and unclassified: the overdue report offers 分类定级 first', async () => {
    const past = new Date(Date.now() - 40 * 60_000).toISOString()
    const v = await suite.api<View>('monitor', 'POST', '/incidents', {
      planId: 'nanchong-npc-2022',
      title: '补录的舆情（未定级）',
      discoveredAt: past,
      occurredAt: past,
    })
    const page = await suite.page()
    await openAs(page, 'monitor', v.id)
    const row = page.locator('#owed tr[data-obligation="report:group#1"]')
    const first = row.locator('button[data-first-step]')
    expect(await first.getAttribute('data-event')).toBe('CLASSIFY')
    expect(await first.textContent()).toBe('先分类定级')
    expect(await row.textContent()).not.toContain('流程还未到这一步')
    await first.click()
    await page.locator('form[data-event="CLASSIFY"]').waitFor()
    await signOut(page)
    // The auditor, who owes nothing and grades nothing: who grades it first.
    await openAs(page, 'auditor', v.id)
    expect(await row.locator('.hint').textContent()).toBe('先由舆情监测、办公室、领导小组「分类定级」')
    await page.screenshot({ path: `${SHOTS}/owed-waits-grade.png` })
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
