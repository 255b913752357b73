/**
 * GET /admin/deliveries (admin and auditor: the auditor reads everything, API.md "Start"):
 * the webhook outbox as delivery.status() sees it, newest first, limited to the caller's
 * organisation's incidents. Receiver URLs are shown
 * without credentials or query string: those often carry a receiver's secret.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Forbidden } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'

const DeliveryQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).optional().openapi({
      type: 'integer',
      minimum: 1,
      maximum: 500,
      default: 100,
      description: 'how many of the newest notifications to look at (default 100)',
    }),
  })
  .strict()

const DeliverySchema = z.object({
  id: z.string().openapi({ description: 'also sent as X-Delivery-Id' }),
  url: z.string().openapi({ description: 'the receiver, without credentials or query string' }),
  incidentId: z.string(),
  seq: z.number().int(),
  kind: z.string().openapi({ description: 'the journal entry type' }),
  state: z.enum(['delivered', 'pending', 'failing']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
})
const DeliveriesSchema = z
  .object({
    items: z.array(DeliverySchema),
    summary: z.object({
      delivered: z.number().int(),
      pending: z.number().int(),
      failing: z.number().int(),
    }),
  })
  .openapi('Deliveries')

const route = createRoute({
  method: 'get',
  path: '/admin/deliveries',
  operationId: 'listDeliveries',
  summary: 'Webhook notifications and their delivery status (admin and auditor)',
  description:
    '`failing`: tried and not yet accepted (see `lastStatus`, `lastError`, `nextAttemptAt`); ' +
    '`pending`: not tried yet; `delivered`: the receiver answered 2xx.',
  tags: ['admin'],
  request: { query: DeliveryQuery },
  responses: {
    200: json(DeliveriesSchema, 'the newest notifications of the organisation'),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    503: problems[503],
  },
})

/** The receiver without what may be secret in its URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`
  } catch {
    return '(unparseable URL)'
  }
}

export function adminRoutes({ db, delivery }: Pick<AppDeps, 'db' | 'delivery'>) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const caller = c.get('caller')
    if (caller.role !== 'admin' && caller.role !== 'auditor')
      throw new Forbidden(`role ${caller.role} may not see deliveries (admin and auditor may)`)
    const rows = delivery ? await delivery.status(c.req.valid('query').limit ?? 100) : []
    const ids = [...new Set(rows.map((r) => r.incident_id))]
    const mine = new Set(
      ids.length
        ? (
            await db
              .selectFrom('incidents')
              .select('id')
              .where('organisation', '=', caller.organisation)
              .where('id', 'in', ids)
              .execute()
          ).map((r) => r.id)
        : [],
    )
    const items = rows
      .filter((r) => mine.has(r.incident_id))
      .map((r) => ({
        id: r.id,
        url: redactUrl(r.url),
        incidentId: r.incident_id,
        seq: r.seq,
        kind: r.kind,
        state: r.delivered_at
          ? ('delivered' as const)
          : r.attempts > 0
            ? ('failing' as const)
            : ('pending' as const),
        attempts: r.attempts,
        nextAttemptAt: r.delivered_at ? null : r.next_attempt_at,
        deliveredAt: r.delivered_at,
        lastStatus: r.last_status,
        lastError: r.last_error,
      }))
    const summary = { delivered: 0, pending: 0, failing: 0 }
    for (const i of items) summary[i.state]++
    return c.json({ items, summary }, 200)
  })
}
