/**
 * Plain repository functions over kysely, `db` or `trx` first. The only dialect
 * difference the engine needs (row locks on PostgreSQL) is decided here.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Dialect } from './connection.js'
import type { Database, IncidentRow, JournalTable, NewIncident, TimerRow } from './schema.js'

export type Db = Kysely<Database> | Transaction<Database>

/** Reads an incident for update: locks the row on PostgreSQL; SQLite transactions are already serial. */
export async function lockIncident(trx: Db, dialect: Dialect, id: string): Promise<IncidentRow | undefined> {
  let q = trx.selectFrom('incidents').selectAll().where('id', '=', id)
  if (dialect === 'postgres') q = q.forUpdate()
  return q.executeTakeFirst()
}

export const insertIncident = (trx: Db, row: NewIncident) => trx.insertInto('incidents').values(row).execute()

/** Writes the new state only if nobody else moved the incident meanwhile. */
export async function saveIncident(
  trx: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<NewIncident>,
): Promise<boolean> {
  const r = await trx
    .updateTable('incidents')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export const appendJournal = (trx: Db, row: JournalTable) => trx.insertInto('journal').values(row).execute()

/** Keeps one unfired timer row per pending deadline instance. */
export async function syncTimers(
  trx: Db,
  incidentId: string,
  pending: Array<{ instance: string; deadline: string; dueAt: string }>,
): Promise<void> {
  const existing = await trx
    .selectFrom('timers')
    .select(['instance', 'fired_at'])
    .where('incident_id', '=', incidentId)
    .execute()
  const want = new Set(pending.map((p) => p.instance))
  const stale = existing.filter((t) => t.fired_at === null && !want.has(t.instance)).map((t) => t.instance)
  if (stale.length > 0) {
    await trx
      .deleteFrom('timers')
      .where('incident_id', '=', incidentId)
      .where('instance', 'in', stale)
      .where('fired_at', 'is', null)
      .execute()
  }
  const have = new Set(existing.map((t) => t.instance))
  const fresh = pending.filter((p) => !have.has(p.instance))
  if (fresh.length > 0) {
    await trx
      .insertInto('timers')
      .values(
        fresh.map((p) => ({
          incident_id: incidentId,
          instance: p.instance,
          deadline: p.deadline,
          due_at: p.dueAt,
          fired_at: null,
          claimed_by: null,
          claimed_until: null,
        })),
      )
      .execute()
  }
}

/** Due, unfired timers, oldest first. */
export const dueTimers = (db: Db, now: string, limit: number): Promise<TimerRow[]> =>
  db
    .selectFrom('timers')
    .selectAll()
    .where('fired_at', 'is', null)
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('incident_id')
    .limit(limit)
    .execute()

/** Re-reads one timer inside the firing transaction; on PostgreSQL, skips a row another node holds. */
export async function claimTimer(
  trx: Db,
  dialect: Dialect,
  incidentId: string,
  instance: string,
): Promise<TimerRow | undefined> {
  let q = trx
    .selectFrom('timers')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('instance', '=', instance)
    .where('fired_at', 'is', null)
  if (dialect === 'postgres') q = q.forUpdate().skipLocked()
  return q.executeTakeFirst()
}

export const markFired = (trx: Db, incidentId: string, instance: string, at: string) =>
  trx
    .updateTable('timers')
    .set({ fired_at: at })
    .where('incident_id', '=', incidentId)
    .where('instance', '=', instance)
    .execute()

export const nextDueTimer = async (db: Db): Promise<string | null> => {
  const r = await db
    .selectFrom('timers')
    .select(sql<string>`min(due_at)`.as('due'))
    .where('fired_at', 'is', null)
    .executeTakeFirst()
  return r?.due ?? null
}
