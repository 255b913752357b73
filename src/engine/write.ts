/**
 * What a change writes: the journal entry, the incident row (snapshot, columns, view),
 * the timer rows, the outbox and the idempotency record, for an event or an annotation.
 */
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { VersionConflict } from '../errors.js'
import * as repo from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import type { Db } from '../store/statements.js'
import { moveTimers } from '../store/timers.js'
import { acceptedEvents, phaseOfValue, type Running } from './actor.js'
import type { Told } from './committer.js'
import { type Core, iso, laterOf, once } from './core.js'
import { lateEntryTimers } from './late-entry.js'
import type { Live } from './live.js'
import { ledgerChanges } from './obligations.js'
import type { Base } from './rooms.js'
import { parseSnapshot } from './snapshot-text.js'
import { type StoredView, storedOf, storedOfView, storedViewText, viewOf } from './stored-view.js'
import { type IncidentView, isOverdue, rowFactsOf } from './view.js'

/**
 * The derived columns whose value the event changed. Most events move no list column:
 * an UPDATE naming an indexed column rewrites that index's entry even when the value is
 * the same, and the pages it dirties are written at commit (about half of a row
 * update's cost when every column was named).
 */
export function changedColumns(
  row: Partial<IncidentRow>,
  columns: Partial<IncidentRow>,
): Partial<IncidentRow> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(columns)) if (row[k as keyof IncidentRow] !== v) out[k] = v
  return out as Partial<IncidentRow>
}

/**
 * Whether a change writes the snapshot (tail.ts): always for an incident restored from
 * its row for it (`wasLive` false: it will likely be restored again, and a snapshot
 * behind would make that restore re-send entries), else once it would be `every`
 * versions behind. A ≈ 10 KB text rewritten with every event was a fifth of a live
 * incident's change (BENCHMARKS.md, twelfth round).
 */
export const writesSnapshot = (
  row: Pick<IncidentRow, 'version' | 'snapshot_version'>,
  wasLive: boolean,
  every: number,
) => !wasLive || row.version + 1 - row.snapshot_version >= every

/**
 * A change made: its incident's version and where it stands, and its view, built on the
 * first call (most changes, a deadline firing or a feed's event, have nobody reading it).
 */
export interface Applied {
  id: string
  version: number
  phase: string
  allowedEvents: string[]
  /** The view after the change, `overdue` as of the call; built once, on the first call. */
  view(): IncidentView
  /** The stored view part as written, for a caller that keeps the incident live (live.ts). */
  kept: Pick<Live, 'stored' | 'storedText'>
}

/** An answer from a view already at hand (an idempotent replay). */
export const appliedOf = (view: IncidentView): Applied => ({
  id: view.id,
  version: view.version,
  phase: view.phase,
  allowedEvents: view.allowedEvents,
  view: () => view,
  // Worked out only if asked for (no replay keeps an incident live).
  get kept() {
    return { stored: storedOfView(view), storedText: storedViewText(view) }
  },
})

