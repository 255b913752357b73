/**
 * The 监测数据更新 form (METRICS_UPDATED, `{ facts, note? }`) opens with the incident's
 * current facts: its 跨地区传播 box ticked and its numbers filled in, so a monitor who
 * changes only the reposts sends crossRegion true again instead of turning it false (a
 * box the form showed unticked was sent as false; the form was never pre-filled). And
 * form.js's fill reaches the controls of nested object fields (`facts.reposts`). What the
 * form shows is what it sends: an unticked box is false, an empty number is left out.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { callApi, chromiumAvailable, SHOTS, scriptErrors, signIn } from './harness.js'
import { consoleSuite } from './suite.js'

const run = chromiumAvailable()
const FACTS = { reposts: 120, clicksPerDay: 3000, crossRegion: true, foreignMedia: false }

/** METRICS_UPDATED's payload in small: a nested object of numbers and booleans, and a note. */
const SCHEMA = {
  type: 'object',
  properties: {
    facts: {
      type: 'object',
      properties: {
        reposts: { type: 'integer' },
        sites: { type: 'integer' },
        crossRegion: { type: 'boolean' },
        mainstreamMedia: { type: 'boolean' },
      },
    },
    note: { type: 'string', maxLength: 200 },
  },
}

interface View {
  id: string
  version: number
  facts: Record<string, unknown>
}
interface Journal {
  items: Array<{ type: string; payload: { facts?: Record<string, unknown> } }>
}

describe.skipIf(!run)('web console: the 监测数据更新 form starts from the incident’s facts', () => {
  const suite = consoleSuite()

  it('shows crossRegion ticked and the numbers; a change of reposts alone keeps crossRegion true', async () => {
    const { id } = await callApi<View>(suite.server, 'monitor', 'POST', '/incidents', {
      planId: 'hrss-city',
      title: '跨地区传播的舆情',
      severity: 'general',
      severityReason: '关注度较高',
      facts: FACTS,
    })
    const page = await suite.page()
    await signIn(page, 'monitor')
    await page.goto(`${suite.server.base}/#/incidents/${id}`)
    await page.locator('#actions button[data-event="METRICS_UPDATED"]').click()
    const form = page.locator('form[data-event="METRICS_UPDATED"]')
    const box = (name: string) => form.locator(`[name="facts.${name}"]`)

    await expect(form.locator('#facts-hint-METRICS_UPDATED').textContent()).resolves.toContain(
      '已填入事件当前的传播数据',
    )
    await expect(box('crossRegion').isChecked()).resolves.toBe(true)
    await expect(box('foreignMedia').isChecked()).resolves.toBe(false)
    await expect(box('reposts').inputValue()).resolves.toBe('120')
    await expect(box('clicksPerDay').inputValue()).resolves.toBe('3000')
    await expect(box('sites').inputValue()).resolves.toBe('')
    await box('reposts').fill('450')
    await form.screenshot({ path: join(SHOTS, 'facts-prefill.png') })

    await form.locator('button[type="submit"]').click()
    await form.waitFor({ state: 'detached' })
    const after = await callApi<View>(suite.server, 'monitor', 'GET', `/incidents/${id}`)
    expect(after.facts).toMatchObject({ ...FACTS, reposts: 450 })
    const { items } = await callApi<Journal>(suite.server, 'monitor', 'GET', `/incidents/${id}/history`)
    const sent = items.filter((e) => e.type === 'METRICS_UPDATED').at(-1)
    // What the form showed is what was sent: the boxes the incident never set went unticked (false,
    // which the plans read as unset), the numbers it never set empty (left out).
    expect(sent?.payload.facts).toEqual({
      ...FACTS,
      reposts: 450,
      largeImageImpact: false,
      mainstreamMedia: false,
    })
    expect(scriptErrors(page)).toEqual([])
  }, 90_000)

  it('form.js fill reaches nested object fields (facts.*): ticks, numbers, and leaves the rest', async () => {
    const page = await suite.page()
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const shown = await page.evaluate(`(async () => {
      const { schemaForm } = await import('/console/form.js')
      const f = schemaForm(${JSON.stringify(SCHEMA)})
      f.fill({ facts: { reposts: 7, crossRegion: true, mainstreamMedia: false }, note: '复核' })
      return f.read()
    })()`)
    expect(shown).toEqual({
      facts: { reposts: 7, crossRegion: true, mainstreamMedia: false },
      note: '复核',
    })
  }, 30_000)
})
