/**
 * A colleague's step told by the incident's live stream shows beside the confirmation of one's
 * own last step, not instead of it: both stay until dismissed; a later notice of others
 * replaces the earlier one only, and one's next step replaces one's own message only.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumAvailable, phaseShown, SHOTS, scriptErrors, send, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const REPORT = {
  platform: '新浪微博',
  time: '上午',
  place: '青秀区',
  unit: '青秀分局',
  course: '网民发帖',
  result: '已到场',
  leaning: '质疑',
}

describe.skipIf(!chromiumAvailable())('messages: one’s own and the live stream’s', () => {
  const suite = consoleSuite()

  it('keeps the confirmation of one’s own step when a colleague’s step arrives', async () => {
    const { id } = await suite.api('monitor', 'POST', '/incidents', {
      planId: 'nanning-aic-2017',
      title: '本人提示与同事提示',
    })
    const page = await suite.page()
    await signIn(page, 'office')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#live-status[data-live="true"]').waitFor()
    await phaseShown(page, 'discovery')

    await send(page, 'KEEP_EVIDENCE', { kind: 'webpage', description: '原帖截图', reference: 'sha256:1' })
    const messages = page.locator('#messages .message')
    const own = messages.filter({ hasText: '已提交「保存证据」' })
    await own.waitFor()

    await suite.api('monitor', 'POST', `/incidents/${id}/events`, {
      type: 'REPORT',
      to: ['leader', 'office'],
      ...REPORT,
    })
    const theirs = messages.filter({ hasText: '李监测（舆情监测）已办理「报告」' })
    await theirs.waitFor({ timeout: 10_000 })
    expect(await own.count()).toBe(1)
    expect(await messages.count()).toBe(2)
    await page.locator('#messages').screenshot({ path: join(SHOTS, 'live-own-message.png') })

    // A second colleague's step replaces the first notice, not one's own confirmation.
    await suite.api('leader', 'POST', `/incidents/${id}/events`, {
      type: 'REPORT',
      to: ['principal'],
      ...REPORT,
    })
    await messages.filter({ hasText: '钱分管（分管领导）已办理「报告」' }).waitFor({ timeout: 10_000 })
    expect(await theirs.count()).toBe(0)
    expect(await own.count()).toBe(1)
    expect(await messages.count()).toBe(2)

    // Each is dismissed on its own.
    await own.locator('button').click()
    expect(await messages.count()).toBe(1)
    expect(scriptErrors(page)).toEqual([])
    await page.context().close()
  })
})
