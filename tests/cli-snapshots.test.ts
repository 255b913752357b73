/**
 * `npm run cli -- snapshots`: every snapshot behind its incident's version written up to
 * it, on SQLite and PostgreSQL, so that migration 0009's down (refused while one is
 * behind) can run; every view unchanged; a change made meanwhile is never undone.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { down } from '../migrations/0009_snapshots.js'
import { catchUpSnapshots, snapshotsCommand } from '../src/cli/snapshots.js'
import { createEngine } from '../src/engine/engine.js'
import { migrateToLatest } from '../src/store/migrate.js'
import { calendar, caller, freshEngine, newDb, type TestEngine } from './helpers/engine.js'
import { STORE_KINDS } from './helpers/stores.js'
import { toyRegistry } from './helpers/toy-plan.js'

const office = caller('office')
const report = { type: 'REPORT', fields: { to: ['group'] } }

describe.each(STORE_KINDS)('cli snapshots (%s)', (kind) => {
  let t: TestEngine | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await t?.store.close()
    t = undefined
  })

  /** The engine that keeps incidents in memory (snapshots written every 8th version), and `open`. */
  async function start() {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    const { engine } = t
    const open = async () =>
      (
        await engine.open(
          { planId: 'toy', title: '快照', severity: 'general', severityReason: '人工' },
          office,
        )
      ).id
    return { engine, open }
  }
  /** Views as read from the database alone (nothing kept in memory). */
  const viewsOf = (ids: string[]) => {
    if (!t) throw new Error('no engine')
    const reader = createEngine({
      store: t.store,
      plans: toyRegistry,
      clock: t.clock,
      calendar,
      actorCacheSize: 0,
    })
    return Promise.all(ids.map((id) => reader.get(id, office)))
  }
  const versions = async () => {
    if (!t) throw new Error('no engine')
    const rows = await sql<{
      id: string
      version: number
      snapshot_version: number
    }>`SELECT i.id, i.version, s.version AS snapshot_version FROM incidents i JOIN snapshots s ON s.incident_id = i.id ORDER BY i.id`.execute(
      t.store.db,
    )
    return rows.rows.map((r) => ({
      id: r.id,
      version: Number(r.version),
      snapshot: Number(r.snapshot_version),
    }))
  }
  const quiet = () => {
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0)
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0)
    return { out, err }
  }

  it("writes every snapshot behind up to its incident's version; then 0009's down runs, views unchanged", async () => {
    const { engine, open } = await start()
    const ids = [await open(), await open(), await open()]
    const [a = '', b = ''] = ids
    await engine.send(a, report, office)
    await engine.addNote(a, office, { text: '已核实' })
    await engine.addNote(b, office, { text: '待核实' })
    const views = await viewsOf(ids)
    expect((await versions()).filter((v) => v.snapshot < v.version)).toHaveLength(2)
    if (!t) throw new Error('no engine')
    const { store } = t
    await expect(down(store.db)).rejects.toThrow(/snapshots are behind/)

    const { out, err } = quiet()
    expect(await snapshotsCommand(store, ['--dry-run'], toyRegistry)).toBe(0)
    expect(err.at(-1)).toBe(
      'snapshots behind: 2 (dry run: nothing written), skipped 0; incidents without a snapshot row: 0\n',
    )
    expect((await versions()).filter((v) => v.snapshot < v.version)).toHaveLength(2)
    expect(await snapshotsCommand(store, ['--batch', '1'], toyRegistry)).toBe(0)
    expect(err.at(-1)).toBe(
      'snapshots behind: 2, written 2, moved on meanwhile 0, skipped 0; incidents without a snapshot row: 0\n',
    )
    expect(out).toEqual([])
    for (const v of await versions()) expect(v.snapshot).toBe(v.version)
    expect(await viewsOf(ids)).toEqual(views)
    // The engine that kept them in memory goes on from there.
    await engine.send(b, report, office)

    const after = await viewsOf(ids)
    await down(store.db)
    const rows = await sql<{ id: string; snapshot: string }>`SELECT id, snapshot FROM incidents`.execute(
      store.db,
    )
    const states = Object.fromEntries(after.map((v) => [v.id, v.state]))
    for (const r of rows.rows) expect(JSON.parse(r.snapshot).value).toEqual(states[r.id])
    await sql`DELETE FROM kysely_migration WHERE name = '0009_snapshots'`.execute(store.db)
    await migrateToLatest(store.db, store.schema)
    expect(await viewsOf(ids)).toEqual(after)
  })

  it('leaves a later snapshot a change wrote meanwhile, and writes under one that did not', async () => {
    const { engine, open } = await start()
    const wrote = await open()
    const noted = await open()
    await engine.addNote(wrote, office, { text: '一' })
    await engine.addNote(noted, office, { text: '一' })
    if (!t) throw new Error('no engine')
    const { store } = t
    // A change restored from its row writes its snapshot; a note to one kept in memory does not.
    const cold = createEngine({ store, plans: toyRegistry, clock: t.clock, calendar, actorCacheSize: 0 })
    const r = await catchUpSnapshots(store, toyRegistry, {
      batch: 10,
      beforeWrite: async () => {
        await cold.send(wrote, report, office)
        await engine.addNote(noted, office, { text: '二' })
      },
    })
    expect(r).toMatchObject({ behind: 2, written: 1, movedOn: 1, skipped: [], missing: [] })
    const v = Object.fromEntries((await versions()).map((x) => [x.id, x]))
    expect(v[wrote]).toMatchObject({ version: 3, snapshot: 3 })
    // Its state at version 2; the note after it is in the journal.
    expect(v[noted]).toMatchObject({ version: 3, snapshot: 2 })
    const [w, n] = await viewsOf([wrote, noted])
    expect(w?.version).toBe(3)
    expect(n?.notes?.map((x) => x.text)).toEqual(['一', '二'])
    expect([w, n]).toEqual([await engine.get(wrote, office), await engine.get(noted, office)])
  })

  it('reports, and exits 1 for, an incident it cannot bring up or without a snapshot row', async () => {
    const { engine, open } = await start()
    const fine = await open()
    const lost = await open()
    await engine.addNote(fine, office, { text: '一' })
    if (!t) throw new Error('no engine')
    await sql`DELETE FROM snapshots WHERE incident_id = ${lost}`.execute(t.store.db)
    const { out } = quiet()
    // A build that does not carry the toy plan cannot bring its incidents up.
    expect(await snapshotsCommand(t.store, [], { getPlan: () => undefined })).toBe(1)
    expect(out).toEqual([
      `skipped\t${fine}\tplan toy version ${(await engine.get(fine, office)).planVersion} is not in this build\n`,
      `missing\t${lost}\tno snapshot row (see cli verify)\n`,
    ])
  })
})
