import type { Kysely } from 'kysely'

/**
 * Indexes that serve each filter of `GET /incidents` in its own order (newest first by
 * `created_at`, then `id`), so a page reads only the rows it returns, however rare the
 * filter's value or however far back its rows lie. 0001's filter indexes ended at
 * `created_at`, so the planner preferred the `(organisation, created_at, id)` index and
 * tested every row behind it: at 1M incidents, 0.6 s for `phase=closed` and seconds for a
 * rare phase. `overdue=true` gets a covering index of the open incidents: every column
 * its test reads is in the index, so no row is read but those listed.
 *
 * Building them reads every incident once (about 30 s at 1M incidents on a small server),
 * at the first start after the upgrade.
 */
const FILTERS = ['plan_id', 'phase', 'severity', 'owner'] as const

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const col of FILTERS) {
    await db.schema.dropIndex(`incidents_organisation_${col}_created_at`).execute()
    await db.schema
      .createIndex(`incidents_organisation_${col}_created_at_id`)
      .on('incidents')
      .columns(['organisation', col, 'created_at', 'id'])
      .execute()
  }
  await db.schema
    .createIndex('incidents_open_overdue')
    .on('incidents')
    .columns(['organisation', 'closed_at', 'created_at', 'id', 'has_missed', 'next_due_at'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_open_overdue').execute()
  for (const col of FILTERS) {
    await db.schema.dropIndex(`incidents_organisation_${col}_created_at_id`).execute()
    await db.schema
      .createIndex(`incidents_organisation_${col}_created_at`)
      .on('incidents')
      .columns(['organisation', col, 'created_at'])
      .execute()
  }
}
