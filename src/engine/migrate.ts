/**
 * Migrating an open incident to the next version of its plan (README "Migrating open
 * incidents"): under the incident's row lock, the new version's declared mapping moves
 * its state and context and re-derives its obligations (machines/kit/migration.ts); one
 * MIGRATED entry `{ from, to, mapping, reason }` (with the obligation changes and the
 * quotes the new obligations were priced with) is written in the same transaction as the
 * new snapshot, the incident row (its plan_version), the view and the timers. A dry run
 * says what would change and writes nothing. A refusal writes nothing and says why.
 */
import { migrateSnapshot, type PersistedSnapshot, type StateMove } from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { AppError, type CurrentState, NotFound, ValidationError } from '../errors.js'
import * as repo from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import type { Db } from '../store/statements.js'
import { restore } from './actor.js'
import type { Told } from './committer.js'
import { type Core, iso, laterOf } from './core.js'
import { ledgerChanges } from './obligations.js'
import { readOpening } from './opening-record.js'
import { quoteRules } from './quotes.js'
import type { Rooms } from './rooms.js'
import { parseSnapshot } from './snapshot-text.js'
import type { IncidentView } from './view.js'

/** 409: the incident cannot move to that version now (its state, its version, closed). Nothing is written. */
export class MigrationRefused extends AppError {
  constructor(reason: string, current: CurrentState & { planVersion: number }) {
    super('migration-refused', 409, 'Migration refused', reason, { reason, ...current })
  }
}

export interface MigrateRequest {
  toVersion: number
  reason: string
  /** Only an incident on this version (bulk migration: the version it moves from). */
  fromVersion?: number
  dryRun?: boolean
}

/** Who migrates: an admin over HTTP (their organisation only), or the operator at the CLI (every organisation, or one). */
export interface Migrator {
  actor: Actor
  organisation?: string
}

export interface MigrationOutcome {
  id: string
  planId: string
  fromVersion: number
  toVersion: number
  /** `skipped`: already on the target version (another node migrated it) or not on `fromVersion`. */
  status: 'migrated' | 'would-migrate' | 'refused' | 'skipped'
  /** Why it was refused or skipped; null otherwise. */
  reason: string | null
  state: { before: unknown; after: unknown }
  mapping: StateMove[]
  obligations: { begun: string[]; met: string[]; withdrawn: string[] }
  timers: { added: string[]; removed: string[] }
  /** The incident after the migration (status `migrated`); null otherwise. */
  incident: IncidentView | null
}

/** What MIGRATED carries (replay re-applies it: engine/replay.ts). */
export interface MigratedPayload {
  from: number
  to: number
  mapping: StateMove[]
  reason: string
  quotes: Record<string, { dueAt: string; certain: boolean }>
  /** The new version's eventless transitions were taken at the migration (absent in entries written before they were). */
  settled?: true
  /**
   * What stayed owed was judged again as the new version would have begun it (met by a
   * step done before: machines/kit/rejudge.ts); absent in entries written before it was.
   */
  rejudged?: true
  /**
   * What a rise kept owed (rule 4) stayed owed where the new version would have kept it
   * (machines/kit/kept-risen.ts); absent in entries written before it was, which withdrew it.
   */
  keptRisen?: true
}

