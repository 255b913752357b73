/**
 * The incident engine: open, send, get, list, history, and the firing of due
 * deadlines. Each change restores the actor from its snapshot (inert clock), applies
 * one event, and writes journal entry + snapshot + timers in ONE transaction, or
 * nothing. No plan is named here: plans come from the registry.
 *
 * The work is done in rooms, each one concern: open-command.ts (open), commands.ts (send), write.ts
 * (what a change writes), timers.ts (due deadlines, warnings), committer.ts
 * (transactions, group commit), idempotency.ts, outbox.ts (webhooks), projection.ts
 * (view, derived columns, journal entries), annotations.ts (notes, owners, evidence),
 * maintenance.ts (replay, upgrade, requote). This file wires them and serves reads.
 */
import { type AppError, NotFound, StorageUnavailable } from '../errors.js'
import { joinSnapshots } from '../store/repo.js'
import { nextDueTimer } from '../store/timers.js'
import { createAnnotations } from './annotations.js'
import { createCommands } from './commands.js'
import { createCommitter } from './committer.js'
import {
  type Caller,
  createCore,
  type EngineDeps,
  type HistoryItem,
  type OpenRequest,
  type SendRequest,
  storageError,
  toHistory,
} from './core.js'
import { createIdempotency } from './idempotency.js'
import { firstWithoutSnapshot, type ListFilter, type ListPage, listIncidents } from './list.js'
import { createMaintenance } from './maintenance.js'
import { createMigration } from './migrate.js'
import { createOutbox } from './outbox.js'
import { createPreparer } from './prepare.js'
import { createProjection, type GradedView } from './projection.js'
import type { Rooms, Timers } from './rooms.js'
import { VIEW_COLUMNS } from './stored-view.js'

type Commands = ReturnType<typeof createCommands>
type Maintenance = ReturnType<typeof createMaintenance>
type Annotations = ReturnType<typeof createAnnotations>
type Migration = ReturnType<typeof createMigration>

import { createTimers } from './timers.js'
import { incidentsToUpgrade } from './upgrade.js'
import type { IncidentView } from './view.js'
import { createWriter } from './write.js'

export type {
  Caller,
  Change,
  Clock,
  EngineDeps,
  HistoryItem,
  OpenRequest,
  PlanRegistry,
  SendRequest,
  WebhookRoute,
} from './core.js'
export { storageError } from './core.js'

/** What a send answers when the caller asks for no view (engine.sendMinimal). */
export interface MinimalAnswer {
  id: string
  version: number
  phase: string
  allowedEvents: string[]
}

