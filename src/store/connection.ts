/**
 * Opens the database a `DATABASE_URL` names: a SQLite file path (default), `:memory:`,
 * or `postgres://…`. Dialect differences live here and in the repositories' few
 * `store.dialect` checks, never in the engine.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely'
import pg from 'pg'
import { startCheckpointer } from './checkpointer.js'
import { createDurability, type Durability, DurableSqliteDialect } from './durability.js'
import { SearchPathPostgresDialect } from './introspect-pg.js'
import { preparing } from './prepared-pg.js'
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
  /**
   * A SQLite statement prepared once per SQL text (the cache kysely's queries use too),
   * for the hot path's statements inside a transaction (statements.ts `run`); null for PostgreSQL.
   */
  prepared: ((sql: string) => SQLite.Statement) | null
  /** A SQLite file's commits made durable off the event loop (durability.ts); null otherwise. */
  durability: Durability | null
  close(): Promise<void>
}

/**
 * SQLite settings, chosen once, here:
 * - WAL: readers never block the writer, and a commit is one append to the log.
 * - synchronous=FULL: the WAL is fsynced at every commit, so an acknowledged event
 *   survives a process crash AND a power loss (NORMAL would survive only the crash).
 *   The service's store keeps that guarantee with the fsync moved off the event loop:
 *   it commits at NORMAL and syncs the WAL itself before anyone hears of a commit
 *   (durability.ts); any other handle opened here commits at FULL.
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

/** How many distinct statements the SQLite handle keeps prepared (least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 500

/**
 * The better-sqlite3 handle as kysely sees it, keeping each statement prepared by its
 * SQL text: kysely prepares every query anew, which was about a tenth of an event's CPU.
 * A statement that is still being iterated (a streamed export) is busy; a second use of
 * the same SQL meanwhile gets a fresh, uncached statement.
 */
export function cachingStatements(handle: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => handle.close(),
    prepare(sql) {
      const hit = cache.get(sql)
      if (hit) {
        if (hit.busy) return handle.prepare(sql)
        // Map order is insertion order: re-inserting makes it the most recently used.
        cache.delete(sql)
        cache.set(sql, hit)
        return hit
      }
      const stmt = handle.prepare(sql)
      cache.set(sql, stmt)
      if (cache.size > size) {
        const oldest = cache.keys().next().value
        if (oldest !== undefined) cache.delete(oldest)
      }
      return stmt
    },
  }
}

/**
 * A transaction left open by a node that froze (GC storm, SIGSTOP, paused VM) or vanished
 * (power, network) would hold its incident's row lock until the node woke, or for the
 * kernel's TCP keepalive (hours). PostgreSQL ends such a session after this long idle
 * inside a transaction: it rolls back and the lock is free for the other nodes. Our
 * transactions never wait on anything but the database between two statements.
 */
export const IDLE_IN_TRANSACTION_MS = 60_000

/** Session settings of every pooled PostgreSQL connection (`options` of libpq / node-pg). */
export function pgSessionOptions(opts: { schema?: string; idleInTransactionMs?: number } = {}): string {
  const parts = [
    `-c idle_in_transaction_session_timeout=${opts.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS}`,
  ]
  // A schema per test run (or per tenant database) is selected at connect time.
  if (opts.schema) parts.push(`-c search_path=${opts.schema.replace(/[^a-zA-Z0-9_]/g, '')}`)
  return parts.join(' ')
}

/** `?options=` of the URL, which the pool's own `options` would otherwise replace. */
function urlOptions(url: string): string {
  try {
    return new URL(url).searchParams.get('options') ?? ''
  } catch {
    return ''
  }
}

export function createStore(
  url: string,
  opts: {
    schema?: string
    idleInTransactionMs?: number
    /** How a SQLite file's WAL is synced (durability.ts; tests stand in a slow or failing disk). */
    syncWal?: (file: string) => Promise<void>
  } = {},
): Store {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      application_name: 'yuqing-flow',
      options: [urlOptions(url), pgSessionOptions(opts)].filter(Boolean).join(' '),
    })
    // The server ended a connection (restart, failover, a proxy, the timeout above). Unheard,
    // the 'error' event would end the process, every node at once. An idle one the pool
    // drops and the next query connects anew; a checked-out one fails its transaction
    // (503) and is dropped when it is released.
    pool.on('error', () => undefined)
    pool.on('connect', (client) => {
      client.on('error', () => undefined)
      preparing(client)
    })
    // Its introspector (what kysely's Migrator asks) reads the search path's schemas only (introspect-pg.ts).
    const db = new Kysely<Database>({ dialect: new SearchPathPostgresDialect({ pool }) })
    return {
      db,
      dialect: 'postgres',
      schema: opts.schema ?? null,
      file: null,
      sqlite: null,
      prepared: null,
      durability: null,
      close: () => db.destroy(),
    }
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '')
  const sqlite = openSqlite(file)
  const statements = cachingStatements(sqlite)
  const config = { database: statements }
  const prepared = (sql: string) => statements.prepare(sql) as unknown as SQLite.Statement
  // Only a WAL can be synced after the commit: in any other journal mode FULL stays in force.
  if (file === ':memory:' || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') {
    const db = new Kysely<Database>({ dialect: new SqliteDialect(config) })
    return {
      db,
      dialect: 'sqlite',
      schema: null,
      file: file === ':memory:' ? null : resolve(file),
      sqlite,
      prepared,
      durability: null,
      close: () => db.destroy(),
    }
  }
  const durability = createDurability(resolve(file), opts.syncWal)
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new DurableSqliteDialect(config, sqlite, durability) })
  // Checkpoints in a worker thread, not inside the service's commits (checkpointer.ts).
  const checkpointer = startCheckpointer(sqlite, resolve(file))
  return {
    db,
    dialect: 'sqlite',
    schema: null,
    file: resolve(file),
    sqlite,
    prepared,
    durability,
    close: async () => {
      await checkpointer.close()
      await db.destroy()
    },
  }
}

/**
 * Commits without waiting for the disk (benchmarks that measure CPU): synchronous=OFF on
 * the handle and no WAL sync from durability.ts.
 */
export function withoutFsync(store: Store): void {
  store.sqlite?.pragma('synchronous = OFF')
  if (store.durability) store.durability.enabled = false
}
