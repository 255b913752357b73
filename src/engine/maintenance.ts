/**
 * The journal re-read: replay (verify), upgrade to a plan's current version, and the
 * one-time requote of uncertain due times.
 */
import type { IncidentContext, IncidentEvent } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { NotFound, VersionConflict } from '../errors.js'
import { MissingSnapshot } from '../store/errors.js'
import * as repo from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import type { Db } from '../store/statements.js'
import { moveTimers } from '../store/timers.js'
import { acceptedEvents, contextOf } from './actor.js'
import type { Told } from './committer.js'
import { type Core, iso, laterOf } from './core.js'
import { lateEntryTimers } from './late-entry.js'
import type { UpgradeRecord } from './rebuild.js'
import { replayJournal } from './replay.js'
import type { Rooms } from './rooms.js'
import { parseSnapshot } from './snapshot-text.js'
import { storedOf, storedViewText, viewOf } from './stored-view.js'
import { restoreRow } from './tail.js'
import { reread, type UpgradeOutcome } from './upgrade.js'
import { rowFactsOf } from './view.js'

/** What a requote did: due times re-quoted, and the incidents it could not read (left as they were). */
export interface RequoteResult {
  requoted: number
  /** Incidents without their snapshot row (MissingSnapshot): skipped, the others re-quoted. */
  skipped: Array<{ incident: string; reason: string }>
}

