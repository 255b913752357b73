import type { Kysely } from 'kysely'

/**
 * Obligations (OBLIGATIONS.md): what each incident still owes, kept beside the view for
 * lists — how many are owed, how many breached, and which roles owe something (as
 * `|office|group|`, for `owedBy=<role>`). `next_due_at` now means the earliest owed due
 * time (`sort=nextDue` reads it through its own index). Rows of incidents opened before
 * obligations start at zero; the upgrade (README, "Upgrading to obligations") rebuilds
 * them from their journals.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('owed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('incidents')
    .addColumn('breached_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('incidents')
    .addColumn('owed_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('incidents_organisation_next_due')
    .on('incidents')
    .columns(['organisation', 'next_due_at', 'id'])
    .execute()
  await db.schema
    .createIndex('incidents_organisation_breached')
    .on('incidents')
    .columns(['organisation', 'breached_count', 'created_at', 'id'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_organisation_breached').execute()
  await db.schema.dropIndex('incidents_organisation_next_due').execute()
  await db.schema.alterTable('incidents').dropColumn('owed_by').execute()
  await db.schema.alterTable('incidents').dropColumn('breached_count').execute()
  await db.schema.alterTable('incidents').dropColumn('owed_count').execute()
}
