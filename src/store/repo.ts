/**
 * The incident rows and the journal, as the engine reads and writes them, `db` or `trx`
 * first: an incident read for update (locked on PostgreSQL; SQLite transactions are
 * already serial), whole or without its large texts, its changes written only at the
 * version read, and journal entries appended. The hot path's statements (the locks, the
 * `…Fast` writes) run as statements.ts runs them; timer rows are in timers.ts.
 */
import type { SelectQueryBuilder } from 'kysely'
import { MissingSnapshot } from './errors.js'
import type { Database, IncidentRow, JournalTable, NewIncident } from './schema.js'
import { type Db, param, run, type Target, textOf } from './statements.js'

/** Reads columns of an incident for update: locks the row on PostgreSQL; SQLite transactions are already serial. */
async function lockColumns<R>(trx: Db, to: Target, name: string, columns: string, id: string) {
  const text = textOf(
    `${name}:${to.dialect}`,
    () =>
      `select ${columns} from "incidents" where "id" = ${param(to.dialect, 1)}${to.dialect === 'postgres' ? ' for update' : ''}`,
  )
  return (await run<R>(trx, to, text, [id])).rows[0]
}

/** The incident row without its view, and without its snapshot (a table of its own). */
export type IncidentHead = Omit<IncidentRow, 'snapshot' | 'view' | 'snapshot_version'>
const HEAD_COLUMNS = [
  'id',
  'organisation',
  'plan_id',
  'plan_version',
  'version',
  'title',
  'source_url',
  'phase',
  'severity',
  'category',
  'owner',
  'related_to',
  'next_due_at',
  'has_missed',
  'owed_count',
  'breached_count',
  'owed_by',
  'last_occurred_at',
  'head_hash',
  'created_at',
  'updated_at',
  'closed_at',
] as const satisfies ReadonlyArray<keyof IncidentHead>
/** The head's columns, and the whole row's, as a select lists them (built once). */
const HEAD_LIST = HEAD_COLUMNS.map((c) => `"${c}"`).join(', ')
const ROW_LIST = [...HEAD_COLUMNS, 'view'].map((c) => `"incidents"."${c}"`).join(', ')

/**
 * Reads an incident for update, the whole row and its snapshot: its columns named, not
 * `*`, because on PostgreSQL the statement is prepared once per connection
 * (prepared-pg.ts), and a column added by a newer node's migration must not change what
 * it returns (PostgreSQL refuses to run a prepared statement whose result type changed).
 * The incident's row is locked; its snapshot is written only under that lock.
 */
export async function lockIncident(trx: Db, to: Target, id: string): Promise<IncidentRow | undefined> {
  if (to.dialect === 'postgres') {
    // The snapshot read after the lock is held, by a statement of its own: a join locked
    // `for update` re-reads, after waiting, the incident's row as the change before it
    // left it, but the snapshot as it was before that change.
    const row = await lockColumns<Omit<IncidentRow, 'snapshot' | 'snapshot_version'>>(
      trx,
      to,
      'lock',
      ROW_LIST,
      id,
    )
    if (!row) return undefined
    const s = (await run<{ snapshot: string; version: number }>(trx, to, SNAPSHOT_OF, [id])).rows[0]
    if (!s) throw new MissingSnapshot(id)
    return { ...row, snapshot: s.snapshot, snapshot_version: s.version }
  }
  const text = textOf(
    'lock:sqlite',
    () =>
      `select ${ROW_LIST}, "snapshots"."snapshot", "snapshots"."version" as "snapshot_version" ` +
      `from "incidents" left join "snapshots" on "snapshots"."incident_id" = "incidents"."id" where "incidents"."id" = ?`,
  )
  const row = (await run<WithSnapshot<IncidentRow>>(trx, to, text, [id])).rows[0]
  return row && withSnapshot(row)
}
const SNAPSHOT_OF = 'select "snapshot", "version" from "snapshots" where "incident_id" = $1'

/**
 * Incidents read with their snapshots by one statement: two would let a change commit
 * between them and pair a row with the snapshot of the change after it. A left join: an
 * incident whose snapshot row is missing is read with null there and refused by
 * `withSnapshot`, not left out as if it did not exist (a 404, a list without it).
 */
export const joinSnapshots = <O>(q: SelectQueryBuilder<Database, 'incidents', O>) =>
  q.leftJoin('snapshots', 'snapshots.incident_id', 'incidents.id')

/** A row read through joinSnapshots: its snapshot's columns are null when its snapshot row is missing. */
export type WithSnapshot<R extends { snapshot: string; snapshot_version: number }> = Omit<
  R,
  'snapshot' | 'snapshot_version'
> & { snapshot: string | null; snapshot_version: number | null }

/** The row with its snapshot, or MissingSnapshot (a storage fault) when joinSnapshots found none. */
export function withSnapshot<
  R extends { id: string; snapshot: string | null; snapshot_version: number | null },
>(row: R): R & { snapshot: string; snapshot_version: number } {
  if (row.snapshot === null || row.snapshot_version === null) throw new MissingSnapshot(row.id)
  return row as R & { snapshot: string; snapshot_version: number }
}

/** The whole row and its snapshot (joinSnapshots; each row's snapshot checked by withSnapshot). */
export const selectIncidents = (db: Db) =>
  joinSnapshots(db.selectFrom('incidents'))
    .selectAll('incidents')
    .select(['snapshots.snapshot', 'snapshots.version as snapshot_version'])

/** An incident's row and snapshot, not locked (a read); MissingSnapshot when its snapshot row is missing. */
export const readIncident = async (db: Db, id: string): Promise<IncidentRow | undefined> => {
  const row = await selectIncidents(db).where('incidents.id', '=', id).executeTakeFirst()
  return row && withSnapshot(row)
}

