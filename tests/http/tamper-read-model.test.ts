/**
 * Tampering by someone with write access to the database (README "What /verify detects"), on
 * SQLite and PostgreSQL: a forged snapshot, column or stored view (title and grade, a note,
 * events accepted, a due-soon warning) is caught by the journal replayed (tamper-fixture.ts).
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { STORE_KINDS } from '../helpers/stores.js'
import { run, scripted, t, useTamperApp, verify } from './tamper-fixture.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  const start = useTamperApp(kind)

  it('detects a forged title and grade in the stored snapshot and columns: the journal replayed says otherwise', async () => {
    await start(false)
    const id = await scripted()
    const row = await t.store.db
      .selectFrom('snapshots')
      .select('snapshot')
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow()
    const snapshot = JSON.parse(row.snapshot)
    const forged = { ...snapshot, context: { ...snapshot.context, title: '无事发生', severity: 'general' } }
    await run(sql`UPDATE snapshots SET snapshot = ${JSON.stringify(forged)} WHERE incident_id = ${id}`)
    await run(sql`UPDATE incidents SET severity = 'general' WHERE id = ${id}`)
    // A node that keeps the incident live shows what it committed (projection.ts readViews);
    // /verify reads the store, and does not let the forgery pass.
    const res = await verify(id)
    expect(res.body.ok).toBe(false)
    expect(res.body.firstBad.reason).toMatch(/read model/)
    expect(res.body.readModel.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'snapshot.context' }),
        { field: 'view.title', stored: '"无事发生"', journal: '"网传某事"' },
        { field: 'view.severity', stored: '"general"', journal: '"major"' },
        { field: 'column.severity', stored: '"general"', journal: '"major"' },
      ]),
    )
  })

  it('detects a forged note in the stored view: the journal holds no such note', async () => {
    await start(false)
    const id = await scripted()
    const row = await t.store.db
      .selectFrom('incidents')
      .select('view')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const forged = {
      ...JSON.parse(row.view),
      notes: [
        {
          seq: 2,
          text: '从未写过',
          corrects: null,
          by: { name: 'x', role: 'office' },
          at: '2026-10-09T01:00:00.000Z',
        },
      ],
    }
    await run(sql`UPDATE incidents SET view = ${JSON.stringify(forged)} WHERE id = ${id}`)
    expect((await t.request('GET', `/incidents/${id}`, { as: 'auditor' })).body.notes).toHaveLength(1)
    const res = await verify(id)
    expect(res.body.ok).toBe(false)
    expect(res.body.readModel.mismatches.map((m: { field: string }) => m.field)).toContain('view.notes')
  })

  it('detects forged events accepted and a forged due-soon warning in the stored view part', async () => {
    await start(false)
    const id = await scripted()
    const row = await t.store.db
      .selectFrom('incidents')
      .select('view')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const stored = JSON.parse(row.view)
    const forged = {
      ...stored,
      // What the console offers the duty team as the next steps, and a warning never raised.
      allowedEvents: ['CLOSE'],
      warnings: [
        {
          deadline: 'x',
          instance: 'x',
          share: 0.5,
          dueAt: '2026-10-09T02:00:00.000Z',
          at: '2026-10-09T01:30:00.000Z',
        },
      ],
    }
    await run(sql`UPDATE incidents SET view = ${JSON.stringify(forged)} WHERE id = ${id}`)
    const res = await verify(id)
    expect(res.body.ok).toBe(false)
    const fields = res.body.readModel.mismatches.map((m: { field: string }) => m.field)
    expect(fields).toEqual(expect.arrayContaining(['view.allowedEvents', 'view.warnings']))
    expect(res.body.readModel.mismatches).toContainEqual({
      field: 'view.allowedEvents',
      stored: '["CLOSE"]',
      journal: JSON.stringify(stored.allowedEvents),
    })
  })
})
