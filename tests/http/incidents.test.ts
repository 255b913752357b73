import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

let t: TestApp

const PLAN = 'neixiang-2017'
const openBody = (extra: Record<string, unknown> = {}) => ({
  planId: PLAN,
  title: '网传某市场销售过期食品',
  severity: 'general',
  severityReason: '人工研判为一般',
  source: { url: 'https://example.org/post/1', platform: 'weibo' },
  ...extra,
})
const open = async (extra: Record<string, unknown> = {}) => {
  const res = await t.request('POST', '/incidents', { as: 'office', body: openBody(extra) })
  expect(res.status).toBe(201)
  return res.body
}
const report = { type: 'REPORT', to: ['group', 'principal'], proposal: '建议统一回应' }

describe.each(STORE_KINDS)('on %s', (kind) => {
  beforeEach(async () => {
    t = await testApp({ kind })
  })
  afterEach(() => t.close())

  describe('POST /incidents', () => {
    it('opens an incident: 201, the view, Location and ETag', async () => {
      const res = await t.request('POST', '/incidents', { as: 'monitor', body: openBody() })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        planId: PLAN,
        planVersion: 8,
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

  describe('GET /incidents', () => {
    it('lists newest first with cursor paging', async () => {
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        ids.push((await open({ title: `事件 ${i}` })).id)
        t.clock.advance(1)
      }
      const first = await t.request('GET', '/incidents?limit=2', { as: 'auditor' })
      expect(first.status).toBe(200)
      expect(first.body.items.map((v: { id: string }) => v.id)).toEqual([ids[4], ids[3]])
      const second = await t.request('GET', `/incidents?limit=2&cursor=${first.body.nextCursor}`, {
        as: 'auditor',
      })
      expect(second.body.items.map((v: { id: string }) => v.id)).toEqual([ids[2], ids[1]])
      const third = await t.request('GET', `/incidents?limit=2&cursor=${second.body.nextCursor}`, {
        as: 'auditor',
      })
      expect(third.body.items.map((v: { id: string }) => v.id)).toEqual([ids[0]])
      expect(third.body.nextCursor).toBeNull()
    })

    it('filters by plan, phase, severity, overdue and q, within the caller’s organisation', async () => {
      const a = await open({ title: '食品安全', severity: 'major' })
      t.clock.advance(1)
      const b = await open({ title: '道路施工', source: { url: 'https://example.org/road' } })
      await t.request('POST', `/incidents/${b.id}/events`, { as: 'office', body: report })
      const ids = async (query: string, as: 'office' | 'other-org' = 'office') =>
        (await t.request('GET', `/incidents${query}`, { as })).body.items.map((v: { id: string }) => v.id)
      expect(await ids(`?plan=${PLAN}`)).toEqual([b.id, a.id])
      expect(await ids('?plan=hrss-city')).toEqual([])
      expect(await ids('?phase=reporting')).toEqual([b.id])
      expect(await ids('?severity=major')).toEqual([a.id])
      expect(await ids('?q=食品')).toEqual([a.id])
      expect(await ids('?q=example.org/road')).toEqual([b.id])
      expect(await ids('?overdue=true')).toEqual([])
      t.clock.advance(31)
      expect(await ids('?overdue=true')).toEqual([a.id])
      expect(await ids('?overdue=false')).toEqual([b.id])
      expect(await ids('', 'other-org')).toEqual([])
    })

    it('an incident stays overdue while open once a deadline was missed, met late or not (API.md)', async () => {
      const a = await open({ title: '食品安全' })
      // The report (due in 30 minutes) is missed, fired as a breach, then made late.
      t.clock.advance(45)
      await t.engine.fireDue()
      expect(
        (await t.request('POST', `/incidents/${a.id}/events`, { as: 'office', body: report })).status,
      ).toBe(200)
      // The escalation the breach owes (超时须上报), sent: nothing owed is late any more.
      const late = await t.request('POST', `/incidents/${a.id}/events`, {
        as: 'office',
        body: { type: 'ESCALATE', to: ['上级'] },
      })
      expect(late.status).toBe(200)
      expect(
        late.body.obligations.filter(
          (o: { status: string; dueAt: string | null }) => o.status === 'owed' && o.dueAt !== null,
        ),
      ).toEqual(
        late.body.obligations.filter(
          (o: { status: string; dueAt: string | null }) =>
            o.status === 'owed' && o.dueAt !== null && Date.parse(o.dueAt) > t.clock.now().getTime(),
        ),
      )
      const view = (await t.request('GET', `/incidents/${a.id}`, { as: 'office' })).body
      const missed = view.deadlines.filter((d: { status: string }) => d.status === 'missed')
      expect(missed.length).toBeGreaterThan(0)
      expect(view.closedAt).toBeNull()
      expect(late.body.overdue).toBe(true)
      expect(view.overdue).toBe(true)
      const ids = async (query: string) =>
        (await t.request('GET', `/incidents${query}`, { as: 'office' })).body.items.map(
          (v: { id: string }) => v.id,
        )
      expect(await ids('?overdue=true')).toEqual([a.id])
      expect(await ids('?overdue=false')).toEqual([])
    })

    it('refuses bad filters with 400 naming them', async () => {
      for (const [query, path] of [
        ['?limit=201', 'limit'],
        ['?limit=0', 'limit'],
        ['?q=', 'q'],
        ['?overdue=yes', 'overdue'],
        ['?phase=flying', 'phase'],
        ['?colour=red', 'colour'],
      ] as const) {
        const res = await t.request('GET', `/incidents${query}`, { as: 'office' })
        expect(res.status, query).toBe(400)
        expect(res.body.errors[0].path, query).toBe(path)
      }
      const cursor = await t.request('GET', '/incidents?cursor=bogus', { as: 'office' })
      expect(cursor.status).toBe(400)
      expect(cursor.body.errors[0].path).toBe('cursor')
    })
  })
})
