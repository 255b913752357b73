import { type Kysely, sql } from 'kysely'

/**
 * `has_missed` (the list's `overdue` filter) now means API.md's "has a deadline missed":
 * any obligation breached, owed or not since (met late, waived after it), where it meant
 * "breached and still owed". `breached_count` counts the breached obligations, so each
 * row whose flag says otherwise is set from it, as its next change would write it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE incidents SET has_missed = CASE WHEN breached_count > 0 THEN 1 ELSE 0 END
    WHERE has_missed <> CASE WHEN breached_count > 0 THEN 1 ELSE 0 END`.execute(db)
}

/** The former meaning needs each row's obligations: its next change writes it again. */
// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(_db: Kysely<any>): Promise<void> {}
