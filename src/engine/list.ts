import { type Kysely, SqliteAdapter, sql } from 'kysely'
import { ValidationError } from '../errors.js'
import type { Database } from '../store/schema.js'
import type { IncidentView } from './view.js'

export interface ListFilter {
  plan?: string
  phase?: string
  severity?: string
  owner?: string
  overdue?: boolean
  /** Title or source URL contains it. */
  q?: string
  limit?: number
  cursor?: string
}
export interface ListPage {
  items: IncidentView[]
  nextCursor: string | null
}

const encode = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url')
function decode(cursor: string): [string, string] {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  if (!createdAt || !id)
    throw new ValidationError('bad cursor', [{ path: 'cursor', message: 'not a cursor this service issued' }])
  return [createdAt, id]
}
/** LIKE with the pattern's own wildcards escaped, so `q` matches literally. */
const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Above this many search hits a term is common: reading newest first and testing LIKE
 * meets a page of matches sooner than fetching and sorting every hit.
 */
const SEARCH_HITS_MAX = 1000
/** An FTS5 phrase: the text literally, quotes doubled. */
const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`

/**
 * Whether `q` should narrow the list through the trigram index (migration 0002, SQLite
 * only): three characters or more, and few enough hits. The LIKE test stays on in every
 * case, so both ways give exactly the same rows.
 */
async function searchIndexed(db: Kysely<Database>, q: string): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter) || [...q].length < 3) return false
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM incidents_search
    WHERE incidents_search MATCH ${phrase(q)} LIMIT ${SEARCH_HITS_MAX + 1})`.execute(db)
  return (rows[0]?.n ?? 0) <= SEARCH_HITS_MAX
}

/** Newest first by createdAt (then id), keyset-paged. */
export async function listIncidents(
  db: Kysely<Database>,
  f: ListFilter,
  organisation: string,
  now: Date,
  read: (row: { view: string }) => IncidentView,
): Promise<ListPage> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200)
  let q = db
    .selectFrom('incidents')
    .select(['id', 'view', 'created_at'])
    .where('organisation', '=', organisation)
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
  if (f.q) {
    const p = likeEscaped(f.q)
    q = q.where(sql<boolean>`(title LIKE ${p} ESCAPE '\\' OR source_url LIKE ${p} ESCAPE '\\')`)
    if (await searchIndexed(db, f.q))
      q = q.where(
        'id',
        'in',
        sql<string>`(SELECT incident_id FROM incidents_search WHERE incidents_search MATCH ${phrase(f.q)})`,
      )
  }
  if (f.cursor) {
    const [createdAt, id] = decode(f.cursor)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    )
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(read),
    nextCursor: rows.length > limit && last ? encode(last.created_at, last.id) : null,
  }
}
