/**
 * Migrations on PostgreSQL when several nodes start at once, and in a database where
 * another schema already holds kysely's migration tables.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.js'
import { applyQuickStartTokens } from '../../src/auth/tokens.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { createDatabase, type FreshDatabase } from '../helpers/pg-server.js'
import { freshSchema, PG_URL, postgresAvailable } from '../helpers/stores.js'

if (!postgresAvailable) console.warn('[skip] scale-out migrations: PostgreSQL does not answer')

const ALL = Object.keys(migrations).sort()
const stores: Store[] = []
const databases: FreshDatabase[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined)
  for (const d of databases.splice(0)) await d.drop()
})
const open = (url: string, schema?: string) => {
  const s = createStore(url, schema ? { schema } : {})
  stores.push(s)
  return s
}
const ran = async (s: Store) =>
  (
    (await s.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute()) as Array<{ name: string }>
  )
    .map((r) => r.name)
    .sort()

describe.skipIf(!postgresAvailable)('migrations on PostgreSQL', () => {
  it('migrate concurrently from six pools: every one succeeds, each migration runs once', async () => {
    const schema = await freshSchema()
    const pools = Array.from({ length: 6 }, () => open(PG_URL, schema))
    await Promise.all(pools.map((s) => migrateToLatest(s.db, s.schema)))
    expect(await ran(pools[0]!)).toEqual(ALL)
  })

  it('six pools on a fresh database without a schema option migrate it once, in its default schema', async () => {
    const d = await createDatabase()
    databases.push(d)
    const pools = Array.from({ length: 6 }, () => open(d.url))
    await Promise.all(pools.map((s) => migrateToLatest(s.db, s.schema)))
    expect(await ran(pools[0]!)).toEqual(ALL)
  })

  it('six nodes starting at once with the same AUTH_TOKENS: every start succeeds, each token exists once', async () => {
    const schema = await freshSchema()
    const pools = Array.from({ length: 6 }, () => open(PG_URL, schema))
    await migrateToLatest(pools[0]!.db, schema)
    const tokens = [
      { token: 'quick-start-office-token-0001', role: 'office' as const, name: '值班', organisation: 'city' },
      { token: 'quick-start-leader-token-0002', role: 'leader' as const, name: '领导', organisation: 'city' },
    ]
    const now = new Date('2026-10-09T01:00:00.000Z')
    await Promise.all(pools.map((s) => applyQuickStartTokens(s.db, tokens, now)))
    const rows = await pools[0]!.db.selectFrom('tokens').select(['name', 'role']).orderBy('name').execute()
    expect(rows).toEqual(
      [
        { name: '值班', role: 'office' },
        { name: '领导', role: 'leader' },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    )
    const created = await pools[0]!.db
      .selectFrom('security_log')
      .select('kind')
      .where('kind', '=', 'token.created')
      .execute()
    expect(created).toHaveLength(2)
  })

  it('migrates the default schema even when another schema of the database was migrated first', async () => {
    const d = await createDatabase()
    databases.push(d)
    const other = open(d.url, 'other_app')
    await other.db.schema.createSchema('other_app').execute()
    await migrateToLatest(other.db, 'other_app')
    const main = open(d.url)
    await migrateToLatest(main.db, main.schema)
    expect(await ran(main)).toEqual(ALL)
    // Both schemas hold the tables (read from the catalog: the store's introspector sees its search path only).
    const tables = await sql<{
      schemaname: string
    }>`select schemaname from pg_catalog.pg_tables where tablename = 'incidents'`.execute(main.db)
    expect(tables.rows.map((t) => t.schemaname).sort()).toEqual(['other_app', 'public'])
    expect(new Set((await main.db.introspection.getTables()).map((t) => t.schema))).toEqual(
      new Set(['public']),
    )
  })
})
