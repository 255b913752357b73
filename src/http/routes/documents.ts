/**
 * The documents an incident's plan and grade require (machines/documents.ts), rendered
 * from the incident's own data by src/documents: Markdown by default, print-ready HTML
 * with `Accept: text/html` or `?format=html`.
 *
 * A read writes nothing to the incident (API.md "reads that write nothing"): its version
 * and journal stay as they were, so a reader never makes a writer's If-Match fail. Who
 * read which text (name, format, SHA-256 of the text served) goes to the access log.
 */
import { createHash } from 'node:crypto'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { renderDocument, requiredDocuments } from '../../documents/render.js'
import { NotFound } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'
import { IncidentParams } from '../schemas/incident-requests.js'

const tags = ['documents']

const DocumentParams = IncidentParams.extend({
  name: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'review' }),
})
const DocumentQuery = z
  .object({
    format: z
      .enum(['markdown', 'html'])
      .optional()
      .openapi({ description: 'wins over Accept; default Markdown' }),
  })
  .strict()

const DocumentListSchema = z
  .object({
    items: z.array(
      z.object({
        name: z.string().openapi({ example: 'review' }),
        title: z.string().openapi({ example: '舆情处置总结评估' }),
        clause: z
          .string()
          .openapi({ description: 'the clause of the plan that requires it', example: '六(四)' }),
        severities: z
          .array(z.string())
          .nullable()
          .openapi({ description: 'the grades that require it; null: every grade' }),
        links: z.object({ markdown: z.string(), html: z.string() }),
      }),
    ),
  })
  .openapi('DocumentList')

const list = createRoute({
  method: 'get',
  path: '/incidents/{id}/documents',
  operationId: 'listIncidentDocuments',
  summary: "The documents this incident's plan and grade require",
  description:
    'The documents (reports, records) the plan requires of this incident at its grade, each with whether it can be rendered yet.',
  tags,
  request: { params: IncidentParams },
  responses: {
    200: json(DocumentListSchema, 'name, title, the clause requiring it, and where to get it'),
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

const one = createRoute({
  method: 'get',
  path: '/incidents/{id}/documents/{name}',
  operationId: 'getIncidentDocument',
  summary: 'One required document, rendered from the incident (Markdown, or HTML for print)',
  description:
    'Markdown by default; HTML with `Accept: text/html` or `?format=html`. A read writes nothing ' +
    'to the incident (its version and journal stay as they were); the SHA-256 of the text served ' +
    'is in `X-Document-SHA256` and, with who read it, in the access log.',
  tags,
  request: { params: DocumentParams, query: DocumentQuery },
  responses: {
    200: {
      content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() } },
      description: 'the document',
      headers: {
        'X-Document-SHA256': {
          schema: { type: 'string' },
          description: 'hex SHA-256 of the body, as logged',
        },
      },
    },
    400: problems[400],
    401: problems[401],
    404: problems[404],
    503: problems[503],
  },
})

const EXT = { markdown: 'md', html: 'html' } as const

export function documentRoutes({ engine, plans, log }: Pick<AppDeps, 'engine' | 'plans' | 'log'>) {
  const incident = async (id: string, caller: AppEnv['Variables']['caller']) => {
    const view = await engine.get(id, caller)
    const plan = plans.getPlan(view.planId, view.planVersion)
    if (!plan) throw new NotFound(`plan ${view.planId} version ${view.planVersion}`)
    return { view, plan }
  }
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param')
      const { view, plan } = await incident(id, c.get('caller'))
      const base = `/incidents/${encodeURIComponent(id)}/documents`
      const items = requiredDocuments(plan, view).map((d) => ({
        name: d.name,
        title: d.title,
        clause: d.clause,
        severities: d.severities ? [...d.severities] : null,
        links: {
          markdown: `${base}/${encodeURIComponent(d.name)}`,
          html: `${base}/${encodeURIComponent(d.name)}?format=html`,
        },
      }))
      return c.json({ items }, 200)
    })
    .openapi(one, async (c) => {
      const { id, name } = c.req.valid('param')
      const caller = c.get('caller')
      const { view, plan } = await incident(id, caller)
      const spec = requiredDocuments(plan, view).find((d) => d.name === name)
      if (!spec) {
        const other = plan.documents?.some((d) => d.name === name)
        throw new NotFound(
          other
            ? `document ${name} (not required at grade ${view.severity ?? 'unclassified'})`
            : `document ${name} of plan ${plan.id}`,
        )
      }
      const format =
        c.req.valid('query').format ??
        ((c.req.header('accept') ?? '').includes('text/html') ? 'html' : 'markdown')
      const history = await engine.history(id, caller)
      const text = renderDocument(plan, spec, view, history, format)
      const sha256 = createHash('sha256').update(text).digest('hex')
      // The access log, outside the journal: a read never writes to the incident.
      log?.info('document read', {
        incident: id,
        document: name,
        format,
        sha256,
        version: view.version,
        by: { name: caller.name, role: caller.role },
        requestId: c.get('requestId'),
      })
      return c.body(text, 200, {
        'content-type': format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
        'content-disposition': `inline; filename="${spec.name.replace(/[^\w.-]/g, '_')}.${EXT[format]}"`,
        'x-document-sha256': sha256,
        // Opened straight in a browser: no script may run in it, whatever the incident's text holds.
        ...(format === 'html'
          ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }
          : {}),
        vary: 'Accept',
      })
    })
}
