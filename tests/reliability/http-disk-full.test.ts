/**
 * Disk full over HTTP, with real SQLite errors: the app in-process on a SQLite file whose
 * `max_page_count` (a per-connection limit, so it must be the app's own connection) is
 * lowered to the file's size while concurrent clients write. Requests that cannot be
 * stored get 503 problem+json and leave nothing behind; what was acknowledged is whole;
 * due deadlines wait instead of being lost; raising the limit brings the service back.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, expect, it } from 'vitest'
import type { Role } from '../../machines/vocabulary.js'
import { verifyIncident } from '../../src/engine/verify.js'
import { AppError } from '../../src/errors.js'
import { integrityCheck } from '../../src/store/backup.js'
import { createStore, type Store } from '../../src/store/connection.js'
import type { Answer } from '../helpers/app.js'
import { storedSnapshot, tempDbFile } from '../helpers/engine.js'
import { appOnStore, type StoreApp } from '../helpers/server.js'

interface Write {
  path: string
  body: Record<string, unknown>
  key: string
  as: Role
}

let store: Store
afterAll(() => store?.close())

function expectUnavailable(res: Answer, what: string) {
  expect(res.status, what).toBe(503)
  expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/)
  expect(res.body, what).toMatchObject({ status: 503, type: expect.stringMatching(/storage-unavailable$/) })
  expect(res.text, what).not.toMatch(/SqliteError|node_modules|\.ts:\d+/)
}

/** Every incident whole: journal 1..version, hash chain intact, replay = snapshot, a timer row per pending deadline. */
async function expectWhole(t: StoreApp) {
  const incidents = await store.db.selectFrom('incidents').selectAll().execute()
  const journal = await store.db.selectFrom('journal').select(['incident_id', 'seq']).execute()
  const timers = await store.db.selectFrom('timers').selectAll().execute()
  for (const row of incidents) {
    const seqs = journal.filter((j) => j.incident_id === row.id).map((j) => j.seq)
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1))
    expect((await verifyIncident(store.db, row.id)).ok).toBe(true)
    // The snapshot as stored, and the entries after it (src/engine/tail.ts).
    const snapshot = await storedSnapshot<{
      value: unknown
      context: {
        obligations: Array<{ id: string; status: string; dueAt: string | null; breachedAt: string | null }>
      }
    }>(store.db, row.id)
    const replayed = JSON.parse(JSON.stringify(await t.engine.replay(row.id)))
    expect(replayed.value).toEqual(snapshot.value)
    expect(replayed.context).toEqual(snapshot.context)
    for (const d of snapshot.context.obligations.filter(
      (x) => x.status === 'owed' && x.dueAt !== null && x.breachedAt === null,
    )) {
      const timer = timers.find((x) => x.incident_id === row.id && x.instance === d.id)
      expect(timer, `timer of pending deadline ${d.id} of ${row.id}`).toBeDefined()
      expect(timer?.fired_at ?? null).toBeNull()
    }
  }
  expect(integrityCheck(store.file!)).toBe('ok')
  return incidents.length
}

