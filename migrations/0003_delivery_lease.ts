import type { Kysely } from 'kysely'

/**
 * Webhook delivery with several nodes: a node leases the head of a receiver/incident
 * queue (`claimed_by`, `claimed_until`) before it sends, so two nodes never send the
 * same notification at once, and a node that dies mid-send gives the row back when
 * its lease runs out. Plain columns, no locks: the same on SQLite and PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute()
  await db.schema.alterTable('outbox').addColumn('claimed_until', 'text').execute()
  // The head of a queue: its undelivered row of lowest seq.
  await db.schema
    .createIndex('outbox_queue')
    .on('outbox')
    .columns(['url', 'incident_id', 'delivered_at', 'seq'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_queue').execute()
  await db.schema.alterTable('outbox').dropColumn('claimed_until').execute()
  await db.schema.alterTable('outbox').dropColumn('claimed_by').execute()
}
