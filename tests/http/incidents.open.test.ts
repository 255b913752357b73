/**
 * The incidents API on every store, POST /incidents: opening an incident (201, the view,
 * Location, ETag), the fields refused and named, who may open, and retries with an
 * Idempotency-Key.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { appPerTest, openBody, PLAN, t } from '../helpers/http-incidents.js'
import { STORE_KINDS } from '../helpers/stores.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  appPerTest(kind)

  describe('POST /incidents', () => {
    it('opens an incident: 201, the view, Location and ETag', async () => {
      const res = await t.request('POST', '/incidents', { as: 'monitor', body: openBody() })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        planId: PLAN,
        planVersion: getPlan(PLAN)?.version, // the plan's current version
        version: 1,
        phase: 'discovery',
        severity: 'general',
      })
      expect(res.headers.get('location')).toBe(`/incidents/${res.body.id}`)
      expect(res.headers.get('etag')).toBe('"1"')
      expect(res.body.allowedEvents).toContain('REPORT')
      expect(res.body.deadlines[0]).toMatchObject({ name: 'report', status: 'pending', clause: '第四條' })
    })

    it('refuses an unknown top-level field, naming it', async () => {
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: openBody({ priority: 'high' }),
      })
      expect(res.status).toBe(400)
      expect(res.body.type).toMatch(/\/validation$/)
      expect(res.body.errors).toEqual([{ path: 'priority', message: 'unknown field' }])
    })

    it('names every missing or malformed field', async () => {
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: {
          planId: PLAN,
          discoveredAt: 'yesterday',
          source: { url: 'not a url' },
          facts: { reposts: -1 },
        },
      })
      expect(res.status).toBe(400)
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
        ['discoveredAt', 'facts.reposts', 'source.url', 'title'].sort(),
      )
    })

    it('takes a grade with no reason where the plan computes none from the facts, and journals the reason absent', async () => {
      // API.md "Open an incident": a reason is needed only for a value that differs from the computed grade.
      for (const planId of ['neixiang-2017', 'hrss-city', 'nanchong-npc-2022']) {
        const plan = getPlan(planId)
        expect(plan?.classify({}).severity, planId).toBeNull()
        const severity = plan?.severities[0]?.code
        const res = await t.request('POST', '/incidents', {
          as: 'office',
          body: { planId, title: '网传某事', severity },
        })
        expect(res.status, `${planId}: ${res.text}`).toBe(201)
        expect(res.body).toMatchObject({ planId, severity, phase: 'discovery' })
        const history = await t.request('GET', `/incidents/${res.body.id}/history`, { as: 'auditor' })
        const opened = history.body.items[0]
        expect(opened.type).toBe('OPENED')
        expect(opened.payload).toMatchObject({ severity, severityReason: null })
      }
    })

    it('still needs a reason for a grade other than the one the plan computes, and refuses an empty one', async () => {
      const computed = getPlan('saws-2014')?.classify({}).severity
      expect(computed).toBe('general')
      const other = { planId: 'saws-2014', title: '网传某矿事故', severity: 'major' }
      const refused = await t.request('POST', '/incidents', { as: 'office', body: other })
      expect(refused.status).toBe(400)
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'severityReason' })])
      const same = { planId: 'saws-2014', title: '网传某矿事故', severity: computed }
      expect((await t.request('POST', '/incidents', { as: 'office', body: same })).status).toBe(201)
      const given = await t.request('POST', '/incidents', {
        as: 'office',
        body: { ...other, severityReason: '涉及死亡事故，人工研判为重大' },
      })
      expect(given.status).toBe(201)
      expect(given.body.severity).toBe('major')
      const blank = await t.request('POST', '/incidents', {
        as: 'office',
        body: openBody({ severityReason: '   ' }),
      })
      expect(blank.status).toBe(400)
      expect(blank.body.errors).toEqual([expect.objectContaining({ path: 'severityReason' })])
    })

    it('refuses an unknown plan as 400 on planId', async () => {
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: openBody({ planId: 'nowhere' }),
      })
      expect(res.status).toBe(400)
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'planId' })])
    })

    it('refuses a discovery time in the future', async () => {
      t.clock.set('2026-10-09T01:00:00Z')
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: openBody({ discoveredAt: '2026-10-09T10:00:00+08:00' }),
      })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].path).toBe('discoveredAt')
    })

    it('lets only monitor, office and admin open incidents', async () => {
      for (const role of ['monitor', 'office', 'admin'] as const)
        expect((await t.request('POST', '/incidents', { as: role, body: openBody() })).status).toBe(201)
      for (const role of ['unit', 'group', 'leader', 'spokesperson'] as const) {
        const res = await t.request('POST', '/incidents', { as: role, body: openBody() })
        expect(res.status).toBe(403)
        expect(res.body.type).toMatch(/\/forbidden$/)
      }
    })

    it('answers a retry with the same Idempotency-Key once, and 422 for another body', async () => {
      const headers = { 'idempotency-key': 'open-1' }
      const first = await t.request('POST', '/incidents', { as: 'office', body: openBody(), headers })
      const again = await t.request('POST', '/incidents', { as: 'office', body: openBody(), headers })
      expect(again.status).toBe(201)
      expect(again.body.id).toBe(first.body.id)
      const list = await t.request('GET', '/incidents', { as: 'office' })
      expect(list.body.items).toHaveLength(1)
      const other = await t.request('POST', '/incidents', {
        as: 'office',
        body: openBody({ title: 'x' }),
        headers,
      })
      expect(other.status).toBe(422)
      expect(other.body.type).toMatch(/\/idempotency-key-reused$/)
    })

    it('answers a retry of an incident recorded late as the first answer: overdue as it is', async () => {
      const late = {
        planId: 'neixiang-2017',
        title: '网传某市场销售过期食品',
        severity: 'general',
        severityReason: '人工研判为一般',
        discoveredAt: new Date(t.clock.now().getTime() - 86_400_000).toISOString(),
      }
      const headers = { 'idempotency-key': 'open-late-1' }
      const first = await t.request('POST', '/incidents', { as: 'office', body: late, headers })
      expect(first.status).toBe(201)
      expect(first.body.overdue).toBe(true)
      const again = await t.request('POST', '/incidents', { as: 'office', body: late, headers })
      expect(again.status).toBe(201)
      expect(again.body).toEqual(first.body)
    })
  })
})
