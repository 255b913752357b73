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
import type { Running } from './actor.js'
import type { Told } from './committer.js'
import { type Core, iso, laterOf } from './core.js'
import { lateEntryTimers } from './late-entry.js'
import { ledgerChanges } from './obligations.js'
import type { Base } from './rooms.js'
import { storedExtras, storedViewText, viewFromRow } from './stored-view.js'
import { buildView, type IncidentView, isOverdue, rowFactsOf } from './view.js'

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

export function createWriter(core: Core, rooms: Base) {
  const { clock, store } = core
  const { derive, entryFor, current, timerMoves, emit, remember, notify } = rooms

  /** Writes what an applied event produced: journal entry, incident row, timers, idempotency record. */
  async function apply(
    trx: Db,
    told: Told,
    plan: PlanDefinition,
    row: IncidentRow,
    before: IncidentContext,
    actorRef: Running,
    /** The view stored at row.version, when the incident was live (live.ts). */
    stored: IncidentView | undefined,
    entryIn: {
      type: string
      payload: Record<string, unknown>
      actor: Actor
      occurredAt: string
      key?: string
      idempotency?: { scope: string; requestHash: string }
    },
  ): Promise<IncidentView> {
    // Texts and views are kept for the next change only if the incident was live before
    // this one: one restored for a single change (a deadline firing, say) seldom has another soon.
    const d = derive(plan, actorRef, stored !== undefined)
    const recordedAt = iso(clock.now())
    const changes = ledgerChanges(before.obligations, d.ctx.obligations)
    const entry = entryFor(
      row,
      changes ? { ...entryIn, payload: { ...entryIn.payload, obligations: changes } } : entryIn,
      recordedAt,
    )
    const prev = stored ?? storedExtras(row.view)
    const view: IncidentView = {
      ...buildView(
        plan,
        d.s,
        rowFactsOf(row, prev.source, row.version + 1, recordedAt),
        stored !== undefined,
      ),
      // What annotations added stays in the view.
      ...(prev.notes ? { notes: prev.notes } : {}),
      ...(prev.evidence ? { evidence: prev.evidence } : {}),
      ...(prev.warnings ? { warnings: prev.warnings } : {}),
    }
    // A MIGRATED entry is never re-sent from a snapshot (tail.ts): its change writes one.
    const snapshotVersion = writesSnapshot(
      row,
      stored !== undefined && entryIn.type !== 'MIGRATED',
      core.snapshotEvery,
    )
      ? row.version + 1
      : row.snapshot_version
    const written = {
      ...changedColumns(row, d.columns),
      version: row.version + 1,
      view: storedViewText(view),
      last_occurred_at: laterOf(entryIn.occurredAt, row.last_occurred_at),
      head_hash: entry.hash,
      updated_at: recordedAt,
    }
    const saved = await repo.saveIncidentFast(trx, store, row.id, row.version, written)
    if (!saved) throw new VersionConflict(row.version, current(row, stored))
    if (snapshotVersion > row.snapshot_version)
      await repo.saveSnapshot(trx, store, row.id, snapshotVersion, d.snapshot())
    await repo.appendJournalFast(trx, store, entry)
    // The timer rows follow the pending deadlines; most events leave those as they were,
    // and then no timer row is touched (and only the changed obligations' are computed).
    const moves = timerMoves(before, d.ctx)
    if (moves) {
      const held = lateEntryTimers(row.created_at, core.lateEntryGraceMs)
      await moveTimers(trx, store, row.id, held(moves.before), held(moves.after))
    }
    await emit(trx, plan.id, entry, view)
    if (entryIn.idempotency)
      await remember(trx, entryIn.idempotency.scope, entryIn.key, entryIn.idempotency.requestHash, view)
    notify(told, view, entry)
    const version = row.version + 1
    const head = repo.headOf({ ...row, ...written })
    told.push(() => core.live.put(row.id, { version, actorRef, view, head, snapshotVersion }))
    return { ...view, overdue: isOverdue(view, clock.now()) }
  }

  /**
   * Appends an entry that records something beside the plan (a note, an owner, a piece
   * of evidence, a generated document, a warning) without moving the machine: journal
   * entry + version + view in one transaction, like any event.
   */
  async function annotateIn(
    trx: Db,
    told: Told,
    row: IncidentRow,
    actor: Actor,
    entry: { type: string; payload: Record<string, unknown>; occurredAt?: string },
    patch: (view: IncidentView) => IncidentView,
    columns: { owner?: string | null } = {},
    stored?: IncidentView,
  ): Promise<IncidentView> {
    const recordedAt = iso(clock.now())
    const e = entryFor(row, { ...entry, actor, occurredAt: entry.occurredAt ?? recordedAt }, recordedAt)
    const view = patch({
      ...(stored ?? viewFromRow(core.planOf(row), row)),
      version: row.version + 1,
      updatedAt: recordedAt,
    })
    const saved = await repo.saveIncidentFast(trx, store, row.id, row.version, {
      ...columns,
      version: row.version + 1,
      view: storedViewText(view),
      head_hash: e.hash,
      updated_at: recordedAt,
    })
    if (!saved) throw new VersionConflict(row.version, current(row, stored))
    await repo.appendJournalFast(trx, store, e)
    await emit(trx, row.plan_id, e, view)
    notify(told, view, e)
    return { ...view, overdue: isOverdue(view, clock.now()) }
  }

  return { apply, annotateIn }
}
