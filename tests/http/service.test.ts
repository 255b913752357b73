import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close().catch(() => undefined))

const openBody = { planId: 'neixiang-2017', title: '测试', severity: 'general', severityReason: '研判' }

describe('GET /healthz', () => {
  it('is ok once the database answers, 503 problem+json when it does not', async () => {
    const ok = await t.request('GET', '/healthz')
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ status: 'ok' })
    await t.store.close()
    const down = await t.request('GET', '/healthz')
    expect(down.status).toBe(503)
    expect(down.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(down.body.type).toMatch(/\/storage-unavailable$/)
  })
})

describe('storage unavailable', () => {
  it('answers 503 when the database refuses writes, and writes nothing', async () => {
    const opened = await t.request('POST', '/incidents', { as: 'office', body: openBody })
    t.store.sqlite!.pragma('query_only = ON')
    const res = await t.request('POST', `/incidents/${opened.body.id}/events`, {
      as: 'office',
      body: { type: 'REPORT', to: ['group'], proposal: 'x' },
    })
    expect(res.status).toBe(503)
    expect(res.body.detail).toMatch(/retry later/)
    t.store.sqlite!.pragma('query_only = OFF')
    expect((await t.request('GET', `/incidents/${opened.body.id}`, { as: 'office' })).body.version).toBe(1)
  })

  it('answers 503 to reads once the database is closed', async () => {
    await t.store.close()
    const res = await t.request('GET', '/incidents', { as: 'office' })
    expect(res.status).toBe(503)
  })
})

describe('problems', () => {
  it('answers 400 to malformed JSON', async () => {
    const res = await t.request('POST', '/incidents', {
      as: 'office',
      raw: '{"planId": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body).toMatchObject({ type: expect.stringMatching(/\/malformed-json$/), status: 400 })
    expect(res.body.errors[0].path).toBe('(body)')
  })

  it('answers 415 to a body that is not JSON', async () => {
    for (const headers of [
      { 'content-type': 'text/plain' },
      {} as Record<string, string>,
      { 'content-type': 'application/x-www-form-urlencoded' },
    ]) {
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        raw: JSON.stringify(openBody),
        headers,
      })
      expect(res.status, JSON.stringify(headers)).toBe(415)
      expect(res.body.type).toMatch(/\/unsupported-media-type$/)
    }
  })

  it('answers 413 to a JSON body over 64 KiB', async () => {
    const res = await t.request('POST', '/incidents', {
      as: 'office',
      body: { ...openBody, title: 'x'.repeat(70 * 1024) },
    })
    expect(res.status).toBe(413)
    expect(res.body.type).toMatch(/\/payload-too-large$/)
    expect((await t.request('GET', '/incidents', { as: 'office' })).body.items).toEqual([])
  })

  it('answers 404 problem+json for an unknown route', async () => {
    const res = await t.request('GET', '/nowhere', { as: 'office' })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body).toMatchObject({ status: 404, instance: '/nowhere' })
  })

  it('logs an unexpected error and answers 500 without internals', async () => {
    const broken = await testApp({
      deps: {
        plans: {
          currentPlans: () => {
            throw new Error('secret internal detail')
          },
          getPlan: () => undefined,
        },
      },
    })
    const res = await broken.request('GET', '/plans', { as: 'office' })
    expect(res.status).toBe(500)
    expect(res.text).not.toContain('secret internal detail')
    expect(res.body).toMatchObject({ type: expect.stringMatching(/\/internal$/), status: 500 })
    const logged = broken.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error')
    expect(logged.error.message).toBe('secret internal detail')
    expect(logged.requestId).toBe(res.body.requestId)
    await broken.close()
  })
})

describe('operations', () => {
  it('echoes X-Request-Id, or makes one', async () => {
    const given = await t.request('GET', '/healthz', { headers: { 'x-request-id': 'req-123' } })
    expect(given.headers.get('x-request-id')).toBe('req-123')
    const made = await t.request('GET', '/healthz')
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('writes one JSON log line per request with method, path, status, ms, requestId and role, never the token', async () => {
    await t.request('GET', '/plans', { as: 'group', headers: { 'x-request-id': 'req-log' } })
    const lines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      method: 'GET',
      path: '/plans',
      status: 200,
      requestId: 'req-log',
      role: 'group',
    })
    expect(typeof lines[0].ms).toBe('number')
    expect(t.logs.join('\n')).not.toContain(t.tokens.group)
    expect(t.logs.join('\n')).not.toMatch(/authorization/i)
  })

  it('sets secure headers and no CORS headers', async () => {
    const res = await t.request('GET', '/healthz', { headers: { origin: 'https://evil.example' } })
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('GET /calendar', () => {
  it('gives covered years, working hours and the coverage warning', async () => {
    const res = await t.request('GET', '/calendar', { as: 'auditor' })
    expect(res.status).toBe(200)
    expect(res.body.coveredYears).toEqual(expect.arrayContaining([2024, 2025, 2026]))
    expect(res.body.workingHours).toBe('09:00-12:00,13:30-17:30')
    expect(res.body.warning).toBeNull()
    t.clock.set('2026-12-01T00:00:00Z')
    const late = await t.request('GET', '/calendar', { as: 'auditor' })
    expect(late.body.warning).toMatch(/2027/)
  })
})

describe('GET /openapi.json and /docs', () => {
  it('describes every route of the API in OpenAPI 3.1, with the bearer scheme', async () => {
    const res = await t.request('GET', '/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    const paths = res.body.paths
    for (const [path, method] of [
      ['/healthz', 'get'] as const,
      ['/plans', 'get'],
      ['/plans/{planId}', 'get'],
      ['/plans/{planId}/classify', 'post'],
      ['/incidents', 'post'],
      ['/incidents', 'get'],
      ['/incidents/{id}', 'get'],
      ['/incidents/{id}/events', 'post'],
      ['/incidents/{id}/history', 'get'],
      ['/calendar', 'get'],
    ])
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined()
    expect(paths['/healthz'].get.security).toEqual([])
    expect(paths['/incidents'].post.requestBody.content['application/json'].schema).toBeDefined()
    expect(res.body.components.schemas.Problem).toBeDefined()
  })

  it('renders Swagger UI at /docs', async () => {
    const res = await t.request('GET', '/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.text).toContain('/openapi.json')
  })
})
