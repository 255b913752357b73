/**
 * The incident engine: open, send, get, list, history, and the firing of due
 * deadlines. Each change restores the actor from its snapshot (inert clock), applies
 * one event, and writes journal entry + snapshot + timers in ONE transaction, or
 * nothing. No plan is named here: plans come from the registry.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { createActor } from 'xstate'
import type {
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  PlanDefinition,
} from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import type { Calendar } from '../calendar/index.js'
import {
  AppError,
  type CurrentState,
  EventNotAllowed,
  Forbidden,
  IdempotencyMismatch,
  NotFound,
  StorageUnavailable,
  UnknownPlanVersion,
  ValidationError,
  VersionConflict,
} from '../errors.js'
import type { Store } from '../store/connection.js'
import * as repo from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import { contextOf, inertClock, phaseOf, restore } from './actor.js'
import { canonicalJson, entryHash, genesisHash, sha256 } from './hash.js'
import { type ListFilter, type ListPage, listIncidents } from './list.js'
import { ledgerChanges, permits, refusalDetail } from './obligations.js'
import { quoteRules } from './quotes.js'
import { rebuild, type UpgradeRecord } from './rebuild.js'
import { incidentsToUpgrade, reread, type UpgradeOutcome } from './upgrade.js'
import { buildView, type IncidentView, isOverdue } from './view.js'

export interface Clock {
  now(): Date
}
export interface PlanRegistry {
  getPlan(id: string, version?: number): PlanDefinition | undefined
}

export interface EngineDeps {
  store: Store
  plans: PlanRegistry
  clock: Clock
  calendar: Pick<Calendar, 'addDuration'>
  /** Called after each committed change (live updates). */
  onChange?: (view: IncidentView, entry: HistoryItem) => void
  /** Where notifications go; each route may be limited to a plan and to entry types. */
  webhooks?: readonly WebhookRoute[]
  /** Told when one timer cannot fire (e.g. its incident's plan version is unknown); the others go on. */
  onTimerError?: (timer: { incident_id: string; instance: string }, error: unknown) => void
  /** Shares of a deadline's window at which a "due soon" warning fires (default 50 % and 80 %). */
  warnAt?: readonly number[]
}

export interface WebhookRoute {
  url: string
  plan?: string
  types?: readonly string[]
}

/** The caller, as the HTTP layer authenticated it. */
export interface Caller extends Actor {
  organisation: string
  /** Stable id of the credential, scoping idempotency keys of POST /incidents. */
  tokenId: string
}

export interface OpenRequest {
  planId: string
  title: string
  discoveredAt?: string
  knownAt?: string
  occurredAt?: string
  source?: { url?: string; platform?: string }
  category?: IncidentInput['category']
  facts?: IncidentInput['facts']
  severity?: IncidentInput['severity']
  severityReason?: string
  relatedTo?: string
}

export interface SendRequest {
  type: string
  fields: Record<string, unknown>
  occurredAt?: string
  expectedVersion?: number
}

export interface HistoryItem {
  seq: number
  type: string
  payload: Record<string, unknown>
  actor: { name: string; role: string }
  occurredAt: string
  recordedAt: string
  version: number
  hash: string
}

/** Most changes that share one commit (see inTransaction). */
const GROUP_MAX = 64
/** Due timers fired in one transaction (see fireDue). */
const FIRE_BATCH = 100

/** Clock skew we tolerate for times a client says are "now". */
const SKEW_MS = 5 * 60_000
const iso = (d: Date) => d.toISOString()
const normalise = (t: string) => new Date(t).toISOString()
/** The later of two ISO-8601 UTC instants (text order is time order). */
const laterOf = (a: string, b: string): string => [a, b].sort()[1] ?? a

/** SQLite and PostgreSQL errors that mean "storage cannot take this now": 503, retry later. */
export function storageError(e: unknown): AppError | null {
  const code = (e as { code?: unknown }).code
  if (typeof code !== 'string') return null
  // SQLite rolls a transaction back by itself on SQLITE_FULL and some I/O errors; the
  // driver's own ROLLBACK then fails with this, hiding the original error.
  if (String((e as Error).message).includes('cannot rollback - no transaction is active'))
    return new StorageUnavailable('the database rolled the change back (disk full or I/O error); retry later')
  if (/^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|NOMEM)/.test(code))
    return new StorageUnavailable(`the database cannot take writes now (${code}); retry later`)
  if (/^(53|57P|08)/.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')
    return new StorageUnavailable(`the database is unavailable (${code}); retry later`)
  return null
}

