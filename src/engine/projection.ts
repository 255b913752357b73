/**
 * Projection: what an incident row holds beside its snapshot: the columns lists, filters
 * and timers read, the view, and the journal entry chained to the head hash.
 */
import type { Obligation } from '../../machines/kit/obligation-types.js'
import type { IncidentContext, PlanDefinition, SeverityChange } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import type { CurrentState } from '../errors.js'
import { type WithSnapshot, withSnapshot } from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import type { Db } from '../store/statements.js'
import type { PendingTimer } from '../store/timers.js'
import { contextOf, phaseOf, phaseOfValue, type Running } from './actor.js'
import { type Core, iso, normalise } from './core.js'
import { entryHash } from './hash.js'
import { parseSnapshot, snapshotText } from './snapshot-text.js'
import { type StoredView, type ViewRead, type ViewRow, viewFromRow } from './stored-view.js'
import { type Behind, upToDate } from './tail.js'
import { type IncidentView, isOverdue } from './view.js'

/** A view with the incident's grade changes, oldest first (its context's `severityLog`). */
export interface GradedView {
  view: IncidentView
  severityLog: readonly SeverityChange[]
}

export function createProjection(core: Core) {
  const { clock, warnAt } = core

  /** The view of a row, as of reading (stored-view.ts); `state`: the machine's, when at hand. */
  const readView = (
    row: ViewRow & Pick<IncidentRow, 'plan_id' | 'plan_version'>,
    state?: { value: unknown; context: IncidentContext },
  ): IncidentView => {
    const v = viewFromRow(core.planOf(row), row, state)
    return { ...v, overdue: isOverdue(v, clock.now()) }
  }

  /**
   * The views of rows read with their snapshots for a GET or a list (VIEW_COLUMNS): from
   * the incident's machine when it is kept live at the row's version (its state taken at
   * once: a change may move the machine after any wait), else from the snapshot, brought
   * up (tail.ts). A row without its snapshot fails (MissingSnapshot), kept live or not.
   */
  const readViews = (db: Db, rows: readonly WithSnapshot<ViewRead>[]): Promise<IncidentView[]> =>
    Promise.all(
      rows.map(withSnapshot).map(async (r) => {
        const live = core.live.peek(r.id)
        if (live?.version === r.version) {
          const s = live.actorRef.getSnapshot()
          return readView(r, { value: s.value, context: contextOf(s) })
        }
        return readView(await upToDateRow(db, r))
      }),
    )

  /**
   * readViews, each view with the incident's grade changes (its context's `severityLog`, oldest
   * first), for a report that asks which grade was in force at a time (GET /reports/deadlines).
   * The same reads as readViews: the snapshot, brought up from the journal when behind; nothing written.
   */
  const readGradedViews = (db: Db, rows: readonly WithSnapshot<ViewRead>[]): Promise<GradedView[]> =>
    Promise.all(
      rows.map(withSnapshot).map(async (r) => {
        const live = core.live.peek(r.id)
        if (live?.version === r.version) {
          const s = live.actorRef.getSnapshot()
          const state = { value: s.value, context: contextOf(s) }
          return { view: readView(r, state), severityLog: state.context.severityLog }
        }
        const row = await upToDateRow(db, r)
        const state = parseSnapshot<{ value: unknown; context: IncidentContext }>(
          core.planOf(row),
          row.snapshot,
        )
        return { view: readView(row, state), severityLog: state.context.severityLog ?? [] }
      }),
    )

  /** The row with its snapshot at its version (tail.ts), for a reader that parses it. */
  const upToDateRow = <R extends Behind>(db: Db, row: R): Promise<R> =>
    upToDate(db, core.store, core.planOf(row), row, core.live.peek(row.id))

  /**
   * Where the incident stands, for a refusal: from its stored view part and machine state
   * when both are at hand (live), else the row's, with `snapshot` when the caller restored
   * it (a row's own may be behind: tail.ts).
   */
  const current = (
    row: ViewRow & Pick<IncidentRow, 'plan_id' | 'plan_version'>,
    stored?: StoredView,
    snapshot?: { value: unknown; context: IncidentContext },
  ): CurrentState => {
    if (stored && snapshot)
      return {
        allowedEvents: stored.allowedEvents,
        version: row.version,
        phase: phaseOfValue(snapshot.value),
        state: snapshot.value,
      }
    const v = viewFromRow(core.planOf(row), row, snapshot)
    return { allowedEvents: v.allowedEvents, version: row.version, phase: v.phase, state: v.state }
  }

  /**
   * The timer rows one obligation wants: its due time and its due-soon warnings, none
   * unless it is owed, due and unbroken. Kept per obligation object (an obligation is
   * never changed in place: a change makes a new one), so the obligations an event left
   * alone, most of them, are not worked out again after it.
   */
  const wanted = new WeakMap<Obligation, readonly PendingTimer[]>()
  function timersOfOne(o: Obligation): readonly PendingTimer[] {
    let rows = wanted.get(o)
    if (rows === undefined) {
      rows = o.status === 'owed' && o.dueAt !== null && o.breachedAt === null ? pending(o, o.dueAt) : []
      wanted.set(o, rows)
    }
    return rows
  }
  function pending(o: Obligation, dueAt: string): PendingTimer[] {
    const deadline = o.deadline ?? o.rule
    const start = Date.parse(o.startedAt)
    const span = Date.parse(dueAt) - start
    return [
      { instance: o.id, deadline, dueAt: normalise(dueAt) },
      ...warnAt.map((share) => ({
        instance: `${o.id}~w${Math.round(share * 100)}`,
        deadline,
        dueAt: iso(new Date(start + share * span)),
      })),
    ]
  }

  /** The timer rows the owed obligations want: each due time, and its due-soon warnings. */
  const timersOf = (ctx: IncidentContext): PendingTimer[] => ctx.obligations.flatMap(timersOfOne)

  /**
   * The timer rows an event moves, for moveTimers: those of the obligations it replaced,
   * began or dropped, before and after (null: none). An obligation the event left alone is
   * the same object at the same place in both contexts (the ledger never changes one in
   * place): it wants the same rows before and after, which moveTimers would leave as they
   * are, so its rows are not worked out at all. For an incident restored from its row
   * every obligation is a fresh object, and working out each one's rows (two Date.parse
   * and a toISOString) was most of comparing the contexts.
   */
  function timerMoves(
    a: IncidentContext,
    b: IncidentContext,
  ): { before: PendingTimer[]; after: PendingTimer[] } | null {
    const x = a.obligations
    const y = b.obligations
    if (x === y) return null
    const gone: Obligation[] = []
    const come: Obligation[] = []
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const o = x[i]
      const p = y[i]
      if (o === p) continue
      if (o !== undefined) gone.push(o)
      if (p !== undefined) come.push(p)
    }
    if (gone.length === 0 && come.length === 0) return null
    // The rows left out are another obligation's only while ids are unique in a context;
    // if a kept obligation shared an id with a moved one, the whole lists are compared.
    const moved = new Set([...gone, ...come].map((o) => o.id))
    for (let i = 0; i < x.length; i++) {
      const o = x[i] as Obligation
      if (o === y[i] && moved.has(o.id)) return { before: timersOf(a), after: timersOf(b) }
    }
    const before = gone.flatMap(timersOfOne)
    const after = come.flatMap(timersOfOne)
    return before.length === 0 && after.length === 0 ? null : { before, after }
  }

  /**
   * The columns derived from the machine's snapshot, for lists, filters and timers, and
   * its persisted text when a change writes it (tail.ts). `keep`: the snapshot's texts
   * are kept for the next write (snapshotText).
   */
  function derive(plan: PlanDefinition, actorRef: Running, keep = true) {
    const s = actorRef.getSnapshot()
    if (s.status === 'error') throw new Error(`machine failed: ${String(s.error)}`)
    const ctx = contextOf(s)
    const owed = ctx.obligations.filter((o) => o.status === 'owed')
    const owedBy = [...new Set(owed.flatMap((o) => o.owedBy))].sort()
    return {
      s,
      ctx,
      columns: {
        phase: phaseOf(s),
        severity: ctx.severity,
        category: ctx.category,
        next_due_at:
          owed
            .map((o) => o.dueAt)
            .filter((d): d is string => d !== null)
            .map(normalise)
            .sort()[0] ?? null,
        // A deadline missed (API.md's overdue): any obligation breached, owed or not since.
        has_missed: ctx.obligations.some((o) => o.breachedAt !== null) ? 1 : 0,
        owed_count: owed.length,
        breached_count: ctx.obligations.filter((o) => o.breachedAt !== null).length,
        owed_by: owedBy.length > 0 ? `|${owedBy.join('|')}|` : '',
        closed_at: ctx.closedAt ? normalise(ctx.closedAt) : null,
      },
      snapshot: () => snapshotText(plan, s, keep),
    }
  }

  /** A journal entry chained to the incident's head hash. */
  function entryFor(
    incident: { id: string; version: number; head_hash: string },
    entry: { type: string; payload: Record<string, unknown>; actor: Actor; occurredAt: string; key?: string },
    recordedAt: string,
  ) {
    const e = {
      incident_id: incident.id,
      seq: incident.version + 1,
      type: entry.type,
      payload: JSON.stringify(entry.payload),
      actor_name: entry.actor.name,
      actor_role: entry.actor.role,
      occurred_at: entry.occurredAt,
      recorded_at: recordedAt,
    }
    const hash = entryHash(incident.head_hash, e)
    return { ...e, idempotency_key: entry.key ?? null, hash, prev_hash: incident.head_hash }
  }

  return {
    readView,
    readViews,
    readGradedViews,
    upToDateRow,
    current,
    timersOf,
    timerMoves,
    derive,
    entryFor,
  }
}
