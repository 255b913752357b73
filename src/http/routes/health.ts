import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { type Kysely, sql } from 'kysely'
import { StorageUnavailable } from '../../errors.js'
import type { Database } from '../../store/schema.js'
import type { AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'
import { HealthSchema } from '../schemas/service.js'

const health = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  summary: 'Liveness and storage: ok once the database answers and the disk keeps what it is given',
  description:
    'Answers 200 once the database answers a query, 503 when it does not, and 503 for good after the disk ' +
    'failed to sync a commit (the service then takes no changes until it is restarted); needs no token.',
  tags: ['service'],
  security: [],
  responses: { 200: json(HealthSchema, 'the database answers'), 503: problems[503] },
})

/** `failure`: the store's fail-stop after a failed sync (engine.storageFailure), or null. */
export function healthRoutes(db: Kysely<Database>, failure: () => Error | null) {
  return new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
    try {
      await sql`select 1`.execute(db)
    } catch {
      throw new StorageUnavailable('the database does not answer')
    }
    // Not a wait for the syncs under way: health answers while the disk writes.
    const failed = failure()
    if (failed) throw failed
    return c.json({ status: 'ok' as const }, 200)
  })
}