export function createEngine(deps: EngineDeps) {
  const { store, plans, clock, calendar } = deps
  const warnAt = deps.warnAt ?? [0.5, 0.8]
  const webhooks = deps.webhooks ?? []
  const { db } = store

  const planOf = (row: Pick<IncidentRow, 'plan_id' | 'plan_version'>) => {
    const plan = plans.getPlan(row.plan_id, row.plan_version)
    if (!plan) throw new UnknownPlanVersion(row.plan_id, row.plan_version)
    return plan
  }

  async function guarded<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      if (e instanceof AppError) throw e
      throw storageError(e) ?? e
    }
  }

  const readView = (row: Pick<IncidentRow, 'view'>): IncidentView => {
    const v = JSON.parse(row.view) as IncidentView
    return { ...v, overdue: isOverdue(v, clock.now()) }
  }

  const current = (row: IncidentRow): CurrentState => {
    const v = JSON.parse(row.view) as IncidentView
    return { allowedEvents: v.allowedEvents, version: row.version, phase: v.phase, state: v.state }
  }

  /** The timer rows the owed obligations want: each due time, and its due-soon warnings. */
  const timersOf = (ctx: IncidentContext): repo.PendingTimer[] =>
    ctx.obligations
      .filter(
        (o): o is typeof o & { dueAt: string } =>
          o.status === 'owed' && o.dueAt !== null && o.breachedAt === null,
      )
      .flatMap((o) => [
        { instance: o.id, deadline: o.deadline ?? o.rule, dueAt: normalise(o.dueAt) },
        ...warnAt.map((share) => ({
          instance: `${o.id}~w${Math.round(share * 100)}`,
          deadline: o.deadline ?? o.rule,
          dueAt: iso(
            new Date(Date.parse(o.startedAt) + share * (Date.parse(o.dueAt) - Date.parse(o.startedAt))),
          ),
        })),
      ])

  /** Persisted snapshot and the columns derived from it, for lists, filters and timers. */
  function derive(actorRef: ReturnType<typeof restore>) {
    const s = actorRef.getSnapshot()
    if (s.status === 'error') throw new Error(`machine failed: ${String(s.error)}`)
    const ctx = contextOf(s)
    const owed = ctx.obligations.filter((o) => o.status === 'owed')
    const owedBy = [...new Set(owed.flatMap((o) => o.owedBy))].sort()
    return {
      s,
      ctx,
      pending: timersOf(ctx),
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
        has_missed: owed.some((o) => o.breachedAt !== null || o.rule === 'escalate') ? 1 : 0,
        owed_count: owed.length,
        breached_count: ctx.obligations.filter((o) => o.breachedAt !== null).length,
        owed_by: owedBy.length > 0 ? `|${owedBy.join('|')}|` : '',
        closed_at: ctx.closedAt ? normalise(ctx.closedAt) : null,
        snapshot: JSON.stringify(actorRef.getPersistedSnapshot()),
      },
    }
  }

  async function idempotent(
    trx: repo.Db,
    scope: string,
    key: string | undefined,
    requestHash: string,
  ): Promise<IncidentView | null> {
    if (!key) return null
    const hit = await trx
      .selectFrom('idempotency')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!hit) return null
    if (hit.request_hash !== requestHash) throw new IdempotencyMismatch()
    return JSON.parse(hit.response) as IncidentView
  }

  const remember = (
    trx: repo.Db,
    scope: string,
    key: string | undefined,
    requestHash: string,
    view: IncidentView,
  ) =>
    key
      ? trx
          .insertInto('idempotency')
          .values({
            scope,
            key,
            request_hash: requestHash,
            status: 200,
            response: JSON.stringify(view),
            created_at: iso(clock.now()),
          })
          .execute()
      : Promise.resolve()

  function checkTime(
    field: string,
    value: string | undefined,
    now: Date,
    notBefore?: string,
  ): string | undefined {
    if (value === undefined) return undefined
    const t = Date.parse(value)
    if (Number.isNaN(t))
      throw new ValidationError('invalid time', [{ path: field, message: 'not an ISO-8601 instant' }])
    if (t > now.getTime() + SKEW_MS)
      throw new ValidationError(`${field} is in the future`, [
        { path: field, message: 'must not be in the future', expected: `at or before ${iso(now)}` },
      ])
    if (notBefore && t < Date.parse(notBefore))
      throw new ValidationError(`${field} is before the previous event`, [
        {
          path: field,
          message: 'must not be before the previous event',
          expected: `at or after ${notBefore}`,
        },
      ])
    return normalise(value)
  }

  function validateFields(plan: PlanDefinition, type: string, fields: Record<string, unknown>) {
    const spec = plan.events.find((e) => e.type === type)
    if (!spec) {
      throw new ValidationError(`unknown event type ${type}`, [
        { path: 'type', message: 'unknown event type', expected: plan.events.map((e) => e.type).join(' | ') },
      ])
    }
    const parsed = spec.schema.safeParse(fields)
    if (!parsed.success) {
      throw new ValidationError(
        `${type} is missing or has invalid fields`,
        parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
      )
    }
    return { spec, data: parsed.data as Record<string, unknown> }
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

  /** Queues a notification per matching webhook, in the transaction of the change itself. */
  async function emit(trx: repo.Db, planId: string, entry: ReturnType<typeof entryFor>, view: IncidentView) {
    const routes = webhooks.filter(
      (r) => (!r.plan || r.plan === planId) && (!r.types || r.types.includes(entry.type)),
    )
    if (routes.length === 0) return
    const item = toHistory(entry)
    const body = JSON.stringify({
      incidentId: view.id,
      planId,
      organisation: view.organisation,
      kind:
        entry.type === 'DEADLINE_PASSED' ? 'breach' : entry.type === 'DEADLINE_WARNING' ? 'warning' : 'event',
      entry: item,
      incident: { version: view.version, phase: view.phase, severity: view.severity, title: view.title },
    })
    await trx
      .insertInto('outbox')
      .values(
        routes.map((r) => ({
          id: randomUUID(),
          url: r.url,
          incident_id: view.id,
          seq: entry.seq,
          kind: entry.type,
          body,
          created_at: entry.recorded_at,
          attempts: 0,
          next_attempt_at: entry.recorded_at,
          delivered_at: null,
          last_status: null,
          last_error: null,
        })),
      )
      .execute()
  }

  async function open(req: OpenRequest, caller: Caller, key?: string): Promise<IncidentView> {
    if (caller.role !== 'monitor' && caller.role !== 'office' && caller.role !== 'admin')
      throw new Forbidden(`role ${caller.role} may not open incidents (monitor, office and admin may)`)
    const plan = plans.getPlan(req.planId)
    if (!plan)
      throw new ValidationError('unknown plan', [{ path: 'planId', message: `no plan ${req.planId}` }])
    const now = clock.now()
    const discoveredAt = checkTime('discoveredAt', req.discoveredAt, now) ?? iso(now)
    const knownAt = checkTime('knownAt', req.knownAt, now) ?? discoveredAt
    const occurredAt = checkTime('occurredAt', req.occurredAt, now) ?? discoveredAt
    const facts = req.facts ?? {}
    const computed = plan.classify(facts).severity
    if (req.severity !== undefined && !plan.severities.some((s) => s.code === req.severity))
      throw new ValidationError('severity not used by this plan', [
        {
          path: 'severity',
          message: 'not a grade of this plan',
          expected: plan.severities.map((s) => s.code).join(' | '),
        },
      ])
    if (req.severity !== undefined && req.severity !== computed && !req.severityReason)
      throw new ValidationError('a severity that differs from the computed grade needs a reason', [
        {
          path: 'severityReason',
          message: `required: the plan computes ${computed ?? 'no grade'} from these facts`,
        },
      ])
    const actor: Actor = { name: caller.name, role: caller.role }
    const input: IncidentInput = {
      title: req.title,
      discoveredAt,
      knownAt,
      occurredAt,
      category: req.category ?? null,
      facts,
      severity: req.severity ?? null,
      severityReason: req.severityReason ?? null,
      actor,
      quotes: quoteRules(plan.obligations, calendar, { discoveredAt, knownAt, occurredAt }, discoveredAt),
    }
    const scope = `open:${caller.tokenId}`
    const requestHash = sha256(canonicalJson(req))
    return inTransaction(async (trx, told) => {
      const replayed = await idempotent(trx, scope, key, requestHash)
      if (replayed) return replayed
      if (req.relatedTo) {
        const rel = await trx
          .selectFrom('incidents')
          .select('id')
          .where('id', '=', req.relatedTo)
          .where('organisation', '=', caller.organisation)
          .executeTakeFirst()
        if (!rel)
          throw new ValidationError('relatedTo names no incident', [
            { path: 'relatedTo', message: 'no such incident' },
          ])
      }
      const d = derive(createActor(plan.machine, { input, clock: inertClock }).start())
      const id = randomUUID()
      const recordedAt = iso(now)
      const source = req.source ?? null
      const relatedTo = req.relatedTo ?? null
      const entry = entryFor(
        {
          id,
          version: 0,
          // The chain starts from the incident's identity (organisation, plan): see genesisHash.
          head_hash: genesisHash({
            id,
            organisation: caller.organisation,
            plan_id: plan.id,
            plan_version: plan.version,
          }),
        },
        {
          type: 'OPENED',
          payload: { ...input, actor: undefined, source, relatedTo, planVersion: plan.version },
          actor,
          occurredAt: discoveredAt,
          key,
        },
        recordedAt,
      )
      const view = buildView(plan, d.s, {
        id,
        organisation: caller.organisation,
        version: 1,
        source,
        relatedTo,
        owner: null,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      })
      await repo.insertIncident(trx, {
        id,
        organisation: caller.organisation,
        plan_id: plan.id,
        plan_version: plan.version,
        version: 1,
        title: req.title,
        source_url: source?.url ?? null,
        owner: null,
        related_to: relatedTo,
        view: JSON.stringify(view),
        last_occurred_at: discoveredAt,
        head_hash: entry.hash,
        created_at: recordedAt,
        updated_at: recordedAt,
        ...d.columns,
      })
      await repo.appendJournal(trx, entry)
      await repo.moveTimers(trx, id, [], d.pending)
      await emit(trx, plan.id, entry, view)
      await remember(trx, scope, key, requestHash, view)
      notify(told, view, entry)
      return { ...view, overdue: isOverdue(view, now) }
    })
  }

  /** Notifications of one transaction, told only once it committed. */
  type Told = Array<() => void>
  function notify(told: Told, view: IncidentView, entry: Parameters<typeof toHistory>[0]) {
    const cb = deps.onChange
    if (cb) told.push(() => cb(view, toHistory(entry)))
  }
  /**
   * One change in one transaction; listeners hear of it after it committed, never of one
   * that rolled back. Per call, not per engine: on PostgreSQL several transactions of one
   * process run at once, and one that fails must not drop (or one that commits announce)
   * another's notifications.
   */
  async function alone<T>(fn: (trx: repo.Db, told: Told) => Promise<T>): Promise<T> {
    const told: Told = []
    const r = await guarded(() => db.transaction().execute((trx) => fn(trx, told)))
    for (const n of told) n()
    return r
  }

  /**
   * Group commit (SQLite). The file has one writer, and each commit waits for its fsync;
   * changes that arrive meanwhile wait, then share the next transaction: one fsync for
   * all of them. Each runs in its own savepoint, so a refused one (any AppError: 409,
   * 403, …) is rolled back alone and the others stand. Each caller is answered only
   * after the shared commit, so an answer still means "on disk". A storage failure fails
   * the whole group (503, nothing written); any other failure (a defect) re-runs the
   * group's changes one transaction each, so it fails only its own.
   */
  interface Waiting {
    fn: (trx: repo.Db, told: Told) => Promise<unknown>
    resolve: (value: unknown) => void
    reject: (error: unknown) => void
  }
  const waiting: Waiting[] = []
  let committing = false

  function inTransaction<T>(fn: (trx: repo.Db, told: Told) => Promise<T>): Promise<T> {
    if (store.dialect !== 'sqlite') return alone(fn)
    return new Promise<T>((resolve, reject) => {
      waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject })
      if (!committing) void commitWaiting()
    })
  }

  async function commitWaiting(): Promise<void> {
    committing = true
    try {
      while (waiting.length > 0) {
        const group = waiting.splice(0, GROUP_MAX)
        const [only] = group
        if (only && group.length === 1) await alone(only.fn).then(only.resolve, only.reject)
        else await commitGroup(group)
      }
    } finally {
      committing = false
    }
  }

  async function commitGroup(group: Waiting[]): Promise<void> {
    type Outcome = { ok: true; value: unknown; told: Told } | { ok: false; error: unknown }
    const outcomes: Outcome[] = []
    try {
      await guarded(() =>
        db.transaction().execute(async (trx) => {
          for (const w of group) {
            const told: Told = []
            await sql`SAVEPOINT grouped`.execute(trx)
            try {
              outcomes.push({ ok: true, value: await w.fn(trx, told), told })
            } catch (e) {
              if (!(e instanceof AppError)) throw e
              await sql`ROLLBACK TO grouped`.execute(trx)
              outcomes.push({ ok: false, error: e })
            }
            await sql`RELEASE grouped`.execute(trx)
          }
        }),
      )
    } catch (e) {
      if (e instanceof StorageUnavailable) {
        for (const w of group) w.reject(e)
        return
      }
      for (const w of group) await alone(w.fn).then(w.resolve, w.reject)
      return
    }
    group.forEach((w, i) => {
      const o = outcomes[i]
      if (!o) w.reject(new Error('group commit lost track of a change'))
      else if (o.ok) {
        for (const n of o.told) n()
        w.resolve(o.value)
      } else w.reject(o.error)
    })
  }

  /**
   * Applies one event to an incident. Order of refusals (API.md): invalid body (400),
   * role (403), version (409), state (409). Each writes nothing.
   */
  async function send(id: string, req: SendRequest, caller: Caller, key?: string): Promise<IncidentView> {
    const requestHash = sha256(canonicalJson(req))
    return inTransaction(async (trx, told) => {
      const row = await repo.lockIncident(trx, store.dialect, id)
      if (!row || row.organisation !== caller.organisation) throw new NotFound(`incident ${id}`)
      const plan = planOf(row)
      const { spec, data } = validateFields(plan, req.type, req.fields)
      if (!(spec.roles as readonly string[]).includes(caller.role))
        throw new Forbidden(
          `role ${caller.role} may not send ${req.type} (allowed: ${spec.roles.join(', ')})`,
        )
      // A replayed key answers the first result, but only to a caller who may send the event.
      const replayed = await idempotent(trx, `incident:${id}`, key, requestHash)
      if (replayed) return { ...replayed, overdue: isOverdue(replayed, clock.now()) }
      if (req.expectedVersion !== undefined && req.expectedVersion !== row.version)
        throw new VersionConflict(req.expectedVersion, current(row))
      const now = clock.now()
      const at =
        checkTime('occurredAt', req.occurredAt, now, row.last_occurred_at) ??
        laterOf(iso(now), row.last_occurred_at)
      const actorRef = restore(plan.machine, JSON.parse(row.snapshot))
      const before = actorRef.getSnapshot()
      const actor: Actor = { name: caller.name, role: caller.role }
      const quotes = quoteRules(plan.obligations, calendar, contextOf(before), at)
      const event: IncidentEvent = { ...data, type: req.type, at, actor, quotes }
      const refusal = permits(plan, contextOf(before), event)
      if (refusal) throw new Forbidden(refusal)
      if (!before.can(event))
        throw new EventNotAllowed(req.type, current(row), refusalDetail(plan, before, event))
      actorRef.send(event)
      return apply(trx, told, plan, row, contextOf(before), actorRef, {
        type: req.type,
        payload: { ...data, quotes },
        actor,
        occurredAt: at,
        key,
        idempotency: { scope: `incident:${id}`, requestHash },
      })
    })
  }

  /** Writes what an applied event produced: journal entry, incident row, timers, idempotency record. */
  async function apply(
    trx: repo.Db,
    told: Told,
    plan: PlanDefinition,
    row: IncidentRow,
    before: IncidentContext,
    actorRef: ReturnType<typeof restore>,
    entryIn: {
      type: string
      payload: Record<string, unknown>
      actor: Actor
      occurredAt: string
      key?: string
      idempotency?: { scope: string; requestHash: string }
    },
  ): Promise<IncidentView> {
    const d = derive(actorRef)
    const recordedAt = iso(clock.now())
    const changes = ledgerChanges(before.obligations, d.ctx.obligations)
    const entry = entryFor(
      row,
      changes ? { ...entryIn, payload: { ...entryIn.payload, obligations: changes } } : entryIn,
      recordedAt,
    )
    const prev = JSON.parse(row.view) as IncidentView
    const view: IncidentView = {
      ...buildView(plan, d.s, {
        id: row.id,
        organisation: row.organisation,
        version: row.version + 1,
        source: prev.source,
        relatedTo: row.related_to,
        owner: row.owner,
        createdAt: row.created_at,
        updatedAt: recordedAt,
      }),
      // What annotations added stays in the view.
      ...(prev.notes ? { notes: prev.notes } : {}),
      ...(prev.evidence ? { evidence: prev.evidence } : {}),
      ...(prev.warnings ? { warnings: prev.warnings } : {}),
    }
    const saved = await repo.saveIncident(trx, row.id, row.version, {
      ...d.columns,
      version: row.version + 1,
      view: JSON.stringify(view),
      last_occurred_at: laterOf(entryIn.occurredAt, row.last_occurred_at),
      head_hash: entry.hash,
      updated_at: recordedAt,
    })
    if (!saved) throw new VersionConflict(row.version, current(row))
    await repo.appendJournal(trx, entry)
    // The timer rows follow the pending deadlines; most events leave those as they were,
    // and then no timer row is touched.
    await repo.moveTimers(trx, row.id, timersOf(before), d.pending)
    await emit(trx, plan.id, entry, view)
    if (entryIn.idempotency)
      await remember(trx, entryIn.idempotency.scope, entryIn.key, entryIn.idempotency.requestHash, view)
    notify(told, view, entry)
    return { ...view, overdue: isOverdue(view, clock.now()) }
  }

  /**
   * Fires due deadlines through the same path as any event (actor `system`), each
   * exactly once: the timer row is re-read inside the transaction and marked fired
   * in it. The entry keeps the original due time as its `occurredAt`.
   *
   * Up to FIRE_BATCH timers share one transaction (each incident's entry, snapshot and
   * timers still written together), so a thousand deadlines passing at once cost a few
   * commits, not a thousand. If one of them fails, the batch rolls back and its timers
   * fire one per transaction, so one broken incident holds up no other.
   */
  async function fireDue(limit = 500): Promise<number> {
    const now = iso(clock.now())
    const due = await guarded(() => repo.dueTimers(db, now, limit))
    let fired = 0
    for (let i = 0; i < due.length; i += FIRE_BATCH) {
      const batch = due.slice(i, i + FIRE_BATCH)
      try {
        fired += await inTransaction(async (trx, told) => {
          let n = 0
          for (const t of batch) if (await fireIn(trx, told, t)) n++
          return n
        })
        continue
      } catch (e) {
        if (e instanceof StorageUnavailable) throw e
      }
      for (const t of batch) {
        const done = await inTransaction((trx, told) => fireIn(trx, told, t)).catch((e: unknown) => {
          // One broken incident must not hold up every later timer: report it and go on.
          if (e instanceof StorageUnavailable) throw e
          deps.onTimerError?.(t, e)
          return false
        })
        if (done) fired++
      }
    }
    return fired
  }

  /** Fires one due timer inside the caller's transaction; false when it was spent (already fired, or met meanwhile). */
  async function fireIn(
    trx: repo.Db,
    told: Told,
    t: { incident_id: string; instance: string },
  ): Promise<boolean> {
    // Lock order as in send(): the incident first, then its timer rows (no deadlock across nodes).
    const row = await repo.lockIncident(trx, store.dialect, t.incident_id)
    if (!row) return false
    const timer = await repo.claimTimer(trx, t.incident_id, t.instance, iso(clock.now()))
    if (!timer) return false
    const plan = planOf(row)
    const actorRef = restore(plan.machine, JSON.parse(row.snapshot))
    const system: Actor = { name: 'system', role: 'system' }
    const warning = /^(.*)~w(\d+)$/.exec(timer.instance)
    if (warning) {
      const [, instance = '', pct = '0'] = warning
      const o = contextOf(actorRef.getSnapshot()).obligations.find((x) => x.id === instance)
      if (o?.status !== 'owed' || o.dueAt === null || o.breachedAt !== null) return false
      const w = {
        deadline: o.deadline ?? o.rule,
        instance,
        obligation: instance,
        share: Number(pct) / 100,
        dueAt: o.dueAt,
        at: timer.due_at,
      }
      await annotateIn(
        trx,
        told,
        row,
        system,
        { type: 'DEADLINE_WARNING', payload: w, occurredAt: timer.due_at },
        (v) => ({
          ...v,
          warnings: [...(v.warnings ?? []), w],
        }),
      )
      return true
    }
    const event: IncidentEvent = {
      type: 'DEADLINE_PASSED',
      at: timer.due_at,
      actor: system,
      obligation: timer.instance,
    }
    // A timer whose obligation is no longer owed (met, waived, withdrawn meanwhile) is spent, not journaled.
    if (!actorRef.getSnapshot().can(event)) return false
    const before = contextOf(actorRef.getSnapshot())
    actorRef.send(event)
    await apply(trx, told, plan, row, before, actorRef, {
      type: 'DEADLINE_PASSED',
      payload: {
        deadline: timer.deadline,
        obligation: timer.instance,
        instance: timer.instance,
        dueAt: timer.due_at,
      },
      actor: system,
      occurredAt: timer.due_at,
    })
    return true
  }

  async function get(id: string, caller: Pick<Caller, 'organisation'>): Promise<IncidentView> {
    const row = await guarded(() =>
      db.selectFrom('incidents').select(['view', 'organisation']).where('id', '=', id).executeTakeFirst(),
    )
    if (!row || row.organisation !== caller.organisation) throw new NotFound(`incident ${id}`)
    return readView(row)
  }

  async function history(id: string, caller: Pick<Caller, 'organisation'>): Promise<HistoryItem[]> {
    await get(id, caller)
    const rows = await guarded(() =>
      db.selectFrom('journal').selectAll().where('incident_id', '=', id).orderBy('seq').execute(),
    )
    return rows.map(toHistory)
  }

  const list = (filter: ListFilter, caller: Pick<Caller, 'organisation'>): Promise<ListPage> =>
    guarded(() => listIncidents(db, filter, caller.organisation, clock.now(), readView))

  /**
   * Rebuilds an incident from its journal alone: OPENED gives the input, every later
   * entry is re-sent as it was recorded (with its stored quotes and times); an upgraded
   * incident's earlier entries as its UPGRADED entry says (rebuild.ts).
   */
  async function replay(id: string): Promise<{ value: unknown; context: IncidentContext }> {
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFound(`incident ${id}`)
    const plan = planOf(row)
    const entries = await db
      .selectFrom('journal')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('seq')
      .execute()
    const upgraded = entries.find((e) => e.type === 'UPGRADED')
    const { actorRef } = rebuild(
      plan,
      entries,
      upgraded ? { upgrade: JSON.parse(upgraded.payload) as UpgradeRecord } : {},
    )
    if (!actorRef) throw new Error(`incident ${id} has no OPENED entry`)
    const s = actorRef.getSnapshot()
    return { value: s.value, context: contextOf(s) }
  }

  /**
   * Upgrades an open incident whose plan version the service no longer has to its plan's
   * current version (upgrade.ts): re-read from the journal, one UPGRADED entry. With
   * `dryRun`, says what it would do and writes nothing.
   */
  async function upgrade(id: string, opts: { dryRun?: boolean } = {}): Promise<UpgradeOutcome | null> {
    const work = async (trx: repo.Db, told: Told): Promise<UpgradeOutcome | null> => {
      const row = await repo.lockIncident(trx, store.dialect, id)
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
      const d = derive(actorRef)
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
      const prev = JSON.parse(row.view) as IncidentView
      const view: IncidentView = {
        ...prev,
        ...buildView(plan, d.s, {
          id: row.id,
          organisation: row.organisation,
          version: row.version + 1,
          source: prev.source,
          relatedTo: row.related_to,
          owner: row.owner,
          createdAt: row.created_at,
          updatedAt: recordedAt,
        }),
      }
      const saved = await repo.saveIncident(trx, row.id, row.version, {
        ...d.columns,
        plan_version: plan.version,
        version: row.version + 1,
        view: JSON.stringify(view),
        last_occurred_at: laterOf(entry.occurred_at, row.last_occurred_at),
        head_hash: entry.hash,
        updated_at: recordedAt,
      })
      if (!saved) throw new VersionConflict(row.version, current(row))
      await repo.appendJournal(trx, entry)
      // The old version's timer rows (fired or not) name deadlines that are gone: its due times are the obligations' now.
      await trx.deleteFrom('timers').where('incident_id', '=', id).execute()
      await repo.moveTimers(trx, id, [], d.pending)
      await emit(trx, plan.id, entry, view)
      notify(told, view, entry)
      return outcome
    }
    return opts.dryRun ? guarded(() => db.transaction().execute((trx) => work(trx, []))) : inTransaction(work)
  }

  /**
   * Rule 9's one exception: once a year's holiday data is in force, every owed due time that
   * was computed uncertain (its window reached a year the data did not cover) and is now
   * certain is re-quoted once, by a journaled REQUOTE that states the old and the new due
   * time (replay reads them from the entry). Idempotent: a re-quoted one is never again.
   */
  async function requote(): Promise<number> {
    const open = await guarded(() =>
      db
        .selectFrom('incidents')
        .select(['id', 'view'])
        .where('closed_at', 'is', null)
        .where('owed_count', '>', 0)
        .execute(),
    )
    let n = 0
    for (const r of open) {
      const uncertain = (JSON.parse(r.view) as IncidentView).obligations.filter(
        (o) => o.status === 'owed' && !o.certain && o.requoted === null && o.countsFrom !== null,
      )
      for (const o of uncertain) {
        const done = await inTransaction(async (trx, told) => {
          const row = await repo.lockIncident(trx, store.dialect, r.id)
          if (!row) return false
          const plan = planOf(row)
          const due = plan.obligations.find((x) => x.id === o.rule)?.due
          if (!due || o.countsFrom === null || o.dueAt === null) return false
          const q = calendar.addDuration(new Date(o.countsFrom), due.amount, due.unit)
          if (!q.certain) return false
          const actorRef = restore(plan.machine, JSON.parse(row.snapshot))
          const system: Actor = { name: 'system', role: 'system' }
          const at = laterOf(iso(clock.now()), row.last_occurred_at)
          const fields = { obligation: o.id, from: o.dueAt, dueAt: q.at.toISOString(), certain: true }
          const event: IncidentEvent = { ...fields, type: 'REQUOTE', at, actor: system }
          const before = actorRef.getSnapshot()
          if (!before.can(event)) return false
          actorRef.send(event)
          await apply(trx, told, plan, row, contextOf(before), actorRef, {
            type: 'REQUOTE',
            payload: fields,
            actor: system,
            occurredAt: at,
          })
          return true
        })
        if (done) n++
      }
    }
    return n
  }

  /**
   * Appends an entry that records something beside the plan (a note, an owner, a piece
   * of evidence, a generated document, a warning) without moving the machine: journal
   * entry + version + view in one transaction, like any event.
   */
  async function annotateIn(
    trx: repo.Db,
    told: Told,
    row: IncidentRow,
    actor: Actor,
    entry: { type: string; payload: Record<string, unknown>; occurredAt?: string },
    patch: (view: IncidentView) => IncidentView,
    columns: { owner?: string | null } = {},
  ): Promise<IncidentView> {
    const recordedAt = iso(clock.now())
    const e = entryFor(row, { ...entry, actor, occurredAt: entry.occurredAt ?? recordedAt }, recordedAt)
    const view = patch({
      ...(JSON.parse(row.view) as IncidentView),
      version: row.version + 1,
      updatedAt: recordedAt,
    })
    const saved = await repo.saveIncident(trx, row.id, row.version, {
      ...columns,
      version: row.version + 1,
      view: JSON.stringify(view),
      head_hash: e.hash,
      updated_at: recordedAt,
    })
    if (!saved) throw new VersionConflict(row.version, current(row))
    await repo.appendJournal(trx, e)
    await emit(trx, row.plan_id, e, view)
    notify(told, view, e)
    return { ...view, overdue: isOverdue(view, clock.now()) }
  }

  /**
   * Appends an entry that records something beside the plan (a note, an owner, a piece
   * of evidence, a generated document) without moving the machine: journal entry +
   * version + view in one transaction, like any event.
   */
  function annotate(
    id: string,
    caller: Pick<Caller, 'organisation' | 'name' | 'role'>,
    entry: { type: string; payload: Record<string, unknown>; occurredAt?: string },
    patch: (view: IncidentView) => IncidentView,
    columns: { owner?: string | null } = {},
  ): Promise<IncidentView> {
    return inTransaction(async (trx, told) => {
      const row = await repo.lockIncident(trx, store.dialect, id)
      if (!row || row.organisation !== caller.organisation) throw new NotFound(`incident ${id}`)
      return annotateIn(trx, told, row, { name: caller.name, role: caller.role }, entry, patch, columns)
    })
  }

  const writer = (caller: Pick<Caller, 'role'>, what: string) => {
    if (caller.role === 'auditor') throw new Forbidden(`auditors read and never write (${what})`)
  }

  /** A note at any phase; never edited: a correction is a new note pointing at the old one. */
  async function addNote(id: string, caller: Caller, note: { text: string; corrects?: number }) {
    writer(caller, 'notes')
    if (note.corrects !== undefined) {
      const target = await db
        .selectFrom('journal')
        .select('type')
        .where('incident_id', '=', id)
        .where('seq', '=', note.corrects)
        .executeTakeFirst()
      if (target?.type !== 'NOTE_ADDED')
        throw new ValidationError('corrects names no note', [
          { path: 'corrects', message: 'not the seq of a note of this incident' },
        ])
    }
    return annotate(id, caller, { type: 'NOTE_ADDED', payload: { ...note } }, (v) => ({
      ...v,
      notes: [
        ...(v.notes ?? []),
        {
          seq: v.version,
          text: note.text,
          corrects: note.corrects ?? null,
          by: { name: caller.name, role: caller.role },
          at: v.updatedAt,
        },
      ],
    }))
  }

  /** Assigns the incident or hands it over; the reason is on the record. */
  async function assignOwner(id: string, caller: Caller, req: { owner: string; reason: string }) {
    if (!['office', 'group', 'leader', 'principal', 'admin'].includes(caller.role))
      throw new Forbidden(
        `role ${caller.role} may not assign incidents (office, group, leader, principal, admin may)`,
      )
    const before = await get(id, caller)
    return annotate(
      id,
      caller,
      {
        type: before.owner ? 'OWNER_HANDED_OVER' : 'OWNER_ASSIGNED',
        payload: { from: before.owner, to: req.owner, reason: req.reason },
      },
      (v) => ({ ...v, owner: req.owner }),
      { owner: req.owner },
    )
  }

  /** Kept evidence (content-addressed file already stored): recorded with hash, size and type. */
  async function addEvidence(
    id: string,
    caller: Caller,
    ev: { sha256: string; size: number; mediaType: string; filename: string; note?: string },
  ) {
    writer(caller, 'evidence')
    return annotate(id, caller, { type: 'EVIDENCE_ADDED', payload: { ...ev } }, (v) => ({
      ...v,
      evidence: [
        ...(v.evidence ?? []),
        { ...ev, seq: v.version, by: { name: caller.name, role: caller.role }, at: v.updatedAt },
      ],
    }))
  }

  /** A generated document (its content hash) is journaled so the record shows what was sent. */
  async function recordDocument(
    id: string,
    caller: Caller,
    doc: { name: string; sha256: string; format: string },
  ) {
    return annotate(id, caller, { type: 'DOCUMENT_GENERATED', payload: { ...doc } }, (v) => v)
  }

  /**
   * The same key on two nodes at once (PostgreSQL): the second insert of the key waits for
   * the first commit, then fails on idempotency_pk; run again, open() replays the first answer.
   */
  const openOnce = (req: OpenRequest, caller: Caller, key?: string) =>
    open(req, caller, key).catch((e: unknown) => {
      if (key && (e as { constraint?: unknown }).constraint === 'idempotency_pk')
        return open(req, caller, key)
      throw e
    })

  return {
    open: openOnce,
    send,
    get,
    list,
    history,
    fireDue,
    replay,
    requote,
    upgrade,
    incidentsToUpgrade: () => guarded(() => incidentsToUpgrade(db, plans)),
    annotate,
    addNote,
    assignOwner,
    addEvidence,
    recordDocument,
    nextDue: () => guarded(() => repo.nextDueTimer(db)),
    plans,
    clock,
  }
}

export type Engine = ReturnType<typeof createEngine>

function toHistory(e: {
  seq: number
  type: string
  payload: string
  actor_name: string
  actor_role: string
  occurred_at: string
  recorded_at: string
  hash: string
}): HistoryItem {
  const payload = JSON.parse(e.payload) as Record<string, unknown>
  delete payload.quotes
  return {
    seq: e.seq,
    type: e.type,
    payload,
    actor: { name: e.actor_name, role: e.actor_role },
    occurredAt: e.occurred_at,
    recordedAt: e.recorded_at,
    version: e.seq,
    hash: e.hash,
  }
}
