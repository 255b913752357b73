/**
 * Contention over HTTP: 50 concurrent POST /incidents/:id/events on one incident, with
 * and without If-Match, against the real server (a child process, over TCP) and the app
 * in-process on every store. Versions are strictly sequential, no update is lost, and
 * every loser gets a 409 problem+json carrying the incident as it is now.
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Role } from '../../machines/vocabulary.js'
import { createStore, type Store } from '../../src/store/connection.js'
import type { Answer } from '../helpers/app.js'
import { newDb } from '../helpers/engine.js'
import {
  appOnStore,
  authTokensEnv,
  call,
  killAll,
  type RunningServer,
  roleTokens,
  startServer,
  tempDir,
} from '../helpers/server.js'
import { STORE_KINDS } from '../helpers/stores.js'

type Send = (
  method: string,
  path: string,
  opts?: { as?: Role; body?: unknown; headers?: Record<string, string> },
) => Promise<Answer>

const N = 50
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from)

function expectConflict(res: Answer, now: Answer) {
  expect(res.status).toBe(409)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(res.body).toMatchObject({
    status: 409,
    type: expect.stringMatching(/version-conflict$/),
    version: now.body.version,
    phase: now.body.phase,
    allowedEvents: now.body.allowedEvents,
  })
  expect(res.body.state).toEqual(now.body.state)
}

async function contend(send: Send) {
  const opened = await send('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '并发' },
  })
  expect(opened.status).toBe(201)
  const events = `/incidents/${opened.body.id}/events`
  const metrics = (facts: Record<string, number>) => ({ type: 'METRICS_UPDATED', facts })

  // Unconditional: all apply, one after another, none lost.
  const plain = await Promise.all(
    range(N).map((i) => send('POST', events, { as: 'monitor', body: metrics({ reposts: i }) })),
  )
  expect(plain.map((r) => r.status)).toEqual(range(N).map(() => 200))
  expect(plain.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(range(N, 2))
  for (const r of plain) expect(r.headers.get('etag')).toMatch(new RegExp(`^(W/)?"${r.body.version}"$`))

  // Conditional on the same version (If-Match quoted, bare, or expectedVersion in the body): one wins.
  const at = N + 1
  const conditional = await Promise.all(
    range(N).map((i) =>
      send('POST', events, {
        as: 'monitor',
        body: { ...metrics({ sites: i }), ...(i % 3 === 2 ? { expectedVersion: at } : {}) },
        headers: i % 3 === 0 ? { 'if-match': `"${at}"` } : i % 3 === 1 ? { 'if-match': String(at) } : {},
      }),
    ),
  )
  const won = conditional.filter((r) => r.status === 200)
  expect(won).toHaveLength(1)
  expect(won[0]?.body.version).toBe(at + 1)
  const now = await send('GET', `/incidents/${opened.body.id}`, { as: 'auditor' })
  expect(now.body.version).toBe(at + 1)
  for (const r of conditional.filter((x) => x.status !== 200)) expectConflict(r, now)

  // Optimistic read-modify-write by 20 clients: each retries on 409 until it lands; none is lost.
  const writers = 20
  const landed = await Promise.all(
    range(writers).map(async (w) => {
      for (let tries = 1; ; tries++) {
        const cur = await send('GET', `/incidents/${opened.body.id}`, { as: 'monitor' })
        const res = await send('POST', events, {
          as: 'monitor',
          body: metrics({ clicksPerDay: 1000 + w }),
          headers: { 'if-match': cur.headers.get('etag') ?? String(cur.body.version) },
        })
        if (res.status === 200) return { version: res.body.version as number, tries }
        expect(res.status).toBe(409)
        expect(res.body.version).toBeGreaterThan(cur.body.version)
        if (tries > writers + 5) throw new Error(`writer ${w} starved after ${tries} tries`)
      }
    }),
  )
  expect(landed.map((l) => l.version).sort((a, b) => a - b)).toEqual(range(writers, at + 2))

  // The journal: strictly sequential, and every acknowledged update in it exactly once.
  const history = await send('GET', `/incidents/${opened.body.id}/history`, { as: 'auditor' })
  const items = history.body.items as Array<{ seq: number; version: number; payload: { facts?: object } }>
  expect(items.map((e) => e.seq)).toEqual(range(at + 1 + writers, 1))
  expect(items.map((e) => e.version)).toEqual(range(at + 1 + writers, 1))
  const facts = items.slice(1).map((e) => JSON.stringify(e.payload.facts))
  const expected = [
    ...range(N).map((i) => JSON.stringify({ reposts: i })),
    JSON.stringify({ sites: won[0]?.body.facts.sites }),
    ...range(writers).map((w) => JSON.stringify({ clicksPerDay: 1000 + w })),
  ]
  expect(facts.sort()).toEqual(expected.sort())
}

const stores: Store[] = []
afterAll(async () => {
  killAll()
  for (const s of stores) await s.close().catch(() => undefined)
})

describe('the real server over TCP (SQLite file)', () => {
  let server: RunningServer
  const tokens = roleTokens()
  it('keeps versions serial under 50 concurrent requests, with and without If-Match', async () => {
    server = await startServer(join(tempDir('yuqing-contend-'), 'yuqing.db'), {
      AUTH_TOKENS: authTokensEnv(tokens),
    })
    await contend((method, path, o = {}) =>
      call(server.base, method, path, {
        ...(o.as ? { token: tokens[o.as] } : {}),
        ...(o.body === undefined ? {} : { body: o.body }),
        ...(o.headers ? { headers: o.headers } : {}),
      }),
    )
    expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })
  }, 120_000)
})

describe.each(STORE_KINDS)('the app in-process on %s', (kind) => {
  it('keeps versions serial under 50 concurrent requests, with and without If-Match', async () => {
    const h = await newDb(kind, true)
    const store = createStore(h.url, h.schema ? { schema: h.schema } : {})
    stores.push(store)
    const t = await appOnStore(store)
    await contend(t.request)
  })
})
