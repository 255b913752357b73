/**
 * Organisations: the table, the CLI, the security log, and the isolation every route
 * owes: a token of organisation A never sees or changes organisation B's incidents.
 * The routes are read from the OpenAPI document, so a route added later is either
 * covered here or fails the test that says so.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { Migrator } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { migrations } from '../../migrations/index.js'
import {
  createOrganisation,
  findOrganisation,
  listOrganisations,
  OrganisationExists,
} from '../../src/auth/organisations.js'
import { readSecurityLog } from '../../src/auth/security-log.js'
import { applyQuickStartTokens, createToken, revokeToken } from '../../src/auth/tokens.js'
import * as diagrams from '../../src/diagrams/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createEvidenceStore, type EvidenceStore } from '../../src/evidence/store.js'
import { createApp } from '../../src/http/app.js'
import { createHub } from '../../src/live/hub.js'
import { createDelivery } from '../../src/notify/delivery.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, FixedClock } from '../helpers/app.js'

const ROOT = join(import.meta.dirname, '../..')
const A = 'default'
const B = 'other'

describe('the organisations table', () => {
  let store: Store
  beforeAll(async () => {
    store = createStore(':memory:')
    await migrateToLatest(store.db, store.schema)
  })
  afterAll(() => store.close())
  const now = new Date('2026-10-09T01:00:00.000Z')

  it('holds `default` from the migration; creating one is logged; a second of the same id is refused', async () => {
    expect((await listOrganisations(store.db)).map((o) => o.id)).toEqual(['default'])
    const org = await createOrganisation(
      store.db,
      { id: '某市网信办', name: '某市互联网信息办公室' },
      { now, by: 'test' },
    )
    expect(org).toEqual({ id: '某市网信办', name: '某市互联网信息办公室', createdAt: now.toISOString() })
    await expect(
      createOrganisation(store.db, { id: '某市网信办' }, { now, by: 'test' }),
    ).rejects.toBeInstanceOf(OrganisationExists)
    await expect(createOrganisation(store.db, { id: 'a:b' }, { now, by: 'test' })).rejects.toThrow(/":"/)
    const log = await readSecurityLog(store.db)
    expect(log.filter((e) => e.kind === 'organisation.created')).toEqual([
      expect.objectContaining({ organisation: '某市网信办', name: '某市互联网信息办公室', by: 'test' }),
    ])
  })

  it('lets AUTH_TOKENS name an organisation that does not exist: it is created once, and logged', async () => {
    const entry = {
      token: 'quick-start-token-0001',
      role: 'office' as const,
      name: '张三',
      organisation: '快速单位',
    }
    await applyQuickStartTokens(store.db, [entry], now)
    await applyQuickStartTokens(store.db, [entry], now)
    expect(await findOrganisation(store.db, '快速单位')).toMatchObject({ id: '快速单位' })
    const created = (await readSecurityLog(store.db)).filter(
      (e) => e.kind === 'organisation.created' && 'organisation' in e && e.organisation === '快速单位',
    )
    expect(created).toEqual([expect.objectContaining({ by: 'AUTH_TOKENS' })])
  })

  it('carries over the organisations that tokens and incidents already name when it migrates an older database', async () => {
    const old = createStore(':memory:')
    const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0003_delivery_lease')).error).toBeUndefined()
    await old.db
      .insertInto('tokens')
      .values({
        id: 'tok_1',
        hash: 'h',
        name: 'n',
        role: 'office',
        organisation: '老单位',
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .execute()
    await migrateToLatest(old.db, old.schema)
    expect((await listOrganisations(old.db)).map((o) => o.id).sort()).toEqual(['default', '老单位'].sort())
    await old.close()
  })
})

describe('the security log', () => {
  it('records tokens created and revoked, and every 401 and 403, never the token itself', async () => {
    const w = await world()
    const { token, info } = await createToken(
      w.store.db,
      { role: 'auditor', name: '审计' },
      { now: w.clock.now(), by: 'test' },
    )
    expect(
      (await w.call('POST', '/incidents', { token, json: { planId: 'neixiang-2017', title: 'x' } })).status,
    ).toBe(403)
    expect((await w.call('GET', '/incidents', { token: 'not-a-token-we-issued' })).status).toBe(401)
    await revokeToken(w.store.db, info.id, { now: w.clock.now(), by: 'test' })
    const log = await readSecurityLog(w.store.db, 1000)
    const kinds = log.map((e) => e.kind)
    for (const kind of ['token.created', 'token.revoked', 'auth.unauthorized', 'auth.forbidden'])
      expect(kinds, kind).toContain(kind)
    expect(log.find((e) => e.kind === 'auth.forbidden')).toMatchObject({
      route: '/incidents',
      tokenId: info.id,
    })
    expect(JSON.stringify(log)).not.toContain(token)
    await w.close()
  })
})

describe('npm run cli -- org', () => {
  it('creates and lists organisations, and token create --org refuses one that does not exist', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'yuqing-org-cli-')), 'cli.db')
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db },
        encoding: 'utf8',
      })
    const refused = cli('token', 'create', '--role', 'office', '--name', '张三', '--org', '某局')
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/no organisation 某局 \(create it first: npm run cli -- org create 某局\)/)
    expect(refused.stdout).toBe('')

    const created = cli('org', 'create', '某局', '--name', '某市某局')
    expect(created.status, created.stderr).toBe(0)
    expect(cli('org', 'create', '某局').status).toBe(2)
    const listed = cli('org', 'list')
    expect(listed.stdout).toMatch(/^id\tname\tcreated\ndefault\tdefault\t.*\n某局\t某市某局\t/)

    const ok = cli('token', 'create', '--role', 'office', '--name', '张三', '--org', '某局')
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stderr).toMatch(/organisation 某局/)
    // `default` exists from the start
    expect(cli('token', 'create', '--role', 'office', '--name', '李四').status).toBe(0)
  }, 120_000)
})

// ─────────────────────────────────────────────────────────────── isolation

/** An app with every optional part mounted (evidence, streams, deliveries with a webhook). */
async function world() {
  const clock = new FixedClock()
  const store = createStore(':memory:')
  await migrateToLatest(store.db, store.schema)
  const hub = createHub()
  const engine = createEngine({
    store,
    plans: registry,
    clock,
    calendar,
    onChange: hub.publish,
    // Every entry queues a notification, so /admin/deliveries has B's rows to leak.
    webhooks: [{ url: 'https://receiver.example/hook' }],
  })
  const evidence: EvidenceStore = createEvidenceStore(mkdtempSync(join(tmpdir(), 'yuqing-org-evidence-')))
  const app = createApp({
    engine,
    db: store.db,
    plans: registry,
    calendar,
    diagrams,
    evidence,
    hub,
    delivery: createDelivery({ db: store.db, clock }),
  })
  const token = async (role: 'admin' | 'office' | 'auditor', organisation: string) =>
    (
      await createToken(
        store.db,
        { role, name: `${organisation}-${role}`, organisation },
        { now: clock.now(), by: 'test' },
      )
    ).token
  const tokens = {
    a: {
      admin: await token('admin', A),
      office: await token('office', A),
      auditor: await token('auditor', A),
    },
    b: { admin: await token('admin', B), office: await token('office', B) },
  }

  async function call(
    method: string,
    path: string,
    o: { token: string; json?: unknown; form?: FormData; headers?: Record<string, string> },
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${o.token}`, ...o.headers }
    let body: string | FormData | undefined
    if (o.json !== undefined) {
      body = JSON.stringify(o.json)
      headers['content-type'] = 'application/json'
    } else if (o.form) body = o.form
    const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
    const type = res.headers.get('content-type') ?? ''
    // A stream never ends by itself: these answers are checked by their status alone.
    if (type.startsWith('text/event-stream')) {
      await res.body?.cancel()
      return { status: res.status, type, text: '' }
    }
    return { status: res.status, type, text: await res.text() }
  }

  const close = () => {
    hub.close()
    return store.close()
  }
  return { app, engine, store, clock, hub, evidence, tokens, call, close }
}
type World = Awaited<ReturnType<typeof world>>

const evidenceForm = (text: string) => {
  const f = new FormData()
  f.append('file', new File([text], 'shot.html', { type: 'text/html' }))
  return f
}

/** B's incidents, with every kind of entry; one incident of A's own. */
async function populate(w: World) {
  const b = w.tokens.b.office
  const open = async (token: string, body: object) => {
    w.clock.advance(1)
    const r = await w.call('POST', '/incidents', { token, json: body })
    expect(r.status, r.text).toBe(201)
    return JSON.parse(r.text) as { id: string; title: string }
  }
  const b1 = await open(b, {
    planId: 'neixiang-2017',
    title: 'B机密事件一',
    source: { url: 'https://b.example/1' },
  })
  expect(
    (
      await w.call('POST', `/incidents/${b1.id}/events`, {
        token: b,
        json: { type: 'CLASSIFY', severity: 'major' },
      })
    ).status,
  ).toBe(200)
  const up = await w.call('POST', `/incidents/${b1.id}/evidence`, {
    token: b,
    form: evidenceForm('<p>B的证据</p>'),
  })
  expect(up.status, up.text).toBe(201)
  expect(
    (await w.call('POST', `/incidents/${b1.id}/notes`, { token: b, json: { text: 'B的备注' } })).status,
  ).toBe(200)
  expect(
    (
      await w.call('POST', `/incidents/${b1.id}/owner`, {
        token: b,
        json: { owner: 'B值班员', reason: '值班' },
      })
    ).status,
  ).toBe(200)
  const b2 = await open(b, {
    planId: 'nanning-aic-2017',
    title: 'B机密事件二',
    facts: { clicksPerDay: 0, reposts: 25, sites: 1 },
  })
  const a1 = await open(w.tokens.a.office, { planId: 'neixiang-2017', title: 'A自己的事件' })
  const docs = JSON.parse((await w.call('GET', `/incidents/${b1.id}/documents`, { token: b })).text) as {
    items?: Array<{ name: string }>
  }
  return {
    b: [b1, b2],
    a1,
    sha256: (JSON.parse(up.text) as { sha256: string }).sha256,
    documentName: docs.items?.[0]?.name ?? 'review',
  }
}

/** Everything stored about B's incidents (rows of every table, evidence files), for "unchanged". */
async function snapshotOf(w: World, ids: string[]) {
  const db = w.store.db
  return JSON.stringify({
    incidents: await db
      .selectFrom('incidents')
      .selectAll()
      .where('organisation', '=', B)
      .orderBy('id')
      .execute(),
    journal: await db
      .selectFrom('journal')
      .selectAll()
      .where('incident_id', 'in', ids)
      .orderBy('incident_id')
      .orderBy('seq')
      .execute(),
    timers: await db
      .selectFrom('timers')
      .selectAll()
      .where('incident_id', 'in', ids)
      .orderBy('incident_id')
      .orderBy('instance')
      .execute(),
    outbox: await db
      .selectFrom('outbox')
      .select(['id', 'incident_id', 'seq', 'kind', 'body'])
      .where('incident_id', 'in', ids)
      .orderBy('id')
      .execute(),
    idempotency: await db
      .selectFrom('idempotency')
      .selectAll()
      .where(
        'scope',
        'in',
        ids.map((i) => `incident:${i}`),
      )
      .execute(),
    files: readdirSync(w.evidence.dir, { recursive: true }).map(String).sort(),
  })
}

interface Operation {
  method: string
  path: string
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}
interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  format?: string
  minimum?: number
}

/** A small valid value for a JSON Schema: enough to get past validation to the organisation check. */
function sample(schema: JsonSchema | undefined, components: Record<string, JsonSchema>): unknown {
  if (!schema) return {}
  if (schema.$ref) return sample(components[schema.$ref.split('/').pop() ?? ''], components)
  if (schema.enum) return schema.enum[0]
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type
  if (type === 'object' || schema.properties)
    return Object.fromEntries(
      (schema.required ?? []).map((k) => [k, sample(schema.properties?.[k], components)]),
    )
  if (type === 'string') return schema.format === 'date-time' ? '2026-10-09T00:00:00.000Z' : 'x'
  if (type === 'integer' || type === 'number') return Math.max(1, schema.minimum ?? 1)
  if (type === 'boolean') return false
  if (type === 'array') return []
  return 'x'
}

/** Bodies that say more than the sampled minimum. */
const BODIES: Record<string, unknown> = {
  'POST /incidents/{id}/events': { type: 'REPORT', to: ['group'], proposal: 'x' },
  'POST /incidents/{id}/notes': { text: 'A 想写进 B 的事件' },
  'POST /incidents/{id}/owner': { owner: 'A的人', reason: '越权' },
}

describe('organisation isolation on every route', () => {
  let w: World
  let data: Awaited<ReturnType<typeof populate>>
  let operations: Operation[]
  let components: Record<string, JsonSchema>
  let bIds: string[]
  let secrets: string[]
  beforeAll(async () => {
    w = await world()
    data = await populate(w)
    bIds = data.b.map((i) => i.id)
    // What must never appear in an answer to A: B's ids, titles, URL, note, owner and evidence.
    secrets = [...bIds, 'B机密事件', 'b.example', 'B的备注', 'B值班员', data.sha256]
    const spec = JSON.parse((await w.call('GET', '/openapi.json', { token: w.tokens.a.office })).text) as {
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>
      components: { schemas: Record<string, JsonSchema> }
    }
    components = spec.components.schemas
    operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
    )
  })
  afterAll(() => w.close())

  const key = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`
  /** No secret of B in `text`, once what the request itself sent (echoed in `detail` and `instance`) is taken out. */
  const hidesB = (text: string, sent: string[] = []) => {
    let rest = text
    for (const v of sent)
      rest = rest
        .replaceAll(JSON.stringify(v).slice(1, -1), '')
        .replaceAll(encodeURIComponent(v), '')
        .replaceAll(v, '')
    for (const s of secrets)
      if (!sent.some((v) => v.includes(s) || s.includes(v)))
        expect(rest, `an answer to A shows ${s}`).not.toContain(s)
  }
  /** What a request to this route sends in its path besides the id. */
  const sentBeside = (op: Operation) =>
    [...op.path.matchAll(/\{(\w+)\}/g)].flatMap(([, p]) => (p && p !== 'id' ? [extraParams()[p] ?? ''] : []))

  /** Path parameters other than the incident id, filled with B's real values where B has them. */
  const extraParams = (): Record<string, string> => ({
    sha256: data.sha256,
    name: data.documentName,
    planId: 'neixiang-2017',
  })
  const isIncidentRoute = (op: Operation) => op.path.includes('{id}')
  const fill = (path: string, id: string) =>
    path
      .replace('{id}', encodeURIComponent(id))
      .replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(extraParams()[p] ?? `{${p}}`))

  function requestFor(op: Operation, token: string) {
    const content = op.requestBody?.content ?? {}
    if (content['multipart/form-data']) return { token, form: evidenceForm('A 想放进 B 的证据') }
    if (content['application/json'])
      return { token, json: BODIES[key(op)] ?? sample(content['application/json'].schema, components) }
    return { token }
  }

  /**
   * Routes without an incident id: each says how it shows that A sees only A's own.
   * A route missing here fails the coverage test below.
   */
  const SCOPED: Record<string, () => Promise<void>> = {
    'GET /healthz': () => holdsNoIncident('GET', '/healthz'),
    'GET /plans': () => holdsNoIncident('GET', '/plans'),
    'GET /plans/{planId}': () => holdsNoIncident('GET', '/plans/neixiang-2017'),
    'POST /plans/{planId}/classify': () =>
      holdsNoIncident('POST', '/plans/neixiang-2017/classify', { facts: {} }),
    'GET /plans/{planId}/diagram.svg': () => holdsNoIncident('GET', '/plans/neixiang-2017/diagram.svg'),
    'GET /plans/{planId}/diagram.mmd': () => holdsNoIncident('GET', '/plans/neixiang-2017/diagram.mmd'),
    'GET /calendar': () => holdsNoIncident('GET', '/calendar'),
    'GET /whoami': () => holdsNoIncident('GET', '/whoami'),
    'GET /incidents': async () => {
      for (const q of [
        '',
        '?q=B机密',
        '?plan=nanning-aic-2017',
        '?owner=B值班员',
        '?phase=reporting',
        '?limit=200',
      ]) {
        const r = await w.call('GET', `/incidents${q}`, { token: w.tokens.a.auditor })
        expect(r.status, q).toBe(200)
        hidesB(r.text)
      }
      const all = JSON.parse((await w.call('GET', '/incidents', { token: w.tokens.a.office })).text)
      expect(all.items.map((i: { id: string }) => i.id)).toContain(data.a1.id)
    },
    'POST /incidents': async () => {
      // relatedTo naming B's incident is refused exactly as a made-up id is.
      const r = await w.call('POST', '/incidents', {
        token: w.tokens.a.office,
        json: { planId: 'neixiang-2017', title: 'A 的复发', relatedTo: bIds[0] },
      })
      const made = await w.call('POST', '/incidents', {
        token: w.tokens.a.office,
        json: { planId: 'neixiang-2017', title: 'A 的复发', relatedTo: 'no-such-incident' },
      })
      expect(r.status).toBe(400)
      expect(JSON.parse(r.text).errors).toEqual(JSON.parse(made.text).errors)
    },
    'GET /incidents/export': async () => {
      for (const q of [
        '?format=csv',
        '?format=ndjson',
        '?format=csv&q=B机密',
        '?format=ndjson&owner=B值班员',
      ]) {
        const r = await w.call('GET', `/incidents/export${q}`, { token: w.tokens.a.auditor })
        expect(r.status, q).toBe(200)
        hidesB(r.text)
        expect(q.includes('B') || r.text.includes(data.a1.id), q).toBe(true)
      }
    },
    'GET /incidents/stream': async () => {
      const res = await w.app.request('/incidents/stream', {
        headers: { authorization: `Bearer ${w.tokens.a.auditor}` },
      })
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      // B acts, then A: once A's entry arrives, B's would have come before it.
      await w.call('POST', `/incidents/${bIds[0]}/notes`, {
        token: w.tokens.b.office,
        json: { text: 'B的备注 again' },
      })
      await w.call('POST', `/incidents/${data.a1.id}/notes`, {
        token: w.tokens.a.office,
        json: { text: 'A 的备注' },
      })
      let text = ''
      const deadline = Date.now() + 5000
      while (!text.includes('A 的备注') && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ done: true; value: undefined }>((r) =>
            setTimeout(() => r({ done: true, value: undefined }), 500),
          ),
        ])
        if (chunk.value) text += new TextDecoder().decode(chunk.value)
      }
      await reader.cancel()
      expect(text).toContain('A 的备注')
      hidesB(text)
    },
    'GET /reports/deadlines': async () => {
      const mine = JSON.parse(
        (await w.call('GET', '/incidents?limit=200', { token: w.tokens.a.office })).text,
      ).items
      const r = await w.call('GET', '/reports/deadlines', { token: w.tokens.a.auditor })
      expect(r.status).toBe(200)
      expect(JSON.parse(r.text).incidents).toBe(mine.length)
      hidesB(r.text)
    },
    'GET /admin/deliveries': async () => {
      const theirs = JSON.parse(
        (await w.call('GET', '/admin/deliveries?limit=500', { token: w.tokens.b.admin })).text,
      )
      expect(theirs.items.some((d: { incidentId: string }) => bIds.includes(d.incidentId))).toBe(true)
      const r = await w.call('GET', '/admin/deliveries?limit=500', { token: w.tokens.a.admin })
      expect(r.status).toBe(200)
      hidesB(r.text)
    },
  }

  async function holdsNoIncident(method: string, path: string, json?: unknown) {
    const r = await w.call(method, path, {
      token: w.tokens.a.office,
      ...(json === undefined ? {} : { json }),
    })
    expect(r.status, `${method} ${path}`).toBe(200)
    hidesB(r.text)
  }

  it('covers every route of the OpenAPI document', () => {
    const known = new Set(['sha256', 'name', 'planId'])
    const uncovered = operations.filter((op) =>
      isIncidentRoute(op)
        ? [...op.path.matchAll(/\{(\w+)\}/g)].some(([, p]) => p !== 'id' && !known.has(p ?? ''))
        : !(key(op) in SCOPED),
    )
    expect(uncovered.map(key), 'routes this test does not know how to check').toEqual([])
    // the document really lists the routes this test is about
    for (const k of [
      'GET /incidents/{id}',
      'POST /incidents/{id}/events',
      'POST /incidents/{id}/evidence',
      'GET /incidents/{id}/evidence/{sha256}',
      'GET /incidents/{id}/verify',
      'GET /incidents/{id}/report',
    ])
      expect(operations.map(key)).toContain(k)
  })

  it("answers 404 on every incident route for each of B's incidents, and B's incidents stay as they were", async () => {
    const before = await snapshotOf(w, bIds)
    for (const op of operations.filter(isIncidentRoute))
      for (const id of bIds)
        for (const token of op.method === 'GET'
          ? [w.tokens.a.admin, w.tokens.a.auditor]
          : [w.tokens.a.admin, w.tokens.a.office]) {
          const r = await w.call(op.method, fill(op.path, id), requestFor(op, token))
          expect(r.status, `${key(op)} ${id}: ${r.text}`).toBe(404)
          expect(r.type).toMatch(/application\/problem\+json/)
          hidesB(r.text, [id, ...sentBeside(op)])
        }
    expect(await snapshotOf(w, bIds)).toBe(before)
  })

  it("answers 404 on every incident route for B's ids and for random ids alike (fast-check), changing nothing of B's", async () => {
    const before = await snapshotOf(w, bIds)
    const incidentOps = operations.filter(isIncidentRoute)
    const STATIC_SEGMENTS = ['stream', 'export']
    const id = fc.oneof(
      fc.constantFrom(...bIds),
      fc.uuid(),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/),
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
        .filter((s) => !/^\.{1,2}$/.test(s) && !STATIC_SEGMENTS.includes(s) && s.trim() === s && s !== ''),
    )
    // Invariant: whatever the route, id and A's role, A gets 404 and nothing of B's.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...incidentOps.map(key)),
        id,
        fc.constantFrom('admin', 'office', 'auditor' as const),
        async (route, rawId, role) => {
          const op = incidentOps.find((o) => key(o) === route)!
          // The auditor writes nothing anywhere (403 before any lookup): its writes go as office.
          const token = role === 'auditor' && op.method !== 'GET' ? w.tokens.a.office : w.tokens.a[role]
          const r = await w.call(op.method, fill(op.path, rawId), requestFor(op, token))
          expect(r.status, `${key(op)} ${JSON.stringify(rawId)}: ${r.text}`).toBe(404)
          hidesB(r.text, [rawId, ...sentBeside(op)])
        },
      ),
      { numRuns: 300 },
    )
    expect(await snapshotOf(w, bIds)).toBe(before)
  }, 60_000)

  it('shows A only its own incidents in lists, exports, streams and reports, and changes nothing of B', async () => {
    const before = await snapshotOf(w, bIds)
    for (const op of operations.filter((o) => !isIncidentRoute(o))) {
      const check = SCOPED[key(op)]
      expect(check, key(op)).toBeDefined()
      await check!()
    }
    // The only change to B's incidents is the note B itself wrote during the stream check.
    type Entry = { incident_id: string; seq: number; type: string; actor_name: string }
    const was = new Set((JSON.parse(before).journal as Entry[]).map((e) => `${e.incident_id}:${e.seq}`))
    const added = (JSON.parse(await snapshotOf(w, bIds)).journal as Entry[]).filter(
      (e) => !was.has(`${e.incident_id}:${e.seq}`),
    )
    expect(added.map((e) => [e.incident_id, e.type, e.actor_name])).toEqual([
      [bIds[0], 'NOTE_ADDED', `${B}-office`],
    ])
  })
})