it('answers 503 when the disk is full, writes nothing half, keeps timers, and resumes when space returns', async () => {
  store = createStore(tempDbFile())
  const t = await appOnStore(store)
  const sqlite = store.sqlite!
  const ids: string[] = []
  for (let i = 0; i < 3; i++) {
    const r = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: `磁盘 ${i}` },
    })
    expect(r.status).toBe(201)
    ids.push(r.body.id)
  }

  const refused: Write[] = []
  const acked: Array<{ id: string; version: number; key: string }> = []
  let full = false
  let sent = 0
  const nextWrite = (): Write => {
    sent++
    if (sent % 7 === 0)
      return {
        path: '/incidents',
        as: 'monitor',
        key: randomUUID(),
        body: { planId: 'neixiang-2017', title: `满 ${sent} ${'题'.repeat(400)}` },
      }
    return {
      path: `/incidents/${ids[sent % ids.length]}/events`,
      as: 'monitor',
      key: randomUUID(),
      body: { type: 'METRICS_UPDATED', facts: { reposts: sent }, note: `${sent} ${'满'.repeat(1300)}` },
    }
  }
  async function client() {
    while (sent < 3_000 && (!full || refused.length < 40)) {
      const w = nextWrite()
      const res = await t.request('POST', w.path, {
        as: w.as,
        body: w.body,
        headers: { 'idempotency-key': w.key },
      })
      if (res.status === 503) {
        expect(full, 'a 503 before the disk filled').toBe(true)
        expectUnavailable(res, w.path)
        refused.push(w)
      } else {
        expect([200, 201], `${w.path} → ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status)
        acked.push({ id: res.body.id, version: res.body.version, key: w.key })
      }
      if (!full && sent >= 40) {
        // The disk fills up while the other clients' requests are in flight.
        sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`)
        full = true
      }
    }
  }
  await Promise.all([client(), client(), client(), client()])
  expect(full).toBe(true)
  expect(refused.length).toBeGreaterThanOrEqual(40)

  // While full: reads answer, bad tokens still get 401 (their audit row cannot be written), writes 503.
  expect((await t.request('GET', '/healthz')).status).toBe(200)
  expect((await t.request('GET', `/incidents/${ids[0]}`, { as: 'auditor' })).status).toBe(200)
  expect((await t.request('GET', '/incidents', { headers: { authorization: 'Bearer nope' } })).status).toBe(
    401,
  )
  expectUnavailable(
    await t.request('POST', `/incidents/${ids[0]}/events`, {
      as: 'office',
      body: { type: 'SET_CATEGORY', category: 'rumor', note: '满'.repeat(3000) },
    }),
    'SET_CATEGORY while full',
  )

  // Deadlines come due while full: firing fails as a whole and the timers wait.
  t.clock.advance(31)
  const firing = await t.engine.fireDue().then(
    (n) => n,
    (e: unknown) => e,
  )
  if (typeof firing !== 'number') {
    expect(firing).toBeInstanceOf(AppError)
    expect((firing as AppError).status).toBe(503)
  }
  const dueNow = t.clock.now().toISOString()
  const waiting = await store.db
    .selectFrom('timers')
    .select(['incident_id', 'instance'])
    .where('fired_at', 'is', null)
    .where('due_at', '<=', dueNow)
    .execute()
  expect(waiting.length).toBeGreaterThan(0)

  // Nothing half-written: every acknowledged write whole, every refused one absent.
  await expectWhole(t)
  const journal = await store.db
    .selectFrom('journal')
    .select(['incident_id', 'seq', 'idempotency_key'])
    .execute()
  const byKey = new Map(journal.map((j) => [j.idempotency_key, j]))
  for (const a of acked)
    expect(byKey.get(a.key), `acknowledged ${a.key}`).toMatchObject({ incident_id: a.id, seq: a.version })
  for (const r of refused) expect(byKey.has(r.key), `refused ${r.path} left a journal entry`).toBe(false)
  const remembered = await store.db.selectFrom('idempotency').select('key').execute()
  const keys = new Set(remembered.map((k) => k.key))
  for (const r of refused) expect(keys.has(r.key), `refused ${r.path} left an idempotency record`).toBe(false)

  // Space returns: the refused requests, retried with their keys, apply once; the waiting timers fire once.
  sqlite.pragma('max_page_count = 1073741823')
  for (const r of refused) {
    const res = await t.request('POST', r.path, {
      as: r.as,
      body: r.body,
      headers: { 'idempotency-key': r.key },
    })
    expect([200, 201], `${r.path} → ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status)
    const again = await t.request('POST', r.path, {
      as: r.as,
      body: r.body,
      headers: { 'idempotency-key': r.key },
    })
    expect(again.body.version).toBe(res.body.version)
    expect(again.body.id).toBe(res.body.id)
  }
  const fired = await t.engine.fireDue()
  expect(fired).toBe(waiting.length)
  expect(await t.engine.fireDue()).toBe(0)
  const firings = await store.db
    .selectFrom('journal')
    .select(['incident_id', 'payload', 'type'])
    .where('type', 'in', ['DEADLINE_PASSED', 'DEADLINE_WARNING'])
    .execute()
  const instances = firings.map((f) => {
    const p = JSON.parse(f.payload) as { instance: string; share?: number }
    return `${f.incident_id}#${f.type === 'DEADLINE_WARNING' ? `${p.instance}~w${Math.round((p.share ?? 0) * 100)}` : p.instance}`
  })
  expect(new Set(instances).size).toBe(instances.length)
  for (const w of waiting) expect(instances).toContain(`${w.incident_id}#${w.instance}`)
  const after = await store.db.selectFrom('journal').select('idempotency_key').execute()
  const counts = new Map<string, number>()
  for (const j of after)
    if (j.idempotency_key) counts.set(j.idempotency_key, (counts.get(j.idempotency_key) ?? 0) + 1)
  for (const r of refused) expect(counts.get(r.key), `retried ${r.key}`).toBe(1)
  expect((await t.request('GET', '/healthz')).status).toBe(200)
  await expectWhole(t)
})
