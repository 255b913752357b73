/**
 * Delivers queued notifications (the outbox) to webhooks: signed, in order per incident
 * and receiver, retried with exponential backoff, and never lost on restart — a row
 * leaves the outbox only when the receiver answered 2xx.
 *
 * Signature (API.md): `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * Each delivery also carries `X-Delivery-Id` (stable across retries) for receivers that dedupe.
 */
import { createHmac } from 'node:crypto'
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

  async function attempt(row: { id: string; url: string; body: string }) {
    const t = Math.floor(clock.now().getTime() / 1000)
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-delivery-id': row.id }
    if (deps.secret) headers['x-signature'] = sign(deps.secret, t, row.body)
    try {
      const res = await doFetch(row.url, {
        method: 'POST',
        headers,
        body: row.body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      })
      await res.body?.cancel().catch(() => undefined)
      return { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status}` }
    } catch (e) {
      return { ok: false, status: null, error: String((e as Error).message ?? e) }
    }
  }

  /** One pass: every receiver/incident queue sends its oldest due notifications, in order, until one fails. */
  async function deliverDue(limit = 200): Promise<number> {
    const now = clock.now().toISOString()
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
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
      if (row.next_attempt_at > now) {
        blocked.add(queue)
        continue
      }
      const r = await attempt(row)
      const attempts = row.attempts + 1
      if (r.ok) {
        await db
          .updateTable('outbox')
          .set({ delivered_at: clock.now().toISOString(), attempts, last_status: r.status, last_error: null })
          .where('id', '=', row.id)
          .execute()
        delivered++
      } else {
        blocked.add(queue)
        const wait = Math.min(max, base * 2 ** (attempts - 1))
        await db
          .updateTable('outbox')
          .set({
            attempts,
            last_status: r.status,
            last_error: r.error,
            next_attempt_at: new Date(clock.now().getTime() + wait).toISOString(),
          })
          .where('id', '=', row.id)
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
