/**
 * How the hot path's statements run. Their SQL texts are built once per dialect and
 * shape (`textOf`; kysely builds a query per call); inside a transaction registered as
 * open (`within`) they run on SQLite's prepared statements directly (`run`), otherwise,
 * and on PostgreSQL, through kysely. `Db` is what every repository function takes first.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely'
import type { Dialect, Store } from './connection.js'
import { hotStatement } from './prepared-pg.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database> | Transaction<Database>
/** Where the hot path's statements go: the dialect, and SQLite's prepared statements. */
export type Target = Pick<Store, 'dialect' | 'prepared'>

/** The n-th (1-based) parameter's placeholder in the dialect's SQL. */
export const param = (dialect: Dialect, n: number) => (dialect === 'postgres' ? `$${n}` : '?')

/** SQL texts of the hot path, built once per dialect and shape (kysely builds a query per call). */
const texts = new Map<string, string>()
export function textOf(key: string, build: () => string): string {
  let s = texts.get(key)
  if (s === undefined) {
    // Prepared once per connection on PostgreSQL too (prepared-pg.ts).
    s = hotStatement(build())
    texts.set(key, s)
  }
  return s
}

/**
 * The transactions open now whose statements may run on SQLite's prepared statements
 * directly: registered by whoever opened them, for as long as their work runs (`within`).
 * The connection being in a transaction is not enough: it may be another one's, and a
 * statement of a transaction that ended would join it and commit with it.
 */
const open = new WeakSet<Db>()

/** Runs `work` with `trx` registered as open (see `open`); the committer's transactions do. */
export async function within<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  open.add(trx)
  try {
    return await work()
  } finally {
    open.delete(trx)
  }
}

/**
 * One statement of the hot path. Inside an open SQLite transaction (`within`) the
 * connection is the transaction's own (SQLite has one, held until it ends), so the
 * prepared statement runs directly: kysely's executor, connection provider and driver
 * cost about 3 µs a statement around a lookup that costs 0.4 µs, and a change makes five
 * or six. Otherwise (outside a transaction, a transaction not registered, or one that
 * ended), and on PostgreSQL, it goes through kysely, which waits its turn for the
 * connection and refuses a finished transaction's statements.
 */
export async function run<R>(
  trx: Db,
  to: Target,
  text: string,
  params: readonly unknown[],
): Promise<{ rows: R[]; numAffectedRows?: bigint }> {
  if (to.prepared && open.has(trx)) {
    const stmt = to.prepared(text)
    // A transaction SQLite rolled back by itself (a full disk) goes to kysely too.
    if (stmt.database.inTransaction) {
      if (stmt.reader) return { rows: stmt.all(params) as R[] }
      return { rows: [], numAffectedRows: BigInt(stmt.run(params).changes) }
    }
  }
  return trx.executeQuery<R>(CompiledQuery.raw(text, params as unknown[]))
}

/** A statement without parameters or rows (a savepoint), as `run` runs it. */
export const exec = async (trx: Db, to: Target, text: string): Promise<void> => {
  await run(trx, to, text, [])
}
