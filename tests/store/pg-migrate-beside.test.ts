/**
 * PostgreSQL: migrating one schema while another schema of the database (another test's,
 * another tenant's, another application's) or this one changes its tables. kysely's
 * Migrator asks its introspector whether its tables exist, and kysely's own introspector
 * read every column of every schema and called pg_get_serial_sequence('<schema>.<table>',
 * '<column>') on each: a lookup by name, after the statement's catalog snapshot was
 * taken, so a table or column dropped meanwhile failed the migration with "column
 * snapshot of relation incidents does not exist" or "relation t_x.snapshots does not
 * exist" (0009's down beside other test schemas' migrations). The store's introspector
 * (src/store/introspect-pg.ts) reads only the search path's schemas, from the catalog alone.
 */
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { freshSchema, PG_URL, postgresAvailable } from '../helpers/stores.js'

describe.skipIf(!postgresAvailable)('migrations beside changes to other tables (postgres)', () => {
  const stores: Store[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
  })
  const open = async (schema?: string) => {
    const name = schema ?? (await freshSchema())
    const s = createStore(PG_URL, { schema: name })
    stores.push(s)
    return s
  }

  /** Adds and drops a column and a table in `schema`, over and over, until stopped. */
  function churn(schema: string) {
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` })
    let stop = false
    const done = (async () => {
      await c.connect()
      await c.query('create table churn (id text primary key)')
      let rounds = 0
      while (!stop) {
        await c.query('alter table churn add column snapshot text')
        await c.query('alter table churn drop column snapshot')
        await c.query('create table churn_more (id serial primary key)')
        await c.query('drop table churn_more')
        rounds++
      }
      await c.end()
      return rounds
    })()
    return async () => {
      stop = true
      return done
    }
  }

  it('every migration succeeds while another schema, and its own, drop columns and tables', async () => {
    const other = await open()
    await migrateToLatest(other.db, other.schema)
    const mine = await open()
    await migrateToLatest(mine.db, mine.schema)
    const stops = [churn(other.schema as string), churn(mine.schema as string)]
    const failures: string[] = []
    const attempt = (s: Store) =>
      migrateToLatest(s.db, s.schema).catch((e: unknown) => {
        failures.push(String(e))
      })
    try {
      // Fresh schemas migrated from nothing, and one already migrated started again (a node's start).
      for (let i = 0; i < 4; i++) await attempt(await open())
      for (let i = 0; i < 12; i++) await attempt(mine)
    } finally {
      for (const stop of stops) expect(await stop()).toBeGreaterThan(0)
    }
    expect(failures).toEqual([])
  }, 120_000)

  it("reads the search path's schemas only: their tables and columns, nothing of another schema's", async () => {
    const other = await open()
    await migrateToLatest(other.db, other.schema)
    const mine = await open()
    await migrateToLatest(mine.db, mine.schema)
    await mine.db.schema
      .createTable('counted')
      .addColumn('n', 'serial', (c) => c.primaryKey())
      .addColumn('note', 'text')
      .execute()
    const tables = await mine.db.introspection.getTables()
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([mine.schema]))
    const names = tables.map((t) => t.name)
    expect(names).toContain('incidents')
    expect(names).toContain('snapshots')
    expect(names).not.toContain('kysely_migration')
    const withKysely = await mine.db.introspection.getTables({ withInternalKyselyTables: true })
    expect(withKysely.map((t) => t.name)).toContain('kysely_migration')
    const counted = tables.find((t) => t.name === 'counted')
    expect(counted?.columns).toEqual([
      expect.objectContaining({ name: 'n', dataType: 'int4', isNullable: false, isAutoIncrementing: true }),
      expect.objectContaining({
        name: 'note',
        dataType: 'text',
        isNullable: true,
        isAutoIncrementing: false,
      }),
    ])
  })
})