export function createEngine(deps: EngineDeps) {
  const core = createCore(deps)
  const { db, plans, clock, guarded } = core
  // Each room reads the others through this bag at call time; it is complete before any call.
  const base = {
    ...createProjection(core),
    ...createIdempotency(core),
    ...createOutbox(core),
    ...createCommitter(core),
  }
  const rooms: Rooms & Commands & Timers & Maintenance & Annotations & Migration = Object.assign(
    { ...base, ...createWriter(core, base) },
    { get: (id: string, caller: Pick<Caller, 'organisation'>) => get(id, caller) },
  ) as Rooms & Commands & Timers & Maintenance & Annotations & Migration
  Object.assign(rooms, createTimers(core, rooms))
  Object.assign(rooms, createCommands(core, rooms))
  Object.assign(rooms, createMaintenance(core, rooms))
  Object.assign(rooms, createAnnotations(core, rooms))
  Object.assign(rooms, createMigration(core, rooms))

  async function get(id: string, caller: Pick<Caller, 'organisation'>): Promise<IncidentView> {
    const row = await guarded(() =>
      joinSnapshots(db.selectFrom('incidents'))
        .select(VIEW_COLUMNS)
        .where('incidents.id', '=', id)
        .executeTakeFirst(),
    )
    if (!row || row.organisation !== caller.organisation) throw new NotFound(`incident ${id}`)
    const [view] = await guarded(() => rooms.readViews(db, [row]))
    if (!view) throw new NotFound(`incident ${id}`)
    return view
  }

  async function history(id: string, caller: Pick<Caller, 'organisation'>): Promise<HistoryItem[]> {
    await get(id, caller)
    const rows = await guarded(() =>
      db.selectFrom('journal').selectAll().where('incident_id', '=', id).orderBy('seq').execute(),
    )
    return rows.map(toHistory)
  }

  const list = (filter: ListFilter, caller: Pick<Caller, 'organisation'>): Promise<ListPage> =>
    guarded(() =>
      listIncidents(db, filter, caller.organisation, clock.now(), (rows) => rooms.readViews(db, rows)),
    )

  /**
   * A page of `list`, each view with the incident's grade changes (projection.ts
   * readGradedViews): the same query and the same reads, for GET /reports/deadlines.
   */
  const listGraded = (
    filter: ListFilter,
    caller: Pick<Caller, 'organisation'>,
  ): Promise<ListPage<GradedView>> =>
    guarded(() =>
      listIncidents(db, filter, caller.organisation, clock.now(), (rows) => rooms.readGradedViews(db, rows)),
    )

  /**
   * The same key on two nodes at once (PostgreSQL): the second insert of the key waits for
   * the first commit, then fails on idempotency_pk; run again, open() replays the first answer.
   */
  const preparer = createPreparer(core)
  const openOnce = (req: OpenRequest, caller: Caller, key?: string) =>
    rooms.open(req, caller, key).catch((e: unknown) => {
      if (key && (e as { constraint?: unknown }).constraint === 'idempotency_pk')
        return rooms.open(req, caller, key)
      throw e
    })

  return {
    open: openOnce,
    /** Sends one event; answers the incident's view after it (API.md). */
    send: (id: string, req: SendRequest, caller: Caller, key?: string): Promise<IncidentView> =>
      rooms.send(id, req, caller, key, true).then((a) => a.view()),
    /**
     * Sends one event; answers only where the incident stands after it (its version, phase
     * and the events it accepts), and builds no view (`Prefer: return=minimal`).
     */
    sendMinimal: (id: string, req: SendRequest, caller: Caller, key?: string): Promise<MinimalAnswer> =>
      rooms
        .send(id, req, caller, key, false)
        .then(({ id, version, phase, allowedEvents }) => ({ id, version, phase, allowedEvents })),
    get,
    list,
    listGraded,
    /** One incident the list's filter keeps, on any page, without its snapshot row (list.ts), or null. */
    firstWithoutSnapshot: (
      filter: ListFilter,
      caller: Pick<Caller, 'organisation'>,
    ): Promise<string | null> =>
      guarded(() => firstWithoutSnapshot(db, filter, caller.organisation, clock.now())),
    history,
    fireDue: rooms.fireDue,
    /** Makes live the incidents due by `until` (prepare.ts), for the scheduler while it sleeps. */
    prepareDue: preparer.prepareDue,
    /** Makes live the open incidents changed most recently (prepare.ts), once at a node's start. */
    prepareOpen: preparer.prepareOpen,
    replay: rooms.replay,
    requote: rooms.requote,
    upgrade: rooms.upgrade,
    incidentsToUpgrade: () => guarded(() => incidentsToUpgrade(db, plans)),
    migrate: rooms.migrate,
    migrationRefusal: rooms.migrationRefusal,
    migrationCandidates: rooms.migrationCandidates,
    countMigrationCandidates: rooms.countMigrationCandidates,
    annotate: rooms.annotate,
    addNote: rooms.addNote,
    assignOwner: rooms.assignOwner,
    addEvidence: rooms.addEvidence,
    nextDue: () => guarded(() => nextDueTimer(db)),
    /**
     * Resolves once every change committed so far is on disk (store/durability.ts): what a
     * read shows after it cannot be taken back by a power cut. At once where commits wait.
     */
    settled: (): Promise<void> => {
      const d = core.store.durability
      return d ? guarded(() => d.settled()) : Promise.resolve()
    },
    /**
     * Whether the store has stopped taking changes because the disk failed a sync
     * (store/durability.ts, fail-stop): the 503 every change and read now gets, or null.
     */
    storageFailure: (): AppError | null => {
      const failed = core.store.durability?.failure() ?? null
      return failed === null ? null : (storageError(failed) ?? new StorageUnavailable(String(failed)))
    },
    /** The live-incident cache (live.ts): entries, hits and misses. */
    liveIncidents: () => core.live.stats(),
    plans,
    clock,
  }
}

export type Engine = ReturnType<typeof createEngine>
