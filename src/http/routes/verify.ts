/**
 * The journal's proof (README "Proving the journal was not altered"): recomputes one
 * incident's hash chain, entry by entry from the incident's identity, and the SHA-256 of
 * every evidence file it recorded; rebuilds the read model from the journal and compares
 * it with the stored one; checks the incident against the witness file when one is kept.
 * Names the first entry that does not match.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { auditIncident } from '../../engine/audit.js'
import type { EvidenceStore } from '../../evidence/store.js'
import { MissingSnapshot } from '../../store/errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'
import { IncidentParams } from '../schemas/incident-requests.js'

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
    chain: z.enum(['bound', 'legacy']).openapi({
      description:
        '`bound`: entry 1 chains to the incident’s id, organisation and plan; `legacy`: opened before that binding, the organisation is not covered by the chain',
    }),
    readModel: z
      .object({
        ok: z.boolean(),
        mismatches: z.array(
          z.object({
            field: z.string().openapi({ example: 'view.title' }),
            stored: z.string().openapi({ description: 'what the database holds (JSON, cut)' }),
            journal: z.string().openapi({ description: 'what the journal, replayed, gives (JSON, cut)' }),
          }),
        ),
      })
      .openapi({ description: 'the stored snapshot, view and columns compared with the journal replayed' }),
    witness: z
      .object({
        ok: z.boolean(),
        problems: z.array(z.string()),
        checkpoint: z
          .object({ seq: z.number().int(), head: z.string(), at: z.string() })
          .nullable()
          .openapi({ description: 'the newest checkpoint of this incident; null: the witness never saw it' }),
        from: z.string().nullable().openapi({ description: 'how far back the witness reaches' }),
        to: z.string().nullable().openapi({ description: 'its newest checkpoint (of any incident)' }),
        lines: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'the external witness (WITNESS_FILE); null when none is kept' }),
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
    200: json(
      VerificationSchema,
      '`ok` true, or the first entry that does not match and why (an incident without its stored snapshot: `ok` false, `firstBad` and `readModel` say so)',
    ),
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

export function verifyRoutes(
  { engine, db, witness, plans }: Pick<AppDeps, 'engine' | 'db' | 'witness' | 'plans'>,
  evidence: EvidenceStore,
) {
  return new OpenAPIHono<AppEnv>().openapi(verify, async (c) => {
    const { id } = c.req.valid('param')
    // Scoped like every read: another organisation's incident does not exist here. Its
    // own without its snapshot row (get checks the organisation first) is audited: the
    // audit names that fault, as `cli verify` does (README "Database maintenance").
    await engine.get(id, c.get('caller')).catch((e: unknown) => {
      if (!(e instanceof MissingSnapshot && e.incidentId === id)) throw e
    })
    const result = await auditIncident(
      { db, replay: engine.replay, plans, evidence, ...(witness ? { witnesses: [await witness()] } : {}) },
      id,
    )
    c.header('cache-control', 'no-store')
    return c.json(result, 200)
  })
}
