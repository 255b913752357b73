/**
 * The incidents API on every store, POST /incidents/:id/events: applying an event, the
 * fields refused, 403 and 409 (with allowedEvents), If-Match and expectedVersion, offline
 * and skewed times, and retries with an Idempotency-Key.
 */
import { describe, expect, it } from 'vitest'
import { appPerTest, open, openBody, report, t } from '../helpers/http-incidents.js'
import { STORE_KINDS } from '../helpers/stores.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  appPerTest(kind)

  describe('POST /incidents/:id/events', () => {
    it('applies an event: 200, the new view and ETag', async () => {
      const view = await open()
      const res = await t.request('POST', `/incidents/${view.id}/events`, { as: 'office', body: report })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ version: 2, phase: 'reporting' })
      expect(res.headers.get('etag')).toBe('"2"')
      expect(res.body.deadlines[0].status).toBe('met')
    })

    it('names a missing required field and refuses unknown fields', async () => {
      const view = await open()
      const missing = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'REPORT', to: ['group'] },
      })
      expect(missing.status).toBe(400)
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'proposal' })])
      const unknown = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { ...report, urgent: true },
      })
      expect(unknown.status).toBe(400)
      // Named by its own path, as POST /incidents names an unknown field.
      expect(unknown.body.errors).toEqual([{ path: 'urgent', message: 'unknown field' }])
      const nested = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'METRICS_UPDATED', facts: { reposts: 3, likes: 9 } },
      })
      expect(nested.status).toBe(400)
      expect(nested.body.errors).toEqual([{ path: 'facts.likes', message: 'unknown field' }])
      const noType = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { to: [] },
      })
      expect(noType.status).toBe(400)
      expect(noType.body.errors[0].path).toBe('type')
      const badType = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'FLY' },
      })
      expect(badType.status).toBe(400)
      expect((await t.request('GET', `/incidents/${view.id}`, { as: 'office' })).body.version).toBe(1)
    })

    it('refuses a field named __proto__ (which validation would drop unseen), changing nothing', async () => {
      const view = await open()
      const res = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        raw: '{"type":"REPORT","to":["group","principal"],"proposal":"建议","__proto__":{"isAdmin":true}}',
        headers: { 'content-type': 'application/json' },
      })
      expect(res.status).toBe(400)
      expect(res.body.errors).toEqual([{ path: '__proto__', message: 'unknown field' }])
      const nested = await t.request('POST', '/incidents', {
        as: 'office',
        raw: '{"planId":"neixiang-2017","title":"t","facts":{"__proto__":{"x":1}}}',
        headers: { 'content-type': 'application/json' },
      })
      expect(nested.status).toBe(400)
      expect(nested.body.errors).toEqual([{ path: 'facts.__proto__', message: 'unknown field' }])
      expect((await t.request('GET', `/incidents/${view.id}`, { as: 'office' })).body.version).toBe(1)
    })

    it('answers 403 when the role may not send the event, before looking at the state', async () => {
      const view = await open()
      const res = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'legal',
        body: { type: 'REVIEW', summary: '结案' },
      })
      expect(res.status).toBe(403)
      expect(res.body.detail).toMatch(/REVIEW/)
    })

    it('answers 409 with allowedEvents, version, phase and state when the state does not accept the event', async () => {
      const view = await open()
      const res = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'REVIEW', summary: '结案' },
      })
      expect(res.status).toBe(409)
      expect(res.body).toMatchObject({
        type: expect.stringMatching(/\/event-not-allowed$/),
        status: 409,
        allowedEvents: view.allowedEvents,
        version: 1,
        phase: 'discovery',
        state: view.state,
      })
    })

    it('makes a send conditional on If-Match, quoted or not, and answers 409 on a stale version', async () => {
      const view = await open()
      const stale = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: report,
        headers: { 'if-match': '"7"' },
      })
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({
        type: expect.stringMatching(/\/version-conflict$/),
        version: 1,
        phase: 'discovery',
        allowedEvents: view.allowedEvents,
        state: view.state,
      })
      const quoted = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: report,
        headers: { 'if-match': '"1"' },
      })
      expect(quoted.status).toBe(200)
      const bare = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'HANDLE_EARLY' },
        headers: { 'if-match': '2' },
      })
      expect(bare.status).toBe(200)
      const inBody = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'HANDLE_EARLY', expectedVersion: 1 },
      })
      expect(inBody.status).toBe(409)
    })

    it('refuses If-Match and expectedVersion that differ, and an If-Match that is no version', async () => {
      const view = await open()
      const both = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { ...report, expectedVersion: 1 },
        headers: { 'if-match': '"2"' },
      })
      expect(both.status).toBe(400)
      expect(both.body.errors[0].path).toBe('expectedVersion')
      const agree = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { ...report, expectedVersion: 1 },
        headers: { 'if-match': '"1"' },
      })
      expect(agree.status).toBe(200)
      const junk = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'HANDLE_EARLY' },
        headers: { 'if-match': 'W/"abc"' },
      })
      expect(junk.status).toBe(400)
      expect(junk.body.errors[0].path).toBe('If-Match')
    })

    it('records an offline step at its occurredAt, and refuses one in the future', async () => {
      const view = await open()
      t.clock.advance(60)
      const res = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { ...report, occurredAt: '2026-10-09T09:20:00+08:00' },
      })
      expect(res.status).toBe(200)
      expect(res.body.deadlines[0]).toMatchObject({ status: 'met', metAt: '2026-10-09T01:20:00.000Z' })
      const future = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'HANDLE_EARLY', occurredAt: '2026-10-10T09:20:00+08:00' },
      })
      expect(future.status).toBe(400)
      expect(future.body.errors[0].path).toBe('occurredAt')
    })

    it('takes a time a little ahead of the server clock (skew) as now: nothing is stored in the future, and a later backdated step still fits', async () => {
      t.clock.set('2026-10-09T01:00:00Z')
      const ahead = '2026-10-09T09:02:00+08:00' // two minutes past the server's 01:00Z
      const view = (
        await t.request('POST', '/incidents', { as: 'office', body: openBody({ discoveredAt: ahead }) })
      ).body
      expect(view.discoveredAt).toBe('2026-10-09T01:00:00.000Z')
      t.clock.advance(1)
      const ahead2 = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { ...report, occurredAt: '2026-10-09T09:04:00+08:00' },
      })
      expect(ahead2.status).toBe(200)
      // At 01:03 a step done at 01:02 (before the 01:04 the client's clock said) fits.
      t.clock.advance(2)
      const backdated = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'HANDLE_EARLY', occurredAt: '2026-10-09T09:02:00+08:00' },
      })
      expect(backdated.status).toBe(200)
      const history = (await t.request('GET', `/incidents/${view.id}/history`, { as: 'office' })).body
      const times = history.items.map((e: { occurredAt: string }) => e.occurredAt)
      expect(times).toEqual([
        '2026-10-09T01:00:00.000Z',
        '2026-10-09T01:01:00.000Z',
        '2026-10-09T01:02:00.000Z',
      ])
      // Beyond the skew it is refused.
      const far = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { type: 'HANDLE_EARLY', occurredAt: '2026-10-09T09:09:00+08:00' },
      })
      expect(far.status).toBe(400)
    })

    it('returns the first answer to a retry with the same Idempotency-Key, and 422 for another body', async () => {
      const view = await open()
      const headers = { 'idempotency-key': 'report-1' }
      const first = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: report,
        headers,
      })
      const again = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: report,
        headers,
      })
      expect(again.status).toBe(200)
      expect(again.body.version).toBe(first.body.version)
      const history = await t.request('GET', `/incidents/${view.id}/history`, { as: 'office' })
      expect(history.body.items).toHaveLength(2)
      const other = await t.request('POST', `/incidents/${view.id}/events`, {
        as: 'office',
        body: { ...report, proposal: '另一个建议' },
        headers,
      })
      expect(other.status).toBe(422)
    })
  })
})
