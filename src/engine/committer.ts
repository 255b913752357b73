/**
 * The committer: one change per transaction, or (SQLite) several changes sharing one
 * commit and one fsync; listeners hear of a change, and its caller of its outcome, only
 * once it is on disk.
 */
import { AppError, StorageUnavailable } from '../errors.js'
import { type Db, exec, within } from '../store/statements.js'
import { type Core, GROUP_MAX, toHistory } from './core.js'
import type { IncidentView } from './view.js'

/** Notifications of one transaction, told only once it committed and is on disk. */
export type Told = Array<() => void>

type Change<T> = (trx: Db, told: Told) => Promise<T>

export function createCommitter(core: Core) {
  const { store, db, deps, guarded } = core
  const durability = store.durability

  /**
   * Tells onChange of a change once it is on disk. A listener that throws is reported
   * (onListenerError), never passed on: the callers of a shared commit are answered
   * one after another, and a throw there would leave the rest of the group unanswered.
   */
  function notify(
    told: Told,
    incident: { id: string; organisation: string },
    /** The view after the change, built only if a listener reads it (once). */
    view: () => IncidentView,
    entry: Parameters<typeof toHistory>[0],
    dueTimes: readonly string[] = [],
  ) {
    const cb = deps.onChange
    if (!cb) return
    told.push(() => {
      try {
        cb({
          incidentId: incident.id,
          organisation: incident.organisation,
          entry: toHistory(entry),
          get view() {
            return view()
          },
          dueTimes,
        })
      } catch (e) {
        deps.onListenerError?.(e)
      }
    })
  }

  /**
   * The transaction alone; resolves once committed. On a SQLite file the commit does not
   * wait for the disk (store/durability.ts): `durable` does, off the connection, so the
   * next group's work runs while the disk writes.
   */
  function transact<T>(fn: Change<T>, told: Told): Promise<T> {
    return guarded(() =>
      db.transaction().execute((trx) => {
        durability?.deferNextCommit()
        return within(trx, () => fn(trx, told))
      }),
    )
  }

  /** Every commit made so far is on disk (a no-op where the commit itself waited). */
  const durable = (): Promise<void> => (durability ? guarded(() => durability.sync()) : Promise.resolve())

  /**
   * One change in one transaction; listeners hear of it after it is on disk, never of one
   * that rolled back. Per call, not per engine: on PostgreSQL several transactions of one
   * process run at once, and one that fails must not drop (or one that commits announce)
   * another's notifications.
   */
  async function alone<T>(fn: Change<T>): Promise<T> {
    const told: Told = []
    const r = await transact(fn, told)
    await durable()
    for (const n of told) n()
    return r
  }

  /**
   * Group commit (SQLite). The file has one writer; changes that arrive while a group
   * commits wait, then share the next transaction and the next fsync. Each runs in its
   * own savepoint, so a refused one (any AppError: 409, 403, …) is rolled back alone and
   * the others stand. Each caller is answered only once its group is on disk, so an
   * answer still means "on disk"; the next group is built meanwhile. A storage failure
   * fails the whole group (503, nothing told); any other failure (a defect) re-runs the
   * group's changes one transaction each, so it fails only its own.
   */
  interface Waiting {
    fn: Change<unknown>
    resolve: (value: unknown) => void
    reject: (error: unknown) => void
  }
  const waiting: Waiting[] = []
  let committing = false

  function inTransaction<T>(fn: Change<T>): Promise<T> {
    if (store.dialect !== 'sqlite') return alone(fn)
    return new Promise<T>((resolve, reject) => {
      waiting.push({ fn: fn as Change<unknown>, resolve: resolve as (value: unknown) => void, reject })
      if (!committing) void commitWaiting()
    })
  }

  async function commitWaiting(): Promise<void> {
    committing = true
    try {
      while (waiting.length > 0) await commitGroup(waiting.splice(0, GROUP_MAX))
    } finally {
      committing = false
    }
  }

  type Outcome = { ok: true; value: unknown; told: Told } | { ok: false; error: unknown }

  /** Commits the group; its callers are answered once it is on disk (not awaited here). */
  async function commitGroup(group: Waiting[]): Promise<void> {
    const outcomes: Outcome[] = []
    try {
      await transact(async (trx) => {
        const [only] = group
        if (only && group.length === 1) {
          // Alone: no savepoint; a refusal rolls the transaction back.
          const told: Told = []
          outcomes.push({ ok: true, value: await only.fn(trx, told), told })
          return
        }
        for (const w of group) {
          const told: Told = []
          await exec(trx, store, 'SAVEPOINT grouped')
          try {
            outcomes.push({ ok: true, value: await w.fn(trx, told), told })
          } catch (e) {
            if (!(e instanceof AppError)) throw e
            await exec(trx, store, 'ROLLBACK TO grouped')
            outcomes.push({ ok: false, error: e })
          }
          await exec(trx, store, 'RELEASE grouped')
        }
      }, [])
    } catch (e) {
      const [only] = group
      if (only && group.length === 1) return only.reject(e)
      if (e instanceof StorageUnavailable) {
        for (const w of group) w.reject(e)
        return
      }
      for (const w of group) await alone(w.fn).then(w.resolve, w.reject)
      return
    }
    void durable().then(
      () => answer(group, outcomes),
      (e: unknown) => {
        for (const w of group) w.reject(e)
      },
    )
  }

  function answer(group: Waiting[], outcomes: Outcome[]) {
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