export function createMaintenance(core: Core, rooms: Rooms) {
  const { store, plans, clock, calendar, db, planOf, guarded } = core
  const { inTransaction, derive, entryFor, current, emit, notify, apply, upToDateRow } = rooms

  /**
   * Rebuilds an incident from its journal alone: OPENED gives the input, every later
   * entry is re-sent as it was recorded (with its stored quotes and times); an upgraded
   * incident's earlier entries as its UPGRADED entry says (rebuild.ts); a migrated one's
   * MIGRATED entries re-applied (replay.ts).
   */
  async function replay(
    id: string,
  ): Promise<{ value: unknown; context: IncidentContext; allowedEvents: string[] }> {
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFound(`incident ${id}`)
    const entries = await db
      .selectFrom('journal')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('seq')
      .execute()
    // Across migrations (MIGRATED: each version in turn) and upgrades (UPGRADED): replay.ts.
    const { actorRef } = replayJournal(plans, row, entries)
    if (!actorRef) throw new Error(`incident ${id} has no OPENED entry`)
    const s = actorRef.getSnapshot()
    return { value: s.value, context: contextOf(s), allowedEvents: acceptedEvents(s) }
  }

  /**
   * Upgrades an open incident whose plan version the service no longer has to its plan's
   * current version (upgrade.ts): re-read from the journal, one UPGRADED entry. With
   * `dryRun`, says what it would do and writes nothing.
   */
  async function upgrade(id: string, opts: { dryRun?: boolean } = {}): Promise<UpgradeOutcome | null> {
    const work = async (trx: Db, told: Told): Promise<UpgradeOutcome | null> => {
      const row = await repo.lockIncident(trx, store, id)
      if (!row || row.closed_at !== null || plans.getPlan(row.plan_id, row.plan_version)) return null
      const plan = plans.getPlan(row.plan_id)
      if (!plan) return null
      const entries = await trx
        .selectFrom('journal')
        .selectAll()
        .where('incident_id', '=', id)
        .orderBy('seq')
        .execute()
      const { actorRef, skipped, quotes } = reread(plan, entries, calendar)
      if (!actorRef) return null
      const d = derive(plan, actorRef)
      const outcome: UpgradeOutcome = {
        id,
        planId: plan.id,
        fromVersion: row.plan_version,
        toVersion: plan.version,
        phaseBefore: row.phase,
        phaseAfter: d.columns.phase,
        skipped: skipped.map((seq) => ({ seq, type: entries.find((e) => e.seq === seq)?.type ?? '' })),
        owed: d.columns.owed_count,
      }
      if (opts.dryRun) return outcome
      const record: UpgradeRecord = {
        fromVersion: row.plan_version,
        toVersion: plan.version,
        quotes,
        skipped,
      }
      const system: Actor = { name: 'system', role: 'system' }
      const recordedAt = iso(clock.now())
      const entry = entryFor(
        row,
        {
          type: 'UPGRADED',
          payload: { ...record },
          actor: system,
          occurredAt: laterOf(recordedAt, row.last_occurred_at),
        },
        recordedAt,
      )
      const stored = { ...storedOf(row.view), allowedEvents: acceptedEvents(d.s) }
      const view = viewOf(
        plan,
        { value: d.s.value, context: d.ctx },
        stored,
        rowFactsOf(row, stored.source, row.version + 1, recordedAt),
      )
      const saved = await repo.saveIncidentFast(trx, store, row.id, row.version, {
        ...d.columns,
        plan_version: plan.version,
        version: row.version + 1,
        view: storedViewText(stored),
        last_occurred_at: laterOf(entry.occurred_at, row.last_occurred_at),
        head_hash: entry.hash,
        updated_at: recordedAt,
      })
      if (!saved) throw new VersionConflict(row.version, current(row))
      // An upgrade is never re-sent from a snapshot (tail.ts): its own is written.
      await repo.saveSnapshot(trx, store, row.id, row.version + 1, d.snapshot())
      await repo.appendJournalFast(trx, store, entry)
      // The old version's timer rows (fired or not) name deadlines that are gone: its due times are the obligations' now.
      await trx.deleteFrom('timers').where('incident_id', '=', id).execute()
      const held = lateEntryTimers(row.created_at, core.lateEntryGraceMs)
      const timers = held(rooms.timersOf(d.ctx))
      await moveTimers(trx, store, id, [], timers)
      await emit(trx, plan.id, entry, () => view)
      notify(
        told,
        row,
        () => view,
        entry,
        timers.map((t) => t.dueAt),
      )
      return outcome
    }
    return opts.dryRun ? guarded(() => db.transaction().execute((trx) => work(trx, []))) : inTransaction(work)
  }

  /**
   * Rule 9's one exception: once a year's holiday data is in force, every owed due time that
   * was computed uncertain (its window reached a year the data did not cover) and is now
   * certain is re-quoted once, by a journaled REQUOTE that states the old and the new due
   * time (replay reads them from the entry). Idempotent: a re-quoted one is never again.
   * One already breached keeps the due time its breach was judged on (rule 1: a breach is
   * permanent, and a breach before its own due time would be no record at all). An incident
   * without its snapshot row is skipped and named in the result; the others are re-quoted.
   */
  async function requote(): Promise<RequoteResult> {
    const open = await guarded(() =>
      repo
        .selectIncidents(db)
        .where('incidents.closed_at', 'is', null)
        .where('incidents.owed_count', '>', 0)
        .execute(),
    )
    const result: RequoteResult = { requoted: 0, skipped: [] }
    for (const read of open) {
      try {
        result.requoted += await requoteIncident(read)
      } catch (e) {
        // A storage fault of this incident alone (README "Database maintenance"): the others go on.
        if (!(e instanceof MissingSnapshot && e.incidentId === read.id)) throw e
        result.skipped.push({ incident: read.id, reason: e.message })
      }
    }
    return result
  }

  /** Re-quotes one incident's uncertain due times (requote); how many. */
  async function requoteIncident(read: repo.WithSnapshot<IncidentRow>): Promise<number> {
    const r = await guarded(() => upToDateRow(db, repo.withSnapshot(read)))
    const ctx = parseSnapshot<{ context: IncidentContext }>(
      plans.getPlan(r.plan_id, r.plan_version),
      r.snapshot,
    ).context
    const uncertain = ctx.obligations.filter(
      (o) =>
        o.status === 'owed' && !o.certain && o.requoted === null && o.countsFrom !== null && !o.breachedAt,
    )
    let n = 0
    for (const o of uncertain) {
      const done = await inTransaction(async (trx, told) => {
        const row = await repo.lockIncident(trx, store, r.id)
        if (!row) return false
        const plan = planOf(row)
        const due = plan.obligations.find((x) => x.id === o.rule)?.due
        if (!due || o.countsFrom === null || o.dueAt === null) return false
        const q = calendar.addDuration(new Date(o.countsFrom), due.amount, due.unit)
        if (!q.certain) return false
        const actorRef = await restoreRow(trx, store, plan, row)
        const system: Actor = { name: 'system', role: 'system' }
        const at = laterOf(iso(clock.now()), row.last_occurred_at)
        const fields = { obligation: o.id, from: o.dueAt, dueAt: q.at.toISOString(), certain: true }
        const event: IncidentEvent = { ...fields, type: 'REQUOTE', at, actor: system }
        const before = actorRef.getSnapshot()
        // A due time that passed and was breached stays the one the breach was judged on (rule 1).
        if (contextOf(before).obligations.find((x) => x.id === o.id)?.breachedAt) return false
        if (!before.can(event)) return false
        actorRef.send(event)
        await apply(trx, told, plan, row, contextOf(before), actorRef, undefined, {
          type: 'REQUOTE',
          payload: fields,
          actor: system,
          occurredAt: at,
        })
        return true
      })
      if (done) n++
    }
    return n
  }

  return { replay, upgrade, requote }
}
