/**
 * A fresh database (in-memory SQLite, a SQLite file, or a fresh PostgreSQL schema) + engine + HTTP app, with a fixed clock the test moves
 * and a token for every role (plus one of another organisation).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as registry from '../../machines/index.js'
import { ROLES, type Role } from '../../machines/vocabulary.js'
import { createToken } from '../../src/auth/tokens.js'
import { createCalendar, loadHolidayYears } from '../../src/calendar/index.js'
import { createLiveCalendar, type LiveCalendar } from '../../src/calendar/live.js'
import { consoleRoutes } from '../../src/console/routes.js'
import * as diagrams from '../../src/diagrams/index.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createEvidenceStore } from '../../src/evidence/store.js'
import { type AppDeps, createApp } from '../../src/http/app.js'
import { createHub, type Hub, type HubOptions } from '../../src/live/hub.js'
import { createLogger, type Logger } from '../../src/log.js'
import { createDelivery } from '../../src/notify/delivery.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { witnessReader } from '../../src/witness/file.js'
import { openWitnessWriter, type WitnessWriter } from '../../src/witness/writer.js'
import { freshSchema, PG_URL, type StoreKind } from './stores.js'

export const calendar = createCalendar()
const BUILT_IN = loadHolidayYears()

/** A clock that stands still until the test moves it. */
export class FixedClock {
  constructor(public t = new Date('2026-10-09T01:00:00.000Z')) {}
  now = () => new Date(this.t)
  advance(minutes: number) {
    this.t = new Date(this.t.getTime() + minutes * 60_000)
  }
  set(iso: string) {
    this.t = new Date(iso)
  }
}

export interface Answer {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  body: any
  text: string
}

export interface RequestOptions {
  /** A role (its token), a raw token string via `bearer`, or none. */
  as?: Role | 'other-org'
  /** A second person of the same role (e.g. to approve what the first drafted). */
  colleague?: boolean
  bearer?: string
  body?: unknown
  /** Sent as is, for malformed-JSON and content-type tests. */
  raw?: string
  headers?: Record<string, string>
}

export interface TestApp {
  app: ReturnType<typeof createApp>
  engine: Engine
  store: Store
  clock: FixedClock
  /** Live updates: fed by the engine's onChange, read by the event streams. */
  hub: Hub
  tokens: Record<Role, string>
  /** A second token per role, another person of it (`<role>-colleague`). */
  colleagues: Record<Role, string>
  /** An office token of organisation `other`. */
  otherOrgToken: string
  /** Every structured log line the app wrote. */
  logs: string[]
  request(method: string, path: string, opts?: RequestOptions): Promise<Answer>
  close(): Promise<void>
  /** The calendar in force (built-in years and those loaded into this database). */
  calendar: LiveCalendar
  /** The witness writer, when `witness` was given. */
  witness: WitnessWriter | undefined
}

export async function testApp(
  opts: {
    clock?: FixedClock
    deps?: Partial<AppDeps>
    /** A database file, to restart on it (default: in memory). */
    database?: string
    /** E.g. a short heartbeat for the stream tests. */
    hub?: HubOptions
    /** PostgreSQL: a fresh schema on the test server (`database` is then ignored). */
    kind?: StoreKind
    /** Keep a witness file here (written right after each commit; `witness.flush()` awaits it). */
    witness?: string
    /** The plan versions served (default: the registry). */
    plans?: AppDeps['plans']
    /** How a database file's WAL is synced (a stand-in disk: src/store/durability.ts). */
    syncWal?: (file: string) => Promise<void>
  } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? new FixedClock()
  const store =
    opts.kind === 'postgres'
      ? createStore(PG_URL, { schema: await freshSchema() })
      : createStore(opts.database ?? ':memory:', opts.syncWal ? { syncWal: opts.syncWal } : {})
  await migrateToLatest(store.db, store.schema)
  const hub = createHub(opts.hub)
  // The calendar in force: built-in years and those loaded into this database (live).
  const liveCalendar = createLiveCalendar({ db: store.db, builtIn: BUILT_IN })
  await liveCalendar.refresh()
  const witness = opts.witness
    ? await openWitnessWriter({ file: opts.witness, intervalMs: 0, now: clock.now })
    : undefined
  const plans = opts.plans ?? registry
  const engine = createEngine({
    store,
    plans,
    clock,
    calendar: liveCalendar,
    onChange: (change) => {
      hub.publish(change)
      witness?.record({
        incident: change.incidentId,
        organisation: change.organisation,
        seq: change.entry.seq,
        head: change.entry.hash,
      })
    },
  })
  const logs: string[] = []
  const log: Logger = createLogger({ level: 'debug', write: (l) => logs.push(l), now: clock.now })
  const tokens = {} as Record<Role, string>
  for (const role of ROLES) {
    tokens[role] = (
      await createToken(store.db, { role, name: `${role}-tester` }, { now: clock.now(), by: 'test' })
    ).token
  }
  const colleagues = {} as Record<Role, string>
  for (const role of ROLES) {
    colleagues[role] = (
      await createToken(store.db, { role, name: `${role}-colleague` }, { now: clock.now(), by: 'test' })
    ).token
  }
  const otherOrgToken = (
    await createToken(
      store.db,
      { role: 'office', name: 'other-office', organisation: 'other' },
      { now: clock.now(), by: 'test' },
    )
  ).token
  const evidenceDir = mkdtempSync(join(tmpdir(), 'yuqing-evidence-'))
  const app = createApp({
    engine,
    db: store.db,
    plans,
    calendar: liveCalendar,
    log,
    diagrams,
    console: consoleRoutes(),
    hub,
    delivery: createDelivery({ db: store.db, clock }),
    evidence: createEvidenceStore(evidenceDir),
    ...(opts.witness ? { witness: witnessReader(opts.witness) } : {}),
    ...opts.deps,
  })

  async function request(method: string, path: string, o: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...o.headers }
    const token =
      o.bearer ??
      (o.as === 'other-org' ? otherOrgToken : o.as ? (o.colleague ? colleagues : tokens)[o.as] : undefined)
    if (token) headers.authorization = `Bearer ${token}`
    let body: string | undefined
    if (o.raw !== undefined) body = o.raw
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
    const text = await res.text()
    let parsed: unknown = text
    if (/json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text)
    return { status: res.status, headers: res.headers, body: parsed, text }
  }

  const close = async () => {
    hub.close()
    await witness?.close()
    await store.close()
    rmSync(evidenceDir, { recursive: true, force: true })
  }
  return {
    app,
    engine,
    store,
    clock,
    hub,
    tokens,
    colleagues,
    otherOrgToken,
    logs,
    request,
    close,
    witness,
    calendar: liveCalendar,
  }
}
