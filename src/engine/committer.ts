/**
 * The committer: one change per transaction, or (SQLite) several changes sharing one
 * commit and one fsync; listeners hear of a change only once it committed.
 */
import { sql } from 'kysely'
import { AppError, StorageUnavailable } from '../errors.js'
import type * as repo from '../store/repo.js'
import { type Core, GROUP_MAX, toHistory } from './core.js'
import type { IncidentView } from './view.js'

/** Notifications of one transaction, told only once it committed. */
export type Told = Array<() => void>

export function createCommitter(core: Core) {
  const { store, db, deps, guarded } = core

  /** Notifications of one transaction, told only once it committed. */

  function notify(told: Told, view: IncidentView, entry: Parameters<typeof toHistory>[0]) {
    const cb = deps.onChange
    if (cb) told.push(() => cb(view, toHistory(entry)))
  }
  /**
   * One change in one transaction; listeners hear of it after it committed, never of one
   * that rolled back. Per call, not per engine: on PostgreSQL several transactions of one
   * process run at once, and one that fails must not drop (or one that commits announce)
   * another's notifications.
   */
  async function alone<T>(fn: (trx: repo.Db, told: Told) => Promise<T>): Promise<T> {
    const told: Told = []
    const r = await guarded(() => db.transaction().execute((trx) => fn(trx, told)))
    for (const n of told) n()
    return r
  }

  /**
   * Group commit (SQLite). The file has one writer, and each commit waits for its fsync;
   * changes that arrive meanwhile wait, then share the next transaction: one fsync for
   * all of them. Each runs in its own savepoint, so a refused one (any AppError: 409,
   * 403, …) is rolled back alone and the others stand. Each caller is answered only
   * after the shared commit, so an answer still means "on disk". A storage failure fails
   * the whole group (503, nothing written); any other failure (a defect) re-runs the
   * group's changes one transaction each, so it fails only its own.
   */
  interface Waiting {
    fn: (trx: repo.Db, told: Told) => Promise<unknown>
    resolve: (value: unknown) => void
    reject: (error: unknown) => void
  }
  const waiting: Waiting[] = []
  let committing = false

  function inTransaction<T>(fn: (trx: repo.Db, told: Told) => Promise<T>): Promise<T> {
    if (store.dialect !== 'sqlite') return alone(fn)
    return new Promise<T>((resolve, reject) => {
      waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject })
      if (!committing) void commitWaiting()
    })
  }

  async function commitWaiting(): Promise<void> {
    committing = true
    try {
      while (waiting.length > 0) {
        const group = waiting.splice(0, GROUP_MAX)
        const [only] = group
        if (only && group.length === 1) await alone(only.fn).then(only.resolve, only.reject)
        else await commitGroup(group)
      }
    } finally {
      committing = false
    }
  }

  async function commitGroup(group: Waiting[]): Promise<void> {
    type Outcome = { ok: true; value: unknown; told: Told } | { ok: false; error: unknown }
    const outcomes: Outcome[] = []
    try {
      await guarded(() =>
        db.transaction().execute(async (trx) => {
          for (const w of group) {
            const told: Told = []
            await sql`SAVEPOINT grouped`.execute(trx)
            try {
              outcomes.push({ ok: true, value: await w.fn(trx, told), told })
            } catch (e) {
              if (!(e instanceof AppError)) throw e
              await sql`ROLLBACK TO grouped`.execute(trx)
              outcomes.push({ ok: false, error: e })
            }
            await sql`RELEASE grouped`.execute(trx)
          }
        }),
      )
    } catch (e) {
      if (e instanceof StorageUnavailable) {
        for (const w of group) w.reject(e)
        return
      }
      for (const w of group) await alone(w.fn).then(w.resolve, w.reject)
      return
    }
    group.forEach((w, i) => {
      const o = outcomes[i]
      if (!o) w.reject(new Error('group commit lost track of a change'))
      else if (o.ok) {
        for (const n of o.told) n()
        w.resolve(o.value)
      } else w.reject(o.error)
    })
  }

  return { notify, alone, inTransaction }
}
