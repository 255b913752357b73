/**
 * Organisations, the isolation every route owes: a token of organisation A never sees or
 * changes organisation B's incidents. The routes are read from the OpenAPI document, so a
 * route added later is either covered here or fails the test that says so.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { populate, snapshotOf } from '../helpers/organisations/b-data.js'
import { BODIES, type JsonSchema, type Operation, sample } from '../helpers/organisations/openapi.js'
import { B, evidenceForm, type World, world } from '../helpers/organisations/world.js'

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
    'GET /calendar/working-days': () => holdsNoIncident('GET', '/calendar/working-days'),
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
