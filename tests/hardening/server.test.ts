/**
 * The server's own timeouts, and a client that hangs up: over a real socket, on the
 * options main.ts uses (src/http/server.ts), with short timeouts.
 */

import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { afterEach, describe, expect, it } from 'vitest'
import { createEvidenceStore } from '../../src/evidence/store.js'
import { answerClientErrors, serverOptions } from '../../src/http/server.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
let server: ReturnType<typeof serve> | undefined
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
  await t?.close()
})

async function listen(
  timeouts = { requestMs: 3000, headersMs: 1000, keepAliveMs: 500 },
  deps: Parameters<typeof testApp>[0] = {},
) {
  t = await testApp(deps)
  const s = serve({
    fetch: t.app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: serverOptions(timeouts),
  })
  answerClientErrors(s)
  server = s
  await new Promise<void>((resolve) => (s.listening ? resolve() : s.once('listening', () => resolve())))
  return (s.address() as AddressInfo).port
}

/** Connects, writes `data`, and resolves with what came back and how long until the server closed it. */
function exchange(port: number, data: string, opts: { destroyAfterMs?: number } = {}) {
  return new Promise<{ received: string; ms: number }>((resolve, reject) => {
    const started = Date.now()
    let received = ''
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(data))
    socket.setEncoding('utf8')
    socket.on('data', (d: string) => {
      received += d
    })
    socket.on('error', reject)
    socket.on('close', () => resolve({ received, ms: Date.now() - started }))
    if (opts.destroyAfterMs !== undefined) setTimeout(() => socket.destroy(), opts.destroyAfterMs)
    setTimeout(() => socket.destroy(new Error('the server did not close the connection')), 8000)
  })
}

describe('server timeouts', () => {
  it('closes a connection whose headers never finish (408) once HEADERS_TIMEOUT_MS is over', async () => {
    const port = await listen()
    const { received, ms } = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    expect(received).toMatch(/^HTTP\/1\.1 408/)
    expect(received).toMatch(/content-type: application\/problem\+json/i)
    expect(ms).toBeGreaterThanOrEqual(900)
    expect(ms).toBeLessThan(4000)
  })

  it('closes an idle keep-alive connection after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const port = await listen()
    const { received, ms } = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(received).toMatch(/^HTTP\/1\.1 200/)
    expect(received).toMatch(/x-request-id: /i)
    expect(ms).toBeLessThan(3000)
  })
})

describe('a request Node\'s parser refuses is answered as problem+json (API.md "Errors")', () => {
  const problemOf = (received: string) => JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))

  it('raw non-ASCII in the query: 400, saying the URL must be percent-encoded', async () => {
    const port = await listen()
    const { received } = await exchange(port, 'GET /incidents?q=列表测试 HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(received).toMatch(/^HTTP\/1\.1 400/)
    expect(received).toMatch(/content-type: application\/problem\+json/i)
    expect(problemOf(received)).toMatchObject({
      type: 'https://yuqing-flow.dev/problems/malformed-request',
      status: 400,
      detail: expect.stringContaining('percent-encoded'),
    })
  })

  it('headers too large: 431', async () => {
    const port = await listen()
    const big = 'a'.repeat(20_000)
    const { received } = await exchange(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`)
    expect(received).toMatch(/^HTTP\/1\.1 431/)
    expect(problemOf(received)).toMatchObject({ status: 431, title: 'Request header fields too large' })
  })
})

describe('a client hanging up mid-body', () => {
  it('is neither logged nor answered as "storage unavailable", and writes nothing', async () => {
    const port = await listen()
    const head = [
      'POST /incidents HTTP/1.1',
      'Host: x',
      `Authorization: Bearer ${t.tokens.office}`,
      'Content-Type: application/json',
      'Content-Length: 50000',
      '',
      '{"planId":"neixiang-2017","title":"半截',
    ].join('\r\n')
    await exchange(port, head, { destroyAfterMs: 100 })
    await new Promise((r) => setTimeout(r, 300))
    const logged = t.logs.join('\n')
    expect(logged).not.toMatch(/storage unavailable/)
    expect(logged).not.toMatch(/"level":"error"/)
    expect(logged).not.toMatch(/"status":503/)
    expect((await t.request('GET', '/incidents', { as: 'auditor' })).body.items).toEqual([])
  })

  it('mid-upload leaves no file behind in the evidence store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuqing-hangup-'))
    try {
      const port = await listen(undefined, { deps: { evidence: createEvidenceStore(dir) } })
      const id = (
        await t.request('POST', '/incidents', {
          as: 'office',
          body: { planId: 'neixiang-2017', title: '证据' },
        })
      ).body.id
      const head = [
        `POST /incidents/${id}/evidence HTTP/1.1`,
        'Host: x',
        `Authorization: Bearer ${t.tokens.office}`,
        'Content-Type: multipart/form-data; boundary=b',
        'Content-Length: 5000000',
        '',
        '--b\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n',
      ].join('\r\n')
      await exchange(port, head + 'x'.repeat(100_000), { destroyAfterMs: 200 })
      await new Promise((r) => setTimeout(r, 300))
      expect(readdirSync(dir, { recursive: true })).toEqual([])
      expect(t.logs.join('\n')).not.toMatch(/storage unavailable|"level":"error"/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
