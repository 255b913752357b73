/**
 * Fair limits (API.md "Hostile input and limits"): live streams per token and per
 * organisation as well as in total, and evidence uploads per organisation, each refused
 * with a problem naming its setting; uploads stream to disk, hashed on the way.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createToken } from '../../src/auth/tokens.js'
import { createEvidenceStore, type EvidenceStore } from '../../src/evidence/store.js'
import { EVIDENCE_FILE_LIMIT } from '../../src/http/routes/evidence.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
const dirs: string[] = []
afterEach(async () => {
  await t?.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const open = (token: string, path = '/incidents/stream') =>
  t.app.request(path, { headers: { authorization: `Bearer ${token}` } })

describe('live streams', () => {
  it('limits streams per token and per organisation (429 naming the setting), leaving other organisations theirs', async () => {
    t = await testApp({ hub: { maxPerToken: 2, maxPerOrganisation: 3, maxSubscribers: 10 } })
    const a1 = await open(t.tokens.office)
    const a2 = await open(t.tokens.office)
    expect([a1.status, a2.status]).toEqual([200, 200])
    const a3 = await open(t.tokens.office)
    expect(a3.status).toBe(429)
    expect(a3.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(a3.headers.get('retry-after')).toBeTruthy()
    expect((await a3.json()) as object).toMatchObject({ limit: 'STREAMS_PER_TOKEN' })

    const b1 = await open(t.tokens.leader)
    expect(b1.status).toBe(200)
    const b2 = await open(t.tokens.monitor)
    expect(b2.status).toBe(429)
    expect((await b2.json()) as object).toMatchObject({ limit: 'STREAMS_PER_ORGANISATION' })

    // The other organisation still gets its streams.
    const other = await open(t.otherOrgToken)
    expect(other.status).toBe(200)

    // A stream closed frees its place.
    await a1.body?.cancel()
    const again = await open(t.tokens.monitor)
    expect(again.status).toBe(200)
    for (const r of [a2, b1, other, again]) await r.body?.cancel()
    expect(t.hub.size()).toBe(0)
  })

  it('answers 503 when every stream of the process is taken', async () => {
    t = await testApp({ hub: { maxSubscribers: 1 } })
    const first = await open(t.tokens.office)
    const second = await open(t.otherOrgToken)
    expect(second.status).toBe(503)
    expect(((await second.json()) as { detail: string }).detail).toMatch(/STREAMS_MAX/)
    await first.body?.cancel()
  })
})

/** A store that records the largest piece of a file it was handed at once. */
function watchedStore(): EvidenceStore & { largestChunk: number } {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-limits-evidence-'))
  dirs.push(dir)
  const inner = createEvidenceStore(dir)
  const watched = {
    ...inner,
    largestChunk: 0,
    receive(source: AsyncIterable<Uint8Array>, limit: number) {
      return inner.receive(
        (async function* () {
          for await (const chunk of source) {
            watched.largestChunk = Math.max(watched.largestChunk, chunk.byteLength)
            yield chunk
          }
        })(),
        limit,
      )
    },
  }
  return watched
}

/** A multipart body whose file part is sent by the test, piece by piece. */
function slowUpload(boundary = 'limits-boundary') {
  let push!: ReadableStreamDefaultController<Uint8Array>
  const enc = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      push = c
      c.enqueue(
        enc.encode(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
      )
    },
  })
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    send: (bytes: Uint8Array) => push.enqueue(bytes),
    end: () => {
      push.enqueue(enc.encode(`\r\n--${boundary}--\r\n`))
      push.close()
    },
  }
}

