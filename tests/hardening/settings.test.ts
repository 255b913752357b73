/**
 * The limits' settings (README "Limits"): parsed with their defaults, refused when bad,
 * and applied by the real server (one process, over real sockets, from one client).
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { authTokensEnv, call, killAll, roleTokens, startServer, tempDir } from '../helpers/server.js'

afterAll(() => killAll())

describe('limit settings', () => {
  it('have the documented defaults and take other values', () => {
    const c = parseConfig({})
    expect(c.limits).toEqual({
      uploadsPerOrganisation: 4,
      authFailuresPerMinute: 30,
      securityLogMaxRows: 100_000,
      securityLogMaxAgeDays: 400,
    })
    expect(c.streams).toEqual({ max: 1000, perOrganisation: 100, perToken: 10 })
    expect(c.timeouts).toEqual({ requestMs: 120_000, headersMs: 20_000, keepAliveMs: 5_000 })
    const set = parseConfig({
      STREAMS_PER_TOKEN: '2',
      EVIDENCE_UPLOADS_PER_ORGANISATION: '1',
      AUTH_FAILURES_PER_MINUTE: '0',
      HEADERS_TIMEOUT_MS: '5000',
      REQUEST_TIMEOUT_MS: '3000',
    })
    expect(set.streams.perToken).toBe(2)
    expect(set.limits).toMatchObject({ uploadsPerOrganisation: 1, authFailuresPerMinute: 0 })
    // Headers cannot be given longer than the whole request.
    expect(set.timeouts).toMatchObject({ requestMs: 3000, headersMs: 3000 })
  })

  it('refuses a bad limit, naming it', () => {
    expect(() => parseConfig({ STREAMS_PER_TOKEN: '0', SECURITY_LOG_MAX_ROWS: 'many' })).toThrow(
      /STREAMS_PER_TOKEN[\s\S]*SECURITY_LOG_MAX_ROWS|SECURITY_LOG_MAX_ROWS[\s\S]*STREAMS_PER_TOKEN/,
    )
  })

  it('are applied by the server: failed authentications from one client get 429, a token gets its streams', async () => {
    const dir = tempDir('yuqing-settings-')
    try {
      const tokens = roleTokens()
      const server = await startServer(join(dir, 'db.sqlite'), {
        AUTH_TOKENS: authTokensEnv(tokens),
        AUTH_FAILURES_PER_MINUTE: '3',
        STREAMS_PER_TOKEN: '1',
      })
      // The limit resets at the minute: keep the three failures and the check in one minute.
      const second = new Date().getUTCSeconds()
      if (second > 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000))
      for (let i = 0; i < 3; i++)
        expect((await call(server.base, 'GET', '/incidents', { token: `bad-${i}` })).status).toBe(401)
      const limited = await call(server.base, 'GET', '/incidents', { token: tokens.office })
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBeTruthy()
      expect(limited.body).toMatchObject({ limit: 'AUTH_FAILURES_PER_MINUTE' })

      const server2 = await startServer(join(dir, 'db2.sqlite'), {
        AUTH_TOKENS: authTokensEnv(tokens),
        STREAMS_PER_TOKEN: '1',
        PORT: '0',
      })
      const controller = new AbortController()
      const first = await fetch(`${server2.base}/incidents/stream`, {
        headers: { authorization: `Bearer ${tokens.office}` },
        signal: controller.signal,
      })
      expect(first.status).toBe(200)
      const again = await call(server2.base, 'GET', '/incidents/stream', { token: tokens.office })
      expect(again.status).toBe(429)
      expect(again.body).toMatchObject({ limit: 'STREAMS_PER_TOKEN' })
      controller.abort()
      expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })
      expect(await server2.kill('SIGTERM')).toEqual({ code: 0, signal: null })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
