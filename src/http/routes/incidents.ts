import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { accepts } from 'hono/accepts'
import { ValidationError } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { jsonBody } from '../middleware.js'
import { ETagHeader, etagOf, json, problems } from '../openapi.js'
import {
  HistorySchema,
  IncidentPageSchema,
  IncidentViewSchema,
  MinimalEventAnswerSchema,
} from '../schemas/incident-answers.js'
import {
  EventHeaders,
  IncidentParams,
  ListQuery,
  OpenIncidentBody,
  prefersMinimal,
  SendEventBody,
  WriteHeaders,
} from '../schemas/incident-requests.js'

const tags = ['incidents']

/** The media type of an event's answer with `Prefer: return=minimal` (no view). */
export const MINIMAL_JSON = 'application/vnd.yuqing.minimal+json'

const open = createRoute({
  method: 'post',
  path: '/incidents',
  operationId: 'openIncident',
  summary: 'Open an incident',
  description:
    "Opens an incident on a plan: the plan's first state, its deadlines started from `discoveredAt`/`knownAt`. Roles that may open: monitor, office, admin.",
  tags,
  middleware: [jsonBody] as const,
  request: {
    headers: WriteHeaders,
    body: { content: { 'application/json': { schema: OpenIncidentBody } }, required: true },
  },
  responses: {
    201: {
      ...json(IncidentViewSchema, 'the incident, opened'),
      headers: { ...ETagHeader, Location: { schema: { type: 'string' }, description: 'the incident' } },
    },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    413: problems[413],
    415: problems[415],
    422: problems[422],
    503: problems[503],
  },
})

const list = createRoute({
  method: 'get',
  path: '/incidents',
  operationId: 'listIncidents',
  summary: "The caller's organisation's incidents, newest first, cursor-paged",
  description:
    'Filters by plan, phase, grade, owner, overdue and free text; `limit` 1..200 (default 50); `nextCursor` fetches the next page ' +
    '(with the same `sort`: a cursor made under another is 400 on `cursor`).',
  tags,
  request: { query: ListQuery },
  responses: {
    200: json(IncidentPageSchema, 'one page'),
    400: problems[400],
    401: problems[401],
    503: problems[503],
  },
})

