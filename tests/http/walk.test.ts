/**
 * Every plan, at every grade, walked from POST /incidents to phase `closed` over HTTP
 * by a client that knows only GET /plans/:planId and `allowedEvents` (./driver.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { walkToClosed } from './driver.js'

let t: TestApp

/**
 * Plans whose description does not tell a client enough to close an incident. For each,
 * the test asserts that the walk still gets stuck: once the machine is fixed that
 * assertion fails, and the entry is to be deleted.
 */
const KNOWN_GAPS: Record<string, string> = {}

describe.each(STORE_KINDS)('on %s', (kind) => {
  beforeEach(async () => {
    t = await testApp({ kind })
  })
  afterEach(() => t.close())

  describe.each(currentPlans().map((p) => [p.id, p] as const))('%s over HTTP', (planId, plan) => {
    const gap = KNOWN_GAPS[planId]
    const title = gap ? `gets stuck at %s (known gap: ${gap})` : 'walks an incident at %s from open to closed'
    it.each(plan.severities.map((s) => s.code))(title, async (severity) => {
      if (gap) {
        await expect(walkToClosed(t, planId, { severity })).rejects.toThrow(/is stuck|did not close/)
        return
      }
      const { view, steps } = await walkToClosed(t, planId, { severity })
      expect(view.phase).toBe('closed')
      expect(view.closedAt).not.toBeNull()
      expect(view.allowedEvents).toEqual([])
      const history = await t.request('GET', `/incidents/${view.id}/history`, { as: 'auditor' })
      expect(history.body.items.map((i: { type: string }) => i.type)).toEqual(['OPENED', ...steps])
    })

    it('refuses an event payload that lacks a required field, naming the field', async () => {
      const doc = (await t.request('GET', `/plans/${planId}`, { as: 'auditor' })).body
      const opened = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId, title: 'missing field', severity: plan.severities[0]!.code, severityReason: 'test' },
      })
      expect(opened.status).toBe(201)
      const spec = doc.events.find(
        (e: { schema: { required?: string[] } }) => (e.schema.required ?? []).length > 0,
      )
      expect(spec, `${planId} has an event with a required field`).toBeDefined()
      const field = spec.schema.required[0]
      const res = await t.request('POST', `/incidents/${opened.body.id}/events`, {
        as: spec.roles[0],
        body: { type: spec.type },
      })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field)
      expect((await t.request('GET', `/incidents/${opened.body.id}`, { as: 'auditor' })).body.version).toBe(1)
    })
  })
})
