import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IncidentView } from '../../src/engine/view.js'
import { CSV_COLUMNS, csvCell } from '../../src/http/routes/export.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

/** A title a spreadsheet would run as a formula, with a quote, a comma and a line break. */
const NASTY = '=HYPERLINK("http://evil.example","点我"), 含逗号\n第二行'

async function open(title: string, extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title, ...extra },
  })
  expect(res.status).toBe(201)
  return res.body as IncidentView
}

/**
 * Bulk-inserts `n` incidents cloned from one real engine-opened incident's row: new ids
 * and createdAt (one second apart, older than the original), the rest as the engine wrote
 * it. Quick (one transaction) and realistic (real views, real snapshots).
 */
async function cloneIncidents(sourceId: string, n: number) {
  const db = t.store.db
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', sourceId)
    .executeTakeFirstOrThrow()
  const snapshot = await db
    .selectFrom('snapshots')
    .selectAll()
    .where('incident_id', '=', sourceId)
    .executeTakeFirstOrThrow()
  const view = JSON.parse(row.view) as IncidentView
  const base = Date.parse(row.created_at)
  await db.transaction().execute(async (trx) => {
    for (let from = 0; from < n; from += 500) {
      const batch = []
      const snapshots = []
      for (let i = from; i < Math.min(n, from + 500); i++) {
        const id = `bulk-${String(i).padStart(5, '0')}`
        const createdAt = new Date(base - (i + 1) * 1000).toISOString()
        batch.push({ ...row, id, created_at: createdAt, view: JSON.stringify({ ...view, id, createdAt }) })
        snapshots.push({ ...snapshot, incident_id: id })
      }
      await trx.insertInto('incidents').values(batch).execute()
      await trx.insertInto('snapshots').values(snapshots).execute()
    }
  })
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

/** The collector, reached from a fresh context once the flag is set (`--expose-gc` without a restart). */
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
/** Heap in use after a full collection: what is really held, not garbage not yet collected. */
const heldHeap = () => {
  gc()
  return process.memoryUsage().heapUsed
}

/**
 * Reads an export chunk by chunk keeping only its head and tail, counts records as they
 * arrive, and checks after each chunk that the server has read at most one page (200
 * rows) more than the client got. Every 10 chunks it measures the heap held after a full
 * collection: what the server holds is bounded by a page, not by the number of incidents.
 */
async function readCounting(res: Response, listed: () => number, recordEnd: string) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let head = ''
  let tail = ''
  let records = 0
  let chunks = 0
  let maxAhead = 0
  let firstChunkListed: number | null = null
  const heapBefore = heldHeap()
  let heapMax = heapBefore
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    const chunk = decoder.decode(value, { stream: true })
    records += chunk.split(recordEnd).length - 1
    firstChunkListed ??= listed()
    maxAhead = Math.max(maxAhead, listed() - records)
    if (head.length < 64_000) head += chunk
    tail = chunk
    if (++chunks % 10 === 0) heapMax = Math.max(heapMax, heldHeap())
  }
  return { head, tail, records, chunks, maxAhead, firstChunkListed, heapGrowth: heapMax - heapBefore }
}

