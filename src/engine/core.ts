/**
 * What every room of the engine shares: its dependencies, the request and history types,
 * time helpers, and the mapping of storage failures to 503. No plan is named here.
 */
import type { IncidentInput, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import type { Calendar } from '../calendar/index.js'
import { AppError, StorageUnavailable, UnknownPlanVersion } from '../errors.js'
import type { Store } from '../store/connection.js'
import type { IncidentRow } from '../store/schema.js'
import { createLiveCache } from './live.js'
import type { IncidentView } from './view.js'

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
  /**
   * Called after each committed change (live updates). Its `view` is built on first read:
   * a listener that does not read it (no stream watching the incident) costs no view.
   */
  onChange?: (change: Change) => void
  /**
   * Told when onChange throws. The change stands (it is committed and on disk) and every
   * caller is still answered: a listener's failure is the listener's, reported here.
   */
  onListenerError?: (error: unknown) => void
  /** Where notifications go; each route may be limited to a plan and to entry types. */
  webhooks?: readonly WebhookRoute[]
  /** Told when one timer cannot fire (e.g. its incident's plan version is unknown); the others go on. */
  onTimerError?: (timer: { incident_id: string; instance: string }, error: unknown) => void
  /** Shares of a deadline's window at which a "due soon" warning fires (default 50 % and 80 %). */
  warnAt?: readonly number[]
  /** Incidents kept restored between changes (live.ts; default 1,000; 0: none). */
  actorCacheSize?: number
  /**
   * How long after an incident is opened a deadline that had already passed then waits
   * before it fires (late-entry.ts; default 0: at once; the service's default is 10 minutes).
   */
  lateEntryGraceMs?: number
  /**
   * A change to an incident kept live writes its snapshot when it is this many versions
   * behind (tail.ts; default SNAPSHOT_EVERY; 1: every change writes it).
   */
  snapshotEvery?: number
}

/** A committed change, as onChange hears of it. */
export interface Change {
  incidentId: string
  organisation: string
  entry: HistoryItem
  /** The incident's view after the change (without `overdue`), built on first read and kept. */
  readonly view: IncidentView
  /**
   * The due times of the timer rows the change began (deadlines and their warnings): what a
   * scheduler asleep until a later one must wake for. Rows it left alone were there before.
   */
  dueTimes: readonly string[]
}

/** A value worked out on first call and kept. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => {
    made ??= { value: make() }
    return made.value
  }
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
  /** `expectedVersion` of the body. */
  expectedVersion?: number
  /**
   * The version an `If-Match` header names: a condition as `expectedVersion` is (the HTTP
   * layer refuses both given and different), but not part of the body an Idempotency-Key
   * compares (idempotency.ts `requestHashes`).
   */
  ifMatch?: number
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
export const GROUP_MAX = 64
/** Due timers fired in one transaction (see fireDue). */
export const FIRE_BATCH = 100

/** How far behind its version a live incident's stored snapshot may fall (tail.ts). */
export const SNAPSHOT_EVERY = 8

/** Clock skew we tolerate for times a client says are "now". */
export const SKEW_MS = 5 * 60_000
export const iso = (d: Date) => d.toISOString()
/**
 * An instant in the one form the store and the API use (`toISOString`). The same due
 * times and anchors are normalised again with every event (the columns, the timer rows),
 * so the answers are remembered, a bounded number of them.
 */
const normalised = new Map<string, string>()
export const normalise = (t: string): string => {
  let n = normalised.get(t)
  if (n === undefined) {
    n = new Date(t).toISOString()
    if (normalised.size >= 10_000) normalised.clear()
    normalised.set(t, n)
  }
  return n
}
/** The later of two ISO-8601 UTC instants (text order is time order). */
export const laterOf = (a: string, b: string): string => (a < b ? b : a)

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
  // The WAL's own fsync failed (store/durability.ts): what it was to cover is committed
  // but not known to be on disk, and the store takes nothing more until it is reopened.
  if (/^(EIO|ENOSPC|EROFS|EDQUOT)$/.test(code))
    return new StorageUnavailable(
      `the disk failed to make changes durable (${code}): a change answered so may or may not have been kept, ` +
        'and the service takes no changes until it is restarted; then read the incident, or send again with ' +
        'the same Idempotency-Key (applied at most once)',
      { outcome: 'unknown' },
    )
  if (/^(53|57P|08)/.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')
    return new StorageUnavailable(`the database is unavailable (${code}); retry later`)
  return null
}

/** The engine's dependencies with their defaults, and the two helpers every room uses. */
export function createCore(deps: EngineDeps) {
  const { store, plans, clock, calendar } = deps
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
  return {
    deps,
    store,
    db: store.db,
    plans,
    clock,
    calendar,
    warnAt: deps.warnAt ?? [0.5, 0.8],
    lateEntryGraceMs: deps.lateEntryGraceMs ?? 0,
    snapshotEvery: Math.max(1, deps.snapshotEvery ?? SNAPSHOT_EVERY),
    webhooks: deps.webhooks ?? [],
    planOf,
    guarded,
    live: createLiveCache(deps.actorCacheSize),
  }
}
export type Core = ReturnType<typeof createCore>

/** A journal row as it is stored (the entry written, or read back). */
export interface StoredEntry {
  seq: number
  type: string
  payload: string
  actor_name: string
  actor_role: string
  occurred_at: string
  recorded_at: string
  hash: string
}

export function toHistory(e: StoredEntry): HistoryItem {
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
