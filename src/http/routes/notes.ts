/**
 * Notes and owners: what the duty team records beside the plan's steps. A note is never
 * edited; a correction is a new note naming the old one (`corrects`: its seq). Assigning
 * or handing over the incident names the new owner and the reason. Both are journaled
 * and answer with the incident view, like an event.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { OWNER_ROLES } from '../../engine/annotations.js'
import type { AppDeps, AppEnv } from '../env.js'
import { jsonBody } from '../middleware.js'
import { ETagHeader, etagOf, json, problems } from '../openapi.js'
import { IncidentViewSchema } from '../schemas/incident-answers.js'
import { IncidentParams } from '../schemas/incident-requests.js'

const tags = ['incidents']

const NoteBody = z
  .object({
    text: z.string().trim().min(1).max(4000).openapi({ example: '已电话联系发帖人，对方同意删帖' }),
    corrects: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: 'the seq of the note this one corrects (the old note stays on record)' }),
  })
  .strict()
  .openapi('Note')

const OwnerBody = z
  .object({
    owner: z.string().trim().min(1).max(100).openapi({ example: '张办公' }),
    reason: z.string().trim().min(1).max(2000).openapi({ example: '交班：夜班接手' }),
  })
  .strict()
  .openapi('OwnerChange')

const writeResponses = {
  200: { ...json(IncidentViewSchema, 'the incident after the entry'), headers: ETagHeader },
  400: problems[400],
  401: problems[401],
  403: problems[403],
  404: problems[404],
  413: problems[413],
  415: problems[415],
  503: problems[503],
}

const note = createRoute({
  method: 'post',
  path: '/incidents/{id}/notes',
  operationId: 'addNote',
  summary: 'Add a note (or a correction of an earlier note), at any phase',
  description: 'Journaled as NOTE_ADDED. 400 when `corrects` names no note of this incident; auditors 403.',
  tags,
  middleware: [jsonBody] as const,
  request: {
    params: IncidentParams,
    body: { content: { 'application/json': { schema: NoteBody } }, required: true },
  },
  responses: writeResponses,
})

const owner = createRoute({
  method: 'post',
  path: '/incidents/{id}/owner',
  operationId: 'setOwner',
  summary: 'Assign the incident, or hand it over, with the reason',
  description:
    'Journaled as OWNER_ASSIGNED (no owner before) or OWNER_HANDED_OVER (from, to, reason). ' +
    `Roles ${OWNER_ROLES.join(', ')} may; others 403. ` +
    '`GET /incidents?owner=` filters by owner.',
  tags,
  middleware: [jsonBody] as const,
  request: {
    params: IncidentParams,
    body: { content: { 'application/json': { schema: OwnerBody } }, required: true },
  },
  responses: writeResponses,
})

export function noteRoutes({ engine }: Pick<AppDeps, 'engine'>) {
  return new OpenAPIHono<AppEnv>()
    .openapi(note, async (c) => {
      const { id } = c.req.valid('param')
      const caller = c.get('caller')
      // 404 first for another organisation's incident: a 400 about its notes would say it exists.
      await engine.get(id, caller)
      const { text, corrects } = c.req.valid('json')
      const view = await engine.addNote(id, caller, { text, ...(corrects === undefined ? {} : { corrects }) })
      c.header('ETag', etagOf(view.version))
      return c.json(view, 200)
    })
    .openapi(owner, async (c) => {
      const view = await engine.assignOwner(c.req.valid('param').id, c.get('caller'), c.req.valid('json'))
      c.header('ETag', etagOf(view.version))
      return c.json(view, 200)
    })
}