export function createMigration(core: Core, rooms: Rooms) {
  const { store, plans, clock, calendar, db, guarded } = core
  const { inTransaction, timersOf, current, apply, upToDateRow } = rooms

  async function work(
    trx: Db,
    told: Told,
    id: string,
    req: MigrateRequest,
    by: Migrator,
  ): Promise<MigrationOutcome> {
    const read: IncidentRow | undefined = req.dryRun
      ? await repo.readIncident(trx, id)
      : await repo.lockIncident(trx, store, id)
    if (!read || (by.organisation !== undefined && read.organisation !== by.organisation))
      throw new NotFound(`incident ${id}`)
    // Its snapshot at its version (tail.ts); on a version this build no longer carries, as stored.
    const row = plans.getPlan(read.plan_id, read.plan_version) ? await upToDateRow(trx, read) : read
    const to = plans.getPlan(row.plan_id, req.toVersion)
    if (!to)
      throw new ValidationError(`no version ${req.toVersion} of plan ${row.plan_id}`, [
        { path: 'toVersion', message: `plan ${row.plan_id} has no version ${req.toVersion}` },
      ])
    const persisted = parseSnapshot<PersistedSnapshot>(
      plans.getPlan(row.plan_id, row.plan_version),
      row.snapshot,
    )
    const before = persisted.context as IncidentContext
    const outcome = (status: MigrationOutcome['status'], reason: string | null): MigrationOutcome => ({
      id,
      planId: row.plan_id,
      fromVersion: row.plan_version,
      toVersion: to.version,
      status,
      reason,
      state: { before: persisted.value, after: persisted.value },
      mapping: [],
      obligations: { begun: [], met: [], withdrawn: [] },
      timers: { added: [], removed: [] },
      incident: null,
    })
    if (row.plan_version === to.version) return outcome('skipped', `already on version ${to.version}`)
    if (req.fromVersion !== undefined && row.plan_version !== req.fromVersion)
      return outcome('skipped', `on version ${row.plan_version}, not ${req.fromVersion}`)
    const from: PlanDefinition | undefined = plans.getPlan(row.plan_id, row.plan_version)
    if (!from)
      return outcome(
        'refused',
        `version ${row.plan_version} is no longer carried by this release: upgrade it first (npm run cli -- upgrade)`,
      )
    const actor = by.actor
    const at = laterOf(iso(clock.now()), row.last_occurred_at)
    const quotes = quoteRules(to.obligations, calendar, before, at)
    // What the opening recorded (its source), for a version whose migration reads it; replay reads the same entry.
    const opening = to.migratesFrom?.readsOpening ? await readOpening(trx, id) : undefined
    const r = migrateSnapshot(from, to, persisted, {
      ...(opening ? { opening } : {}),
      at,
      actor,
      reason: req.reason,
      quotes,
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) return outcome('refused', r.reason)
    const actorRef = restore(to.machine, r.snapshot)
    const changes = ledgerChanges(before.obligations, r.context.obligations) ?? {}
    const was = new Set(timersOf(before).map((t) => t.instance))
    const will = new Set(timersOf(r.context).map((t) => t.instance))
    const planned: MigrationOutcome = {
      ...outcome(req.dryRun ? 'would-migrate' : 'migrated', null),
      state: { before: persisted.value, after: actorRef.getSnapshot().value },
      mapping: r.mapping,
      obligations: {
        begun: changes.begun ?? [],
        // Begun met (done before), and owed ones met by a step the new version counts.
        met: [...(changes.met ?? []), ...(changes.late ?? [])],
        withdrawn: changes.withdrawn ?? [],
      },
      timers: {
        added: [...will].filter((t) => !was.has(t)),
        removed: [...was].filter((t) => !will.has(t)),
      },
    }
    if (req.dryRun) return planned
    const payload: MigratedPayload = {
      from: row.plan_version,
      to: to.version,
      mapping: r.mapping,
      reason: req.reason,
      quotes,
      settled: true,
      rejudged: true,
      keptRisen: true,
    }
    const applied = await apply(trx, told, to, row, before, actorRef, undefined, {
      type: 'MIGRATED',
      payload: { ...payload },
      actor,
      occurredAt: at,
    })
    await trx.updateTable('incidents').set({ plan_version: to.version }).where('id', '=', id).execute()
    // The cached actor (if any) runs the old chart: the next change restores from the new snapshot.
    told.push(() => core.live.drop(id))
    return { ...planned, incident: applied.view() }
  }

  /** Migrates one incident (or, with `dryRun`, says what would change). */
  async function migrate(id: string, req: MigrateRequest, by: Migrator): Promise<MigrationOutcome> {
    if (req.dryRun) return guarded(() => db.transaction().execute((trx) => work(trx, [], id, req, by)))
    return inTransaction((trx, told) => work(trx, told, id, req, by))
  }

  /** The refusal of an outcome as a 409 (HTTP: a single migration that did not happen). */
  async function refusal(o: MigrationOutcome): Promise<MigrationRefused> {
    const row = await guarded(async () => {
      const read = await repo.readIncident(db, o.id)
      if (!read) throw new NotFound(`incident ${o.id}`)
      return upToDateRow(db, read)
    })
    return new MigrationRefused(o.reason ?? o.status, { ...current(row), planVersion: row.plan_version })
  }

  /** Open incidents of a plan on one version, by id after `after`: one batch of a bulk migration. */
  const candidates = (q: {
    planId: string
    fromVersion: number
    organisation?: string
    after?: string
    limit: number
  }): Promise<string[]> =>
    guarded(async () => {
      let query = db
        .selectFrom('incidents')
        .select('id')
        .where('plan_id', '=', q.planId)
        .where('plan_version', '=', q.fromVersion)
        .where('closed_at', 'is', null)
      if (q.organisation !== undefined) query = query.where('organisation', '=', q.organisation)
      if (q.after !== undefined) query = query.where('id', '>', q.after)
      return (await query.orderBy('id').limit(q.limit).execute()).map((r) => r.id)
    })

  /** How many open incidents of a plan are on one version (the bulk migration's total). */
  const countCandidates = (q: { planId: string; fromVersion: number; organisation?: string }) =>
    guarded(async () => {
      let query = db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('plan_id', '=', q.planId)
        .where('plan_version', '=', q.fromVersion)
        .where('closed_at', 'is', null)
      if (q.organisation !== undefined) query = query.where('organisation', '=', q.organisation)
      return Number((await query.executeTakeFirst())?.n ?? 0)
    })

  return {
    migrate,
    migrationRefusal: refusal,
    migrationCandidates: candidates,
    countMigrationCandidates: countCandidates,
  }
}
