/**
 * Live updates as server-sent events: one `incident` event per journal entry, scoped to
 * the caller's organisation, resumable with Last-Event-ID, with heartbeats and a clean end
 * at shutdown — in-process with a clock the test moves, and over a real server process.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { findToken, revokeToken } from '../../src/auth/tokens.js'
import { FixedClock, type TestApp, testApp } from '../helpers/app.js'
import { authTokensEnv, call, killAll, roleTokens, startServer } from '../helpers/server.js'

interface SseEvent {
  event?: string
  id?: string
  // biome-ignore lint/suspicious/noExplicitAny: events are read field by field
  data?: any
  comment?: string
}

/** Reads a text/event-stream incrementally: `next()` is the next event or comment, null at the end. */
function sseReader(body: ReadableStream<Uint8Array> | null) {
  if (!body) throw new Error('no body')
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const queue: SseEvent[] = []
  const parse = (block: string) => {
    const ev: SseEvent = {}
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) ev.comment = line.slice(1).trim()
      else if (line.startsWith('event: ')) ev.event = line.slice(7)
      else if (line.startsWith('id: ')) ev.id = line.slice(4)
      else if (line.startsWith('data: ')) data.push(line.slice(6))
    }
    if (data.length) ev.data = JSON.parse(data.join('\n'))
    return ev
  }
  return {
    async next(): Promise<SseEvent | null> {
      for (;;) {
        const ev = queue.shift()
        if (ev) return ev
        const { done, value } = await reader.read()
        if (done) return null
        buffer += decoder.decode(value, { stream: true })
        let i = buffer.indexOf('\n\n')
        while (i >= 0) {
          queue.push(parse(buffer.slice(0, i)))
          buffer = buffer.slice(i + 2)
          i = buffer.indexOf('\n\n')
        }
      }
    },
    /** The next `incident` event, skipping comments (connected, heartbeats). */
    async nextIncident(): Promise<SseEvent | null> {
      for (;;) {
        const ev = await this.next()
        if (ev === null || ev.event === 'incident') return ev
      }
    },
    cancel: () => reader.cancel(),
  }
}

const stream = async (t: TestApp, path: string, as: 'office' | 'auditor' | 'other-org', headers = {}) => {
  const token = as === 'other-org' ? t.otherOrgToken : t.tokens[as]
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } })
  return res
}

const apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => undefined)
})
afterAll(() => killAll())

describe('GET /incidents/:id/stream', () => {
  it('delivers a deadline’s two due-soon warnings, then its breach, in order and once each, across a restart', async () => {
    const database = join(mkdtempSync(join(tmpdir(), 'yuqing-sse-')), 'sse.db')
    const clock = new FixedClock()
    let t = await testApp({ clock, database })
    apps.push(t)
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      // nanchong-npc-2022 at 一般 owes one timed report (to the group, 10 minutes).
      body: { planId: 'nanchong-npc-2022', title: '预警测试', severity: 'general', severityReason: '研判' },
    })
    expect(opened.status).toBe(201)
    const id: string = opened.body.id
    const report = opened.body.deadlines.find((d: { name: string }) => d.name === 'report')
    const start = Date.parse(report.startedAt)
    const span = Date.parse(report.dueAt) - start
    const at = (share: number) => new Date(start + share * span).toISOString()

    const res = await stream(t, `/incidents/${id}/stream`, 'office')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    let sse = sseReader(res.body)
    expect((await sse.next())?.comment).toBe('connected')

    clock.set(at(0.6)) // the scheduler's tick: the 50 % warning is due
    expect(await t.engine.fireDue()).toBe(1)
    const first = await sse.nextIncident()
    expect(first?.id).toBe(`${id}:2`)
    expect(first?.data.entry).toMatchObject({ seq: 2, type: 'DEADLINE_WARNING', payload: { share: 0.5 } })
    expect(first?.data.view).toMatchObject({ id, version: 2, warnings: [{ deadline: 'report', share: 0.5 }] })

    // Shutdown: the stream ends cleanly. While the server is down the 80 % mark passes.
    await t.close()
    expect(await sse.next()).toMatchObject({ comment: 'server shutting down' })
    expect(await sse.next()).toBeNull()
    clock.set(at(0.9))
    t = await testApp({ clock, database })
    apps.push(t)
    expect(await t.engine.fireDue()).toBe(1) // late timers fire at start, before anyone reconnects

    // The client reconnects where it left off: the missed warning comes first, then live ones.
    const again = await stream(t, `/incidents/${id}/stream`, 'office', { 'last-event-id': first?.id })
    sse = sseReader(again.body)
    const second = await sse.nextIncident()
    expect(second?.id).toBe(`${id}:3`)
    expect(second?.data).toMatchObject({
      replayed: true,
      entry: { type: 'DEADLINE_WARNING', payload: { share: 0.8 } },
    })
    clock.set(at(1.05))
    expect(await t.engine.fireDue()).toBe(1)
    const third = await sse.nextIncident()
    expect(third?.id).toBe(`${id}:4`)
    expect(third?.data.entry).toMatchObject({ type: 'DEADLINE_PASSED', payload: { deadline: 'report' } })
    expect(third?.data.view).toMatchObject({ overdue: true, breaches: [{ deadline: 'report' }] })
    clock.advance(60 * 24)
    expect(await t.engine.fireDue()).toBe(0) // each fired once
    await sse.cancel()

    const view = await t.request('GET', `/incidents/${id}`, { as: 'auditor' })
    expect(view.body.warnings.map((w: { share: number }) => w.share)).toEqual([0.5, 0.8])
    expect(view.body.breaches).toHaveLength(1)
    const history = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'OPENED',
      'DEADLINE_WARNING',
      'DEADLINE_WARNING',
      'DEADLINE_PASSED',
    ])
  })

  it("refuses another organisation's incident (404) and a request without a token (401)", async () => {
    const t = await testApp()
    apps.push(t)
    const { body } = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: 'A' },
    })
    expect((await stream(t, `/incidents/${body.id}/stream`, 'other-org')).status).toBe(404)
    expect((await t.app.request(`/incidents/${body.id}/stream`)).status).toBe(401)
    expect((await t.app.request('/incidents/stream')).status).toBe(401)
  })

  it('sends a heartbeat comment while nothing happens', async () => {
    const t = await testApp({ hub: { heartbeatMs: 20 } })
    apps.push(t)
    const { body } = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: 'A' },
    })
    const sse = sseReader((await stream(t, `/incidents/${body.id}/stream`, 'auditor')).body)
    expect((await sse.next())?.comment).toBe('connected')
    expect((await sse.next())?.comment).toBe('heartbeat')
    await sse.cancel()
    expect(t.hub.size()).toBe(0) // a client that goes away leaves nothing behind
  })
})

