/** A fresh engine on a fresh database, with a clock the test moves. */

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import * as registry from '../../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { createCalendar } from '../../src/calendar/index.js'
import { auditIncident } from '../../src/engine/audit.js'
import { type Caller, createEngine, type Engine, type EngineDeps } from '../../src/engine/engine.js'
import { replayJournal } from '../../src/engine/replay.js'
import { parseSnapshot } from '../../src/engine/snapshot-text.js'
import { isBehind, restoreWith } from '../../src/engine/tail.js'
import { AppError } from '../../src/errors.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { readIncident } from '../../src/store/repo.js'
import { registryOf } from './migration-plans.js'
import { freshSchema, PG_URL, type StoreKind } from './stores.js'

export const calendar = createCalendar()

export class TestClock {
  constructor(public t = new Date('2026-10-09T01:00:00.000Z')) {}
  now = () => new Date(this.t)
  advance(minutes: number) {
    this.t = new Date(this.t.getTime() + minutes * 60_000)
  }
  set(iso: string) {
    this.t = new Date(iso)
  }
}

export const tempDbFile = () => join(mkdtempSync(join(tmpdir(), 'yuqing-')), 'test.db')

export interface TestEngine {
  engine: Engine
  store: Store
  clock: TestClock
}

/** Where a test database lives, so a test can close it and open it again ("restart"). */
export interface DbHandle {
  url: string
  schema?: string
}

/** A new, empty database of the given kind. */
export async function newDb(kind: StoreKind = 'sqlite', file = false): Promise<DbHandle> {
  if (kind === 'postgres') return { url: PG_URL, schema: await freshSchema() }
  return { url: file ? tempDbFile() : ':memory:' }
}

export async function freshEngine(
  db: DbHandle | string = ':memory:',
  clock = new TestClock(),
  plans?: EngineDeps['plans'],
  extra: Pick<EngineDeps, 'actorCacheSize' | 'lateEntryGraceMs' | 'snapshotEvery'> = {},
): Promise<TestEngine> {
  const h = typeof db === 'string' ? { url: db } : db
  const store = createStore(h.url, h.schema ? { schema: h.schema } : {})
  await migrateToLatest(store.db, store.schema)
  const registry = plans ?? (await import('../../machines/index.js'))
  const engine = createEngine({ store, plans: registry, clock, calendar, ...extra })
  return { engine, store, clock }
}

export const caller = (role: Caller['role'], organisation = 'default'): Caller => ({
  name: `${role}-user`,
  role,
  organisation,
  tokenId: `token-${role}-${organisation}`,
})

/**
 * An incident opened on `from` in `t`'s store by an engine that knows `from` only (as the release
 * before would have opened it; title 旧版事件 and severity reason 人工 unless `input` says), so that
 * `t.engine` can migrate it. `step` sends through that engine a minute after the last event.
 */
export async function openedByOld(
  t: TestEngine,
  from: PlanDefinition,
  input: Record<string, unknown>,
  by: Caller,
) {
  const old = createEngine({ store: t.store, plans: registryOf(from), clock: t.clock, calendar })
  const v = await old.open(
    { planId: from.id, title: '旧版事件', severityReason: '人工', ...input } as never,
    by,
  )
  const step = async (type: string, fields: Record<string, unknown>, who: Caller) => {
    t.clock.advance(1)
    return old.send(v.id, { type, fields }, who)
  }
  return { id: v.id, step }
}

/** The incident's audit passes on `plans`: its journal's chain, and replay reproducing the stored read model. */
export async function audited(t: TestEngine, plans: EngineDeps['plans'], id: string) {
  const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans }, id)
  expect(audit.readModel.mismatches).toEqual([])
  expect(audit.ok).toBe(true)
}

/**
 * The incident's MIGRATED entry as journaled (`payload`), and `replayedWith(p)`: the incident
 * replayed on `plans` from its journal with that entry's payload read as `p` (an entry an older
 * release wrote), its context; `snapshotWith(p)` the same replay's snapshot (state and context).
 */
export async function migratedEntry(t: TestEngine, plans: EngineDeps['plans'], id: string) {
  const entry = await t.store.db
    .selectFrom('journal')
    .select(['seq', 'payload'])
    .where('incident_id', '=', id)
    .where('type', '=', 'MIGRATED')
    .executeTakeFirstOrThrow()
  const row = await t.store.db
    .selectFrom('incidents')
    .select(['plan_id', 'plan_version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const entries = await t.store.db
    .selectFrom('journal')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('seq')
    .execute()
  /** The incident replayed from its journal with the MIGRATED entry's payload replaced by `payload`. */
  const snapshotWith = (payload: string) => {
    const at = entries.find((e) => e.seq === entry.seq)
    if (at) at.payload = payload
    return replayJournal(plans, row, entries).actorRef?.getSnapshot()
  }
  const replayedWith = (payload: string) => snapshotWith(payload)?.context as IncidentContext
  return { payload: entry.payload, replayedWith, snapshotWith }
}

/** What a refused send answered: its status, its message, and the problem's other members. */
export interface Refusal {
  status: number
  detail: string
}

/**
 * An incident opened on `planId` by a monitor in `t`'s engine. `send` moves the clock a minute
 * and sends; `refused` sends the same way, fails the test when the event is accepted, and
 * returns the refusal (an AppError) as `R`.
 */
export async function openedToRefuse<R extends Refusal>(t: TestEngine, planId: string) {
  const { engine, clock } = t
  const v = await engine.open({ planId, title: '农贸市场过期食品' }, caller('monitor'))
  const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
    clock.advance(1)
    return engine.send(v.id, { type, fields }, who)
  }
  const refused = (who: Caller, type: string, fields: Record<string, unknown> = {}) =>
    send(who, type, fields).then(
      () => expect.fail(`${type} was accepted`),
      (e: unknown): R => {
        expect(e).toBeInstanceOf(AppError)
        const a = e as AppError
        return { status: a.status, detail: a.message, ...(a.extra as Omit<R, 'status' | 'detail'>) } as R
      },
    )
  return { v, send, refused }
}

/** Every row of every table, for "writes nothing" checks. */
export async function dump(store: Store): Promise<string> {
  const tables = ['incidents', 'journal', 'timers', 'idempotency'] as const
  const out: Record<string, unknown[]> = {}
  for (const t of tables) out[t] = await store.db.selectFrom(t).selectAll().execute()
  return JSON.stringify(out)
}

/**
 * The state an incident's row stores, read back whole as the engine reads it
 * (src/engine/snapshot-text.ts: obligations are stored without what their rule gives;
 * src/engine/tail.ts: a snapshot behind the row's version with the entries after it re-sent).
 */
export async function storedSnapshot<T = { value: unknown; context: IncidentContext }>(
  db: Store['db'],
  id: string,
  plans: EngineDeps['plans'] = registry,
): Promise<T> {
  const row = await readIncident(db, id)
  if (!row) throw new Error(`no incident ${id}`)
  const plan = plans.getPlan(row.plan_id, row.plan_version)
  if (!isBehind(row)) return parseSnapshot<T>(plan, row.snapshot)
  if (!plan)
    throw new Error(`storedSnapshot: no plan ${row.plan_id}@${row.plan_version} to bring ${id} up with`)
  const entries = await db
    .selectFrom('journal')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('seq')
    .execute()
  const s = restoreWith(plan, row, entries).getSnapshot()
  return { value: s.value, context: s.context } as T
}
