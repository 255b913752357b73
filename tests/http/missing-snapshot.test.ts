/**
 * An incident without its snapshot row (a storage fault: README "Database maintenance")
 * over the two HTTP reads an auditor runs over many incidents: GET /incidents/:id/verify
 * answers 200 with the fault as its finding, and GET /incidents/export fails before it
 * sends a byte rather than stopping partway through a file that looks whole.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { IncidentView } from '../../src/engine/view.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

const noSnapshot = (id: string) => new RegExp(`incident ${id} has no snapshot`)

describe.each(STORE_KINDS)('an incident without its snapshot row, over HTTP (%s)', (kind) => {
  let t: TestApp | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  async function open(app: TestApp, title: string): Promise<IncidentView> {
    const res = await app.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title },
    })
    expect(res.status).toBe(201)
    return res.body as IncidentView
  }

  /**
   * `n` incidents older than `source`, copied from its rows (ids `copy-00000`…, a second
   * apart, `copy-00000` the newest of them): an export's pages hold 200.
   */
  async function copies(app: TestApp, source: string, n: number) {
    const db = app.store.db
    const row = await db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', source)
      .executeTakeFirstOrThrow()
    const snap = await db
      .selectFrom('snapshots')
      .selectAll()
      .where('incident_id', '=', source)
      .executeTakeFirstOrThrow()
    const view = JSON.parse(row.view) as IncidentView
    const rows = []
    const snaps = []
    for (let i = 0; i < n; i++) {
      const id = `copy-${String(i).padStart(5, '0')}`
      const createdAt = new Date(Date.parse(row.created_at) - (i + 1) * 1000).toISOString()
      rows.push({ ...row, id, created_at: createdAt, view: JSON.stringify({ ...view, id, createdAt }) })
      snaps.push({ ...snap, incident_id: id })
    }
    await db.insertInto('incidents').values(rows).execute()
    await db.insertInto('snapshots').values(snaps).execute()
  }

  it('verify answers 200: not ok, the finding naming the missing snapshot; the chain still checked', async () => {
    t = await testApp({ kind })
    const lost = await open(t, '网传某事')
    const kept = await open(t, '网传另一事')
    await sql`DELETE FROM snapshots WHERE incident_id = ${lost.id}`.execute(t.store.db)

    const res = await t.request('GET', `/incidents/${lost.id}/verify`, { as: 'auditor' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: false, entries: 1, chain: 'bound', readModel: { ok: false } })
    expect(res.body.firstBad.reason).toMatch(noSnapshot(lost.id))
    expect(res.body.readModel.mismatches).toEqual([
      expect.objectContaining({
        field: 'snapshot',
        stored: expect.stringMatching(/no row in table snapshots/),
      }),
    ])
    // The hash chain is the journal's, which is whole: its head is the last entry's.
    const entries = await t.store.db
      .selectFrom('journal')
      .select('hash')
      .where('incident_id', '=', lost.id)
      .execute()
    expect(res.body.head).toBe(entries.at(-1)?.hash)

    // The other incident verifies clean; another organisation still does not see this one.
    const clean = await t.request('GET', `/incidents/${kept.id}/verify`, { as: 'auditor' })
    expect(clean.body).toMatchObject({ ok: true, firstBad: null })
    expect((await t.request('GET', `/incidents/${lost.id}/verify`, { as: 'other-org' })).status).toBe(404)
  })

  it('export fails before sending anything when an incident it would list has no snapshot, on a later page too', async () => {
    t = await testApp({ kind })
    const source = await open(t, '网传某事')
    await copies(t, source.id, 450)
    // copy-00420 is on the third page of 200: the first two would have gone out before it.
    await sql`DELETE FROM snapshots WHERE incident_id = ${'copy-00420'}`.execute(t.store.db)
    for (const format of ['csv', 'ndjson']) {
      const res = await t.request('GET', `/incidents/export?format=${format}`, { as: 'auditor' })
      expect(res.status, format).toBe(500)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(res.body.type).toMatch(/internal$/)
      const logged = t.logs.filter((l) => l.includes(res.body.requestId))
      expect(logged.join('\n'), format).toMatch(noSnapshot('copy-00420'))
    }
    // An export its filters keep away from the incident is whole.
    const closed = await t.request('GET', '/incidents/export?format=csv&phase=closed', { as: 'auditor' })
    expect(closed.status).toBe(200)
    expect(closed.text.trimEnd().split('\r\n')).toHaveLength(1)
    // The snapshot back: the whole file, every incident once.
    const snap = await t.store.db
      .selectFrom('snapshots')
      .selectAll()
      .where('incident_id', '=', source.id)
      .executeTakeFirstOrThrow()
    await t.store.db
      .insertInto('snapshots')
      .values({ ...snap, incident_id: 'copy-00420' })
      .execute()
    const whole = await t.request('GET', '/incidents/export?format=csv', { as: 'auditor' })
    expect(whole.status).toBe(200)
    expect(whole.text.trimEnd().split('\r\n')).toHaveLength(1 + 451)
  })
})
