/**
 * Durable commits on SQLite without fsync on the event loop.
 *
 * At `synchronous=FULL` SQLite fsyncs the WAL inside COMMIT, and better-sqlite3 runs on
 * the event loop: every group commit stopped the whole service for the disk (about a
 * fifth of the server's time under load, and the tail of every request's latency). Here
 * the connection commits at `synchronous=NORMAL` (in WAL mode the only difference from
 * FULL is that fsync of the WAL at commit) and this module fsyncs the WAL file itself,
 * on libuv's thread pool, before anybody is told of the commit. The guarantee is FULL's:
 *
 * - a commit is acknowledged only once its WAL frames are on disk: a write outside a
 *   transaction, or a transaction's COMMIT, returns only after a sync that started
 *   after it; the engine's group commit (engine/committer.ts) takes the sync on itself
 *   (`deferNextCommit`), so the next group's work runs while the disk writes;
 * - nothing not yet on disk is shown: a GET first waits for every sync asked for so far
 *   (`settled`; http/app.ts), the live streams hear of a change once it is on disk
 *   (the committer), and a webhook is sent only after its outbox row's claim, a write,
 *   was synced (which covers the row);
 * - a checkpoint needs nothing from here: at NORMAL SQLite syncs the WAL before it
 *   copies frames into the database and the database after.
 *
 * One sync covers every commit made before it started; callers asking while one runs
 * share the next one (`coalescing`).
 *
 * A failed sync stops the store taking changes (fail-stop). The commits it was to cover
 * are made, but whether the disk kept them is unknown, and a later sync that succeeds
 * would not say (the kernel may have dropped the pages that failed). So from then on
 * every sync fails with the first failure, no write or transaction starts, and `settled`
 * fails (reads that wait for the disk get 503), until the store is opened again: SQLite's
 * recovery of the WAL then decides what was kept.
 */
import { closeSync, fdatasync, open as fsOpen } from 'node:fs'
import type SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely'

export interface Durability {
  /** A sync of the WAL that starts after this call: every commit made so far is on disk when it resolves. */
  sync(): Promise<void>
  /** Resolves once every sync asked for so far has finished; rejects once one has failed. */
  settled(): Promise<void>
  /** The first sync's failure, or null: the store takes no more changes once there is one. */
  failure(): unknown
  /**
   * Called inside a transaction: its COMMIT does not wait for the sync, the caller asks for
   * it (`sync`) once the connection is free (the engine's group commit).
   */
  deferNextCommit(): void
  /** Off (benchmarks at synchronous=OFF): no sync is made. */
  enabled: boolean
  /** Once the connection is closed: lets go of the WAL file. */
  close(): void
}

/**
 * A function that runs `work` for every caller, one run at a time, each caller served by
 * a run that started after it asked (callers waiting meanwhile share one run).
 */
export function coalescing(work: () => Promise<void>) {
  let running: Promise<void> | null = null
  let next: Promise<void> | null = null
  const start = (): Promise<void> => {
    const p = work().finally(() => {
      if (running === p) running = null
    })
    running = p
    return p
  }
  return {
    run(): Promise<void> {
      if (!running) return start()
      // The run under way may have started before the caller's commit: it needs the next.
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null
          return start()
        })
      return next
    },
    /** The latest run asked for, or null when none is pending. */
    pending: (): Promise<void> | null => next ?? running,
  }
}

/**
 * fdatasync of the WAL file beside `file` (none yet: nothing to sync), through one
 * descriptor kept open: SQLite never removes the WAL while this process's connection is
 * open (the last connection to close removes it), so the file stays the same one.
 */
function walSyncer(): ((file: string) => Promise<void>) & { close(): void } {
  let fd: number | null = null
  const sync = async (file: string) => {
    if (fd === null) {
      try {
        fd = await new Promise<number>((resolve, reject) =>
          fsOpen(`${file}-wal`, 'r', (e, d) => (e ? reject(e) : resolve(d))),
        )
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
        throw e
      }
    }
    const d = fd
    await new Promise<void>((resolve, reject) => fdatasync(d, (e) => (e ? reject(e) : resolve())))
  }
  return Object.assign(sync, {
    close() {
      if (fd !== null) closeSync(fd)
      fd = null
    },
  })
}

