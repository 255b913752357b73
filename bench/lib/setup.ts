/**
 * The engine as the service builds it (createStore → migrateToLatest → createEngine),
 * on a file in the benchmark's directory; and the baseline every write figure is
 * compared with: better-sqlite3 committing one journal-sized row per transaction,
 * with the same pragmas (SQLITE_PRAGMAS).
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type SQLite from 'better-sqlite3'
import * as registry from '../../machines/index.js'
import { createCalendar } from '../../src/calendar/index.js'
import { type Caller, createEngine, type EngineDeps } from '../../src/engine/engine.js'
import { createStore, openSqlite, SQLITE_PRAGMAS } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import type { BenchClock } from './clock.js'

export const calendar = createCalendar()

export const callerFor = (role: Caller['role']): Caller => ({
  name: `bench-${role}`,
  role,
  organisation: 'default',
  tokenId: `bench-${role}`,
})

export async function openEngine(
  file: string,
  clock: BenchClock,
  onChange?: EngineDeps['onChange'],
  extra: Pick<EngineDeps, 'snapshotEvery' | 'actorCacheSize'> = {},
) {
  const store = createStore(file)
  await migrateToLatest(store.db, store.schema)
  const engine = createEngine({
    store,
    plans: registry,
    clock,
    calendar,
    ...extra,
    ...(onChange ? { onChange } : {}),
  })
  return { store, engine }
}

/**
 * The baseline: one journal-sized row (the journal's columns, a payload of the templates'
 * average size, two hashes), one transaction, one commit.
 */
export function baselineDb(file: string, payloadBytes: number) {
  const payload = 'x'.repeat(payloadBytes)
  const db: SQLite.Database = openSqlite(file)
  db.exec(`CREATE TABLE IF NOT EXISTS journal (
    incident_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
    actor_name TEXT NOT NULL, actor_role TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
    idempotency_key TEXT, hash TEXT NOT NULL, prev_hash TEXT NOT NULL, PRIMARY KEY (incident_id, seq))`)
  const insert = db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)')
  const commit = db.transaction((seq: number) => {
    const at = new Date().toISOString()
    const hash = randomBytes(32).toString('hex')
    insert.run(randomBytes(16).toString('hex'), seq, 'REPORT', payload, 'bench', 'office', at, at, hash, hash)
  })
  let seq = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM journal').get() as { n: number }).n
  return {
    db,
    pragmas: SQLITE_PRAGMAS,
    commitOne: () => commit(++seq),
    /** Commits `n` rows one per transaction; commits per second. */
    measure(n: number): number {
      const started = performance.now()
      for (let i = 0; i < n; i++) commit(++seq)
      return n / ((performance.now() - started) / 1000)
    },
    close: () => db.close(),
  }
}
