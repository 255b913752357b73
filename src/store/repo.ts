/**
 * Plain repository functions over kysely, `db` or `trx` first. The only dialect
 * difference the engine needs (row locks on PostgreSQL) is decided here. The hot path's
 * statements (the `…Fast` writes, the row locks, the timer claim) are SQL texts built
 * once, run on SQLite's prepared statements directly inside a transaction (`run`).
 */
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely'
import type { Dialect, Store } from './connection.js'
import { hotStatement } from './prepared-pg.js'
import type { Database, IncidentRow, JournalTable, NewIncident, TimerRow } from './schema.js'

export type Db = Kysely<Database> | Transaction<Database>
/** Where the hot path's statements go: the dialect, and SQLite's prepared statements. */
export type Target = Pick<Store, 'dialect' | 'prepared'>

/** The n-th (1-based) parameter's placeholder in the dialect's SQL. */
const param = (dialect: Dialect, n: number) => (dialect === 'postgres' ? `$${n}` : '?')

/** SQL texts of the hot path, built once per dialect and shape (kysely builds a query per call). */
const texts = new Map<string, string>()
function textOf(key: string, build: () => string): string {
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
async function run<R>(
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

/** Reads columns of an incident for update: locks the row on PostgreSQL; SQLite transactions are already serial. */
async function lockColumns<R>(trx: Db, to: Target, name: string, columns: string, id: string) {
  const text = textOf(
    `${name}:${to.dialect}`,
    () =>
      `select ${columns} from "incidents" where "id" = ${param(to.dialect, 1)}${to.dialect === 'postgres' ? ' for update' : ''}`,
  )
  return (await run<R>(trx, to, text, [id])).rows[0]
}

/** The incident row without its two large texts (snapshot and view). */
export type IncidentHead = Omit<IncidentRow, 'snapshot' | 'view'>
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
const ROW_LIST = `${HEAD_LIST}, "snapshot", "view"`

/**
 * Reads an incident for update, the whole row: its columns named, not `*`, because on
 * PostgreSQL the statement is prepared once per connection (prepared-pg.ts), and a
 * column added by a newer node's migration must not change what it returns (PostgreSQL
 * refuses to run a prepared statement whose result type changed).
 */
export const lockIncident = (trx: Db, to: Target, id: string): Promise<IncidentRow | undefined> =>
  lockColumns<IncidentRow>(trx, to, 'lock', ROW_LIST, id)

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

export interface PendingTimer {
  instance: string
  deadline: string
  dueAt: string
}

/**
 * Moves the timer rows from the deadlines pending before an event (none for a new
 * incident) to those pending after it: unfired rows of instances no longer pending go,
 * new instances get a row, and an instance still pending whose due time (or deadline)
 * the event changed (a REQUOTE) has its unfired row moved with it. A row already there
 * for a new instance (fired, or written before) is kept as it is, as is a fired one; when
 * the pending deadlines did not change, nothing is written.
 */
export async function moveTimers(
  trx: Db,
  to: Target,
  incidentId: string,
  before: PendingTimer[],
  after: PendingTimer[],
): Promise<void> {
  const { dialect } = to
  const was = new Map(before.map((p) => [p.instance, p]))
  const want = new Set(after.map((p) => p.instance))
  const gone = [...was.keys()].filter((i) => !want.has(i))
  if (gone.length > 0) {
    const text = textOf(`timers-gone:${dialect}:${gone.length}`, () => {
      const list = gone.map((_, i) => param(dialect, i + 2)).join(', ')
      return `delete from "timers" where "incident_id" = ${param(dialect, 1)} and "instance" in (${list}) and "fired_at" is null`
    })
    await run(trx, to, text, [incidentId, ...gone])
  }
  for (const p of after) {
    const b = was.get(p.instance)
    if (b === undefined || (b.dueAt === p.dueAt && b.deadline === p.deadline)) continue
    const text = textOf(
      `timers-moved:${dialect}`,
      () =>
        `update "timers" set "due_at" = ${param(dialect, 1)}, "deadline" = ${param(dialect, 2)} where "incident_id" = ${param(dialect, 3)} and "instance" = ${param(dialect, 4)} and "fired_at" is null`,
    )
    await run(trx, to, text, [p.dueAt, p.deadline, incidentId, p.instance])
  }
  const fresh = after.filter((p) => !was.has(p.instance))
  if (fresh.length > 0) {
    const text = textOf(`timers-fresh:${dialect}:${fresh.length}`, () => {
      const rows = fresh.map((_, r) => `(${[1, 2, 3, 4].map((c) => param(dialect, r * 4 + c)).join(', ')})`)
      return `insert into "timers" ("incident_id", "instance", "deadline", "due_at") values ${rows.join(', ')} on conflict ("incident_id", "instance") do nothing`
    })
    await run(
      trx,
      to,
      text,
      fresh.flatMap((p) => [incidentId, p.instance, p.deadline, p.dueAt]),
    )
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

/** A timer row's columns, named (not `*`) for the reason lockIncident names its own. */
const TIMER_COLUMNS = (
  [
    'incident_id',
    'instance',
    'deadline',
    'due_at',
    'fired_at',
    'claimed_by',
    'claimed_until',
  ] as const satisfies ReadonlyArray<keyof TimerRow>
)
  .map((c) => `"${c}"`)
  .join(', ')

/**
 * Claims one due timer inside the firing transaction by marking it fired; returns it only
 * if it was still unfired. The incident row is locked first (lockIncident), so on
 * PostgreSQL a second node firing the same timer waits for that lock, then finds the
 * timer fired and returns nothing.
 */
export async function claimTimer(
  trx: Db,
  to: Target,
  incidentId: string,
  instance: string,
  at: string,
): Promise<TimerRow | undefined> {
  const { dialect } = to
  // Only a timer due by `at`: the due timers were read before this transaction, and a
  // re-quote (REQUOTE) may have moved one later since; it fires at its new time instead.
  const text = textOf(
    `claim:${dialect}`,
    () =>
      `update "timers" set "fired_at" = ${param(dialect, 1)} where "incident_id" = ${param(dialect, 2)} and "instance" = ${param(dialect, 3)} and "fired_at" is null and "due_at" <= ${param(dialect, 4)} returning ${TIMER_COLUMNS}`,
  )
  return (await run<TimerRow>(trx, to, text, [at, incidentId, instance, at])).rows[0]
}

export const nextDueTimer = async (db: Db): Promise<string | null> => {
  const r = await db
    .selectFrom('timers')
    .select(sql<string>`min(due_at)`.as('due'))
    .where('fired_at', 'is', null)
    .executeTakeFirst()
  return r?.due ?? null
}
