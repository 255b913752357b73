/**
 * API.md "Send an event": an `Idempotency-Key` is scoped to the incident, and the same key
 * with a different body is 422. So another caller on the same incident who sends the same
 * key with the same body gets the first answer (the event applied once), provided its role
 * may send the event (else 403, tests/reliability/auth-matrix.test.ts). `If-Match` is a
 * header, not the body: a retry that carries the version its caller read since (another
 * operator's view, a client that refreshed its ETag) is the same request, not a 422. A
 * different `expectedVersion` in the body is a different body.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { appPerTest, open, report, t } from '../helpers/http-incidents.js'

describe('an Idempotency-Key on one incident, sent by another caller', () => {
  appPerTest('sqlite')
  let events: string
  beforeEach(async () => {
    events = `/incidents/${(await open()).id}/events`
  })

  const types = async () =>
    (await t.request('GET', events.replace(/events$/, 'history'), { as: 'office' })).body.items.map(
      (i: { type: string }) => i.type,
    )

  it('same key, same body: the first answer to a colleague and to another role that may send it, applied once', async () => {
    const headers = { 'idempotency-key': 'report-1' }
    const first = await t.request('POST', events, { as: 'office', body: report, headers })
    expect(first.status).toBe(200)
    const colleague = await t.request('POST', events, {
      as: 'office',
      colleague: true,
      body: report,
      headers,
    })
    const group = await t.request('POST', events, { as: 'group', body: report, headers })
    for (const again of [colleague, group]) {
      expect(again.status).toBe(200)
      expect(again.body).toEqual(first.body)
      expect(again.headers.get('etag')).toBe('"2"')
    }
    expect(await types()).toEqual(['OPENED', 'REPORT'])
  })

  it('same key, same body, If-Match of a later read: the first answer, not 422', async () => {
    const headers = { 'idempotency-key': 'report-2' }
    const first = await t.request('POST', events, {
      as: 'office',
      body: report,
      headers: { ...headers, 'if-match': '"1"' },
    })
    expect(first.status).toBe(200)
    // Another operator read the incident after it (version 2) and sends the same step.
    const group = await t.request('POST', events, {
      as: 'group',
      body: report,
      headers: { ...headers, 'if-match': '"2"' },
    })
    expect(group.status).toBe(200)
    expect(group.body).toEqual(first.body)
    // The first caller's retry without the header: the same request too.
    const plain = await t.request('POST', events, { as: 'office', body: report, headers })
    expect(plain.status).toBe(200)
    expect(plain.body).toEqual(first.body)
    expect(await types()).toEqual(['OPENED', 'REPORT'])
  })

  it('a key a former release remembered with If-Match folded into the body still answers the first result', async () => {
    // What the release before this one stored for `If-Match: 1`: the version as the body's.
    const id = events.split('/')[2] as string
    const office = { name: 'office', role: 'office' as const, organisation: 'default', tokenId: 'former' }
    const first = await t.engine.send(
      id,
      { type: report.type, fields: { to: report.to, proposal: report.proposal }, expectedVersion: 1 },
      office,
      'report-0',
    )
    const retry = await t.request('POST', events, {
      as: 'office',
      body: report,
      headers: { 'idempotency-key': 'report-0', 'if-match': '1' },
    })
    expect(retry.status).toBe(200)
    expect(retry.body.version).toBe(first.version)
    expect(await types()).toEqual(['OPENED', 'REPORT'])
  })

  it('a different body under the key is 422, expectedVersion in the body included; nothing written', async () => {
    const headers = { 'idempotency-key': 'report-3' }
    expect((await t.request('POST', events, { as: 'office', body: report, headers })).status).toBe(200)
    const other = await t.request('POST', events, {
      as: 'group',
      body: { ...report, proposal: '另一个建议' },
      headers,
    })
    expect(other.status).toBe(422)
    expect(other.headers.get('content-type')).toContain('application/problem+json')
    const versioned = await t.request('POST', events, {
      as: 'group',
      body: { ...report, expectedVersion: 2 },
      headers,
    })
    expect(versioned.status).toBe(422)
    expect(await types()).toEqual(['OPENED', 'REPORT'])
  })
})
