import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSecurityLog } from '../../src/auth/security-log.js'
import {
  applyQuickStartTokens,
  bootstrapAdminToken,
  createToken,
  findToken,
  hashToken,
  listTokens,
  revokeToken,
} from '../../src/auth/tokens.js'
import { createStore } from '../../src/store/connection.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { ROOT, spawnServer, tempDir } from '../helpers/server.js'
import { PG_URL, STORE_KINDS } from '../helpers/stores.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const openBody = { planId: 'neixiang-2017', title: '测试', severity: 'general', severityReason: '研判' }

describe('bearer tokens', () => {
  it('answers 401 problem+json without a token, with a malformed header, an unknown or a revoked token', async () => {
    const { token, info } = await createToken(
      t.store.db,
      { role: 'office', name: '李四' },
      { now: t.clock.now(), by: 'test' },
    )
    expect((await t.request('GET', '/plans', { bearer: token })).status).toBe(200)
    await revokeToken(t.store.db, info.id, { now: t.clock.now(), by: 'test' })
    for (const headers of [
      {} as Record<string, string>,
      { authorization: `Basic ${token}` },
      { authorization: 'Bearer' },
      { authorization: 'Bearer not-a-token-we-issued' },
      { authorization: `Bearer ${token}` },
    ]) {
      const res = await t.request('GET', '/incidents', { headers })
      expect(res.status, JSON.stringify(headers)).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(res.body.type).toMatch(/\/unauthorized$/)
    }
  })

  it('challenges every 401 with WWW-Authenticate: Bearer, naming why a token that was sent is refused', async () => {
    const challenge = async (headers: Record<string, string>) =>
      (await t.request('GET', '/incidents', { headers })).headers.get('www-authenticate')
    expect(await challenge({})).toBe('Bearer realm="yuqing-flow"')
    expect(await challenge({ authorization: 'Basic abc' })).toBe(
      'Bearer realm="yuqing-flow", error="invalid_request"',
    )
    expect(await challenge({ authorization: 'Bearer not-a-token-we-issued' })).toBe(
      'Bearer realm="yuqing-flow", error="invalid_token"',
    )
    // Only a 401 challenges: a 403 was authenticated.
    const forbidden = await t.request('POST', '/incidents', { as: 'auditor', body: openBody })
    expect(forbidden.status).toBe(403)
    expect(forbidden.headers.get('www-authenticate')).toBeNull()
  })

  it('needs no token for /healthz, /openapi.json and /docs, and one for everything else, unknown routes too', async () => {
    expect((await t.request('GET', '/healthz')).status).toBe(200)
    expect((await t.request('GET', '/openapi.json')).status).toBe(200)
    expect((await t.request('GET', '/docs')).status).toBe(200)
    for (const path of ['/plans', '/calendar', '/incidents', '/nowhere'])
      expect((await t.request('GET', path)).status, path).toBe(401)
  })

  it('lets the auditor read everything and write nothing (403)', async () => {
    const opened = await t.request('POST', '/incidents', { as: 'office', body: openBody })
    const id = opened.body.id
    for (const path of [
      '/plans',
      '/plans/neixiang-2017',
      '/incidents',
      `/incidents/${id}`,
      `/incidents/${id}/history`,
      '/calendar',
    ])
      expect((await t.request('GET', path, { as: 'auditor' })).status, path).toBe(200)
    const open = await t.request('POST', '/incidents', { as: 'auditor', body: openBody })
    expect(open.status).toBe(403)
    const send = await t.request('POST', `/incidents/${id}/events`, {
      as: 'auditor',
      body: { type: 'REPORT', to: ['group'], proposal: 'x' },
    })
    expect(send.status).toBe(403)
    expect((await t.request('GET', `/incidents/${id}`, { as: 'auditor' })).body.version).toBe(1)
  })

  it('puts the token’s name and role into the journal', async () => {
    const { token } = await createToken(
      t.store.db,
      { role: 'monitor', name: '王五' },
      { now: t.clock.now(), by: 'test' },
    )
    const opened = await t.request('POST', '/incidents', { bearer: token, body: openBody })
    const history = await t.request('GET', `/incidents/${opened.body.id}/history`, { as: 'auditor' })
    expect(history.body.items[0].actor).toEqual({ name: '王五', role: 'monitor' })
  })

  it('keeps each organisation to its own incidents', async () => {
    const mine = await t.request('POST', '/incidents', { as: 'office', body: openBody })
    const theirs = await t.request('POST', '/incidents', { as: 'other-org', body: openBody })
    expect(theirs.body.organisation).toBe('other')
    expect((await t.request('GET', `/incidents/${theirs.body.id}`, { as: 'office' })).status).toBe(404)
    expect((await t.request('GET', `/incidents/${mine.body.id}`, { as: 'other-org' })).status).toBe(404)
    const listed = await t.request('GET', '/incidents', { as: 'other-org' })
    expect(listed.body.items.map((v: { id: string }) => v.id)).toEqual([theirs.body.id])
  })
})

