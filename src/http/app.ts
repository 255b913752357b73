/**
 * The HTTP API of API.md as one Hono app. Everything it needs is passed in
 * (createApp(deps)); each resource is a route module mounted here.
 */

import { OpenAPIHono } from '@hono/zod-openapi'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { createSecurityAudit } from '../auth/security-log.js'
import { errorFields, silentLogger } from '../log.js'
import { docsRoutes } from './docs.js'
import type { AppDeps, AppEnv } from './env.js'
import { DEFAULT_LIMITS } from './limits.js'
import { accessLog, authenticate, clientOf, edgeText, requestIdOnEveryAnswer } from './middleware.js'
import { baseDocument, withServer } from './openapi-document.js'
import { errorHandler, notFoundHandler, validationHook } from './problem.js'
import { adminRoutes } from './routes/admin.js'
import { calendarRoutes } from './routes/calendar.js'
import { diagramRoutes } from './routes/diagrams.js'
import { documentRoutes } from './routes/documents.js'
import { evidenceRoutes } from './routes/evidence.js'
import { exportRoutes } from './routes/export.js'
import { healthRoutes } from './routes/health.js'
import { incidentRoutes } from './routes/incidents.js'
import { migrateRoutes } from './routes/migrate.js'
import { noteRoutes } from './routes/notes.js'
import { planRoutes } from './routes/plans.js'
import { streamRoutes } from './routes/streams.js'
import { verifyRoutes } from './routes/verify.js'
import { whoamiRoutes } from './routes/whoami.js'
import { workingDaysRoutes } from './routes/working-days.js'

export type { AppDeps, DiagramFns } from './env.js'

/** Routes that need no token: liveness, the API's own description, the console's static files. */
const PUBLIC = new Set(['/healthz', '/openapi.json', '/docs', '/'])
const isPublic = (path: string) =>
  PUBLIC.has(path) || path.startsWith('/console/') || path.startsWith('/docs/')

export function createApp(deps: AppDeps) {
  const log = deps.log ?? silentLogger
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.use('*', requestId({ headerName: 'X-Request-Id' }))
  app.use('*', requestIdOnEveryAnswer)
  app.use('*', accessLog(log))
  app.use('*', secureHeaders())
  const limits = { ...DEFAULT_LIMITS, ...deps.limits }
  const audit =
    deps.securityAudit ??
    createSecurityAudit({
      db: deps.db,
      now: deps.engine.clock.now,
      failuresPerMinute: limits.authFailuresPerMinute,
      maxRows: limits.securityLogMaxRows,
      maxAgeDays: limits.securityLogMaxAgeDays,
      onError: (e) => log.warn('security log write failed', errorFields(e)),
    })
  const auth = authenticate(deps.db, audit)
  app.use('*', (c, next) => (isPublic(c.req.path) ? next() : auth(c, next)))
  app.use('*', edgeText)
  // A read shows only what is on disk: commits are synced off the event loop
  // (store/durability.ts). Public paths show no incident (health, docs, console files).
  app.use('*', async (c, next) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !isPublic(c.req.path))
      await deps.engine.settled()
    return next()
  })
  app.onError(errorHandler({ log, audit: (e, c) => audit.refused(e, clientOf(c)) }))
  app.notFound(notFoundHandler)

  if (deps.console) app.route('/', deps.console)
  app.route(
    '/',
    healthRoutes(deps.db, () => deps.engine.storageFailure()),
  )
  app.route('/', planRoutes(deps))
  // Before the incident routes: `/incidents/{id}` would take /incidents/export and /incidents/stream.
  app.route('/', exportRoutes(deps))
  if (deps.hub) app.route('/', streamRoutes({ ...deps, hub: deps.hub }))
  app.route('/', incidentRoutes(deps))
  app.route('/', noteRoutes(deps))
  app.route('/', documentRoutes({ ...deps, log }))
  app.route('/', whoamiRoutes())
  app.route('/', adminRoutes(deps))
  app.route('/', migrateRoutes(deps))
  app.route('/', calendarRoutes(deps))
  app.route('/', workingDaysRoutes(deps))
  if (deps.diagrams) app.route('/', diagramRoutes(deps, deps.diagrams))
  if (deps.evidence) app.route('/', evidenceRoutes(deps, deps.evidence))
  if (deps.evidence) app.route('/', verifyRoutes(deps, deps.evidence))

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'a token from the CLI (npm run cli -- token create) or AUTH_TOKENS',
  })
  // Routes and plans never change after start: the document is made once, on first request.
  let document: ReturnType<typeof baseDocument> | undefined
  app.get('/openapi.json', (c) => {
    document ??= baseDocument(app, deps.plans)
    return c.json(withServer(document, new URL(c.req.url).origin))
  })
  app.route('/', docsRoutes())
  return app
}

export type App = ReturnType<typeof createApp>
