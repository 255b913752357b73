/**
 * The incidents API on every store, GET /incidents/:id and /history: the view with its
 * ETag, 404 for an unknown id or another organisation's incident, the journal oldest first.
 */
import { describe, expect, it } from 'vitest'
import { appPerTest, open, report, t } from '../helpers/http-incidents.js'
import { STORE_KINDS } from '../helpers/stores.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  appPerTest(kind)

  describe('GET /incidents/:id and /history', () => {
    it('returns the view with its ETag', async () => {
      const view = await open()
      const res = await t.request('GET', `/incidents/${view.id}`, { as: 'auditor' })
      expect(res.status).toBe(200)
      expect(res.body).toEqual(view)
      expect(res.headers.get('etag')).toBe('"1"')
    })

    it('answers 404 for an unknown id and for another organisation’s incident', async () => {
      const view = await open()
      const missing = await t.request('GET', '/incidents/00000000-0000-0000-0000-000000000000', {
        as: 'office',
      })
      expect(missing.status).toBe(404)
      expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect((await t.request('GET', `/incidents/${view.id}`, { as: 'other-org' })).status).toBe(404)
      expect((await t.request('GET', `/incidents/${view.id}/history`, { as: 'other-org' })).status).toBe(404)
      const send = await t.request('POST', `/incidents/${view.id}/events`, { as: 'other-org', body: report })
      expect(send.status).toBe(404)
    })

    it('gives the journal oldest first, with the actor from the token', async () => {
      const view = await open()
      t.clock.advance(5)
      await t.request('POST', `/incidents/${view.id}/events`, { as: 'monitor', body: report })
      const res = await t.request('GET', `/incidents/${view.id}/history`, { as: 'auditor' })
      expect(res.status).toBe(200)
      expect(res.body.items.map((i: { type: string }) => i.type)).toEqual(['OPENED', 'REPORT'])
      expect(res.body.items[1]).toMatchObject({
        seq: 2,
        version: 2,
        actor: { name: 'monitor-tester', role: 'monitor' },
        payload: { to: ['group', 'principal'], proposal: '建议统一回应' },
        occurredAt: '2026-10-09T01:05:00.000Z',
      })
    })
  })
})
