/**
 * Events per second through engine.send on ONE node, the same workload on SQLite (a file:
 * WAL, synchronous=FULL) and on PostgreSQL (a fresh schema, dropped after), in one run:
 *
 *   npx tsx scripts/pg-throughput.ts [--events 1000] [--incidents 200]
 *
 * Workload: `incidents` open incidents of one plan, then METRICS_UPDATED events (a note,
 * no regrade: one journal entry + snapshot + view + timer sync per event), spread
 * round-robin over the incidents, at 1 and at 16 sends in flight; and 16 in flight on
 * ONE incident (the per-incident row lock is the bound). YUQING_PG_URL names the server.
 *
 * To show what bounds the figures, both stores run once more without a flush per commit
 * (SQLite synchronous=OFF, PostgreSQL synchronous_commit=off: NOT how the service runs),
 * and each row gives the CPU this Node process used per wall second (100 % = one core).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import * as registry from '../machines/index.js'
import { createCalendar } from '../src/calendar/index.js'
import { type Caller, createEngine, type Engine } from '../src/engine/engine.js'
import { createStore, type Store, withoutFsync } from '../src/store/connection.js'
import { migrateToLatest } from '../src/store/migrate.js'
import { preparing } from '../src/store/prepared-pg.js'
import type { Database } from '../src/store/schema.js'

const PG_URL = process.env.YUQING_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000' }, incidents: { type: 'string', default: '200' } },
})
const EVENTS = Number(values.events)
const INCIDENTS = Number(values.incidents)
const monitor: Caller = { name: 'bench', role: 'monitor', organisation: 'default', tokenId: 'bench' }

interface Scenario {
  name: string
  inFlight: number
  /** Which incident the i-th event goes to. */
  target: (i: number, ids: string[]) => string
}
const SCENARIOS: Scenario[] = [
  { name: '1 in flight, spread', inFlight: 1, target: (i, ids) => ids[i % ids.length]! },
  { name: '16 in flight, spread', inFlight: 16, target: (i, ids) => ids[i % ids.length]! },
  { name: '16 in flight, one incident', inFlight: 16, target: (_i, ids) => ids[0]! },
]

async function run(engine: Engine, ids: string[], s: Scenario, n: number) {
  const latencies: number[] = []
  let next = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  const worker = async () => {
    while (next < n) {
      const i = next++
      const t0 = performance.now()
      await engine.send(
        s.target(i, ids),
        { type: 'METRICS_UPDATED', fields: { facts: {}, note: `n${i}` } },
        monitor,
      )
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: s.inFlight }, worker))
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!
  return { rate: n / (ms / 1000), p50: at(0.5), p99: at(0.99), cpu: (used.user + used.system) / 1000 / ms }
}

async function measure(label: string, store: Store, scenarios = SCENARIOS) {
  await migrateToLatest(store.db, store.schema)
  const engine = createEngine({
    store,
    plans: registry,
    clock: { now: () => new Date() },
    calendar: createCalendar(),
  })
  const ids: string[] = []
  for (let i = 0; i < INCIDENTS; i++)
    ids.push((await engine.open({ planId: 'neixiang-2017', title: `bench ${i}` }, monitor)).id)
  await run(engine, ids, SCENARIOS[0]!, Math.min(200, EVENTS)) // warm-up: JIT, caches, pool
  const rows: string[] = []
  for (const s of scenarios) {
    const r = await run(engine, ids, s, EVENTS)
    const line =
      `${label.padEnd(20)} ${s.name.padEnd(27)} ${r.rate.toFixed(0).padStart(5)} events/s   ` +
      `p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   node CPU ${(r.cpu * 100).toFixed(0).padStart(3)} %`
    console.error(line)
    rows.push(line)
  }
  return rows
}

/** A PostgreSQL store like createStore's, with extra session settings. */
function pgStore(schema: string, settings: string): Store {
  const pool = new pg.Pool({
    connectionString: PG_URL,
    max: 10,
    options: `-c search_path=${schema} ${settings}`,
  })
  // The hot path's statements prepared per connection, as createStore's pool does.
  pool.on('connect', preparing)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    schema,
    file: null,
    sqlite: null,
    prepared: null,
    durability: null,
    close: () => db.destroy(),
  }
}

async function sqliteRun(label: string, synchronous: 'FULL' | 'OFF', scenarios = SCENARIOS) {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-throughput-'))
  const store = createStore(join(dir, 'bench.db'))
  // FULL: the store's own (commits durable before they are answered); OFF: no fsync at all.
  if (synchronous === 'OFF') withoutFsync(store)
  try {
    return await measure(label, store, scenarios)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const out: string[] = []
  const spread = SCENARIOS.slice(0, 2)
  out.push(...(await sqliteRun('sqlite', 'FULL')))
  out.push(...(await sqliteRun('sqlite (no flush)', 'OFF', spread)))

  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (e) {
    out.push(`postgres   skipped: ${PG_URL} does not answer (${String(e)})`)
    console.log(out.join('\n'))
    return
  }
  const settings = await admin.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers')`,
  )
  const schemas: string[] = []
  const fresh = async () => {
    const name = `bench_${randomBytes(4).toString('hex')}`
    await admin.query(`CREATE SCHEMA ${name}`)
    schemas.push(name)
    return name
  }
  try {
    const postgres = createStore(PG_URL, { schema: await fresh() })
    try {
      out.push(...(await measure('postgres', postgres)))
    } finally {
      await postgres.close()
    }
    const noFlush = pgStore(await fresh(), '-c synchronous_commit=off')
    try {
      out.push(...(await measure('postgres (no flush)', noFlush, spread)))
    } finally {
      await noFlush.close()
    }
  } finally {
    for (const name of schemas) await admin.query(`DROP SCHEMA ${name} CASCADE`)
    await admin.end()
  }
  out.push(
    `postgres settings: ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}; pool of 10 connections`,
  )
  console.log(`\n${EVENTS} events per row, ${INCIDENTS} incidents, one process\n${out.join('\n')}`)
}

await main()
