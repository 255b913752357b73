/**
 * `Prefer: return=minimal` on POST /incidents/:id/events (RFC 7240): a feed that sends
 * many events (monitoring data) asks for no view; the answer says where the incident
 * stands (version for the next If-Match, phase, events accepted) and that the preference
 * was applied. Without it, or with another preference, the whole view as before.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

describe('POST /incidents/:id/events with Prefer: return=minimal', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  async function opened() {
    app = await testApp()
    const res = await app.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '某地网传视频' },
    })
    expect(res.status).toBe(201)
    return { a: app, id: (res.body as { id: string }).id }
  }

  it('answers the version, phase and events accepted, says the preference was applied, and the change is made', async () => {
    const { a, id } = await opened()
    const res = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      headers: { prefer: 'return=minimal' },
      body: { type: 'CLASSIFY', severity: 'major' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('preference-applied')).toBe('return=minimal')
    expect(res.headers.get('content-type')).toContain('application/vnd.yuqing.minimal+json')
    expect(res.headers.get('vary')).toBe('Prefer, Accept')
    expect(res.headers.get('etag')).toBe('"2"')
    const read = await a.request('GET', `/incidents/${id}`, { as: 'office' })
    const view = read.body as { version: number; phase: string; allowedEvents: string[]; severity: string }
    expect(view.severity).toBe('major')
    expect(JSON.parse(res.text)).toEqual({
      id,
      version: 2,
      phase: view.phase,
      allowedEvents: view.allowedEvents,
    })
  })

  it('finds the preference among others, in any case and spacing, its value quoted or not', async () => {
    const { a, id } = await opened()
    for (const [prefer, version] of [
      ['respond-async, Return = Minimal', 2],
      ['wait=10; x=1, return="minimal"', 3],
    ] as const) {
      const res = await a.request('POST', `/incidents/${id}/events`, {
        as: 'office',
        headers: { prefer },
        body: { type: 'METRICS_UPDATED', facts: {} },
      })
      expect(res.status, prefer).toBe(200)
      expect(res.headers.get('preference-applied')).toBe('return=minimal')
      expect(JSON.parse(res.text)).toMatchObject({ id, version })
      expect(Object.keys(JSON.parse(res.text)).sort()).toEqual(['allowedEvents', 'id', 'phase', 'version'])
    }
  })

  it('ignores what it does not take (RFC 7240): a long header, another return first, and is never a 400', async () => {
    const { a, id } = await opened()
    const long = `return=minimal, ${'x-vendor-hint=1, '.repeat(15)}wait=10`
    const first = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      headers: { prefer: long },
      body: { type: 'METRICS_UPDATED', facts: {} },
    })
    expect(first.status).toBe(200)
    expect(first.headers.get('preference-applied')).toBe('return=minimal')
    // Only the first `return` counts.
    const second = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      headers: { prefer: 'return=representation, return=minimal' },
      body: { type: 'METRICS_UPDATED', facts: {} },
    })
    expect(second.status).toBe(200)
    expect(second.headers.get('preference-applied')).toBeNull()
    expect(second.body).toMatchObject({ id, version: 3, obligations: expect.any(Array) })
  })

  it('without it, or with return=representation, answers the whole view', async () => {
    const { a, id } = await opened()
    const plain = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      body: { type: 'CLASSIFY', severity: 'major' },
    })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('preference-applied')).toBeNull()
    expect(plain.body).toMatchObject({ id, version: 2, severity: 'major', obligations: expect.any(Array) })
    const whole = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      headers: { prefer: 'return=representation' },
      body: { type: 'REPORT', to: ['group'], proposal: '建议' },
    })
    expect(whole.status).toBe(200)
    expect(whole.body).toMatchObject({ id, version: 3, obligations: expect.any(Array) })
  })

  it('a retried key answers the first change again, minimal, and applies it once', async () => {
    const { a, id } = await opened()
    const send = () =>
      a.request('POST', `/incidents/${id}/events`, {
        as: 'office',
        headers: { prefer: 'return=minimal', 'idempotency-key': 'feed-1' },
        body: { type: 'CLASSIFY', severity: 'major' },
      })
    const first = await send()
    const again = await send()
    expect(again.status).toBe(200)
    expect(again.text).toBe(first.text)
    expect(JSON.parse(again.text)).toMatchObject({ id, version: 2 })
    const history = await a.request('GET', `/incidents/${id}/history`, { as: 'office' })
    expect((history.body as { items: Array<{ type: string }> }).items.map((i) => i.type)).toEqual([
      'OPENED',
      'CLASSIFY',
    ])
  })

  it('answers application/json when the Accept asks for it and not the vendor type (RFC 9110 12.5.1)', async () => {
    const { a, id } = await opened()
    const cases: Array<[string | undefined, string]> = [
      ['application/json', 'application/json'],
      ['application/json, application/vnd.yuqing.minimal+json;q=0', 'application/json'],
      ['application/vnd.yuqing.minimal+json;q=0.5, application/json', 'application/json'],
      ['application/vnd.yuqing.minimal+json', 'application/vnd.yuqing.minimal+json'],
      ['application/*', 'application/vnd.yuqing.minimal+json'],
      ['*/*', 'application/vnd.yuqing.minimal+json'],
      [undefined, 'application/vnd.yuqing.minimal+json'],
      // Neither acceptable: the header is disregarded, as every JSON answer of the service does
      // (API.md lists no 406), and the event is applied as asked.
      ['text/html', 'application/vnd.yuqing.minimal+json'],
    ]
    let version = 1
    for (const [accept, type] of cases) {
      const res = await a.request('POST', `/incidents/${id}/events`, {
        as: 'office',
        headers: { prefer: 'return=minimal', ...(accept === undefined ? {} : { accept }) },
        body: { type: 'METRICS_UPDATED', facts: {} },
      })
      version += 1
      expect(res.status, accept).toBe(200)
      expect(res.headers.get('content-type')?.split(';')[0], accept).toBe(type)
      expect(res.headers.get('preference-applied')).toBe('return=minimal')
      expect(res.headers.get('vary')).toBe('Prefer, Accept')
      expect(Object.keys(JSON.parse(res.text)).sort()).toEqual(['allowedEvents', 'id', 'phase', 'version'])
      expect(JSON.parse(res.text)).toMatchObject({ id, version })
    }
  })

  it('a refused event is refused as without it (problem+json, nothing written)', async () => {
    const { a, id } = await opened()
    const res = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      headers: { prefer: 'return=minimal' },
      body: { type: 'CLASSIFY', severity: 'major', expectedVersion: 7 },
    })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.headers.get('preference-applied')).toBeNull()
    const read = await a.request('GET', `/incidents/${id}`, { as: 'office' })
    expect((read.body as { version: number }).version).toBe(1)
  })

  it('the OpenAPI document gives the minimal answer under application/json too, as one of two shapes', async () => {
    const { a } = await opened()
    const doc = (await a.request('GET', '/openapi.json')).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>
      >
    }
    const content = doc.paths['/incidents/{id}/events']?.post?.responses['200']?.content ?? {}
    const refs = JSON.stringify(content['application/json'])
    expect(refs).toContain('#/components/schemas/MinimalEventAnswer')
    expect(refs).toContain('#/components/schemas/Incident')
    expect(JSON.stringify(content['application/vnd.yuqing.minimal+json'])).toContain('MinimalEventAnswer')
  })
})
