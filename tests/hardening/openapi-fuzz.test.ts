/**
 * Fuzz over the OpenAPI document (GET /openapi.json of the test app): every operation it
 * describes gets requests whose path parameters, query parameters, JSON body fields or
 * multipart fields hold control characters, lone surrogates, bidi overrides, huge strings
 * or deeply nested values (fast-check), with a valid token.
 *
 * Invariants: never a 5xx; text the edge must refuse is refused (4xx); and a refused
 * request writes nothing (incidents, their versions and the journal are unchanged).
 * On SQLite and PostgreSQL. YUQING_FUZZ_RUNS sets the runs per operation (default 100 on
 * SQLite, half that on PostgreSQL: about 45 s in all).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

const RUNS = Number(process.env.YUQING_FUZZ_RUNS ?? 100)

let t: TestApp
let incidentId = ''

/** No control, bidi or surrogate character but CR and LF (what FormData turns into CRLF). */
function cleanBesideLineBreaks(v: string): boolean {
  for (const ch of v) {
    const c = ch.codePointAt(0) ?? 0
    if (c === 0x0d || c === 0x0a) continue
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return false
    if (c >= 0xd800 && c <= 0xdfff) return false
  }
  return true
}

// ── values ───────────────────────────────────────────────────────────────────
/** Strings every text field must refuse. */
const BAD_TEXT = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\rb',
    '报告\u202Etxt.exe',
    '\u2066x\u2069',
    '\ud800',
    'x\udfff',
    '\u0085',
    '\u001b[2J',
    '\u007f',
  ),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 0x1f }), fc.string({ maxLength: 20 }))
    .filter(([, c]) => c !== 0x09 && c !== 0x0a && c !== 0x0d)
    .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`),
)
/** Strings that are merely odd: the answer may be anything but a 5xx. */
const ODD = fc.oneof(
  fc.constant('界'.repeat(40_000)),
  fc.constant('a'.repeat(100_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '..', '__proto__', '0000-01-01T00:00:00Z', 'javascript:alert(1)', '-1', '1e309'),
)
/** A value nested `depth` deep. */
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

/**
 * Percent-encodes any string. A lone surrogate has no UTF-8 form, so a client cannot send
 * it in a URL: it goes as the invalid bytes ED A0 80, and the value is no longer hostile text.
 */
const encode = (s: string): { text: string; exact: boolean } => {
  try {
    return { text: encodeURIComponent(s), exact: true }
  } catch {
    return { text: `${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`, exact: false }
  }
}

// ── the document ─────────────────────────────────────────────────────────────
interface Operation {
  method: string
  path: string
  params: Array<{ in: string; name: string }>
  json: boolean
  multipart: boolean
  /** Body fields from the schema (top level). */
  fields: string[]
}

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read field by field
type Doc = any

function operations(doc: Doc): Operation[] {
  const schemaOf = (ref: Doc) => (ref?.$ref ? doc.components.schemas[ref.$ref.split('/').pop()] : ref)
  const out: Operation[] = []
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Doc>))
    for (const [method, op] of Object.entries(ops as Record<string, Doc>)) {
      const content = op.requestBody?.content ?? {}
      const schema = schemaOf(content['application/json']?.schema ?? content['multipart/form-data']?.schema)
      out.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p: Doc) => p.in === 'path' || p.in === 'query'),
        json: 'application/json' in content,
        multipart: 'multipart/form-data' in content,
        fields: Object.keys(schema?.properties ?? {}),
      })
    }
  return out
}

/** A valid body per route, so a hostile field is the only thing wrong with it. */
const VALID: Record<string, Record<string, unknown>> = {
  '/incidents': { planId: 'neixiang-2017', title: '事件' },
  '/incidents/{id}/events': { type: 'METRICS_UPDATED', facts: { reposts: 5 } },
  '/incidents/{id}/notes': { text: '说明' },
  '/incidents/{id}/owner': { owner: '张三', reason: '交班' },
  '/plans/{planId}/classify': { facts: {} },
}
const REAL: Record<string, () => string> = {
  id: () => incidentId,
  planId: () => 'neixiang-2017',
  name: () => 'review',
  sha256: () => '0'.repeat(64),
}

// ── what a request may change ────────────────────────────────────────────────
async function written(): Promise<string> {
  const db = t.store.db
  const incidents = await db
    .selectFrom('incidents')
    .select(['id', 'version', 'head_hash'])
    .orderBy('id')
    .execute()
  const journal = await db
    .selectFrom('journal')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return JSON.stringify({ incidents, journal: Number(journal.n) })
}

type Mutation =
  | { where: 'path' | 'query' | 'field'; index: number; value: string; bad: boolean }
  | { where: 'deep'; depth: number }
  | { where: 'extra'; value: string }

const mutation = fc.oneof(
  fc.record({
    where: fc.constantFrom('path', 'query', 'field'),
    index: fc.nat(20),
    value: BAD_TEXT,
    bad: fc.constant(true),
  }),
  fc.record({
    where: fc.constantFrom('path', 'query', 'field'),
    index: fc.nat(20),
    value: ODD,
    bad: fc.constant(false),
  }),
  fc.record({ where: fc.constant('deep'), depth: fc.constantFrom(65, 1000, 50_000) }),
  fc.record({ where: fc.constant('extra'), value: BAD_TEXT }),
) as fc.Arbitrary<Mutation>

async function send(op: Operation, m: Mutation) {
  const pathParams = op.params.filter((p) => p.in === 'path')
  const queryParams = op.params.filter((p) => p.in === 'query')
  let hostile = false
  let path = op.path
  for (const [i, p] of pathParams.entries()) {
    const mine = m.where === 'path' && m.index % pathParams.length === i
    const encoded = mine ? encode(m.value) : null
    if (encoded && m.where === 'path') hostile = m.bad && encoded.exact
    path = path.replace(`{${p.name}}`, encoded ? encoded.text : (REAL[p.name]?.() ?? 'x'))
  }
  if (m.where === 'query' && queryParams.length > 0) {
    const p = queryParams[m.index % queryParams.length]!
    const encoded = encode(m.value)
    path += `?${encodeURIComponent(p.name)}=${encoded.text}`
    hostile = m.bad && encoded.exact
  }
  const headers: Record<string, string> = { authorization: `Bearer ${t.tokens.office}` }
  let body: string | FormData | undefined
  if (op.json) {
    headers['content-type'] = 'application/json'
    const valid: Record<string, unknown> = { ...(VALID[op.path] ?? {}) }
    const fields = [...new Set([...Object.keys(valid), ...op.fields])]
    if (m.where === 'field' && fields.length > 0) {
      valid[fields[m.index % fields.length]!] = m.value
      hostile = m.bad
    }
    if (m.where === 'extra') {
      valid[m.value] = m.value
      hostile = true
    }
    body = m.where === 'deep' ? `{"facts":${deep(m.depth)}}` : JSON.stringify(valid)
    if (m.where === 'deep') hostile = m.depth > 64
  } else if (op.multipart) {
    const form = new FormData()
    const name = m.where === 'field' && m.index % 2 === 0 ? m.value : 'a.txt'
    form.append('file', new File([new Uint8Array([1, 2, 3])], name))
    if (m.where === 'field' && m.index % 2 === 1) form.append('note', m.value)
    // FormData sends text as UTF-8: a lone surrogate arrives as U+FFFD, no longer hostile;
    // and it normalises a note's line breaks to CRLF, so a lone CR arrives as a line break.
    if (m.where === 'field')
      hostile =
        m.bad && !/[\ud800-\udfff]/.test(m.value) && !(m.index % 2 === 1 && cleanBesideLineBreaks(m.value))
    body = form
  }
  const res = await t.app.request(path, {
    method: op.method,
    headers,
    ...(body === undefined ? {} : { body }),
  })
  if (/event-stream/.test(res.headers.get('content-type') ?? '')) await res.body?.cancel()
  else await res.arrayBuffer()
  return { status: res.status, hostile, path }
}

describe.each(STORE_KINDS)('fuzz over the OpenAPI document (%s)', (kind) => {
  beforeAll(async () => {
    t = await testApp({ kind })
    incidentId = (
      await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '基线' },
      })
    ).body.id
  })
  afterAll(() => t?.close())

  it('answers every operation without a 5xx, refuses hostile text, and writes nothing on a refusal', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body
    const ops = operations(doc)
    expect(ops.length).toBeGreaterThanOrEqual(25)
    const seen: Record<string, number> = {}
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const before = await written()
          const { status, hostile, path } = await send(op, m)
          seen[`${status}`] = (seen[`${status}`] ?? 0) + 1
          const what = `${op.method} ${path.slice(0, 120)} ${JSON.stringify(m).slice(0, 200)}`
          expect(status, what).toBeLessThan(500)
          if (hostile) expect(status, what).toBeGreaterThanOrEqual(400)
          if (status >= 400) expect(await written(), what).toBe(before)
        }),
        // PostgreSQL is slower per request: half the runs keep the suite near its budget.
        { numRuns: kind === 'postgres' ? Math.ceil(RUNS / 2) : RUNS },
      )
    }
    expect(seen['400']).toBeGreaterThan(0)
    expect(t.logs.filter((l) => l.includes('"level":"error"'))).toEqual([])
  }, 180_000)
})