describe('GET /incidents/stream', () => {
  it('cuts off a client too far behind instead of buffering without bound', async () => {
    const t = await testApp()
    apps.push(t)
    const { body: view } = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: 'A' },
    })
    const sse = sseReader((await stream(t, '/incidents/stream', 'auditor')).body)
    const entry = { type: 'NOTE_ADDED', payload: {}, actor: { name: 'x', role: 'office' } }
    for (let seq = 2; seq < 1000; seq++)
      t.hub.publish({
        incidentId: view.id,
        organisation: view.organisation,
        view,
        entry: { ...entry, seq } as never,
      }) // nobody reads
    expect(t.hub.size()).toBe(0)
    let events = 0
    let last: SseEvent | null = null
    for (let ev = await sse.next(); ev; ev = await sse.next()) {
      if (ev.event === 'incident') events++
      last = ev
    }
    expect(last).toEqual({ comment: 'too far behind; reconnect' })
    expect(events).toBeLessThan(300)
  })

  it('ends when its token is revoked (checked at each heartbeat)', async () => {
    const t = await testApp({ hub: { heartbeatMs: 20 } })
    apps.push(t)
    const sse = sseReader((await stream(t, '/incidents/stream', 'auditor')).body)
    expect((await sse.next())?.comment).toBe('connected')
    const token = await findToken(t.store.db, t.tokens.auditor)
    await revokeToken(t.store.db, token!.id, { now: t.clock.now(), by: 'test' })
    let last: SseEvent | null
    do last = await sse.next()
    while (last?.comment === 'heartbeat')
    expect(last).toEqual({ comment: 'token revoked' })
    expect(await sse.next()).toBeNull()
    expect(t.hub.size()).toBe(0)
  })

  it("carries every entry of the caller's organisation and none of another's", async () => {
    const t = await testApp()
    apps.push(t)
    const sse = sseReader((await stream(t, '/incidents/stream', 'auditor')).body)
    const theirs = await t.request('POST', '/incidents', {
      as: 'other-org',
      body: { planId: 'neixiang-2017', title: '他单位' },
    })
    expect(theirs.status).toBe(201)
    const ours = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '本单位' },
    })
    await t.request('POST', `/incidents/${ours.body.id}/notes`, { as: 'office', body: { text: '已核实' } })
    const a = await sse.nextIncident()
    const b = await sse.nextIncident()
    expect([a?.id, b?.id]).toEqual([`${ours.body.id}:1`, `${ours.body.id}:2`])
    expect(a?.data.entry.type).toBe('OPENED')
    expect(b?.data.entry).toMatchObject({ type: 'NOTE_ADDED', payload: { text: '已核实' } })
    expect(b?.data.view.notes).toHaveLength(1)
    await sse.cancel()
  })

  it('is not taken for an incident id (mounted before /incidents/{id})', async () => {
    const t = await testApp()
    apps.push(t)
    const res = await stream(t, '/incidents/stream', 'office')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await res.body?.cancel()
  })

  it('refuses new streams once shutting down (503)', async () => {
    const t = await testApp()
    apps.push(t)
    t.hub.close()
    const res = await stream(t, '/incidents/stream', 'office')
    expect(res.status).toBe(503)
  })
})

describe('streams on the real server', () => {
  it('deliver another client’s change live and end cleanly when the server stops (SIGTERM)', async () => {
    const tokens = roleTokens()
    const dir = mkdtempSync(join(tmpdir(), 'yuqing-sse-proc-'))
    const server = await startServer(join(dir, 'db.sqlite'), { AUTH_TOKENS: authTokensEnv(tokens) })
    const opened = await call(server.base, 'POST', '/incidents', {
      token: tokens.office,
      body: { planId: 'neixiang-2017', title: '实时测试' },
    })
    expect(opened.status).toBe(201)
    const res = await fetch(`${server.base}/incidents/stream`, {
      headers: { authorization: `Bearer ${tokens.auditor}` },
    })
    expect(res.status).toBe(200)
    const sse = sseReader(res.body)
    expect((await sse.next())?.comment).toBe('connected')
    const sent = await call(server.base, 'POST', `/incidents/${opened.body.id}/events`, {
      token: tokens.office,
      body: { type: 'CLASSIFY', severity: 'general' },
    })
    expect(sent.status).toBe(200)
    const ev = await sse.nextIncident()
    expect(ev?.id).toBe(`${opened.body.id}:2`)
    expect(ev?.data.entry.type).toBe('CLASSIFY')

    const exited = server.kill('SIGTERM')
    expect(await sse.next()).toMatchObject({ comment: 'server shutting down' })
    expect(await sse.next()).toBeNull() // the end of the stream, not a cut connection
    expect(await exited).toEqual({ code: 0, signal: null })
  }, 60_000)
})