export function createWriter(core: Core, rooms: Base) {
  const { clock, store } = core
  const { derive, entryFor, current, timerMoves, emit, remember, notify, upToDateRow } = rooms

  /** Where the incident stands as stored now, for a change that found its row moved under it. */
  const conflict = async (trx: Db, row: IncidentRow) => {
    const now = await repo.lockIncident(trx, store, row.id)
    return new VersionConflict(row.version, current(now ? await upToDateRow(trx, now) : row))
  }

  /** The answer of a change: `view` builds the view once; each call says `overdue` as of then. */
  const answer = (
    row: Pick<IncidentRow, 'id'>,
    version: number,
    phase: string,
    stored: StoredView,
    view: () => IncidentView,
    storedText = storedViewText(stored),
  ): Applied => ({
    id: row.id,
    version,
    phase,
    allowedEvents: stored.allowedEvents,
    kept: { stored, storedText },
    view: () => {
      const v = view()
      return { ...v, overdue: isOverdue(v, clock.now()) }
    },
  })

  /**
   * Writes what an applied event produced: journal entry, incident row, timers, idempotency
   * record. The view is not built here (issue 20): the row's view column keeps only what
   * the machine does not give (stored-view.ts), and the whole view is assembled for whoever
   * reads it: the caller, a listener, a webhook, an idempotency record.
   */
  async function apply(
    trx: Db,
    told: Told,
    plan: PlanDefinition,
    row: IncidentRow,
    before: IncidentContext,
    actorRef: Running,
    /** The stored view part at row.version and its text, when the incident was live (live.ts). */
    live: Pick<Live, 'stored' | 'storedText'> | undefined,
    entryIn: {
      type: string
      payload: Record<string, unknown>
      actor: Actor
      occurredAt: string
      key?: string
      idempotency?: { scope: string; requestHash: string }
    },
  ): Promise<Applied> {
    // Texts and views are kept for the next change only if the incident was live before
    // this one: one restored for a single change (a deadline firing, say) seldom has another soon.
    const wasLive = live !== undefined
    const d = derive(plan, actorRef, wasLive)
    const recordedAt = iso(clock.now())
    const changes = ledgerChanges(before.obligations, d.ctx.obligations)
    const entry = entryFor(
      row,
      changes ? { ...entryIn, payload: { ...entryIn.payload, obligations: changes } } : entryIn,
      recordedAt,
    )
    const version = row.version + 1
    // What annotations added stays; the events accepted are the machine's now.
    const stored: StoredView = {
      ...(live?.stored ?? storedOf(row.view)),
      allowedEvents: acceptedEvents(d.s),
    }
    const storedText = storedViewText(stored)
    const state = { value: d.s.value, context: d.ctx }
    const view = once(() =>
      viewOf(plan, state, stored, rowFactsOf(row, stored.source, version, recordedAt), wasLive),
    )
    // A MIGRATED entry is never re-sent from a snapshot (tail.ts): its change writes one.
    const snapshotVersion = writesSnapshot(row, wasLive && entryIn.type !== 'MIGRATED', core.snapshotEvery)
      ? version
      : row.snapshot_version
    const written = {
      ...changedColumns(row, d.columns),
      version,
      // Written only when it changed: most events leave the events accepted as they were.
      ...(storedText !== (live?.storedText ?? row.view) ? { view: storedText } : {}),
      last_occurred_at: laterOf(entryIn.occurredAt, row.last_occurred_at),
      head_hash: entry.hash,
      updated_at: recordedAt,
    }
    const saved = await repo.saveIncidentFast(trx, store, row.id, row.version, written)
    if (!saved) throw await conflict(trx, row)
    if (snapshotVersion > row.snapshot_version)
      await repo.saveSnapshot(trx, store, row.id, snapshotVersion, d.snapshot())
    await repo.appendJournalFast(trx, store, entry)
    // The timer rows follow the pending deadlines; most events leave those as they were,
    // and then no timer row is touched (and only the changed obligations' are computed).
    const moves = timerMoves(before, d.ctx)
    let dueTimes: readonly string[] = []
    if (moves) {
      const held = lateEntryTimers(row.created_at, core.lateEntryGraceMs)
      const after = held(moves.after)
      await moveTimers(trx, store, row.id, held(moves.before), after)
      dueTimes = after.map((t) => t.dueAt)
    }
    await emit(trx, plan.id, entry, view)
    if (entryIn.idempotency)
      await remember(trx, entryIn.idempotency.scope, entryIn.key, entryIn.idempotency.requestHash, view)
    notify(told, row, view, entry, dueTimes)
    const head = repo.headOf({ ...row, ...written })
    told.push(() => core.live.put(row.id, { version, actorRef, stored, storedText, head, snapshotVersion }))
    return answer(row, version, d.columns.phase, stored, view, storedText)
  }

  /**
   * Appends an entry that records something beside the plan (a note, an owner, a piece of
   * evidence, a due-soon warning) without moving the machine: journal entry + version +
   * stored view part in one transaction, like any event. `patch` changes the stored part
   * (what annotations add: notes, evidence, warnings), given the new version and its time;
   * `columns` the row's (an owner). The view is built, like an event's, only for a reader.
   * `machine`: the incident's state when at hand (a firing restored or kept it live), else
   * it is read from the row.
   */
  async function annotateIn(
    trx: Db,
    told: Told,
    row: IncidentRow,
    actor: Actor,
    entry: { type: string; payload: Record<string, unknown>; occurredAt?: string },
    patch: (stored: StoredView, at: { version: number; updatedAt: string }) => StoredView,
    columns: { owner?: string | null } = {},
    machine?: {
      state: { value: unknown; context: IncidentContext }
      live: Pick<Live, 'stored' | 'storedText'> | undefined
    },
  ): Promise<Applied> {
    const plan = core.planOf(row)
    const recordedAt = iso(clock.now())
    const version = row.version + 1
    // Never before the entry before it (a warning's own time may be, after an entry journaled
    // meanwhile), and the next event is never stamped before it either.
    const occurredAt = laterOf(entry.occurredAt ?? recordedAt, row.last_occurred_at)
    const e = entryFor(row, { ...entry, actor, occurredAt }, recordedAt)
    const stored = patch(machine?.live?.stored ?? storedOf(row.view), { version, updatedAt: recordedAt })
    const storedText = storedViewText(stored)
    const state =
      machine?.state ?? parseSnapshot<{ value: unknown; context: IncidentContext }>(plan, row.snapshot)
    const facts = rowFactsOf({ ...row, ...columns }, stored.source, version, recordedAt)
    const view = once(() => viewOf(plan, state, stored, facts, machine?.live !== undefined))
    const saved = await repo.saveIncidentFast(trx, store, row.id, row.version, {
      ...columns,
      version,
      view: storedText,
      last_occurred_at: occurredAt,
      head_hash: e.hash,
      updated_at: recordedAt,
    })
    if (!saved) throw await conflict(trx, row)
    await repo.appendJournalFast(trx, store, e)
    await emit(trx, row.plan_id, e, view)
    notify(told, row, view, e)
    return answer(row, version, phaseOfValue(state.value), stored, view, storedText)
  }

  return { apply, annotateIn }
}
