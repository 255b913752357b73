import { type Kysely, sql } from 'kysely'

/**
 * An incident's snapshot moves to a table of its own, with the version it was written at.
 * A change to an incident kept live no longer rewrites it every time: the journal entries
 * after its version are the rest of the state, re-sent to it when it is read
 * (src/engine/tail.ts). In the incident's row it was rewritten with every change, the
 * row's other columns with it (≈ 10 KB a change, where those are ≈ 1 KB).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('snapshots')
    .addColumn('incident_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute()
  await sql`INSERT INTO snapshots (incident_id, version, snapshot) SELECT id, version, snapshot FROM incidents`.execute(
    db,
  )
  await db.schema.alterTable('incidents').dropColumn('snapshot').execute()
}

/**
 * Back into the row. A release before this one reads it as the state at the row's version:
 * refused while an incident's snapshot is behind its version (its next change, restored
 * from its row, writes it at its version).
 */
// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  const behind = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM incidents i JOIN snapshots s ON s.incident_id = i.id
    WHERE s.version < i.version`.execute(db)
  if (Number(behind.rows[0]?.n ?? 0) > 0)
    throw new Error(
      'some incidents keep their latest changes in the journal only: their snapshots are behind',
    )
  await db.schema
    .alterTable('incidents')
    .addColumn('snapshot', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await sql`UPDATE incidents SET snapshot = (SELECT s.snapshot FROM snapshots s WHERE s.incident_id = incidents.id)`.execute(
    db,
  )
  await db.schema.dropTable('snapshots').execute()
}
