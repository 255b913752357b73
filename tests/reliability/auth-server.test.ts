/**
 * Tokens on the real server: revoked with the CLI while it runs, a token is refused at once, and
 * still after a restart with the same AUTH_TOKENS; no token ever appears in its output, the CLI's
 * or an answer; a bad AUTH_TOKENS entry is named without its secret. In process: auth-matrix.test.ts.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { ROLES } from '../../machines/vocabulary.js'
import { hashToken } from '../../src/auth/tokens.js'
import type { Answer } from '../helpers/app.js'
import { authTokensEnv, call, killAll, ROOT, roleTokens, startServer, tempDir } from '../helpers/server.js'

const run = promisify(execFile)

afterAll(killAll)

describe('the real server', () => {
  it('never logs a token, refuses a token revoked with the CLI at once and after a restart', async () => {
    const file = join(tempDir('yuqing-auth-'), 'yuqing.db')
    const tokens = roleTokens()
    const env = { AUTH_TOKENS: authTokensEnv(tokens), LOG_LEVEL: 'debug' }
    const strangers = [`${tokens.office}x`, tokens.office.toUpperCase(), 'not-a-token-0123456789abcdef']
    const seen: Answer[] = []
    const go = async (...a: Parameters<typeof call>) => {
      const r = await call(...a)
      seen.push(r)
      return r
    }

    let server = await startServer(file, env)
    const opened = await go(server.base, 'POST', '/incidents', {
      token: tokens.office,
      body: { planId: 'neixiang-2017', title: '令牌' },
    })
    expect(opened.status).toBe(201)
    for (const role of ROLES) {
      expect(
        (await go(server.base, 'GET', `/incidents/${opened.body.id}`, { token: tokens[role] })).status,
      ).toBe(200)
      await go(server.base, 'POST', `/incidents/${opened.body.id}/events`, {
        token: tokens[role],
        body: { type: 'METRICS_UPDATED', facts: { reposts: 1 } },
      })
    }
    for (const s of strangers) {
      expect((await go(server.base, 'GET', '/incidents', { token: s })).status).toBe(401)
      expect(
        (await go(server.base, 'GET', '/incidents', { headers: { authorization: `Basic ${s}` } })).status,
      ).toBe(401)
      expect((await go(server.base, 'GET', `/incidents?access_token=${s}`)).status).toBe(401)
    }

    // Revoked with the CLI while the server runs: refused on the next request.
    // AUTH_TOKENS ids are random (they tell nothing about the token): read it by the hash.
    const db = new SQLite(file, { readonly: true })
    const { id } = db.prepare('select id from tokens where hash = ?').get(hashToken(tokens.monitor)) as {
      id: string
    }
    db.close()
    const cli = await run('npm', ['run', '-s', 'cli', '--', 'token', 'revoke', id], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: file },
    })
    expect((await go(server.base, 'GET', '/incidents', { token: tokens.monitor })).status).toBe(401)
    const firstRun = server.stdout() + server.stderr()
    expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })

    // Restarted with the same AUTH_TOKENS: still revoked; the others still work.
    server = await startServer(file, env)
    expect((await go(server.base, 'GET', '/incidents', { token: tokens.monitor })).status).toBe(401)
    expect((await go(server.base, 'GET', '/incidents', { token: tokens.office })).status).toBe(200)
    const secondRun = server.stdout() + server.stderr()
    expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })

    const everything = [
      firstRun,
      secondRun,
      cli.stdout,
      cli.stderr,
      ...seen.map((a) => a.text + [...a.headers].join()),
    ]
    for (const secret of [...Object.values(tokens), ...strangers])
      for (const text of everything)
        expect(text.includes(secret), `a token in ${text.slice(0, 300)}`).toBe(false)
    expect(firstRun).toContain('"msg":"request"')
  }, 120_000)

  it('names a bad AUTH_TOKENS entry without echoing its secret', async () => {
    const secret = 'a-secret-that-must-not-be-echoed-42'
    const file = join(tempDir('yuqing-auth-'), 'yuqing.db')
    const failed = startServer(file, { AUTH_TOKENS: `${secret}:emperor` })
    await expect(failed).rejects.toThrow(/exited/)
    const message = String(await failed.catch((e: unknown) => e))
    expect(message).toContain('AUTH_TOKENS')
    expect(message).not.toContain(secret)
  }, 60_000)
})
