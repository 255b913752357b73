import { type Kysely, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely'
import { migrations } from '../../migrations/index.js'
import type { Database } from './schema.js'

const provider: MigrationProvider = { getMigrations: async () => migrations }

/**
 * The schema kysely keeps its migration tables in. On PostgreSQL always named: without
 * one, kysely's Migrator takes a table of that name in any schema its introspector lists
 * for its own, and then fails to read it through the search path. (The store's
 * introspector lists the search path's schemas only, introspect-pg.ts: kysely's own read
 * every schema, and failed whenever another session dropped a table or column meanwhile.)
 */
async function migrationSchema(db: Kysely<Database>, schema?: string | null): Promise<string | null> {
  if (schema || !(db.getExecutor().adapter instanceof PostgresAdapter)) return schema ?? null
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(db)
  return r.rows[0]?.s ?? null
}

/**
 * Brings the schema up to date; refuses a database that a newer build has migrated.
 * Safe when several nodes start at once: on PostgreSQL kysely's Migrator holds a
 * session advisory lock while it migrates, and the losers find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<Database>, schemaOption?: string | null): Promise<void> {
  const migrator = await migratorOf(db, schemaOption)
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
  }
}

/** kysely's Migrator on this build's migrations; refuses a database that a newer build has migrated. */
async function migratorOf(db: Kysely<Database>, schemaOption?: string | null): Promise<Migrator> {
  const schema = await migrationSchema(db, schemaOption)
  const known = new Set(Object.keys(migrations))
  // kysely lists only the migrations this build knows; read its table for the rest.
  const rows = await db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .execute()
    .catch(() => [] as Array<{ name: string }>)
  const unknown = (rows as Array<{ name: string }>).map((r) => r.name).filter((n) => !known.has(n))
  if (unknown.length > 0) {
    throw new Error(
      `The database was migrated by a newer yuqing-flow (migrations ${unknown.join(', ')} are unknown to this build). ` +
        'Run the newer build, or restore a backup taken before the upgrade.',
    )
  }
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) })
}

/** The names of the migrations applied to the database, oldest first. */
export async function appliedMigrations(
  db: Kysely<Database>,
  schemaOption?: string | null,
): Promise<string[]> {
  const infos = await (await migratorOf(db, schemaOption)).getMigrations()
  return infos.filter((m) => m.executedAt !== undefined).map((m) => m.name)
}

/**
 * Runs the `down` of every applied migration after `target`, newest first (kysely's
 * Migrator.migrateTo), so that the database is as `target` left it. The names run down,
 * or the error of the first that failed (those before it stay down: on SQLite each
 * migration commits alone).
 */
export async function migrateDownTo(
  db: Kysely<Database>,
  schemaOption: string | null,
  target: string,
): Promise<{ reverted: string[]; failed: { name: string; error: string } | null }> {
  const { error, results = [] } = await (await migratorOf(db, schemaOption)).migrateTo(target)
  const reverted = results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
  const bad = results.find((r) => r.status === 'Error')
  const failed =
    error || bad
      ? {
          name: bad?.migrationName ?? '',
          error: error instanceof Error ? error.message : String(error ?? 'failed'),
        }
      : null
  return { reverted, failed }
}
