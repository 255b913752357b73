/**
 * The security log stays bounded under a flood of refused requests, and failed
 * authentications are rate limited per client (API.md "Hostile input and limits").
 * Requests come "from" a client address as the Node server would pass it (c.env.incoming).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readSecurityLog } from '../../src/auth/security-log.js'
import { applyQuickStartTokens, findToken, hashToken } from '../../src/auth/tokens.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

let t: TestApp
afterEach(() => t?.close())

/** A request as the server would see it from `client`. */
async function from(client: string, path: string, token?: string) {
  const res = await t.app.request(
    path,
    { headers: token ? { authorization: `Bearer ${token}` } : {} },
    { incoming: { socket: { remoteAddress: client } } },
  )
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text }
}

const refusalRows = async () =>
  (await readSecurityLog(t.store.db, 100_000)).filter((r) => r.kind.startsWith('auth.')) as unknown as Array<
    Record<string, unknown> & { id: string; kind: string; count: number; route: string; client: string }
  >

describe.each(STORE_KINDS)('security log (%s)', (kind) => {
  it('summarises a flood of 401s from one client in one row per minute with its count, paths cut', async () => {
    t = await testApp({ kind, deps: { limits: { authFailuresPerMinute: 0 } } })
    const longPath = `/incidents/${'x'.repeat(8192)}`
    for (let i = 0; i < 300; i++) expect((await from('10.0.0.1', longPath, `wrong-${i}`)).status).toBe(401)
    await from('10.0.0.2', '/incidents')
    let rows = await refusalRows()
    expect(rows).toHaveLength(2)
    const flood = rows.find((r) => r.client === '10.0.0.1')!
    expect(flood.route.length).toBeLessThan(300)
    expect(JSON.stringify(rows)).not.toContain('wrong-')
    // The count is written once the minute is over.
    t.clock.advance(1)
    await from('10.0.0.1', '/incidents')
    rows = await refusalRows()
    expect(rows.find((r) => r.id === flood.id)?.count).toBe(300)
    expect(rows).toHaveLength(3)
  })

  it('prunes refusal rows by number and by age, never token events', async () => {
    t = await testApp({
      kind,
      deps: { limits: { authFailuresPerMinute: 0, securityLogMaxRows: 5, securityLogMaxAgeDays: 2 } },
    })
    for (let minute = 0; minute < 4; minute++) {
      for (let c = 0; c < 3; c++) await from(`10.0.1.${c}`, '/incidents')
      t.clock.advance(1)
    }
    await from('10.0.9.9', '/incidents') // a new minute: the last one is written, old rows go
    await new Promise((r) => setTimeout(r, 50))
    expect((await refusalRows()).length).toBeLessThanOrEqual(6)
    t.clock.advance(3 * 24 * 60)
    await from('10.0.9.9', '/incidents')
    await new Promise((r) => setTimeout(r, 50))
    expect((await refusalRows()).map((r) => r.at)).toEqual([t.clock.now().toISOString()])
    const all = await readSecurityLog(t.store.db, 1000)
    expect(all.filter((r) => r.kind === 'token.created').length).toBeGreaterThanOrEqual(6)
  })
})

describe('failed authentication rate limit', () => {
  it('answers 429 with Retry-After to a client past its failures of the minute, even with a good token; others are not affected', async () => {
    t = await testApp({ deps: { limits: { authFailuresPerMinute: 5 } } })
    for (let i = 0; i < 5; i++) expect((await from('10.0.0.7', '/incidents', `guess-${i}`)).status).toBe(401)
    const limited = await from('10.0.0.7', '/incidents', t.tokens.office)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body).toMatchObject({ status: 429, limit: 'AUTH_FAILURES_PER_MINUTE' })
    expect((await from('10.0.0.8', '/incidents', t.tokens.office)).status).toBe(200)
    expect((await refusalRows()).map((r) => r.kind)).toContain('auth.rate-limited')
    t.clock.advance(1)
    expect((await from('10.0.0.7', '/incidents', t.tokens.office)).status).toBe(200)
  })
})

describe('token ids', () => {
  it('gives AUTH_TOKENS tokens a random id that tells nothing about the token, and renames an old hash-prefix id', async () => {
    t = await testApp()
    const token = 'quick-start-secret-abcdef'
    const hash = hashToken(token)
    await applyQuickStartTokens(t.store.db, [{ token, role: 'office', name: '值班' }], t.clock.now())
    const info = await findToken(t.store.db, token)
    expect(info?.id).toMatch(/^env_[0-9a-f]{12}$/)
    expect(hash).not.toContain(info!.id.slice(4))

    // A database from before: the id was the first 12 hex of the SHA-256, and the log names it.
    const legacy = `env_${hash.slice(0, 12)}`
    await t.store.db.updateTable('tokens').set({ id: legacy }).where('hash', '=', hash).execute()
    await t.store.db
      .updateTable('security_log')
      .set({ detail: JSON.stringify({ tokenId: legacy, by: 'AUTH_TOKENS' }) })
      .where('detail', 'like', `%${info!.id}%`)
      .execute()
    await applyQuickStartTokens(t.store.db, [{ token, role: 'office', name: '值班' }], t.clock.now())
    const renamed = await findToken(t.store.db, token)
    expect(renamed?.id).not.toBe(legacy)
    expect(JSON.stringify(await t.store.db.selectFrom('security_log').selectAll().execute())).not.toContain(
      legacy,
    )
    expect((await t.request('GET', '/whoami', { bearer: token })).status).toBe(200)
  })
})
