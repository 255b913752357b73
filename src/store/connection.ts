/**
 * Opens the database a `DATABASE_URL` names: a SQLite file path (default), `:memory:`,
 * or `postgres://…`. Dialect differences live here and in the repositories' few
 * `store.dialect` checks, never in the engine.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.js'

export type Dialect = 'sqlite' | 'postgres'

export interface Store {
  db: Kysely<Database>
  dialect: Dialect
  /** The SQLite file (null for PostgreSQL or in-memory). */
  file: string | null
  /** PostgreSQL schema this store works in (null: the connection's default). */
  schema: string | null
  /** better-sqlite3 handle for SQLite-only operations (backup, integrity check). */
  sqlite: SQLite.Database | null
  close(): Promise<void>
}

/**
 * SQLite settings, chosen once, here:
 * - WAL: readers never block the writer, and a commit is one append to the log.
 * - synchronous=FULL: the WAL is fsynced at every commit, so an acknowledged event
 *   survives a process crash AND a power loss (NORMAL would survive only the crash).
 * - busy_timeout 5 s: a second process (the CLI's backup) waits instead of failing;
 *   past it the request gets 503.
 * - foreign_keys: journal and timer rows always belong to an incident.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'busy_timeout = 5000',
  'foreign_keys = ON',
] as const

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
  const handle = new SQLite(file)
  for (const p of SQLITE_PRAGMAS) handle.pragma(p)
  return handle
}

export function createStore(url: string, opts: { schema?: string } = {}): Store {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // A schema per test run (or per tenant database) is selected at connect time, for every pooled connection.
    const options = opts.schema ? `-c search_path=${opts.schema.replace(/[^a-zA-Z0-9_]/g, '')}` : undefined
    const pool = new pg.Pool({ connectionString: url, max: 10, ...(options ? { options } : {}) })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      dialect: 'postgres',
      schema: opts.schema ?? null,
      file: null,
      sqlite: null,
      close: () => db.destroy(),
    }
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '')
  const sqlite = openSqlite(file)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return {
    db,
    dialect: 'sqlite',
    schema: null,
    file: file === ':memory:' ? null : resolve(file),
    sqlite,
    close: () => db.destroy(),
  }
}
