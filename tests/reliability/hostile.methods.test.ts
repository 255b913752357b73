/**
 * Hostile input on every route of the app: methods no route has (PUT, DELETE, PATCH,
 * OPTIONS, PROPFIND) on every path get problem+json, never a 5xx (the invariant:
 * tests/helpers/hostile/invariant.ts).
 */
import fc from 'fast-check'
import { afterAll, describe, it } from 'vitest'
import { authorization, type ROLES } from '../helpers/hostile/generators.js'
import { check, fresh, t } from '../helpers/hostile/invariant.js'
import { pathArbitrary } from '../helpers/hostile/requests.js'
import { ROUTES, RUNS } from '../helpers/hostile/routes.js'

afterAll(() => t?.close())

describe('hostile input on every route', () => {
  it('answers methods no route has with problem+json, never 5xx', async () => {
    await fresh()
    const paths = [...new Set(ROUTES.map((r) => r.path))]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'),
        fc.constantFrom(...paths).chain((p) => pathArbitrary(p)),
        authorization,
        async (method, path, auth) => {
          const headers: Record<string, string> = {}
          if (auth.role) headers.authorization = `Bearer ${t.tokens[auth.role as (typeof ROLES)[number]]}`
          await check({ method, path, init: { method, headers } })
        },
      ),
      { numRuns: RUNS },
    )
  })
})
