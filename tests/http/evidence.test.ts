/** Evidence over HTTP: multipart upload (20 MiB), list, download with its hash, never deleted. */
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../machines/vocabulary.js'
import { createEvidenceStore, type EvidenceStore } from '../../src/evidence/store.js'
import { EVIDENCE_FILE_LIMIT } from '../../src/http/routes/evidence.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
let store: EvidenceStore
let id: string
beforeEach(async () => {
  store = createEvidenceStore(mkdtempSync(join(tmpdir(), 'yuqing-evidence-test-')))
  t = await testApp({ deps: { evidence: store } })
  const opened = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '网传某市场销售过期食品' },
  })
  id = opened.body.id
})
afterEach(() => t.close())

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const bytesOf = (text: string) => new TextEncoder().encode(text)

function form(content: Uint8Array | null, opts: { name?: string; type?: string; note?: string } = {}) {
  const f = new FormData()
  if (content)
    f.append('file', new File([content], opts.name ?? 'page.html', { type: opts.type ?? 'text/html' }))
  if (opts.note !== undefined) f.append('note', opts.note)
  return f
}

async function upload(
  body: FormData | string,
  opts: { as?: Role | 'other-org'; incident?: string; headers?: Record<string, string> } = {},
) {
  const token = opts.as === 'other-org' ? t.otherOrgToken : t.tokens[opts.as ?? 'office']
  const res = await t.app.request(`/incidents/${opts.incident ?? id}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...opts.headers },
    body,
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
  }
}

/** Every file under the evidence directory, temporary ones included. */
const listing = () => readdirSync(store.dir, { recursive: true }).map(String).sort()
const journalRows = async () =>
  Number(
    (
      await t.store.db
        .selectFrom('journal')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('evidence', () => {
  it('keeps an upload by its SHA-256, journals it with size, type, filename, who and when, and lists it', async () => {
    const content = bytesOf('<html>截图：过期食品</html>')
    const res = await upload(form(content, { note: '发帖页面存档' }))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toEqual({
      seq: 2,
      sha256: sha256(content),
      size: content.byteLength,
      mediaType: 'text/html',
      filename: 'page.html',
      note: '发帖页面存档',
      by: { name: 'office-tester', role: 'office' },
      at: t.clock.now().toISOString(),
    })
    expect(res.headers.get('location')).toBe(`/incidents/${id}/evidence/${sha256(content)}`)
    expect(res.headers.get('etag')).toBe('"2"')
    expect(listing()).toContain(join(sha256(content).slice(0, 2), sha256(content)))

    const history = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
    expect(history.body.items.at(-1)).toMatchObject({
      type: 'EVIDENCE_ADDED',
      payload: { sha256: sha256(content), size: content.byteLength, mediaType: 'text/html' },
      actor: { name: 'office-tester', role: 'office' },
    })
    const list = await t.request('GET', `/incidents/${id}/evidence`, { as: 'auditor' })
    expect(list.status).toBe(200)
    expect(list.body.items).toEqual([res.body])
  })

  it('serves a download whose hash headers are the SHA-256 of its bytes, as an attachment of the stored type', async () => {
    const content = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    const up = await upload(form(content, { name: '现场照片 "1".png', type: 'image/png' }))
    expect(up.status).toBe(201)
    const res = await t.app.request(`/incidents/${id}/evidence/${up.body.sha256}`, {
      headers: { authorization: `Bearer ${t.tokens.auditor}` },
    })
    expect(res.status).toBe(200)
    const got = new Uint8Array(await res.arrayBuffer())
    expect(got).toEqual(content)
    expect(res.headers.get('x-content-sha256')).toBe(sha256(got))
    expect(res.headers.get('digest')).toBe(`sha-256=${createHash('sha256').update(got).digest('base64')}`)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-length')).toBe(String(content.byteLength))
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="____ _1_.png"; filename*=UTF-8''${encodeURIComponent('现场照片 "1".png')}`,
    )
  })

  it('answers 413 for an upload over 20 MiB and leaves nothing behind: no file, no journal entry', async () => {
    const before = { files: listing(), rows: await journalRows() }
    // Just over the file limit, within the room for the framing: refused after parsing.
    const justOver = await upload(form(new Uint8Array(EVIDENCE_FILE_LIMIT + 1)))
    // Far over: refused while the body is read.
    const farOver = await upload(form(new Uint8Array(EVIDENCE_FILE_LIMIT + 512 * 1024)))
    for (const res of [justOver, farOver]) {
      expect(res.status).toBe(413)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(res.body.detail).toMatch(/20 MiB/)
    }
    expect(listing()).toEqual(before.files)
    expect(await journalRows()).toBe(before.rows)
    expect((await t.request('GET', `/incidents/${id}`, { as: 'office' })).body.version).toBe(1)
  })

  it('accepts a file of exactly 20 MiB', async () => {
    const res = await upload(form(new Uint8Array(EVIDENCE_FILE_LIMIT).fill(7), { type: 'application/pdf' }))
    expect(res.status).toBe(201)
    expect(res.body.size).toBe(EVIDENCE_FILE_LIMIT)
  }, 30_000)

  it('has no way to delete evidence (DELETE is 404 or 405) and the file stays downloadable', async () => {
    const up = await upload(form(bytesOf('kept')))
    for (const path of [`/incidents/${id}/evidence/${up.body.sha256}`, `/incidents/${id}/evidence`]) {
      const res = await t.request('DELETE', path, { as: 'admin' })
      expect([404, 405], path).toContain(res.status)
    }
    const spec = await t.request('GET', '/openapi.json')
    for (const [path, ops] of Object.entries(spec.body.paths as Record<string, object>))
      if (path.includes('evidence')) expect(Object.keys(ops), path).not.toContain('delete')
    expect(
      (await t.request('GET', `/incidents/${id}/evidence/${up.body.sha256}`, { as: 'office' })).text,
    ).toBe('kept')
  })

  it('lets every role but the auditor keep evidence; the auditor gets 403 and nothing is stored', async () => {
    const before = listing()
    const res = await upload(form(bytesOf('auditor try')), { as: 'auditor' })
    expect(res.status).toBe(403)
    expect(listing()).toEqual(before)
    for (const role of [
      'monitor',
      'unit',
      'legal',
      'spokesperson',
      'leader',
      'principal',
      'group',
      'admin',
    ] as const)
      expect((await upload(form(bytesOf(`by ${role}`)), { as: role })).status, role).toBe(201)
  })

  it("answers 404 for another organisation's incident or none, storing nothing", async () => {
    const before = { files: listing(), rows: await journalRows() }
    expect((await upload(form(bytesOf('x')), { as: 'other-org' })).status).toBe(404)
    expect((await upload(form(bytesOf('x')), { incident: 'no-such-incident' })).status).toBe(404)
    expect(listing()).toEqual(before.files)
    expect(await journalRows()).toBe(before.rows)
    const up = await upload(form(bytesOf('mine')))
    for (const path of [`/incidents/${id}/evidence`, `/incidents/${id}/evidence/${up.body.sha256}`])
      expect((await t.request('GET', path, { as: 'other-org' })).status, path).toBe(404)
  })

  it('answers 404 for a hash this incident did not record, even one kept for another incident', async () => {
    const other = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '另一件' },
    })
    const up = await upload(form(bytesOf('for the other')), { incident: other.body.id })
    expect(
      (await t.request('GET', `/incidents/${id}/evidence/${up.body.sha256}`, { as: 'office' })).status,
    ).toBe(404)
    expect((await t.request('GET', `/incidents/${id}/evidence/not-a-hash`, { as: 'office' })).status).toBe(
      404,
    )
  })

  it('refuses a body that is not multipart (415), and a form without a file or with an empty one (400)', async () => {
    const json = await upload(JSON.stringify({ file: 'x' }), {
      headers: { 'content-type': 'application/json' },
    })
    expect(json.status).toBe(415)
    expect(json.body.type).toMatch(/unsupported-media-type$/)
    const noFile = await upload(form(null, { note: 'only a note' }))
    expect(noFile.status).toBe(400)
    expect(noFile.body.errors).toEqual([expect.objectContaining({ path: 'file' })])
    expect((await upload(form(new Uint8Array(0)))).status).toBe(400)
    const malformed = await upload('--nope\r\n', {
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    })
    expect(malformed.status).toBe(400)
  })

  it('keeps only the last segment of a filename and a plain media type', async () => {
    const res = await upload(
      form(bytesOf('x'), { name: '../../etc/passwd', type: 'text/plain; charset=utf-8' }),
    )
    expect(res.body).toMatchObject({ filename: 'passwd', mediaType: 'text/plain' })
    const junk = await upload(form(bytesOf('y'), { name: 'a.bin', type: 'not a type' }))
    // RFC 7578 §4.4: a part without a valid Content-Type is text/plain (the upload is read as a
    // stream by busboy, which applies that default); never the junk itself.
    expect(junk.body.mediaType).toBe('text/plain')
  })

  it('stores the same content once, and records each upload', async () => {
    const content = bytesOf('same bytes')
    await upload(form(content, { name: 'a.txt', type: 'text/plain' }))
    await upload(form(content, { name: 'b.txt', type: 'text/plain' }))
    const items = (await t.request('GET', `/incidents/${id}/evidence`, { as: 'office' })).body.items
    expect(items.map((i: { filename: string }) => i.filename)).toEqual(['a.txt', 'b.txt'])
    expect(listing().filter((f) => f.endsWith(sha256(content)))).toHaveLength(1)
  })

  it('describes upload, list and download in the OpenAPI document', async () => {
    const spec = (await t.request('GET', '/openapi.json')).body
    expect(Object.keys(spec.paths['/incidents/{id}/evidence'].post.requestBody.content)).toEqual([
      'multipart/form-data',
    ])
    expect(spec.paths['/incidents/{id}/evidence'].get).toBeDefined()
    expect(spec.paths['/incidents/{id}/evidence/{sha256}'].get.responses['200'].headers).toHaveProperty(
      'X-Content-SHA256',
    )
  })
})
