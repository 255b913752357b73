import type { Kysely } from 'kysely'

/**
 * Incidents, their append-only journal, durable deadline timers, idempotency keys,
 * tokens and the security audit log. Times are ISO-8601 UTC strings with
 * milliseconds, so text order is time order on every dialect; JSON is stored as text.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('category', 'text')
    .addColumn('owner', 'text')
    .addColumn('related_to', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'text')
    .addColumn('has_missed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_occurred_at', 'text', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute()
  for (const cols of [
    ['organisation', 'created_at', 'id'],
    ['organisation', 'plan_id', 'created_at'],
    ['organisation', 'phase', 'created_at'],
    ['organisation', 'severity', 'created_at'],
    ['organisation', 'owner', 'created_at'],
    ['closed_at', 'next_due_at'],
  ]) {
    await db.schema
      .createIndex(`incidents_${cols.join('_')}`)
      .on('incidents')
      .columns(cols)
      .execute()
  }

  await db.schema
    .createTable('journal')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_pk', ['incident_id', 'seq'])
    .execute()

  await db.schema
    .createTable('timers')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addPrimaryKeyConstraint('timers_pk', ['incident_id', 'instance'])
    .execute()
  await db.schema.createIndex('timers_due').on('timers').columns(['fired_at', 'due_at']).execute()

  await db.schema
    .createTable('idempotency')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['scope', 'key'])
    .execute()

  // Notifications leave through an outbox written in the same transaction as the change.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .execute()
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['delivered_at', 'next_attempt_at'])
    .execute()

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()

  await db.schema
    .createTable('security_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['security_log', 'tokens', 'outbox', 'idempotency', 'timers', 'journal', 'incidents']) {
    await db.schema.dropTable(t).execute()
  }
}