describe('security log', () => {
  it('records token creation and revocation, and each 401 and 403 with its route, never the token', async () => {
    const { token, info } = await createToken(
      t.store.db,
      { role: 'unit', name: '赵六' },
      { now: t.clock.now(), by: 'cli:ops' },
    )
    await t.request('POST', '/incidents', { bearer: token, body: openBody })
    await revokeToken(t.store.db, info.id, { now: t.clock.now(), by: 'cli:ops' })
    await t.request('GET', '/incidents', { bearer: token })
    const log = await readSecurityLog(t.store.db)
    expect(log).toContainEqual(
      expect.objectContaining({ kind: 'token.created', tokenId: info.id, role: 'unit', by: 'cli:ops' }),
    )
    expect(log).toContainEqual(expect.objectContaining({ kind: 'token.revoked', tokenId: info.id }))
    expect(log).toContainEqual(
      expect.objectContaining({
        kind: 'auth.forbidden',
        method: 'POST',
        route: '/incidents',
        tokenId: info.id,
        role: 'unit',
      }),
    )
    expect(log).toContainEqual(
      expect.objectContaining({ kind: 'auth.unauthorized', method: 'GET', route: '/incidents' }),
    )
    const everything = JSON.stringify(await t.store.db.selectFrom('security_log').selectAll().execute())
    expect(everything).not.toContain(token)
    expect(t.logs.join('\n')).not.toContain(token)
  })
})

describe('token store', () => {
  it('stores only the SHA-256 of a 32-byte base64url token', async () => {
    const { token, info } = await createToken(
      t.store.db,
      { role: 'leader', name: '钱七', organisation: 'X' },
      { now: t.clock.now(), by: 'test' },
    )
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const row = await t.store.db
      .selectFrom('tokens')
      .selectAll()
      .where('id', '=', info.id)
      .executeTakeFirstOrThrow()
    expect(row.hash).toBe(hashToken(token))
    expect(JSON.stringify(row)).not.toContain(token)
    expect(await findToken(t.store.db, token)).toMatchObject({
      role: 'leader',
      name: '钱七',
      organisation: 'X',
    })
    expect((await listTokens(t.store.db)).find((x) => x.id === info.id)).toEqual(info)
    expect(await revokeToken(t.store.db, 'tok_missing', { now: t.clock.now(), by: 'test' })).toBe(false)
  })

  it('upserts AUTH_TOKENS hashed, and keeps a revoked one revoked', async () => {
    const quick = {
      token: 'quick-start-secret-123456',
      role: 'office' as const,
      name: '值班员',
      organisation: 'default',
    }
    await applyQuickStartTokens(t.store.db, [quick], t.clock.now())
    expect(await findToken(t.store.db, quick.token)).toMatchObject({ role: 'office', name: '值班员' })
    await applyQuickStartTokens(t.store.db, [{ ...quick, role: 'group', name: '组长' }], t.clock.now())
    const found = await findToken(t.store.db, quick.token)
    expect(found).toMatchObject({ role: 'group', name: '组长' })
    await revokeToken(t.store.db, found!.id, { now: t.clock.now(), by: 'test' })
    await applyQuickStartTokens(t.store.db, [quick], t.clock.now())
    expect(await findToken(t.store.db, quick.token)).toBeUndefined()
    expect(JSON.stringify(await t.store.db.selectFrom('tokens').selectAll().execute())).not.toContain(
      quick.token,
    )
  })

  it('makes one admin token on an empty database only', async () => {
    await t.store.db.deleteFrom('tokens').execute()
    const first = await bootstrapAdminToken(t.store.db, t.clock.now())
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await findToken(t.store.db, first!)).toMatchObject({ role: 'admin' })
    expect(await bootstrapAdminToken(t.store.db, t.clock.now())).toBeNull()
  })
})

describe('revocation seen at once by every handle on the database', () => {
  for (const kind of STORE_KINDS)
    it(`refuses a token revoked through another connection on the next request (${kind})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'yuqing-revoke-'))
      const node = await testApp(kind === 'postgres' ? { kind } : { database: join(dir, 'db.sqlite') })
      // Another process on the same database (the CLI, a second node): its own handle.
      const other =
        kind === 'postgres'
          ? createStore(PG_URL, { schema: node.store.schema ?? undefined })
          : createStore(join(dir, 'db.sqlite'))
      try {
        const { token, info } = await createToken(
          other.db,
          { role: 'office', name: '王五' },
          { now: node.clock.now(), by: 'test' },
        )
        for (let i = 0; i < 3; i++)
          expect((await node.request('GET', '/incidents', { bearer: token })).status).toBe(200)
        await revokeToken(other.db, info.id, { now: node.clock.now(), by: 'cli:ops' })
        expect((await node.request('GET', '/incidents', { bearer: token })).status).toBe(401)
      } finally {
        await other.close()
        await node.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
})

describe("README's HTTP API section on tokens and failed sign-ins", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  // Its words, whatever the line breaks.
  const section = readme
    .slice(readme.indexOf('## HTTP API'), readme.indexOf('## For integrators'))
    .replace(/\s+/g, ' ')

  it('says AUTH_TOKENS needs tokens of at least 16 characters, with the message the service refuses to start with', async () => {
    const server = spawnServer(join(tempDir('yuqing-auth-'), 'y.db'), { AUTH_TOKENS: 'short-secret:office' })
    const { code } = await server.exited
    expect(code).toBe(1)
    const said = server.stderr()
    expect(said).not.toContain('short-secret')
    const first = /yuqing-flow failed to start: [^\n]*/.exec(said)?.[0]
    const entry = /AUTH_TOKENS: entry 1 must be [^\n]*? of at least 16 characters/.exec(said)?.[0]
    expect(first, said).toBeTruthy()
    expect(entry, said).toBeTruthy()
    expect(section).toContain(first)
    expect(section).toContain(entry)
  })

  it('names the per-address limit on failed sign-ins: 429, Retry-After, AUTH_FAILURES_PER_MINUTE, a reverse proxy', () => {
    for (const words of ['AUTH_FAILURES_PER_MINUTE', '429', 'Retry-After', 'reverse proxy'])
      expect(section, words).toContain(words)
  })
})