/**
 * lockIncident without the snapshot and view (≈ 10–20 KB of text): what a change needs
 * when its incident is live (src/engine/live.ts) and its texts are already in memory.
 */
export const lockIncidentHead = (trx: Db, to: Target, id: string): Promise<IncidentHead | undefined> =>
  lockColumns<IncidentHead>(trx, to, 'head', HEAD_LIST, id)

/** What says whose an incident is, which plan it runs and at which version: the row locked. */
export type IncidentKey = Pick<IncidentRow, 'id' | 'organisation' | 'plan_id' | 'plan_version' | 'version'>

/**
 * lockIncident reading only the columns stored before the snapshot: SQLite reads a
 * column stored after a large text by walking its overflow pages, which was most of a
 * head read. A live incident (src/engine/live.ts) at this version needs nothing more.
 */
export const lockIncidentKey = (trx: Db, to: Target, id: string): Promise<IncidentKey | undefined> =>
  lockColumns<IncidentKey>(trx, to, 'key', '"id", "organisation", "plan_id", "plan_version", "version"', id)

/** The head columns of an incident row (or of a row and the changes written to it). */
export function headOf(row: IncidentHead): IncidentHead {
  const out: Record<string, unknown> = {}
  for (const c of HEAD_COLUMNS) out[c] = row[c]
  return out as IncidentHead
}

/** saveIncident with its SQL built once per set of columns (the hot path's few shapes). */
export async function saveIncidentFast(
  trx: Db,
  to: Target,
  id: string,
  expectedVersion: number,
  changes: Partial<NewIncident>,
): Promise<boolean> {
  const { dialect } = to
  const cols = Object.keys(changes).filter((k) => changes[k as keyof NewIncident] !== undefined)
  const text = textOf(`save:${dialect}:${cols.join(',')}`, () => {
    const set = cols.map((c, i) => `"${c}" = ${param(dialect, i + 1)}`).join(', ')
    const n = cols.length
    return `update "incidents" set ${set} where "id" = ${param(dialect, n + 1)} and "version" = ${param(dialect, n + 2)}`
  })
  const values = cols.map((c) => changes[c as keyof NewIncident])
  const r = await run(trx, to, text, [...values, id, expectedVersion])
  return Number(r.numAffectedRows ?? 0) === 1
}

const JOURNAL_COLUMNS = [
  'incident_id',
  'seq',
  'type',
  'payload',
  'actor_name',
  'actor_role',
  'occurred_at',
  'recorded_at',
  'idempotency_key',
  'hash',
  'prev_hash',
] as const

/** appendJournal with its SQL built once per dialect. */
export async function appendJournalFast(trx: Db, to: Target, row: JournalTable): Promise<void> {
  const { dialect } = to
  const text = textOf(
    `journal:${dialect}`,
    () =>
      `insert into "journal" (${JOURNAL_COLUMNS.map((c) => `"${c}"`).join(', ')}) values (${JOURNAL_COLUMNS.map((_, i) => param(dialect, i + 1)).join(', ')})`,
  )
  await run(
    trx,
    to,
    text,
    JOURNAL_COLUMNS.map((c) => row[c]),
  )
}

/** A new incident's row and its first snapshot. */
export async function insertIncident(trx: Db, row: NewIncident, snapshot: string): Promise<void> {
  await trx.insertInto('incidents').values(row).execute()
  await trx.insertInto('snapshots').values({ incident_id: row.id, version: row.version, snapshot }).execute()
}

/**
 * Writes an incident's snapshot as of `version`, its row already locked (lockIncident);
 * MissingSnapshot when it has no snapshot row to write (an incident kept in memory whose
 * row went missing meanwhile): the change fails rather than losing its snapshot unseen.
 */
export async function saveSnapshot(trx: Db, to: Target, id: string, version: number, snapshot: string) {
  const { dialect } = to
  const text = textOf(
    `snapshot:${dialect}`,
    () =>
      `update "snapshots" set "snapshot" = ${param(dialect, 1)}, "version" = ${param(dialect, 2)} where "incident_id" = ${param(dialect, 3)}`,
  )
  const r = await run(trx, to, text, [snapshot, version, id])
  if (Number(r.numAffectedRows ?? 0) !== 1) throw new MissingSnapshot(id)
}

/**
 * Up to `limit` incidents, by id after `after`, whose snapshot is behind their version
 * (the journal entries after it are the rest of their state: src/engine/tail.ts), each
 * read with its snapshot by one statement.
 */
export const incidentsBehind = (db: Db, after: string, limit: number) =>
  selectIncidents(db)
    .whereRef('snapshots.version', '<', 'incidents.version')
    .where('incidents.id', '>', after)
    .orderBy('incidents.id')
    .limit(limit)
    .execute()

/** Incidents without a row in `snapshots` (MissingSnapshot), by id. */
export const incidentsWithoutSnapshot = async (db: Db): Promise<string[]> =>
  (
    await joinSnapshots(db.selectFrom('incidents'))
      .select('incidents.id')
      .where('snapshots.incident_id', 'is', null)
      .orderBy('incidents.id')
      .execute()
  ).map((r) => r.id)

/**
 * Writes an incident's snapshot as of `version` only if its snapshot is still at `from`,
 * the version it was read at: a change committed meanwhile may have written a later one,
 * which stays (on PostgreSQL the update waits for such a change and then finds it). Any
 * snapshot is the state at its own version, so one written here is right however far
 * the incident has moved on since. True when it was written.
 */
export async function advanceSnapshot(
  trx: Db,
  w: { id: string; from: number; version: number; snapshot: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('snapshots')
    .set({ snapshot: w.snapshot, version: w.version })
    .where('incident_id', '=', w.id)
    .where('version', '=', w.from)
    .where('version', '<', w.version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

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
