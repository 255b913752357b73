/**
 * The databases the benchmarks run on, filled with clones of template incidents
 * (clone.ts). A population of N incidents is, in this order of stages:
 *
 *   open    10 %  open, 10 journal rows each (fewer where a plan has no such walk), every timer still in the future
 *   closed  85 %  closed over the last two years (ballast: their OPENED entry only)
 *   overdue  5 %  open over the last 60 days, deadlines passed and not yet fired
 *
 * so the first stage of the 1M population is the recovery case (100,000 open
 * incidents, 1,000,000 journal rows) and the second adds closed incidents to it.
 * A timer cohort is a separate database of primed incidents whose next deadline
 * comes due inside a given window.
 */
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import SQLite from 'better-sqlite3'
import { createStore } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { type Cloned, type Compiled, compile, insertClones } from './clone.js'
import { detail } from './report.js'
import { random, randomInt } from './stats.js'
import type { Template } from './templates.js'

/** "Now" for every population: sends and lists happen at this instant (and after). */
export const NOW = Date.parse('2026-06-01T02:00:00.000Z')
const MIN = 60_000
const DAY = 24 * 60 * MIN

export const STAGES = ['open', 'closed', 'overdue'] as const
export type Stage = (typeof STAGES)[number]
const SHARE: Record<Stage, number> = { open: 0.1, closed: 0.85, overdue: 0.05 }

export interface Population {
  file: string
  size: number
  stage: number
  counts: Record<Stage, number>
  /** Open incidents (stages open and overdue) with their template: what sends can go to. */
  open: Cloned[]
}

export const dbFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`]
export const removeDb = (file: string) => {
  for (const f of dbFiles(file)) rmSync(f, { force: true })
}
export const dbBytes = (file: string) =>
  dbFiles(file).reduce((n, f) => {
    try {
      return n + statSync(f).size
    } catch {
      return n
    }
  }, 0)

/** A new database with the service's schema (createStore + migrateToLatest), closed again. */
export async function createDb(file: string) {
  removeDb(file)
  const store = createStore(file)
  await migrateToLatest(store.db, store.schema)
  await store.close()
}

/**
 * A connection for bulk loading only: a large page cache and no fsync (the data is
 * scaffolding, not a figure). Measurements always reopen with SQLITE_PRAGMAS.
 */
function loader(file: string) {
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -1000000')
  db.pragma('foreign_keys = ON')
  return db
}

const TABLES = ['incidents', 'journal', 'timers']

/**
 * Bulk load without index upkeep: the secondary indexes and triggers of the loaded
 * tables are dropped, the rows inserted, then the same statements (read back from
 * sqlite_master) run again and the search index gets the new rows in one statement.
 * The schema ends exactly as the migrations left it. No ANALYZE: the service never
 * runs it, so the query planner here has no statistics either.
 */
function bulk<T>(db: SQLite.Database, adding: number, load: () => T): T {
  const existing = (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n
  // A small addition to a large table: keeping the indexes is cheaper than rebuilding them.
  if (adding < existing / 4) return load()
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
       AND tbl_name IN (${TABLES.map(() => '?').join(', ')})`,
    )
    .all(...TABLES) as Array<{ type: string; name: string; sql: string }>
  const searched = objects.some((o) => o.name === 'incidents_search_insert')
  const before = (db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM incidents').get() as { n: number }).n
  for (const o of objects) db.exec(`DROP ${o.type} ${o.name}`)
  const result = load()
  for (const o of objects) db.exec(o.sql)
  if (searched)
    db.prepare(
      'INSERT INTO incidents_search (incident_id, title, source_url) SELECT id, title, source_url FROM incidents WHERE rowid > ?',
    ).run(before)
  return result
}

