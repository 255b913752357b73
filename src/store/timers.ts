/**
 * The timer rows of the incidents' deadlines: moved with the deadlines an event leaves
 * pending, the due ones read, one claimed inside its firing's transaction, and the next
 * due time. The hot path's statements (moving and claiming) run as statements.ts runs them.
 */
import { sql } from 'kysely'
import type { TimerRow } from './schema.js'
import { type Db, param, run, type Target, textOf } from './statements.js'

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

/**
 * How many timers, in the index's order, a batch is chosen among: `timers_due` is
 * (fired_at, due_at), so ordering by due time then incident sorted every timer due at the
 * same instant to take the first `limit` (9 ms a batch with 49,000 timers due, in the
 * sqlite3 shell, and more with more; the event loop held all along). Among the first `limit × CANDIDATES` read in the index's
 * order it is a sort of a few hundred rows; the order is the same wherever fewer timers
 * than that share a due time.
 */
const CANDIDATES = 10

/** Due, unfired timers, oldest first, then by incident (so an incident's timers share a batch). */
export const dueTimers = (db: Db, now: string, limit: number): Promise<TimerRow[]> =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('timers')
        .selectAll()
        .where('fired_at', 'is', null)
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(limit * CANDIDATES)
        .as('candidates'),
    )
    .selectAll()
    .orderBy('due_at')
    .orderBy('incident_id')
    .limit(limit)
    .execute()

/** A timer row's columns, named (not `*`) for the reason lockIncident (repo.ts) names its own. */
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
 * if it was still unfired. The incident row is locked first (repo.ts lockIncident), so on
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
