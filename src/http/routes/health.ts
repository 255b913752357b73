import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { type Kysely, sql } from 'kysely'
import { StorageUnavailable } from '../../errors.js'
import type { Database } from '../../store/schema.js'
import type { AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'
import { HealthSchema } from '../schemas.js'

const health = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  summary: 'Liveness and storage: ok once the database answers',
  description: 'Answers 200 once the database answers a query, 503 when it does not; needs no token.',
  tags: ['service'],
  security: [],
  responses: { 200: json(HealthSchema, 'the database answers'), 503: problems[503] },
})

export function healthRoutes(db: Kysely<Database>) {
  return new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
    try {
      await sql`select 1`.execute(db)
    } catch {
      throw new StorageUnavailable('the database does not answer')
    }
    return c.json({ status: 'ok' as const }, 200)
  })
}
