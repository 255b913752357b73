import { type Kysely, SqliteAdapter, sql } from 'kysely'

/**
 * Title and source-URL search (`GET /incidents?q=`) on SQLite: an FTS5 table with the
 * trigram tokenizer finds a substring of three or more characters through an index,
 * where `LIKE '%…%'` reads every incident. Triggers keep it in step with `incidents`.
 * PostgreSQL keeps the LIKE scan (pg_trgm is optional there and not assumed).
 *
 * Virtual tables and triggers have no schema builder: raw SQL, SQLite only.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
const onSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter

// biome-ignore lint/suspicious/noExplicitAny: see onSqlite
export async function up(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return
  await sql`CREATE VIRTUAL TABLE incidents_search USING fts5(
    incident_id UNINDEXED, title, source_url, tokenize = 'trigram')`.execute(db)
  await sql`INSERT INTO incidents_search (incident_id, title, source_url)
    SELECT id, title, source_url FROM incidents`.execute(db)
  await sql`CREATE TRIGGER incidents_search_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_search (incident_id, title, source_url) VALUES (new.id, new.title, new.source_url);
  END`.execute(db)
  // Trap: incident_id is not indexed in the FTS table, so these two scan it. The service
  // never changes a title or URL and never deletes an incident; they exist for hand edits.
  await sql`CREATE TRIGGER incidents_search_update AFTER UPDATE OF id, title, source_url ON incidents BEGIN
    DELETE FROM incidents_search WHERE incident_id = old.id;
    INSERT INTO incidents_search (incident_id, title, source_url) VALUES (new.id, new.title, new.source_url);
  END`.execute(db)
  await sql`CREATE TRIGGER incidents_search_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_search WHERE incident_id = old.id;
  END`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see onSqlite
export async function down(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return
  for (const t of ['incidents_search_delete', 'incidents_search_update', 'incidents_search_insert'])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)}`.execute(db)
  await sql`DROP TABLE IF EXISTS incidents_search`.execute(db)
}
