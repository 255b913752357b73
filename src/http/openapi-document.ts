/**
 * The OpenAPI 3.1 document at /openapi.json: the routes' own declarations (each with
 * an operationId, a tag, a summary and a description), the tags described, the
 * running server named, and the per-plan typed event bodies of openapi-events.ts.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, PlanCatalogue } from './env.js'
import { eventComponents } from './openapi-events.js'

export const TAGS = [
  {
    name: 'incidents',
    description: 'Open incidents, send the events of their plan, read them, their journal and their notes.',
  },
  {
    name: 'plans',
    description: 'The emergency plans as data: states, events, deadlines, grading rules; diagrams.',
  },
  {
    name: 'documents',
    description: 'The reports and records a plan requires of an incident, rendered from it.',
  },
  { name: 'evidence', description: 'Files kept as evidence of an incident, stored by their SHA-256.' },
  { name: 'live', description: 'Server-sent event streams of journal entries as they are written.' },
  { name: 'reports', description: "Figures over the caller's organisation." },
  { name: 'admin', description: 'Operation of the service (admin role).' },
  { name: 'service', description: 'Liveness, the calendar in force and the caller.' },
] as const

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>

/** The document without `servers`, made once: routes and plans never change after start. */
export function baseDocument(app: OpenAPIHono<AppEnv>, plans: PlanCatalogue): Document {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'yuqing-flow',
      version: '1',
      description:
        'Walks online public-opinion incidents through Chinese government emergency plans. ' +
        'Errors are RFC 9457 application/problem+json. Event bodies are typed per plan: ' +
        'see the `<Plan>Event` schemas.',
    },
    tags: [...TAGS],
    security: [{ bearer: [] }],
  })
  doc.components ??= {}
  doc.components.schemas = { ...doc.components.schemas, ...eventComponents(plans.currentPlans()) }
  return doc
}

/** The document as served to one request: `servers` names the origin it was asked at. */
export const withServer = (doc: Document, origin: string): Document => ({
  ...doc,
  servers: [{ url: origin, description: 'this server (the origin /openapi.json was fetched from)' }],
})
