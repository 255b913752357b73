import type { Kysely } from 'kysely'

/**
 * Holiday years loaded at run time (`npm run cli -- calendar add FILE`, or
 * PUT /admin/calendar/{year}), beside the ones built into src/calendar/data: one row
 * per year, the State Council notice as validated JSON. Every node reads them, so a
 * year loaded on one is in force on all of them without a restart.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text', (c) => c.notNull())
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_years').execute()
}
