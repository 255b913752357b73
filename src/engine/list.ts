import { type Kysely, type SelectQueryBuilder, SqliteAdapter, sql } from 'kysely'
import { ValidationError } from '../errors.js'
import { joinSnapshots, type WithSnapshot } from '../store/repo.js'
import type { Database, IncidentRow } from '../store/schema.js'
import { VIEW_COLUMNS, type ViewRead } from './stored-view.js'
import type { IncidentView } from './view.js'

export interface ListFilter {
  plan?: string
  phase?: string
  severity?: string
  owner?: string
  overdue?: boolean
  /** Incidents with an owed obligation this role can discharge. */
  owedBy?: string
  /** Incidents with a breached obligation (ever). */
  breached?: boolean
  /** `created` (newest first, the default) or `nextDue` (nearest owed due time first; none last). */
  sort?: 'created' | 'nextDue'
  /** Title or source URL contains it. */
  q?: string
  limit?: number
  cursor?: string
}
export interface ListPage<T = IncidentView> {
  items: T[]
  nextCursor: string | null
}

type Sort = NonNullable<ListFilter['sort']>
const SORTS: readonly Sort[] = ['created', 'nextDue']

/**
 * A cursor is `sort|key|id` (base64url): the order it was made in, and the position in it
 * (a creation or a due time, then the id). One of the former shape, `key|id`, says no order
 * and is read in the query's, as before.
 */
const encode = (sort: Sort, key: string, id: string) =>
  Buffer.from(`${sort}|${key}|${id}`).toString('base64url')
function decode(cursor: string, sort: Sort): [string, string] {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|')
  const [made, key, id] = parts.length === 3 ? parts : [sort, ...parts]
  if (key === undefined || !id || parts.length > 3 || !SORTS.includes(made as Sort))
    throw new ValidationError('bad cursor', [{ path: 'cursor', message: 'not a cursor this service issued' }])
  if (made !== sort)
    throw new ValidationError('the cursor belongs to another order', [
      {
        path: 'cursor',
        message: `made under sort=${made}, sent with sort=${sort}`,
        expected: `the same sort as the query that gave it (sort=${made}), or no cursor to start again`,
      },
    ])
  return [key, id]
}
/** Sort key of `sort=nextDue`: incidents with no owed due time sort after every due time. */
const NO_DUE = '~'
/** LIKE with the pattern's own wildcards escaped, so `q` matches literally. */
const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Search through the trigram index of migration 0002 (SQLite, three characters or
 * more): up to this many hits, each is looked up by rowid and those rows sorted; above
 * it the term is common, and reading newest first with LIKE alone meets a page of
 * matches sooner (at 1M incidents both cost about the same near this count). The LIKE
 * test stays on either way, so both list exactly the same rows.
 */
