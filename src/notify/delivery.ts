/**
 * Delivers queued notifications (the outbox) to webhooks: signed, in order per incident
 * and receiver, retried with exponential backoff, and never lost on restart — a row
 * leaves the outbox only when the receiver answered 2xx.
 *
 * Signature (API.md): `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * Each delivery also carries `X-Delivery-Id` (stable across retries) for receivers that dedupe.
 *
 * Several nodes may deliver from one database: a row is leased before it is sent, only
 * when it heads its queue. Delivery is at least once: a node that dies after the
 * receiver answered but before it recorded the answer leaves a row that is sent again
 * once the lease runs out (receivers dedupe on `X-Delivery-Id`).
 */
import { createHmac, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'

export interface DeliveryDeps {
  db: Kysely<Database>
  clock: { now(): Date }
  secret?: string
  fetch?: typeof fetch
  /** First retry after this many ms, doubling up to maxBackoffMs. */
  baseBackoffMs?: number
  maxBackoffMs?: number
  timeoutMs?: number
  /** How long a node holds a row it is sending; another node may retry it after (default timeout + 20 s). */
  leaseMs?: number
  /** This node's name in `claimed_by` (default host:pid:random). */
  node?: string
}

export const sign = (secret: string, t: number, body: string) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`

/** Verifies a signature header, for receivers and tests. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  toleranceS = 300,
  now = Date.now(),
) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)
  if (!m) return false
  const t = Number(m[1])
  if (Math.abs(now / 1000 - t) > toleranceS) return false
  return sign(secret, t, body) === header
}

export function createDelivery(deps: DeliveryDeps) {
  const { db, clock } = deps
  const doFetch = deps.fetch ?? fetch
  const base = deps.baseBackoffMs ?? 1000
  const max = deps.maxBackoffMs ?? 10 * 60_000
  const timeoutMs = deps.timeoutMs ?? 10_000
  // Outlasts the longest send (its timeout) with room for the writes and some clock skew between nodes.
  const leaseMs = deps.leaseMs ?? timeoutMs + 20_000
  const node = deps.node ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`

  async function attempt(row: { id: string; url: string; body: string }) {
    const t = Math.floor(clock.now().getTime() / 1000)
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-delivery-id': row.id }
    if (deps.secret) headers['x-signature'] = sign(deps.secret, t, row.body)
    try {
      const res = await doFetch(row.url, {
        method: 'POST',
        headers,
        body: row.body,
        signal: AbortSignal.timeout(timeoutMs),
      })
      await res.body?.cancel().catch(() => undefined)
      return { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status}` }
    } catch (e) {
      return { ok: false, status: null, error: String((e as Error).message ?? e) }
    }
  }

  /**
   * Leases one row for this node, only if it is due, unleased (or its lease ran out) and
   * the head of its queue: no earlier notification to the same receiver about the same
   * incident is undelivered. One conditional UPDATE, so of several nodes at most one
   * wins, on SQLite and PostgreSQL alike; a lost race returns undefined.
   */
  const claim = (id: string, now: string) =>
    db
      .updateTable('outbox')
      .set({ claimed_by: node, claimed_until: new Date(Date.parse(now) + leaseMs).toISOString() })
      .where('id', '=', id)
      .where('delivered_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox as earlier')
              .select('earlier.id')
              .whereRef('earlier.url', '=', 'outbox.url')
              .whereRef('earlier.incident_id', '=', 'outbox.incident_id')
              .where('earlier.delivered_at', 'is', null)
              .where((eb) =>
                eb.or([
                  eb('earlier.seq', '<', eb.ref('outbox.seq')),
                  eb.and([
                    eb('earlier.seq', '=', eb.ref('outbox.seq')),
                    eb('earlier.id', '<', eb.ref('outbox.id')),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .returning(['attempts'])
      .executeTakeFirst()

  /**
   * One pass: every receiver/incident queue sends its oldest due notifications, in order,
   * until one fails or another node holds the queue. Safe with several nodes on one
   * database: each row is leased before it is sent (see claim).
   */
  async function deliverDue(limit = 200): Promise<number> {
    const rows = await db
      .selectFrom('outbox')
      .select(['id', 'url', 'incident_id', 'body', 'next_attempt_at'])
      .where('delivered_at', 'is', null)
      .orderBy('created_at')
      .orderBy('incident_id')
      .orderBy('seq')
      .limit(limit)
      .execute()
    const blocked = new Set<string>()
    let delivered = 0
    for (const row of rows) {
      const queue = `${row.url} ${row.incident_id}`
      // Order per incident: a later notification waits while an earlier one is still undelivered.
      if (blocked.has(queue)) continue
      const now = clock.now().toISOString()
      const claimed = row.next_attempt_at <= now ? await claim(row.id, now) : undefined
      if (!claimed) {
        // Not due, held by another node, or not the head of its queue: leave the queue for this pass.
        blocked.add(queue)
        continue
      }
      const r = await attempt(row)
      const attempts = claimed.attempts + 1
      const release = { attempts, last_status: r.status, claimed_by: null, claimed_until: null }
      if (r.ok) {
        await db
          .updateTable('outbox')
          .set({ ...release, delivered_at: clock.now().toISOString(), last_error: null })
          .where('id', '=', row.id)
          .execute()
        delivered++
      } else {
        blocked.add(queue)
        const wait = Math.min(max, base * 2 ** (attempts - 1))
        await db
          .updateTable('outbox')
          .set({
            ...release,
            last_error: r.error,
            next_attempt_at: new Date(clock.now().getTime() + wait).toISOString(),
          })
          .where('id', '=', row.id)
          // A send that outlived its lease: the row is another node's now, leave it to that node.
          .where('claimed_by', '=', node)
          .execute()
      }
    }
    return delivered
  }

  /** Delivery status for admins: pending and failing rows, newest first. */
  const status = (limit = 100) =>
    db
      .selectFrom('outbox')
      .select([
        'id',
        'url',
        'incident_id',
        'seq',
        'kind',
        'attempts',
        'next_attempt_at',
        'delivered_at',
        'last_status',
        'last_error',
      ])
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute()

  return { deliverDue, status }
}

export type Delivery = ReturnType<typeof createDelivery>