const one = createRoute({
  method: 'get',
  path: '/incidents/{id}',
  operationId: 'getIncident',
  summary: 'One incident',
  description:
    'The incident view: state, grade, deadlines, approvals and the events the state accepts now. The ETag is its version.',
  tags,
  request: { params: IncidentParams },
  responses: {
    200: { ...json(IncidentViewSchema, 'the incident'), headers: ETagHeader },
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

const send = createRoute({
  method: 'post',
  path: '/incidents/{id}/events',
  operationId: 'sendEvent',
  summary: 'Send one event',
  description:
    "`type` plus the event's own fields as GET /plans/{planId} describes them (unknown fields are refused), " +
    'optionally `occurredAt` (a step done earlier) and `expectedVersion` (or the If-Match header). ' +
    'An `obligation` (WAIVE, a step naming the duty it does) or a `decision` (DECIDE) that no rule of the ' +
    "incident's plan version makes, and the incident has none by, is 400 on that field; one of a rule the " +
    'version has that is not owed now is 409.',
  tags,
  middleware: [jsonBody] as const,
  request: {
    params: IncidentParams,
    headers: EventHeaders,
    body: { content: { 'application/json': { schema: SendEventBody } }, required: true },
  },
  responses: {
    200: {
      description:
        'the incident after the event; with `Prefer: return=minimal`, MinimalEventAnswer as ' +
        `${MINIMAL_JSON} (and \`Preference-Applied: return=minimal\`, \`Vary: Prefer, Accept\`), ` +
        'or as application/json when the Accept header prefers that to the vendor type',
      content: {
        // The minimal answer comes as application/json too when Accept prefers that type.
        'application/json': { schema: z.union([IncidentViewSchema, MinimalEventAnswerSchema]) },
        [MINIMAL_JSON]: { schema: MinimalEventAnswerSchema },
      },
      headers: ETagHeader,
    },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
    409: problems[409],
    413: problems[413],
    415: problems[415],
    422: problems[422],
    503: problems[503],
  },
})

const history = createRoute({
  method: 'get',
  path: '/incidents/{id}/history',
  operationId: 'getIncidentHistory',
  summary: 'The journal, oldest first (timer firings included, actor role system)',
  description:
    'Every journal entry of the incident with its hash chain link, oldest first; timer firings appear with actor role `system`.',
  tags,
  request: { params: IncidentParams },
  responses: {
    200: json(HistorySchema, 'the journal'),
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

/** `If-Match: 3` or `"3"` (or `*`, which every incident matches). */
function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined
  const m = /^\s*"?(\d{1,9})"?\s*$/.exec(header)
  if (!m?.[1])
    throw new ValidationError('If-Match must be the incident version', [
      { path: 'If-Match', message: 'not a version', expected: 'a version number, quoted or not, e.g. "3"' },
    ])
  return Number(m[1])
}

export function incidentRoutes({ engine }: Pick<AppDeps, 'engine'>) {
  return new OpenAPIHono<AppEnv>()
    .openapi(open, async (c) => {
      const view = await engine.open(
        c.req.valid('json'),
        c.get('caller'),
        c.req.valid('header')['idempotency-key'],
      )
      c.header('ETag', etagOf(view.version))
      c.header('Location', `/incidents/${encodeURIComponent(view.id)}`)
      return c.json(view, 201)
    })
    .openapi(list, async (c) => {
      const { overdue, breached, ...filter } = c.req.valid('query')
      const page = await engine.list(
        {
          ...filter,
          ...(overdue === undefined ? {} : { overdue: overdue === 'true' }),
          ...(breached === undefined ? {} : { breached: breached === 'true' }),
        },
        c.get('caller'),
      )
      return c.json(page, 200)
    })
    .openapi(one, async (c) => {
      const view = await engine.get(c.req.valid('param').id, c.get('caller'))
      c.header('ETag', etagOf(view.version))
      return c.json(view, 200)
    })
    .openapi(send, async (c) => {
      const { id } = c.req.valid('param')
      const headers = c.req.valid('header')
      const { type, occurredAt, expectedVersion: inBody, ...fields } = c.req.valid('json')
      const inHeader = versionFromIfMatch(headers['if-match'])
      if (inHeader !== undefined && inBody !== undefined && inHeader !== inBody)
        throw new ValidationError('If-Match and expectedVersion differ', [
          {
            path: 'expectedVersion',
            message: `differs from If-Match (${inHeader})`,
            expected: 'the same version in both, or only one of them',
          },
        ])
      const req = {
        type,
        fields,
        ...(occurredAt === undefined ? {} : { occurredAt }),
        ...(inBody === undefined ? {} : { expectedVersion: inBody }),
        // Not part of what an Idempotency-Key compares (engine/idempotency.ts requestHashes).
        ...(inHeader === undefined ? {} : { ifMatch: inHeader }),
      }
      if (prefersMinimal(headers.prefer)) {
        // The same JSON, labelled application/json for a client whose Accept asks for that and
        // not the vendor type; with neither acceptable the header is disregarded (RFC 9110
        // 12.5.1), as every JSON answer here does (API.md lists no 406).
        const mediaType = accepts(c, {
          header: 'Accept',
          supports: [MINIMAL_JSON, 'application/json'],
          default: MINIMAL_JSON,
        })
        // The view is neither built nor sent (issue 20): a feed needs the version for its next If-Match.
        const answer = await engine.sendMinimal(id, req, c.get('caller'), headers['idempotency-key'])
        c.header('ETag', etagOf(answer.version))
        c.header('Preference-Applied', 'return=minimal')
        c.header('Vary', 'Prefer, Accept')
        return c.json(answer, 200, { 'Content-Type': mediaType })
      }
      const view = await engine.send(id, req, c.get('caller'), headers['idempotency-key'])
      c.header('ETag', etagOf(view.version))
      c.header('Vary', 'Prefer')
      return c.json(view, 200)
    })
    .openapi(history, async (c) => {
      const items = await engine.history(c.req.valid('param').id, c.get('caller'))
      return c.json({ items }, 200)
    })
}
