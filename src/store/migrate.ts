import { type Kysely, type MigrationProvider, Migrator } from 'kysely'
import { migrations } from '../../migrations/index.js'
import type { Database } from './schema.js'

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Brings the schema up to date; refuses a database that a newer build has migrated. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string | null): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) })
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
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
  }
}