/** A store's durability with the one-transaction deferral flag the dialect reads. */
export type Deferring = Durability & { deferred: boolean }

export function createDurability(file: string, given?: (file: string) => Promise<void>): Deferring {
  const own = given ? null : walSyncer()
  const sync = given ?? (own as (file: string) => Promise<void>)
  let failed: unknown = null
  const runs = coalescing(async () => {
    if (failed !== null) throw failed
    try {
      await sync(file)
    } catch (e) {
      failed ??= e
      throw e
    }
  })
  const d: Deferring = {
    enabled: true,
    deferred: false,
    sync: () => (d.enabled ? runs.run() : Promise.resolve()),
    settled: () =>
      failed !== null ? Promise.reject(failed) : (runs.pending()?.then(() => undefined) ?? Promise.resolve()),
    failure: () => failed,
    deferNextCommit: () => {
      d.deferred = true
    },
    close: () => own?.close(),
  }
  return d
}

/**
 * After a COMMIT on the connection: its sync, unless the transaction's owner deferred it
 * (`deferNextCommit`, called inside the transaction: the flag lives for one transaction).
 */
function afterCommit(d: Deferring): Promise<void> {
  if (d.deferred) {
    d.deferred = false
    return Promise.resolve()
  }
  return d.sync()
}

/** The connection, with its writes outside a transaction synced before they are answered. */
class DurableConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly statements: SqliteDatabase,
    private readonly handle: SQLite.Database,
    private readonly d: Durability,
  ) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const write = !this.handle.inTransaction && !this.readonly(q.sql)
    // Fail-stop (see above): after a failed sync no write starts.
    const failed = write ? this.d.failure() : null
    if (failed !== null) throw failed
    const r = await this.inner.executeQuery<R>(q)
    if (write) await this.d.sync()
    return r
  }

  /** Whether the statement writes nothing (the prepared statement is the one just run: cached). */
  private readonly(text: string): boolean {
    return (this.statements.prepare(text) as unknown as { readonly: boolean }).readonly
  }

  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(q, chunkSize)
  }
}

class DurableDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly statements: SqliteDatabase,
    private readonly handle: SQLite.Database,
    private readonly d: Deferring,
  ) {}
  init = () => this.inner.init()
  destroy = async () => {
    await this.d.settled().catch(() => undefined)
    await this.inner.destroy()
    this.d.close()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new DurableConnection(await this.inner.acquireConnection(), this.statements, this.handle, this.d)
  }
  releaseConnection = (c: DatabaseConnection) => this.inner.releaseConnection(innerOf(c))
  beginTransaction = (c: DatabaseConnection, _s: TransactionSettings) => {
    // Fail-stop (see above): after a failed sync no transaction starts.
    const failed = this.d.failure()
    if (failed !== null) return Promise.reject(failed)
    this.d.deferred = false
    // IMMEDIATE: the write lock is taken now, waiting for another process's (busy_timeout).
    // A deferred transaction that read first would be refused at its first write without
    // waiting (SQLite never makes a reader that would write wait: deadlock avoidance).
    return innerOf(c)
      .executeQuery(CompiledQuery.raw('begin immediate'))
      .then(() => undefined)
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(innerOf(c))
    await afterCommit(this.d)
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    this.d.deferred = false
    await this.inner.rollbackTransaction(innerOf(c))
  }
  savepoint: Driver['savepoint'] = (c, name, compile) =>
    this.inner.savepoint?.(innerOf(c), name, compile) ?? none()
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, name, compile) =>
    this.inner.rollbackToSavepoint?.(innerOf(c), name, compile) ?? none()
  releaseSavepoint: Driver['releaseSavepoint'] = (c, name, compile) =>
    this.inner.releaseSavepoint?.(innerOf(c), name, compile) ?? none()
}

const none = () => Promise.reject(new Error('savepoints are not supported by this driver'))
const innerOf = (c: DatabaseConnection) => (c instanceof DurableConnection ? c.inner : c)

/** kysely's SQLite dialect with the commits above. */
export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig & { database: SqliteDatabase },
    private readonly handle: SQLite.Database,
    private readonly durability: Deferring,
  ) {
    super(config)
  }
  override createDriver(): Driver {
    return new DurableDriver(super.createDriver(), this.config.database, this.handle, this.durability)
  }
}
