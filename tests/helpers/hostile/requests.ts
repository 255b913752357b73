/**
 * A hostile request to a route: most runs make one part hostile (path, query, headers,
 * auth, content type or body) and keep the rest valid; the rest make everything hostile.
 */
import fc from 'fast-check'
import { bodies, FORMS, MULTIPART_ROUTES, multipartBodies, VALID_BODIES } from './bodies.js'
import {
  anyText,
  authorization,
  contentType,
  extraHeaders,
  query,
  type ROLES,
  segment,
} from './generators.js'
import { incidentId, otherOrgIncidentId, t } from './invariant.js'
import { type Route, WRITER } from './routes.js'

export const PARAM_VALUES: Record<string, () => string[]> = {
  id: () => [
    incidentId,
    incidentId,
    otherOrgIncidentId,
    'nonexistent',
    '00000000-0000-0000-0000-000000000000',
  ],
  planId: () => ['neixiang-2017', 'hrss-city', 'nanning-aic-2017', 'saws-2014', 'nanchong-npc-2022', 'nope'],
}

export function pathArbitrary(template: string) {
  const parts = template.split('/').map((p) => {
    if (p.startsWith(':')) return segment(PARAM_VALUES[p.slice(1)]?.() ?? ['x'])
    if (p === '*')
      return fc.oneof(
        fc.constantFrom(
          'app.js',
          'index.html',
          '../../package.json',
          '..%2F..%2Fpackage.json',
          '%2e%2e/%2e%2e/src/main.ts',
          'nope',
          '',
        ),
        anyText.map(encodeURIComponent),
      )
    return fc.constant(p)
  })
  return fc.tuple(...parts).map((ps) => ps.join('/'))
}

export interface Hostile {
  /** The route, as mounted (`POST /incidents/:id/events`). */
  route?: string
  method: string
  path: string
  init: RequestInit & { headers: Record<string, string> }
}

/**
 * A request to `route`: most runs make one part hostile (path, query, headers, auth,
 * content type or body) and keep the rest valid, so the hostile part is what reaches the
 * handler; the rest make everything hostile at once.
 */
export function requestArbitrary(route: Route): fc.Arbitrary<Hostile> {
  const valid = VALID_BODIES[route.path] ?? (() => ({}))
  const hasBody = route.method !== 'GET' && route.method !== 'HEAD'
  const validPath = route.path
    .split('/')
    .map((p) => (p === ':id' ? incidentId : p === ':planId' ? 'neixiang-2017' : p === '*' ? 'app.js' : p))
    .join('/')
  const validAuth = {
    role: WRITER[route.path] ?? (route.path.startsWith('/admin') ? 'admin' : 'office'),
    header: null,
  }
  const validBody = JSON.stringify(valid())
  const multipart = MULTIPART_ROUTES.has(route.path)
  const focuses = [
    'path',
    'query',
    'headers',
    'auth',
    ...(hasBody ? ['contentType', 'body', 'body'] : []),
    'all',
  ]
  return fc.constantFrom(...focuses).chain((focus) =>
    fc
      .record({
        path: focus === 'path' || focus === 'all' ? pathArbitrary(route.path) : fc.constant(validPath),
        query: focus === 'query' || focus === 'all' ? query : fc.constant(''),
        auth: focus === 'auth' || focus === 'all' ? authorization : fc.constant(validAuth),
        contentType:
          focus === 'contentType' || focus === 'all' ? contentType : fc.constant('application/json'),
        extra: focus === 'headers' || focus === 'all' ? extraHeaders : fc.constant({}),
        body: !hasBody
          ? fc.constant(undefined)
          : multipart
            ? focus === 'body' || focus === 'all'
              ? fc.oneof({ weight: 3, arbitrary: multipartBodies }, { weight: 1, arbitrary: bodies(valid) })
              : fc.constant(null).map(() => FORMS[0]!())
            : focus === 'body' || focus === 'all'
              ? bodies(valid)
              : fc.constant(validBody),
      })
      .map(({ path, query: q, auth, contentType: ct, extra, body }) => {
        const headers: Record<string, string> = { ...extra }
        if (auth.role) headers.authorization = `Bearer ${t.tokens[auth.role as (typeof ROLES)[number]]}`
        else if (auth.header !== null) headers.authorization = auth.header
        // A form sets its own multipart content type, boundary included (unless the run is about content types).
        const ownType = body instanceof FormData && focus !== 'contentType' && focus !== 'all'
        if (hasBody && ct !== null && !ownType) headers['content-type'] = ct
        return {
          route: `${route.method} ${route.path}`,
          method: route.method,
          path: `${path}${q}`,
          init: { method: route.method, headers, ...(body === undefined ? {} : { body }) },
        }
      }),
  )
}
