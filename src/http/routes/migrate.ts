/**
 * POST /incidents/{id}/migrate (admin only): moves an open incident to the next version
 * of its plan, as that version declares (README "Migrating open incidents"), or with
 * `dryRun` says what would change. A refusal is 409 with the reason and writes nothing.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Forbidden } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { jsonBody } from '../middleware.js'
import { ETagHeader, etagOf, json, problems } from '../openapi.js'
import { IncidentViewSchema } from '../schemas/incident-answers.js'
import { IncidentParams } from '../schemas/incident-requests.js'

const MigrateBody = z
  .object({
    toVersion: z.number().int().min(1).max(1_000_000).openapi({
      description: 'the plan version to move to: the next one, declaring that it migrates from the current',
    }),
    reason: z.string().trim().min(1).max(2000).openapi({ description: 'why, for the journal' }),
    dryRun: z.boolean().optional().openapi({ description: 'say what would change, write nothing' }),
  })
  .strict()
  .openapi('MigrateRequest')

const ids = z.array(z.string())
const MigrationSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    status: z.enum(['migrated', 'would-migrate']),
    reason: z.string().nullable(),
    state: z.object({ before: z.unknown(), after: z.unknown() }).openapi({ description: 'XState values' }),
    mapping: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .openapi({ description: 'each active state of the old version and where it went' }),
    obligations: z.object({ begun: ids, met: ids, withdrawn: ids }).openapi({
      description:
        'obligation ids begun, met (begun met, or owed and met, by a step done before) and withdrawn ' +
        '(owed, not yet due, and not kept owed by the new version: what a rise kept owed stays owed)',
    }),
    timers: z.object({ added: ids, removed: ids }).openapi({ description: 'due-time timer instances' }),
    incident: IncidentViewSchema.nullable().openapi({ description: 'the incident after; null on a dry run' }),
  })
  .openapi('Migration')

const route = createRoute({
  method: 'post',
  path: '/incidents/{id}/migrate',
  operationId: 'migrateIncident',
  summary: 'Move an open incident to the next version of its plan (admin only)',
  description:
    'The new version declares how its state and context map from the previous one; obligations are ' +
    're-derived (met stay met, breaches stay, due times never move; new ones start now). One journal ' +
    'entry `MIGRATED { from, to, mapping, reason }`. With `dryRun: true`, answers what would change and ' +
    'writes nothing. 409 (`reason`) when the state does not map, the incident is closed or already on ' +
    'that version, or that version does not migrate from the current one; 400 for a version the plan does not have.',
  tags: ['admin'],
  middleware: [jsonBody] as const,
  request: {
    params: IncidentParams,
    body: { content: { 'application/json': { schema: MigrateBody } }, required: true },
  },
  responses: {
    200: { ...json(MigrationSchema, 'migrated, or (dry run) what would change'), headers: ETagHeader },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
    409: problems[409],
    413: problems[413],
    415: problems[415],
    503: problems[503],
  },
})

export function migrateRoutes({ engine }: Pick<AppDeps, 'engine'>) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const caller = c.get('caller')
    const { id } = c.req.valid('param')
    // Another organisation's incident (or none) is 404 whatever the role, as on every incident route.
    await engine.get(id, caller)
    if (caller.role !== 'admin')
      throw new Forbidden(`role ${caller.role} may not migrate incidents (admin may)`)
    const { toVersion, reason, dryRun } = c.req.valid('json')
    const o = await engine.migrate(
      id,
      { toVersion, reason, ...(dryRun ? { dryRun } : {}) },
      { actor: { name: caller.name, role: caller.role }, organisation: caller.organisation },
    )
    if (o.status === 'refused' || o.status === 'skipped') throw await engine.migrationRefusal(o)
    if (o.incident) c.header('ETag', etagOf(o.incident.version))
    return c.json({ ...o, status: o.status }, 200)
  })
}
