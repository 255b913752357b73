/**
 * JSON bodies over a real socket (src/http/body.ts): read from Node's request stream, not
 * through a WHATWG Request built around it, with the same answers as in-process
 * (413 by Content-Length or as the stream passes 64 KiB, 400 for bad text or JSON).
 */
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import { serve } from '@hono/node-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
let server: ReturnType<typeof serve> | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
  await t?.close()
})

async function listen() {
  t = await testApp()
  const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  server = s
  await new Promise<void>((resolve) => (s.listening ? resolve() : s.once('listening', () => resolve())))
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`
}

const openBody = { planId: 'neixiang-2017', title: '某地网传事件' }

/** Writes a raw HTTP/1.1 request and resolves with the status line's code and the body. */
function raw(url: string, head: string[], chunks: string[]) {
  const port = Number(new URL(url).port)
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    let received = ''
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${[...head, '', ''].join('\r\n')}`)
      for (const c of chunks) socket.write(c)
    })
    socket.setEncoding('utf8')
    socket.on('data', (d: string) => {
      received += d
      const end = received.indexOf('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(received)
      if (end >= 0 && length && Buffer.byteLength(received.slice(end + 4)) >= Number(length[1])) {
        socket.destroy()
        resolve({ status: Number(received.slice(9, 12)), body: received.slice(end + 4) })
      }
    })
    socket.on('error', reject)
    setTimeout(() => socket.destroy(new Error('no answer')), 8000)
  })
}

/** A chunked request body, in pieces of `size` bytes. */
const chunked = (body: string, size: number) => {
  const out: string[] = []
  for (let i = 0; i < body.length; i += size) {
    const piece = body.slice(i, i + size)
    out.push(`${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`)
  }
  return [...out, '0\r\n\r\n']
}

describe('JSON bodies over a socket', () => {
  it('are read from the Node stream, not through a web Request around it, and work as in-process', async () => {
    const url = await listen()
    const toWeb = vi.spyOn(Readable, 'toWeb')
    const auth = { authorization: `Bearer ${t.tokens.office}`, 'content-type': 'application/json' }
    const opened = await fetch(`${url}/incidents`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(openBody),
    })
    expect(opened.status).toBe(201)
    const view = (await opened.json()) as { id: string; allowedEvents: string[] }
    const sent = await fetch(`${url}/incidents/${view.id}/events`, {
      method: 'POST',
      headers: { ...auth, authorization: `Bearer ${t.tokens.monitor}` },
      body: JSON.stringify({ type: 'METRICS_UPDATED', facts: {} }),
    })
    expect(sent.status).toBe(200)
    expect(((await sent.json()) as { version: number }).version).toBe(2)
    expect(toWeb).not.toHaveBeenCalled()
  })

  it('answers 413 to a chunked body as it passes 64 KiB, and 413 by Content-Length before reading', async () => {
    const url = await listen()
    const head = [
      'POST /incidents HTTP/1.1',
      'Host: x',
      `Authorization: Bearer ${t.tokens.office}`,
      'Content-Type: application/json',
    ]
    const big = JSON.stringify({ ...openBody, title: '长'.repeat(30_000) })
    const byStream = await raw(url, [...head, 'Transfer-Encoding: chunked'], chunked(big, 8192))
    expect(byStream.status).toBe(413)
    expect(JSON.parse(byStream.body).type).toMatch(/\/payload-too-large$/)
    const byLength = await raw(url, [...head, `Content-Length: ${70 * 1024}`], [])
    expect(byLength.status).toBe(413)
    const small = JSON.stringify(openBody)
    const ok = await raw(url, [...head, 'Transfer-Encoding: chunked'], chunked(small, 7))
    expect(ok.status).toBe(201)
    expect((await t.request('GET', '/incidents', { as: 'office' })).body.items).toHaveLength(1)
  })

  it('decodes UTF-8 strictly: a BOM dropped; a lone surrogate, escaped or as bytes, and bytes that are not UTF-8 refused; malformed JSON a 400', async () => {
    const url = await listen()
    const post = (body: string | Uint8Array) =>
      fetch(`${url}/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.office}`, 'content-type': 'application/json' },
        body,
      })
    expect((await post(`\uFEFF${JSON.stringify(openBody)}`)).status).toBe(201)
    const surrogate = await post('{"planId":"neixiang-2017","title":"\\ud800"}')
    expect(surrogate.status).toBe(400)
    const malformed = await post('{"planId":')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { type: string }).type).toMatch(/\/malformed-json$/)
    // Bytes that are not UTF-8 are refused, never replaced by U+FFFD (the stored text
    // would not be what was sent); over a socket and in-process alike.
    const title = (bytes: number[]) =>
      Buffer.concat([
        Buffer.from('{"planId":"neixiang-2017","title":"a'),
        Buffer.from(bytes),
        Buffer.from('"}'),
      ])
    for (const bytes of [[0xff], [0xff, 0xfe], [0xed, 0xa0, 0x80]]) {
      const refused = await post(title(bytes))
      expect(refused.status).toBe(400)
      expect(((await refused.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('(body)')
      const inProcess = await t.app.request('/incidents', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.office}`, 'content-type': 'application/json' },
        body: title(bytes),
      })
      expect(inProcess.status).toBe(400)
    }
    expect((await t.request('GET', '/incidents', { as: 'office' })).body.items).toHaveLength(1)
  })
})