const post = (id: string, token: string, body: FormData | ReadableStream<Uint8Array>, contentType?: string) =>
  t.app.request(`/incidents/${id}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
    duplex: 'half',
  } as RequestInit)

describe('evidence uploads', () => {
  it('streams a file to disk in pieces, never whole in memory, and keeps it by the hash of every byte', async () => {
    const store = watchedStore()
    t = await testApp({ deps: { evidence: store } })
    const id = (
      await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '证据' },
      })
    ).body.id
    const content = new Uint8Array(8 * 1024 * 1024).map((_, i) => (i * 7) % 251)
    // Sent as a socket would bring it: 64 KiB at a time.
    const up = slowUpload()
    const answered = post(id, t.tokens.office, up.body, up.contentType)
    for (let at = 0; at < content.byteLength; at += 64 * 1024) up.send(content.slice(at, at + 64 * 1024))
    up.end()
    const res = await answered
    expect(res.status).toBe(201)
    expect(((await res.json()) as { sha256: string }).sha256).toBe(
      createHash('sha256').update(content).digest('hex'),
    )
    expect(store.largestChunk).toBeLessThanOrEqual(2 * 64 * 1024)
  })

  it('cuts an upload without Content-Length at 20 MiB as it streams (413) and leaves nothing behind', async () => {
    const store = watchedStore()
    t = await testApp({ deps: { evidence: store } })
    const id = (
      await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '证据' },
      })
    ).body.id
    const up = slowUpload()
    const answered = post(id, t.tokens.office, up.body, up.contentType)
    const mib = new Uint8Array(1024 * 1024)
    for (let sent = 0; sent <= EVIDENCE_FILE_LIMIT; sent += mib.byteLength) up.send(mib)
    up.end()
    const res = await answered
    expect(res.status).toBe(413)
    expect(readdirSync(store.dir, { recursive: true })).toEqual([])
    const history = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
    expect(history.body.items.map((e: { type: string }) => e.type)).not.toContain('EVIDENCE_ADDED')
  })

  it("limits uploads in progress per organisation (429), leaving another organisation's free", async () => {
    t = await testApp({ deps: { evidence: watchedStore(), limits: { uploadsPerOrganisation: 1 } } })
    const id = (
      await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '证据' },
      })
    ).body.id
    const otherId = (
      await t.request('POST', '/incidents', {
        as: 'other-org',
        body: { planId: 'hrss-city', title: '他方证据' },
      })
    ).body.id
    const slow = slowUpload()
    const first = post(id, t.tokens.office, slow.body, slow.contentType)
    slow.send(new Uint8Array(1000).fill(1))
    await new Promise((r) => setTimeout(r, 50))

    const form = () => {
      const f = new FormData()
      f.append('file', new File([new Uint8Array([1, 2, 3])], 'b.bin'))
      return f
    }
    const second = await post(id, t.tokens.leader, form())
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBeTruthy()
    expect((await second.json()) as object).toMatchObject({ limit: 'EVIDENCE_UPLOADS_PER_ORGANISATION' })
    const other = await post(otherId, t.otherOrgToken, form())
    expect(other.status).toBe(201)

    slow.end()
    expect((await first).status).toBe(201)
    expect((await post(id, t.tokens.leader, form())).status).toBe(201)
  })

  it('refuses a file name with a bidi override or a control character (400) and stores nothing', async () => {
    const store = watchedStore()
    t = await testApp({ deps: { evidence: store } })
    const id = (
      await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '证据' },
      })
    ).body.id
    for (const name of ['报告\u202Efdp.exe', 'a\u0000b.txt', 'a\u2067b.txt', 'a\u0007.txt']) {
      const f = new FormData()
      f.append('file', new File([new Uint8Array([1])], name))
      const res = await post(id, t.tokens.office, f)
      expect(res.status, JSON.stringify(name)).toBe(400)
      // A C0 control in a part header is malformed multipart already (the body's path); the others name the file.
      expect(
        ((await res.json()) as { errors: Array<{ path: string }> }).errors[0]?.path,
        JSON.stringify(name),
      ).toBe([...name].some((ch) => ch < ' ') ? '(body)' : 'file')
    }
    const f = new FormData()
    f.append('file', new File([new Uint8Array([1])], 'ok.txt'))
    f.append('note', '说明\u202E')
    const note = await post(id, t.tokens.office, f)
    expect(note.status).toBe(400)
    expect(((await note.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('note')
    expect(readdirSync(store.dir, { recursive: true })).toEqual([])
  })
})

describe('tokens of one organisation', () => {
  it('counts streams per token, not per person', async () => {
    t = await testApp({ hub: { maxPerToken: 1, maxPerOrganisation: 10 } })
    const second = (
      await createToken(
        t.store.db,
        { role: 'office', name: 'office-tester' },
        { now: t.clock.now(), by: 'test' },
      )
    ).token
    const a = await open(t.tokens.office)
    const b = await open(second)
    expect([a.status, b.status]).toEqual([200, 200])
    await a.body?.cancel()
    await b.body?.cancel()
  })
})
