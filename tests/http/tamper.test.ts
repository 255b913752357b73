/**
 * Tampering by someone with write access to the database (README "What /verify
 * detects"), on SQLite and PostgreSQL, through GET /incidents/:id/verify: the rows are
 * changed behind the service's back with plain SQL, as such a person would, and where
 * it takes more than SQL (a chain rewritten whole) with this code's own hash function.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { entryHash, GENESIS_HASH } from '../../src/engine/hash.js'
import { readIncident } from '../../src/store/repo.js'
import type { IncidentRow } from '../../src/store/schema.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { walkToClosed } from './driver.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  let dir: string
  let witnessFile: string
  let t: TestApp
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yuqing-tamper-'))
    witnessFile = join(dir, 'witness', 'heads.log')
  })
  afterEach(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const start = async (witness: boolean) => {
    t = await testApp({ kind, ...(witness ? { witness: witnessFile } : {}) })
  }

  /** Four entries: OPENED, CLASSIFY, NOTE_ADDED, REPORT. */
  async function scripted() {
    t.clock.advance(1)
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '网传某事' },
    })
    const id: string = opened.body.id
    const steps = [
      ['events', { type: 'CLASSIFY', severity: 'major' }],
      ['notes', { text: '已联系发帖人' }],
      ['events', { type: 'REPORT', to: ['group', 'principal'], proposal: 'p' }],
    ] as const
    for (const [path, body] of steps) {
      const res = await t.request('POST', `/incidents/${id}/${path}`, { as: 'office', body })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      // The row as it was after entry 3, for a forger who rolls the incident back to it.
      if (path === 'notes') rowAt3.set(id, (await readIncident(t.store.db, id)) as IncidentRow)
    }
    await t.witness?.flush()
    return id
  }
  const rowAt3 = new Map<string, IncidentRow>()

  const run = (q: ReturnType<typeof sql>) => q.execute(t.store.db)
  const verify = (id: string, as: 'auditor' | 'other-org' = 'auditor') =>
    t.request('GET', `/incidents/${id}/verify`, { as })

  /** Deletes the last entry and rolls the incident row back to what it was after entry 3, view and all. */
  async function rollBackTail(id: string) {
    const r = rowAt3.get(id)!
    await run(sql`DELETE FROM journal WHERE incident_id = ${id} AND seq = 4`)
    await run(
      sql`UPDATE snapshots SET snapshot = ${r.snapshot}, version = ${r.snapshot_version} WHERE incident_id = ${id}`,
    )
    await run(
      sql`UPDATE incidents SET version = ${r.version}, head_hash = ${r.head_hash}, view = ${r.view}, phase = ${r.phase}, severity = ${r.severity}, updated_at = ${r.updated_at}, owed_count = ${r.owed_count}, breached_count = ${r.breached_count}, owed_by = ${r.owed_by}, next_due_at = ${r.next_due_at}, has_missed = ${r.has_missed} WHERE id = ${id}`,
    )
  }

  /** Rewrites every entry's hash from entry 1 on, as someone with this code could. */
  async function rewriteChain(id: string, firstPrev?: string) {
    const rows = await t.store.db
      .selectFrom('journal')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('seq')
      .execute()
    let prev = firstPrev ?? rows[0]!.prev_hash
    for (const r of rows) {
      const hash = entryHash(prev, r)
      await run(
        sql`UPDATE journal SET prev_hash = ${prev}, hash = ${hash} WHERE incident_id = ${id} AND seq = ${r.seq}`,
      )
      prev = hash
    }
    await run(sql`UPDATE incidents SET head_hash = ${prev} WHERE id = ${id}`)
  }

  it('an untouched incident verifies clean, its chain bound to its identity, and the witness covers it', async () => {
    await start(true)
    const id = await scripted()
    const res = await verify(id)
    expect(res.body).toMatchObject({
      ok: true,
      chain: 'bound',
      entries: 4,
      readModel: { ok: true, mismatches: [] },
      witness: { ok: true, problems: [], checkpoint: { seq: 4, head: res.body.head } },
    })
    expect(res.body.witness.from).toBe(t.clock.now().toISOString())
  })

  it('every plan walked to closed, with a deadline passed on the way, verifies clean: the replayed journal matches what is stored', async () => {
    await start(true)
    let passed = 0
    for (const plan of currentPlans()) {
      const severity = plan.severities[0]!.code
      const opened = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: plan.id, title: '逾期', severity, severityReason: '研判' },
      })
      t.clock.advance(60 * 24 * 30) // every first deadline passes (and its warnings fire)
      await t.engine.fireDue()
      const history = (await t.request('GET', `/incidents/${opened.body.id}/history`, { as: 'auditor' })).body
      passed += history.items.filter((i: { type: string }) => i.type === 'DEADLINE_PASSED').length
      const res = await verify(opened.body.id)
      expect(res.body, `${plan.id} after deadlines passed`).toMatchObject({
        ok: true,
        readModel: { ok: true },
      })
      const { view } = await walkToClosed(t, plan.id, { severity })
      await t.witness?.flush()
      const closed = await verify(view.id)
      expect(closed.body, `${plan.id} closed`).toMatchObject({
        ok: true,
        chain: 'bound',
        readModel: { ok: true, mismatches: [] },
        witness: { ok: true, checkpoint: { seq: closed.body.entries } },
      })
    }
    expect(passed).toBeGreaterThanOrEqual(currentPlans().length) // at least one per plan
  }, 120_000)

  it('detects an incident moved to another organisation: its chain no longer starts from its identity', async () => {
    await start(false)
    const id = await scripted()
    await run(sql`UPDATE incidents SET organisation = 'other' WHERE id = ${id}`)
    const res = await verify(id, 'other-org')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      ok: false,
      firstBad: { seq: 1, reason: expect.stringMatching(/organisation \(other\)/) },
    })
    // The view is read from the row's columns (stored-view.ts), so it moved with them: the
    // chain, bound to the identity the incident was opened with, is what tells.
  })

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

  it('a deleted tail with the head rolled back passes the chain alone, and is caught by the witness', async () => {
    await start(false)
    const a = await scripted()
    await rollBackTail(a)
    // Without a witness the rest of the chain is intact: this is the limit the witness is for.
    expect((await verify(a)).body).toMatchObject({
      ok: true,
      entries: 3,
      chain: 'bound',
      readModel: { ok: true },
      witness: null,
    })

    await t.close()
    await start(true)
    const b = await scripted()
    await rollBackTail(b)
    const res = await verify(b)
    expect(res.body).toMatchObject({
      ok: false,
      firstBad: {
        seq: 4,
        reason: expect.stringMatching(/witness saw entry 4 .* database has 3: entries were deleted/),
      },
      witness: { ok: false, checkpoint: { seq: 4 } },
    })
  })

  it('a chain rewritten whole, or downgraded to a legacy chain to move the incident, is caught by the witness only', async () => {
    await start(true)
    const id = await scripted()
    await run(sql`UPDATE journal SET actor_name = 'someone else' WHERE incident_id = ${id} AND seq = 3`)
    await rewriteChain(id)
    const rewritten = await verify(id)
    expect(rewritten.body.chain).toBe('bound')
    // The first checkpoint at or after the altered entry 3 disagrees (heads may be batched).
    expect(rewritten.body).toMatchObject({ ok: false, readModel: { ok: true } })
    expect(rewritten.body.firstBad.seq).toBeGreaterThanOrEqual(3)
    expect(rewritten.body.firstBad.reason).toMatch(
      /is not the one the witness saw .*: the journal was rewritten/,
    )

    const moved = await scripted()
    await run(sql`UPDATE incidents SET organisation = 'other' WHERE id = ${moved}`)
    await run(
      sql`UPDATE incidents SET view = ${JSON.stringify({ ...JSON.parse((await t.store.db.selectFrom('incidents').select('view').where('id', '=', moved).executeTakeFirstOrThrow()).view), organisation: 'other' })} WHERE id = ${moved}`,
    )
    await rewriteChain(moved, GENESIS_HASH)
    const res = await verify(moved, 'other-org')
    expect(res.body.chain).toBe('legacy')
    expect(res.body.readModel.ok).toBe(true)
    expect(res.body).toMatchObject({
      ok: false,
      firstBad: {
        seq: 1,
        reason: expect.stringMatching(/witness saw this incident in organisation default/),
      },
    })
  })

  it('an incident opened before the chain was bound to its identity verifies as a legacy chain', async () => {
    await start(false)
    const id = await scripted()
    // As the engine wrote them before: entry 1 chained to 64 zeros.
    await rewriteChain(id, GENESIS_HASH)
    const res = await verify(id)
    expect(res.body).toMatchObject({ ok: true, chain: 'legacy', firstBad: null, readModel: { ok: true } })
  })

  it('an edited witness line is reported as a problem of the witness itself', async () => {
    await start(true)
    const id = await scripted()
    const lines = readFileSync(witnessFile, 'utf8').split('\n')
    lines[0] = lines[0]!.replace('"seq":1', '"seq":2')
    writeFileSync(witnessFile, lines.join('\n'))
    const res = await verify(id)
    expect(res.body.ok).toBe(false)
    expect(res.body.witness.problems.join('\n')).toMatch(/line 1 does not match its hash: it was edited/)
  })
})
