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
    expect(res.headers.get('etag')).toBe('"2"')
    const read = await a.request('GET', `/incidents/${id}`, { as: 'office' })
    const view = read.body as { version: number; phase: string; allowedEvents: string[]; severity: string }
    expect(view.severity).toBe('major')
    expect(res.body).toEqual({ id, version: 2, phase: view.phase, allowedEvents: view.allowedEvents })
  })

  it('finds the preference among others, in any case and spacing', async () => {
    const { a, id } = await opened()
    const res = await a.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      headers: { prefer: 'respond-async, Return = Minimal' },
      body: { type: 'CLASSIFY', severity: 'major' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('preference-applied')).toBe('return=minimal')
    expect(Object.keys(res.body as object).sort()).toEqual(['allowedEvents', 'id', 'phase', 'version'])
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
    expect(again.body).toEqual(first.body)
    const history = await a.request('GET', `/incidents/${id}/history`, { as: 'office' })
    expect((history.body as { items: Array<{ type: string }> }).items.map((i) => i.type)).toEqual([
      'OPENED',
      'CLASSIFY',
    ])
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
})
