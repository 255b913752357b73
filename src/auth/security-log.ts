/**
 * The security audit log: organisations created, tokens created and revoked, and the
 * refused requests (401/403) with their route. Rows never hold a token, only its id.
 *
 * Refusals are bounded (API.md "Hostile input and limits"): paths and reasons are cut to
 * a few hundred bytes; refusals of one kind from one client within one minute make one
 * row, written at the first and brought up to date with its `count` when the minute is
 * over (so a flood costs one insert and one update per client and minute, not an fsynced
 * insert per request); past MAX_CLIENTS_PER_MINUTE clients in one minute, the rest share
 * one row; and refusal rows are pruned by age and by number. Token and organisation
 * events are never pruned.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'

export type RefusalKind = 'auth.unauthorized' | 'auth.forbidden' | 'auth.rate-limited'

export interface Refusal {
  kind: RefusalKind
  method: string
  route: string
  requestId?: string
  tokenId?: string
  role?: string
  reason: string
}

export type SecurityEvent =
  | { kind: 'token.created'; tokenId: string; role: string; name: string; organisation: string; by: string }
  | { kind: 'token.revoked'; tokenId: string; by: string }
  | { kind: 'token.restored'; tokenId: string; by: string }
  | { kind: 'token.renamed'; tokenId: string; from: string; by: string }
  | { kind: 'organisation.created'; organisation: string; name: string; by: string }
  | Refusal

export async function recordSecurityEvent(db: Kysely<Database>, e: SecurityEvent, at: Date): Promise<void> {
  const { kind, ...detail } = e
  await db
    .insertInto('security_log')
    .values({ id: randomUUID(), at: at.toISOString(), kind, detail: JSON.stringify(detail) })
    .execute()
}

export async function readSecurityLog(db: Kysely<Database>, limit = 100) {
  const rows = await db.selectFrom('security_log').selectAll().orderBy('at', 'desc').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, ...(JSON.parse(r.detail) as object) }))
}

/** Longest route or reason kept, in UTF-16 units (a few hundred bytes). */
export const MAX_TEXT = 256
/** Distinct clients with a row of their own in one minute; the rest share the row of client `(others)`. */
export const MAX_CLIENTS_PER_MINUTE = 1000

const cut = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…(${s.length} chars)` : s)

export interface AuditOptions {
  db: Kysely<Database>
  now: () => Date
  /** Failed authentications (401) per client and minute before 429; 0 or less: no limit. */
  failuresPerMinute: number
  maxRows: number
  maxAgeDays: number
  /** Told when writing the log fails (the request's answer does not change). */
  onError?: (e: unknown) => void
}

interface Summary {
  id: string
  at: string
  kind: RefusalKind
  detail: Record<string, unknown>
  count: number
  written: number
}

export interface SecurityAudit {
  /** Records a refused request from `client` (null: unknown, as for in-process requests). */
  refused(r: Refusal, client: string | null): Promise<void>
  /** Seconds until `client` may try to authenticate again, or 0 when it may now. */
  retryAfter(client: string | null): number
  /** Writes the counts of the summaries not yet written and prunes old rows. */
  flush(): Promise<void>
}

export function createSecurityAudit(o: AuditOptions): SecurityAudit {
  let minute = ''
  let summaries = new Map<string, Summary>()
  /** 401s per client in the current minute, for the rate limit. */
  let failures = new Map<string, number>()
  let lastPrune = ''
  let writing: Promise<void> = Promise.resolve()

  /** Runs database writes one after another (a summary's insert before its update). */
  const serial = (fn: () => Promise<void>) => {
    writing = writing.then(fn).catch((e: unknown) => o.onError?.(e))
    return writing
  }

  const updateCounts = (rows: Summary[]) =>
    serial(async () => {
      for (const s of rows) {
        if (s.count === s.written) continue
        const count = s.count
        await o.db
          .updateTable('security_log')
          .set({ detail: JSON.stringify({ ...s.detail, count }) })
          .where('id', '=', s.id)
          .execute()
        s.written = count
      }
    })

  const prune = () =>
    serial(async () => {
      const now = o.now()
      const oldest = new Date(now.getTime() - o.maxAgeDays * 86_400_000).toISOString()
      await o.db.deleteFrom('security_log').where('kind', 'like', 'auth.%').where('at', '<', oldest).execute()
      const edge = await o.db
        .selectFrom('security_log')
        .select(['at', 'id'])
        .where('kind', 'like', 'auth.%')
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .offset(Math.max(o.maxRows, 0))
        .executeTakeFirst()
      if (edge)
        await o.db
          .deleteFrom('security_log')
          .where('kind', 'like', 'auth.%')
          .where((eb) =>
            eb.or([eb('at', '<', edge.at), eb.and([eb('at', '=', edge.at), eb('id', '<=', edge.id)])]),
          )
          .execute()
    })

  /** A new minute: the old minute's summaries get their final counts, and old rows go (once a minute). */
  const roll = (now: Date) => {
    const m = now.toISOString().slice(0, 16)
    if (m === minute) return
    const done = [...summaries.values()]
    minute = m
    summaries = new Map()
    failures = new Map()
    void updateCounts(done)
    if (lastPrune !== m) {
      lastPrune = m
      void prune()
    }
  }

  return {
    async refused(r, client) {
      const now = o.now()
      roll(now)
      const who = client ?? 'unknown'
      if (r.kind === 'auth.unauthorized' && client !== null) failures.set(who, (failures.get(who) ?? 0) + 1)
      const own = summaries.has(`${who}|${r.kind}`) || summaries.size < MAX_CLIENTS_PER_MINUTE
      const key = own ? `${who}|${r.kind}` : `(others)|${r.kind}`
      const known = summaries.get(key)
      if (known) {
        known.count++
        return
      }
      const { kind, ...rest } = r
      const s: Summary = {
        id: randomUUID(),
        at: now.toISOString(),
        kind,
        detail: {
          ...rest,
          route: cut(r.route),
          reason: cut(r.reason),
          client: own ? who : '(others)',
          minute: `${minute}Z`,
        },
        count: 1,
        written: 1,
      }
      summaries.set(key, s)
      await serial(() =>
        o.db
          .insertInto('security_log')
          .values({ id: s.id, at: s.at, kind, detail: JSON.stringify({ ...s.detail, count: 1 }) })
          .execute()
          .then(() => undefined),
      )
    },
    retryAfter(client) {
      if (client === null || o.failuresPerMinute <= 0) return 0
      const now = o.now()
      roll(now)
      if ((failures.get(client) ?? 0) < o.failuresPerMinute) return 0
      return Math.max(1, 60 - now.getUTCSeconds())
    },
    async flush() {
      roll(o.now())
      await updateCounts([...summaries.values()])
      await prune()
    },
  }
}