describe('GET /incidents/export', () => {
  it('streams 10,000 incidents as CSV and as NDJSON in constant memory', async () => {
    const source = await open(NASTY, { source: { url: 'https://example.org/p?a=1,2', platform: '微博' } })
    await cloneIncidents(source.id, 9_999)
    let listed = 0
    // Counts what the server reads (a plain wrapper: a vi.spyOn would keep every page it returned).
    const list = t.engine.list
    t.engine.list = async (filter, caller) => {
      const page = await list(filter, caller)
      listed += page.items.length
      return page
    }
    const auth = { authorization: `Bearer ${t.tokens.auditor}` }

    const csv = await t.app.request('/incidents/export?format=csv', { headers: auth })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="incidents-.*\.csv"$/)
    // When the response starts, only the first page has been read.
    expect(listed).toBe(200)
    const c = await readCounting(csv, () => listed, '\r\n')
    expect(c.records).toBe(10_001) // header + 10,000 (the title's own line break is inside quotes)
    expect(c.firstChunkListed).toBeLessThanOrEqual(200)
    expect(c.maxAhead).toBeLessThanOrEqual(200)
    const rows = parseCsv(c.head)
    expect(rows[0]).toEqual(CSV_COLUMNS.map(([name]) => name))
    const title = rows[0]!.indexOf('title')
    expect(rows[1]![title]).toBe(`'${NASTY}`) // shown as text by a spreadsheet, not run
    expect(rows[1]![0]).toBe(source.id)
    expect(rows.slice(0, -1).every((r) => r.length === CSV_COLUMNS.length)).toBe(true)
    expect(parseCsv(c.tail).at(-1)?.[0]).toBe('bulk-09998')

    listed = 0
    const nd = await t.app.request('/incidents/export', {
      headers: { ...auth, accept: 'application/x-ndjson' },
    })
    expect(nd.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    const n = await readCounting(nd, () => listed, '\n')
    expect(n.records).toBe(10_000)
    expect(n.maxAhead).toBeLessThanOrEqual(200)
    expect(JSON.parse(n.head.split('\n')[0]!)).toMatchObject({
      id: source.id,
      title: NASTY,
      planId: 'neixiang-2017',
    })
    expect(JSON.parse(n.tail.trimEnd().split('\n').at(-1)!)).toMatchObject({ id: 'bulk-09998' })
    // Held after collection while streaming: a few pages at most. Holding the 10,000 views
    // (as a buffered export would) measured +15 MB here; the NDJSON alone is ~10 MB of text.
    console.info(
      `[export] csv ${c.chunks} chunks, held heap +${(c.heapGrowth / 1e6).toFixed(1)} MB; ` +
        `ndjson ${n.chunks} chunks, held heap +${(n.heapGrowth / 1e6).toFixed(1)} MB`,
    )
    expect(c.heapGrowth).toBeLessThan(8e6)
    expect(n.heapGrowth).toBeLessThan(8e6)
  }, 120_000)

  it("applies the list's filters and refuses paging parameters and unknown formats (400)", async () => {
    const a = await open('甲：市场食品')
    await open('乙：道路施工')
    await t.request('POST', `/incidents/${a.id}/owner`, {
      as: 'office',
      body: { owner: '张三', reason: '值班' },
    })
    const auth = { authorization: `Bearer ${t.tokens.office}` }
    const byQ = await t.app.request(`/incidents/export?format=ndjson&q=${encodeURIComponent('市场')}`, {
      headers: auth,
    })
    expect(
      (await byQ.text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([a.id])
    const byOwner = await t.request('GET', `/incidents/export?owner=${encodeURIComponent('张三')}`, {
      as: 'office',
      headers: { accept: 'text/csv' },
    })
    expect(parseCsv(byOwner.text).map((r) => r[0])).toEqual(['id', a.id])
    const other = await t.app.request('/incidents/export?format=ndjson', {
      headers: { authorization: `Bearer ${t.otherOrgToken}` },
    })
    expect(other.status).toBe(200)
    expect(await other.text()).toBe('')
    expect((await t.request('GET', '/incidents/export?limit=5', { as: 'office' })).status).toBe(400)
    expect((await t.request('GET', '/incidents/export?format=xlsx', { as: 'office' })).status).toBe(400)
    expect((await t.request('GET', '/incidents/export')).status).toBe(401)
    const bom = await t.app.request('/incidents/export?bom=true', { headers: auth })
    const bytes = new Uint8Array(await bom.arrayBuffer())
    expect([...bytes.slice(0, 6)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('id,')])
  })
})

describe('csvCell', () => {
  it('guards formulas and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+86 123')).toBe("'+86 123")
    expect(csvCell('-x')).toBe("'-x")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`)
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(false)).toBe('false')
    expect(csvCell('普通文本')).toBe('普通文本')
  })
})
