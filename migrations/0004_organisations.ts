import type { Kysely } from 'kysely'

/**
 * Organisations as rows: every token and incident already names one (a text column);
 * this table lists the ones an operator created, so `token create --org X` can refuse a
 * typo instead of opening a new, empty organisation. `default` always exists, and every
 * organisation a token or incident already names is carried over.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // Data, not schema: without these rows the existing tokens would name no organisation.
  const now = new Date().toISOString()
  const named = [
    ...(await db.selectFrom('tokens').select('organisation').distinct().execute()),
    ...(await db.selectFrom('incidents').select('organisation').distinct().execute()),
  ].map((r: { organisation: string }) => r.organisation)
  for (const id of new Set(['default', ...named]))
    await db.insertInto('organisations').values({ id, name: id, created_at: now }).execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisations').execute()
}
