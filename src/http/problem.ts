/**
 * Every error answer is RFC 9457 problem+json, made here and only here: AppErrors keep
 * their status and extra members; Hono's own HTTPExceptions (malformed JSON, 415) and
 * storage failures outside the engine are mapped; anything else is logged and answered
 * 500 without internals.
 */

import type { Hook } from '@hono/zod-openapi'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { FactsRefused } from '../../machines/kit/refusal.js'
import type { Refusal } from '../auth/security-log.js'
import { storageError } from '../engine/engine.js'
import {
  AppError,
  Forbidden,
  NotFound,
  StorageUnavailable,
  TooManyRequests,
  Unauthorized,
  ValidationError,
} from '../errors.js'
import { fieldErrors } from '../field-errors.js'
import type { Logger } from '../log.js'
import { errorFields } from '../log.js'
import { invalidDataError } from '../store/errors.js'
import type { AppEnv } from './env.js'

export const PROBLEM_BASE = 'https://yuqing-flow.dev/problems/'
export const PROBLEM_JSON = 'application/problem+json'
/** Largest JSON body (API.md: 64 KiB; evidence uploads have their own limit). */
export const JSON_BODY_LIMIT = 64 * 1024

export class PayloadTooLarge extends AppError {
  constructor(limit: number) {
    super('payload-too-large', 413, 'Payload too large', `a JSON body may be at most ${limit} bytes`)
  }
}
export class UnsupportedMediaType extends AppError {
  constructor() {
    super('unsupported-media-type', 415, 'Unsupported media type', 'send the body as application/json')
  }
}
export class MalformedJson extends AppError {
  constructor(detail: string) {
    super('malformed-json', 400, 'Malformed JSON', detail, {
      errors: [{ path: '(body)', message: 'not valid JSON' }],
    })
  }
}

/** Storage failures the engine's guard does not see (auth, health, a handle closed under us). */
export function storageFailure(e: unknown): AppError | null {
  const invalid = invalidDataError(e)
  if (invalid) return invalid
  const known = e && typeof e === 'object' ? storageError(e) : null
  if (known) return known
  const message = e instanceof Error ? e.message : ''
  if (/database connection is not open|driver has already been destroyed|pool.*(ended|closed)/i.test(message))
    return new StorageUnavailable('the database is closed; retry later')
  return null
}

/** nginx's 499: the client closed the connection before the answer (never seen by it). */
export class ClientClosedRequest extends AppError {
  constructor() {
    super('client-closed-request', 499, 'Client closed request', 'the client closed the connection')
  }
}

/**
 * Whether `e` comes from the client's connection, not the database: the request was
 * aborted (Node's IncomingMessage fails with `aborted`, code ECONNRESET, which is also
 * what a PostgreSQL connection reset looks like, hence the check of the request itself).
 */
function clientGone(e: unknown, c: Context<AppEnv>): boolean {
  const incoming = (
    c.env as { incoming?: { aborted?: boolean; errored?: unknown; complete?: boolean } } | undefined
  )?.incoming
  if (incoming && (incoming.aborted || (incoming.errored && !incoming.complete))) return true
  if (c.req.raw.signal?.aborted) return true
  const err = e as { code?: unknown; message?: unknown } | null
  return err?.code === 'ECONNRESET' && err.message === 'aborted'
}

function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e
  // A plan's criteria refusing the facts as given (machines/kit/refusal.ts): a 400 with its fields.
  if (e instanceof FactsRefused) return new ValidationError(e.message, [...e.errors])
  if (e instanceof HTTPException) {
    if (e.status === 413) return new PayloadTooLarge(JSON_BODY_LIMIT)
    if (e.status === 415) return new UnsupportedMediaType()
    if (e.status === 400) return new MalformedJson(e.message || 'the body is not valid JSON')
    if (e.status === 401) return new Unauthorized()
    if (e.status === 404) return new NotFound('this resource')
    return new AppError('http', e.status, e.message || 'Error', e.message || 'Error')
  }
  return storageFailure(e)
}

export function problemBody(err: AppError, c: Context<AppEnv>) {
  return {
    type: `${PROBLEM_BASE}${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    instance: c.req.path,
    requestId: c.get('requestId'),
    ...err.extra,
  }
}

export function problem(c: Context<AppEnv>, err: AppError): Response {
  return new Response(JSON.stringify(problemBody(err, c)), {
    status: err.status,
    headers: {
      'content-type': PROBLEM_JSON,
      'x-request-id': c.get('requestId') ?? '',
      ...(err instanceof TooManyRequests ? { 'retry-after': String(err.retryAfterSeconds) } : {}),
      ...(err instanceof Unauthorized ? { 'www-authenticate': err.challenge } : {}),
    },
  })
}

/** The one error handler. 401, 403 and the failed-auth 429 also go to the security log (route, never the token). */
export function errorHandler(deps: {
  log: Logger
  audit: (e: Refusal, c: Context<AppEnv>) => Promise<void>
}): ErrorHandler<AppEnv> {
  return async (e, c) => {
    // A client that hung up mid-body: nobody reads the answer, and it is no storage failure.
    if (clientGone(e, c)) {
      deps.log.debug('client closed the connection', { requestId: c.get('requestId'), path: c.req.path })
      return problem(c, new ClientClosedRequest())
    }
    const known = toAppError(e)
    if (!known) {
      deps.log.error('unhandled error', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        ...errorFields(e),
      })
      return problem(
        c,
        new AppError('internal', 500, 'Internal error', 'the request failed; it has been logged'),
      )
    }
    const rateLimited = known instanceof TooManyRequests && known.extra.limit === 'AUTH_FAILURES_PER_MINUTE'
    if (known instanceof Unauthorized || known instanceof Forbidden || rateLimited) {
      const caller = c.get('caller') as AppEnv['Variables']['caller'] | undefined
      await deps
        .audit(
          {
            kind: rateLimited
              ? 'auth.rate-limited'
              : known instanceof Unauthorized
                ? 'auth.unauthorized'
                : 'auth.forbidden',
            method: c.req.method,
            route: c.req.path,
            requestId: c.get('requestId'),
            ...(caller ? { tokenId: caller.tokenId, role: caller.role } : {}),
            reason: known.message,
          },
          c,
        )
        .catch((err: unknown) => deps.log.warn('security log write failed', errorFields(err)))
    }
    if (known instanceof StorageUnavailable) deps.log.warn('storage unavailable', errorFields(e))
    return problem(c, known)
  }
}

const TARGET_NAMES: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'headers',
}

/** zod failures of bodies, queries, params and headers → 400 with field paths. */
export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined
  const where = TARGET_NAMES[result.target] ?? result.target
  // An id that cannot exist is "no such thing", not a malformed request.
  if (where === 'path') return problem(c, new NotFound(c.req.path))
  return problem(c, new ValidationError(`the ${where} failed validation`, fieldErrors(result.error, where)))
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => problem(c, new NotFound(`route ${c.req.path}`))
