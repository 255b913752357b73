/**
 * Hostile input on every route of the app: JSON nested 10,000 deep, as the body or in a
 * field, on every write route gets a 4xx, never a 5xx (the invariant:
 * tests/helpers/hostile/invariant.ts).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { VALID_BODIES } from '../helpers/hostile/bodies.js'
import { check, fresh, incidentId, t } from '../helpers/hostile/invariant.js'
import { ROUTES, WRITER } from '../helpers/hostile/routes.js'

afterAll(() => t?.close())

describe('hostile input on every route', () => {
  it('refuses JSON nested 10,000 deep on every write route with a 4xx, never 5xx', async () => {
    await fresh()
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
    const failures: string[] = []
    for (const route of ROUTES.filter((r) => r.method === 'POST')) {
      const path = route.path.replace(':id', incidentId).replace(':planId', 'neixiang-2017')
      const valid = JSON.stringify(VALID_BODIES[route.path]?.() ?? { x: 1 })
      const headers = {
        authorization: `Bearer ${t.tokens[WRITER[route.path] ?? 'office']}`,
        'content-type': 'application/json',
      }
      for (const [name, deep] of [
        ['array', deepArray],
        ['object', deepObject],
      ] as const) {
        for (const [where, body] of [
          ['as the body', deep],
          ['in an unknown field', `${valid.slice(0, -1)},"deep":${deep}}`],
          ['in a known field', `${valid.slice(0, -1)},"facts":${deep}}`],
        ]) {
          await check({ method: 'POST', path, init: { method: 'POST', headers, body } }).catch((e: unknown) =>
            failures.push(`${route.path}, ${name} ${where}: ${(e as Error).message.slice(0, 160)}`),
          )
        }
      }
    }
    expect(failures).toEqual([])
  })
})