function finish(db: SQLite.Database) {
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

export interface Pools {
  open: Compiled[]
  closed: Compiled[]
  overdue: Compiled[]
  primed: Compiled[]
}

/**
 * Open-stage templates of one plan: walks still open at depth 9 (10 journal rows) whose
 * timers are all ahead; where a plan has none at 9, its deepest such walks.
 */
function openFuture(templates: readonly Template[]): Template[] {
  const ok = templates.filter(
    (t) => t.kind === 'walk' && !t.closed && t.pendingDue.every((d) => d > t.updatedAt + 2 * MIN),
  )
  const depth = Math.max(...ok.filter((t) => t.depth <= 9).map((t) => t.depth))
  return ok.filter((t) => t.depth === depth)
}

/** Templates sorted into what each stage clones; every stage has templates of every plan. */
export function pools(templates: readonly Template[]): Pools {
  const plans = [...new Set(templates.map((t) => t.planId))]
  const open = plans.flatMap((id) => openFuture(templates.filter((t) => t.planId === id)))
  const closed = templates.filter((t) => t.closed)
  const sorted = {
    open,
    closed,
    overdue: templates.filter((t) => t.kind === 'walk' && !t.closed),
    primed: templates.filter((t) => t.kind === 'primed' && t.nextDeadline !== null),
  }
  for (const [k, v] of Object.entries(sorted)) {
    const missing = plans.filter((id) => !v.some((t) => t.planId === id))
    if (missing.length > 0)
      throw new Error(`no template for the ${k} stage of ${missing.join(', ')}; build more walks`)
  }
  return {
    open: sorted.open.map((t) => compile(t)),
    closed: sorted.closed.map((t) => compile({ ...t, journal: t.journal.slice(0, 1) })),
    overdue: sorted.overdue.map((t) => compile(t)),
    primed: sorted.primed.map((t) => compile(t)),
  }
}

const uniform = (lo: number, hi: number) => lo + random() * (hi - lo)

function shiftFor(stage: Stage) {
  return (t: Template) => {
    switch (stage) {
      case 'open': {
        // Ends at most 15 minutes before NOW; every timer (warnings included) still ahead of NOW.
        const room = Math.min(
          15 * MIN,
          Math.min(...t.pendingDue, Number.POSITIVE_INFINITY) - t.updatedAt - MIN,
        )
        return NOW - t.updatedAt - uniform(0, room)
      }
      case 'closed':
        return NOW - t.updatedAt - uniform(DAY, 730 * DAY)
      case 'overdue':
        return NOW - t.updatedAt - uniform(60 * MIN, 60 * DAY)
    }
  }
}

/** Brings a population of `size` incidents up to `stage` (1 = open, 2 = + closed, 3 = + overdue). */
export async function grow(p: Population, upTo: number, all: Pools) {
  if (p.stage === 0) await createDb(p.file)
  for (let s = p.stage; s < upTo; s++) {
    const stage = STAGES[s]!
    const count = Math.round(p.size * SHARE[stage])
    const started = performance.now()
    const db = loader(p.file)
    const kept = bulk(db, count, () =>
      insertClones(db, { count, pool: all[stage], shift: shiftFor(stage) }, (t) => !t.closed),
    )
    finish(db)
    p.open.push(...kept)
    p.counts[stage] = count
    p.stage = s + 1
    detail(
      `seeded ${count} ${stage} incidents into ${p.file} in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(database now ${(dbBytes(p.file) / 2 ** 20).toFixed(0)} MiB)`,
    )
  }
}

export const newPopulation = (dir: string, size: number): Population => ({
  file: join(dir, `population-${size}.db`),
  size,
  stage: 0,
  counts: { open: 0, closed: 0, overdue: 0 },
  open: [],
})

/**
 * A database of `count` primed incidents whose next deadline comes due in
 * [window, window + spreadMs); spreadMs 0: all at the same instant.
 */
export async function timerCohort(file: string, count: number, window: number, spreadMs: number, all: Pools) {
  await createDb(file)
  const db = loader(file)
  const started = performance.now()
  bulk(db, count, () =>
    insertClones(db, {
      count,
      pool: all.primed,
      shift: (t) => window + (spreadMs > 0 ? randomInt(spreadMs) : 0) - t.nextDeadline!,
    }),
  )
  finish(db)
  detail(
    `seeded ${count} primed incidents into ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}
