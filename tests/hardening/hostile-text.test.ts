/**
 * Hostile text at the edge (API.md "Hostile input and limits"), on SQLite and PostgreSQL:
 * control characters other than tab and newline, lone CRs, bidi overrides and lone
 * surrogates are refused with 400 and the field's path, and nothing is written; non-web
 * URLs and times before 1970 are refused; a request id comes back on every answer.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { invalidDataError } from '../../src/store/errors.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

const HOSTILE: Array<[string, string]> = [
  ['NUL', 'a\u0000b'],
  ['lone CR', 'a\r# 标题注入'],
  ['U+202E', '报告\u202Etxt.exe'],
  ['U+2066 isolate', 'a\u2066b'],
  ['C1 control', 'a\u0085b'],
  ['escape', 'a\u001b[31mb'],
  ['lone high surrogate', 'a\ud800b'],
  ['lone low surrogate', 'a\udc00b'],
]

let t: TestApp
afterEach(() => t?.close())

const versionAndJournal = async (id: string) => {
  const v = await t.request('GET', `/incidents/${id}`, { as: 'auditor' })
  const h = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
  return { version: v.body.version, entries: h.body.items.length }
}

describe.each(STORE_KINDS)('hostile text (%s)', (kind) => {
  it.each(HOSTILE)(
    'refuses a %s in a title, a note, an owner and an event field with 400 and the path',
    async (_, bad) => {
      t = await testApp({ kind })
      const refused = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: bad, source: { platform: bad } },
      })
      expect(refused.status).toBe(400)
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'source.platform',
        'title',
      ])
      expect((await t.request('GET', '/incidents', { as: 'auditor' })).body.items).toEqual([])

      const id = (
        await t.request('POST', '/incidents', {
          as: 'office',
          body: { planId: 'neixiang-2017', title: '基线' },
        })
      ).body.id
      const before = await versionAndJournal(id)
      const writes: Array<[string, unknown, string]> = [
        [`/incidents/${id}/notes`, { text: bad }, 'text'],
        [`/incidents/${id}/owner`, { owner: bad, reason: '交班' }, 'owner'],
        [`/incidents/${id}/events`, { type: 'METRICS_UPDATED', facts: { reposts: 3 }, note: bad }, 'note'],
        [`/incidents/${id}/events`, { type: 'METRICS_UPDATED', facts: { [bad]: 3 } }, 'facts'],
      ]
      for (const [path, body, field] of writes) {
        const res = await t.request('POST', path, { as: 'office', body })
        expect(res.status, `${path} ${field}`).toBe(400)
        expect(res.body.errors[0].path).toBe(field)
      }
      expect(await versionAndJournal(id)).toEqual(before)
    },
  )

  it('refuses them in the query (q, owner, cursor, plan) with 400 naming the parameter, and in a path id with 404', async () => {
    t = await testApp({ kind })
    for (const param of ['q', 'owner', 'cursor', 'plan']) {
      // A lone surrogate has no UTF-8 form: it cannot be sent in a URL.
      for (const [, bad] of HOSTILE.filter(([what]) => !what.includes('surrogate'))) {
        const res = await t.request('GET', `/incidents?${param}=${encodeURIComponent(bad)}`, { as: 'office' })
        expect(res.status, `${param}=${JSON.stringify(bad)}`).toBe(400)
        expect(res.body.errors[0].path).toBe(param)
      }
    }
    // Headers can carry C1 controls (bytes 0x80–0x9F read as Latin-1): an Idempotency-Key is text too.
    const keyed = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '键' },
      headers: { 'idempotency-key': 'k\u0085ey' },
    })
    expect(keyed.status).toBe(400)
    expect(keyed.body.errors[0].path).toBe('idempotency-key')
    const exported = await t.request('GET', `/incidents/export?q=${encodeURIComponent('a\u0000')}`, {
      as: 'office',
    })
    expect(exported.status).toBe(400)
    for (const path of ['/incidents/a%00b', '/incidents/a%00b/history', '/incidents/%E2%80%AEx/diagram.svg'])
      expect((await t.request('GET', path, { as: 'office' })).status, path).toBe(404)
  })

  it('keeps tab, newline and CRLF in text', async () => {
    t = await testApp({ kind })
    const id = (
      await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '甲\t乙' },
      })
    ).body.id
    const note = await t.request('POST', `/incidents/${id}/notes`, {
      as: 'office',
      body: { text: '第一行\r\n第二行\n第三行' },
    })
    expect(note.status).toBe(200)
    expect(note.body.notes.at(-1).text).toBe('第一行\r\n第二行\n第三行')
  })

  it('refuses a source URL that is not http(s), and a time before 1970 or absurdly far on', async () => {
    t = await testApp({ kind })
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:x',
    ]) {
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '链接', source: { url } },
      })
      expect(res.status, url).toBe(400)
      expect(res.body.errors[0].path).toBe('source.url')
    }
    for (const at of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '9999-01-01T00:00:00Z']) {
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '时间', discoveredAt: at },
      })
      expect(res.status, at).toBe(400)
      expect(res.body.errors[0].path).toBe('discoveredAt')
    }
    const report = await t.request('GET', '/reports/deadlines?from=0000-01-01', { as: 'office' })
    expect(report.status).toBe(400)
    const ok = await t.request('POST', '/incidents', {
      as: 'office',
      body: {
        planId: 'neixiang-2017',
        title: '正常',
        source: { url: 'https://weibo.com/1/2' },
        discoveredAt: '2026-10-09T08:00:00+08:00',
      },
    })
    expect(ok.status).toBe(201)
  })

  it('maps the database refusing a value (PostgreSQL 22021 for a NUL) to 400, never 500', async () => {
    t = await testApp({ kind })
    const nul = 'a\u0000b'
    const error = await (kind === 'postgres' ? sql`select ${nul}::text as v` : sql`select ${nul} as v`)
      .execute(t.store.db)
      .then(() => null)
      .catch((e: unknown) => e)
    if (kind === 'postgres') {
      expect((error as { code?: string }).code).toBe('22021')
      expect(invalidDataError(error)).toMatchObject({ status: 400 })
    } else expect(error).toBeNull() // SQLite stores a NUL; the edge refuses it first
    // Through the engine (as an old client or a path the edge missed would): the store's error
    // reaches the HTTP layer unwrapped, so it answers 400.
    const caller = { name: 'x', role: 'office' as const, organisation: 'default', tokenId: 'tok_x' }
    const opened = await t.engine
      .open({ planId: 'neixiang-2017', title: nul }, caller)
      .then(() => null)
      .catch((e: unknown) => e)
    if (kind === 'postgres') expect(invalidDataError(opened)).toMatchObject({ status: 400 })
    else expect(opened).toBeNull()
    expect(invalidDataError(Object.assign(new Error('x'), { code: '22P02' }))).toMatchObject({ status: 400 })
    expect(invalidDataError(Object.assign(new Error('x'), { code: '57P01' }))).toBeNull()
  })
})

describe('text already stored, and what every answer carries', () => {
  it('renders diagram.svg and the report of an incident whose title holds a NUL (stored before the edge refused it)', async () => {
    t = await testApp()
    const caller = { name: 'x', role: 'office' as const, organisation: 'default', tokenId: 'tok_x' }
    const view = await t.engine.open({ planId: 'neixiang-2017', title: '旧\u0000数据\u001b' }, caller)
    const svg = await t.request('GET', `/incidents/${view.id}/diagram.svg`, { as: 'office' })
    expect(svg.status).toBe(200)
    expect(svg.text).toContain('<svg')
    expect(svg.text).not.toContain('\u0000')
  })

  it('guards CSV cells that start with a full-width ＝＋－＠ as it does = + - @', async () => {
    t = await testApp()
    for (const title of ['＝HYPERLINK("http://x")', '＋1', '－1', '＠SUM(A1)', '=1'])
      await t.request('POST', '/incidents', { as: 'office', body: { planId: 'neixiang-2017', title } })
    const csv = await t.request('GET', '/incidents/export?format=csv', { as: 'office' })
    for (const title of ['＝HYPERLINK(""http://x"")', '＋1', '－1', '＠SUM(A1)', '=1'])
      expect(csv.text, title).toMatch(new RegExp(`(^|,)"?'${title.replace(/[()+]/g, '\\$&')}`, 'm'))
  })

  it('sends X-Request-Id on every answer: success, 400, 401, 404, 405 and 413, streams and files', async () => {
    t = await testApp()
    const answers = [
      await t.request('GET', '/healthz'),
      await t.request('GET', '/incidents', { as: 'office' }),
      await t.request('POST', '/incidents', { as: 'office', body: { title: 'a\u0000' } }),
      await t.request('GET', '/incidents'),
      await t.request('GET', '/incidents/none', { as: 'office' }),
      await t.request('DELETE', '/plans', { as: 'office' }),
      await t.request('POST', '/incidents', {
        as: 'office',
        raw: 'x'.repeat(70_000),
        headers: { 'content-type': 'application/json' },
      }),
    ]
    // Answers a handler builds itself: an event stream, the CSV export, a console file.
    for (const path of ['/incidents/stream', '/incidents/export?format=csv', '/console/app.js']) {
      const res = await t.app.request(path, { headers: { authorization: `Bearer ${t.tokens.office}` } })
      expect(res.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/)
      await res.body?.cancel()
    }
    for (const a of answers) {
      expect(a.headers.get('x-request-id'), `${a.status}`).toMatch(/^[0-9a-f-]{36}$/)
      if (a.status >= 400) expect(a.body.requestId).toBe(a.headers.get('x-request-id'))
    }
  })
})
