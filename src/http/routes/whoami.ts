/** GET /whoami: who the token is, so a client (the console) need not ask the user their role. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'

const WhoamiSchema = z
  .object({
    name: z.string().openapi({ example: '张办公' }),
    role: z.string().openapi({ example: 'office' }),
    organisation: z.string().openapi({ example: 'default' }),
  })
  .openapi('Whoami')

const route = createRoute({
  method: 'get',
  path: '/whoami',
  operationId: 'whoami',
  summary: "The token's name, role and organisation",
  description: 'The name, role and organisation of the bearer token, for a client to check its token.',
  tags: ['service'],
  responses: { 200: json(WhoamiSchema, 'the caller'), 401: problems[401] },
})

export function whoamiRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(route, (c) => {
    const { name, role, organisation } = c.get('caller')
    return c.json({ name, role, organisation }, 200)
  })
}
