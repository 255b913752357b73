/**
 * The journal's proof (README "Proving the journal was not altered"): recomputes one
 * incident's hash chain, entry by entry from the genesis hash, and the SHA-256 of every
 * evidence file it recorded, and names the first entry that does not match.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { verifyIncident } from '../../engine/verify.js'
import type { EvidenceStore } from '../../evidence/store.js'
import type { AppDeps, AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'
import { IncidentParams } from '../schemas.js'

export const VerificationSchema = z
  .object({
    ok: z.boolean().openapi({ description: 'every entry and every evidence file matches its hash' }),
    head: z.string().openapi({
      description:
        'the chain’s head as recomputed: the hash of the last entry (when ok), else of the last good one',
    }),
    firstBad: z
      .object({
        seq: z.number().int().openapi({ description: 'the first journal entry that does not match' }),
        reason: z.string(),
      })
      .nullable(),
    entries: z.number().int().openapi({ description: 'journal entries read' }),
  })
  .openapi('Verification')

const verify = createRoute({
  method: 'get',
  path: '/incidents/{id}/verify',
  operationId: 'verifyIncident',
  summary: "Recompute the journal's hash chain and the evidence hashes",
  description:
    "Recomputes the hash chain of the incident's journal and the SHA-256 of every piece of evidence; says which entry or file fails.",
  tags: ['incidents'],
  request: { params: IncidentParams },
  responses: {
    200: json(VerificationSchema, '`ok` true, or the first entry that does not match and why'),
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

export function verifyRoutes({ engine, db }: Pick<AppDeps, 'engine' | 'db'>, evidence: EvidenceStore) {
  return new OpenAPIHono<AppEnv>().openapi(verify, async (c) => {
    const { id } = c.req.valid('param')
    // Scoped like every read: another organisation's incident does not exist here.
    await engine.get(id, c.get('caller'))
    const result = await verifyIncident(db, id, evidence)
    c.header('cache-control', 'no-store')
    return c.json(result, 200)
  })
}
