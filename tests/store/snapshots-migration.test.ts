/**
 * Migration 0009 moves each incident's snapshot from its row to the `snapshots` table at
 * the row's version, and back (down), refused while an incident's snapshot is behind its
 * version (a release before reads the row's snapshot as the whole state). SQLite: the
 * PostgreSQL path is the same kysely schema builder and SQL.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { down, up } from '../../migrations/0009_snapshots.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')

describe('migration 0009, the snapshots table', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  const opened = async () => {
    const v = await t.engine.open(
      { planId: 'toy', title: '迁移', severity: 'general', severityReason: '人工' },
      office,
    )
    await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, caller('monitor'))
    return v.id
  }

  it('moves every snapshot back into its row and out again, every view unchanged', async () => {
    t = await freshEngine(':memory:', undefined, toyRegistry, { snapshotEvery: 1 })
    const ids = [await opened(), await opened()]
    const views = await Promise.all(ids.map((id) => t.engine.get(id, office)))
    await down(t.store.db)
    const rows = await sql<{ id: string; snapshot: string }>`SELECT id, snapshot FROM incidents`.execute(
      t.store.db,
    )
    expect(rows.rows.map((r) => JSON.parse(r.snapshot).value)).toEqual(views.map((v) => v.state))
    await sql`DELETE FROM kysely_migration WHERE name = '0009_snapshots'`.execute(t.store.db)
    await migrateToLatest(t.store.db)
    expect(await Promise.all(ids.map((id) => t.engine.get(id, office)))).toEqual(views)
    expect(
      (
        await t.store.db
          .selectFrom('snapshots')
          .select(['incident_id', 'version'])
          .orderBy('incident_id')
          .execute()
      ).map((s) => s.version),
    ).toEqual([2, 2])
  })

  it('refuses to go back while an incident keeps its last changes in the journal only', async () => {
    t = await freshEngine(':memory:', undefined, toyRegistry, { snapshotEvery: 8 })
    await opened()
    await expect(down(t.store.db)).rejects.toThrow(/snapshots are behind/)
    // Nothing changed: the table is there, the row has no snapshot column.
    await expect(up(t.store.db)).rejects.toThrow()
    expect(await t.store.db.selectFrom('snapshots').select('incident_id').execute()).toHaveLength(1)
  })
})