const SEARCH_HITS_MAX = 2000
/** An FTS5 phrase: the text literally, quotes doubled. */
const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`

/** Rowids (of `incidents`, looked up now) of the search hits; null when the index does not apply or the term is common. */
async function searchHits(db: Kysely<Database>, q: string): Promise<number[] | null> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter) || [...q].length < 3) return null
  const found = await sql<{ r: number }>`SELECT rowid AS r FROM incidents_search
    WHERE incidents_search MATCH ${phrase(q)} LIMIT ${SEARCH_HITS_MAX + 1}`.execute(db)
  if (found.rows.length > SEARCH_HITS_MAX) return null
  if (found.rows.length === 0) return []
  const { rows } = await sql<{ r: number }>`SELECT i.rowid AS r FROM incidents_search s
    JOIN incidents i ON i.id = s.incident_id WHERE s.rowid IN (${sql.join(found.rows.map((x) => x.r))})`.execute(
    db,
  )
  return rows.map((x) => x.r)
}

/**
 * FROM incidents, or, given search hits, only those rows: NOT INDEXED keeps SQLite
 * (which has no table statistics here) from reading the newest-first index and every
 * row behind it instead of looking each hit up by its rowid.
 */
function fromIncidents(
  db: Kysely<Database>,
  hits: number[] | null,
): SelectQueryBuilder<Database, 'incidents', object> {
  if (hits === null) return db.selectFrom('incidents')
  const rowids = hits.length > 0 ? sql.join(hits) : sql`NULL`
  const few = sql<IncidentRow>`(SELECT * FROM incidents NOT INDEXED WHERE rowid IN (${rowids}))`.as(
    'incidents',
  )
  // The same columns under the same name: only where the rows come from differs.
  return db.selectFrom(few) as unknown as SelectQueryBuilder<Database, 'incidents', object>
}

/** The incidents of `organisation` that the filter's conditions keep, read with their snapshots (joinSnapshots). */
async function matching(db: Kysely<Database>, f: ListFilter, organisation: string, now: Date) {
  const hits = f.q ? await searchHits(db, f.q) : null
  let q = joinSnapshots(fromIncidents(db, hits)).where('organisation', '=', organisation)
  if (f.plan) q = q.where('plan_id', '=', f.plan)
  if (f.phase) q = q.where('phase', '=', f.phase)
  if (f.severity) q = q.where('severity', '=', f.severity)
  if (f.owner) q = q.where('owner', '=', f.owner)
  if (f.overdue !== undefined) {
    const nowIso = now.toISOString()
    q = f.overdue
      ? q
          .where('closed_at', 'is', null)
          .where((eb) => eb.or([eb('has_missed', '=', 1), eb('next_due_at', '<', nowIso)]))
      : q.where((eb) =>
          eb.or([
            eb('closed_at', 'is not', null),
            eb.and([
              eb('has_missed', '=', 0),
              eb.or([eb('next_due_at', 'is', null), eb('next_due_at', '>=', nowIso)]),
            ]),
          ]),
        )
  }
  if (f.owedBy) q = q.where('owed_by', 'like', `%|${f.owedBy.replace(/[\\%_|]/g, '')}|%`)
  if (f.breached !== undefined) q = q.where('breached_count', f.breached ? '>' : '=', 0)
  if (f.q) {
    const p = likeEscaped(f.q)
    q = q.where(sql<boolean>`(title LIKE ${p} ESCAPE '\\' OR source_url LIKE ${p} ESCAPE '\\')`)
  }
  return q
}

/**
 * The id of one incident the filter keeps (on any page) whose snapshot row is missing (a
 * storage fault: repo.withSnapshot), or null: what an export checks before it sends its
 * first byte, so that it never stops partway through (routes/export.ts).
 */
export async function firstWithoutSnapshot(
  db: Kysely<Database>,
  f: ListFilter,
  organisation: string,
  now: Date,
): Promise<string | null> {
  const q = await matching(db, f, organisation, now)
  const row = await q
    .select('incidents.id')
    .where('snapshots.incident_id', 'is', null)
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}

/** Newest first by createdAt (then id), keyset-paged. */
export async function listIncidents<T = IncidentView>(
  db: Kysely<Database>,
  f: ListFilter,
  organisation: string,
  now: Date,
  /** The page's views (or views with more), from its rows (the snapshots are read for them: projection.ts). */
  read: (rows: WithSnapshot<ViewRead>[]) => Promise<T[]>,
): Promise<ListPage<T>> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200)
  let q = (await matching(db, f, organisation, now)).select(VIEW_COLUMNS)
  const sort: Sort = f.sort ?? 'created'
  const byDue = sort === 'nextDue'
  const due = sql<string>`coalesce(next_due_at, ${NO_DUE})`
  if (f.cursor) {
    const [key, id] = decode(f.cursor, sort)
    q = byDue
      ? q.where(sql<boolean>`(${due} > ${key} OR (${due} = ${key} AND id > ${id}))`)
      : q.where((eb) =>
          eb.or([eb('created_at', '<', key), eb.and([eb('created_at', '=', key), eb('id', '<', id)])]),
        )
  }
  const rows = await (byDue
    ? q.select(due.as('due_key')).orderBy(due).orderBy('id', 'asc')
    : q.select(sql<string>`created_at`.as('due_key')).orderBy('created_at', 'desc').orderBy('id', 'desc')
  )
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: await read(page),
    nextCursor: rows.length > limit && last ? encode(sort, last.due_key, last.id) : null,
  }
}
