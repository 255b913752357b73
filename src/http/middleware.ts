/**
 * Cross-cutting request handling: the access log, bearer authentication with the
 * auditor's read-only rule, and the JSON-body gate (415, 413).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Kysely } from 'kysely'
import type { SecurityAudit } from '../auth/security-log.js'
import { findToken } from '../auth/tokens.js'
import {
  type FieldError,
  Forbidden,
  NotFound,
  TooManyRequests,
  Unauthorized,
  ValidationError,
} from '../errors.js'
import type { Logger } from '../log.js'
import type { Database } from '../store/schema.js'
import { bodyRead, cacheBodyText, readIncomingText, unreadIncoming, utf8Text } from './body.js'
import type { AppEnv } from './env.js'
import { JSON_BODY_LIMIT, PayloadTooLarge, UnsupportedMediaType } from './problem.js'
import { badTextIn, textProblem } from './schemas/text.js'

/** One line per request: method, path, status, ms, requestId and role; never headers or tokens. */
export const accessLog =
  (log: Logger): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const started = performance.now()
    await next()
    const caller = c.get('caller') as AppEnv['Variables']['caller'] | undefined
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.get('requestId'),
      role: caller?.role ?? null,
    })
  }

/**
 * `X-Request-Id` on every answer: Hono's requestId() sets it on the context, which a
 * Response a handler builds itself (event streams, CSV export, static files) does not carry.
 */
export const requestIdOnEveryAnswer: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const id = c.get('requestId')
  if (!id || c.res.headers.has('x-request-id')) return
  try {
    c.res.headers.set('x-request-id', id)
  } catch {
    // Immutable headers (a fetched Response): answer with a copy that carries the id.
    const copy = new Response(c.res.body, c.res)
    copy.headers.set('x-request-id', id)
    c.res = copy
  }
}

/** Requests an auditor may make although they are not GET: previews that change nothing. */
const READ_ONLY_POSTS = [/^\/plans\/[^/]+\/classify$/]
const isWrite = (method: string, path: string) =>
  !['GET', 'HEAD', 'OPTIONS'].includes(method) && !READ_ONLY_POSTS.some((r) => r.test(path))

/**
 * The client's address as the server saw it (the socket's peer), or null for a request
 * made in-process (tests). Behind a reverse proxy this is the proxy.
 */
export const clientOf = (c: Context<AppEnv>): string | null =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress ?? null

/**
 * Bearer token → caller (role, name, organisation). 401 without a valid one; auditors
 * never write (403). A client past its failed authentications of this minute gets 429
 * before its token is even looked at.
 */
export const authenticate =
  (db: Kysely<Database>, audit?: Pick<SecurityAudit, 'retryAfter'>): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const wait = audit?.retryAfter(clientOf(c)) ?? 0
    if (wait > 0)
      throw new TooManyRequests(
        `too many failed authentications from this client; retry in ${wait} s`,
        wait,
        'AUTH_FAILURES_PER_MINUTE',
      )
    const header = c.req.header('authorization')
    if (!header) throw new Unauthorized('send Authorization: Bearer <token>')
    const m = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(header)
    if (!m?.[1])
      throw new Unauthorized('the Authorization header must be "Bearer <token>"', 'invalid_request')
    const token = await findToken(db, m[1])
    if (!token) throw new Unauthorized('the token is unknown or has been revoked', 'invalid_token')
    c.set('caller', {
      name: token.name,
      role: token.role,
      organisation: token.organisation,
      tokenId: token.id,
    })
    if (token.role === 'auditor' && isWrite(c.req.method, c.req.path))
      throw new Forbidden('the auditor role reads everything and writes nothing')
    await next()
  }

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i

/** Deepest nesting of arrays and objects a JSON body may have (no request needs more than a few). */
export const JSON_MAX_DEPTH = 64

/** How deep `text` nests `[` and `{` outside strings: counted, never recursed, so any depth is safe. */
function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 0x5c) i++
      else if (ch === 0x22) inString = false
    } else if (ch === 0x22) inString = true
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth)
    else if (ch === 0x5d || ch === 0x7d) depth--
  }
  return max
}

/**
 * A POST body must be JSON (else 415) of at most 64 KiB (else 413), nested at most
 * JSON_MAX_DEPTH deep (else 400: hashing or validating a deeper one would overflow the stack).
 * Over a socket the body is read from Node's stream (body.ts); in-process, from the Request.
 */
export const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new UnsupportedMediaType()
  // A request that two route definitions match (a path holding `:id` literally) reaches this
  // twice; its body was read and checked the first time.
  if (bodyRead(c)) return next()
  const incoming = unreadIncoming(c)
  if (incoming) {
    const text = await readIncomingText(incoming, JSON_BODY_LIMIT)
    cacheBodyText(c, text)
    checkJsonText(text)
    return next()
  }
  if (c.req.raw.body?.locked) return next()
  return limit(c, async () => {
    const text = utf8Text(new Uint8Array(await c.req.arrayBuffer()))
    cacheBodyText(c, text)
    checkJsonText(text)
    await next()
  })
}

function checkJsonText(text: string): void {
  if (jsonDepth(text) > JSON_MAX_DEPTH)
    throw new ValidationError(`JSON may nest at most ${JSON_MAX_DEPTH} deep`, [
      { path: '(body)', message: 'nested too deeply', expected: `at most ${JSON_MAX_DEPTH} levels` },
    ])
  const parsed = parsedOrUndefined(text)
  // Every string of the body, the event fields the engine checks included, is text.
  const bad = badTextIn(parsed)
  if (bad.length > 0) throw new ValidationError('the body holds characters no text field takes', bad)
  // JSON.parse keeps a member named __proto__ as data, but validation drops it unseen
  // (zod copies no such key): refused by name, as any field no schema takes.
  const proto = protoKeysIn(parsed)
  if (proto.length > 0) throw new ValidationError('the body holds a field named __proto__', proto)
}

/** Each member named `__proto__` in a parsed JSON body, by its path (at most 20). */
function protoKeysIn(value: unknown, path: string[] = [], out: FieldError[] = []): FieldError[] {
  if (out.length >= 20 || !value || typeof value !== 'object') return out
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) protoKeysIn(v, [...path, String(i)], out)
    return out
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') out.push({ path: [...path, k].join('.'), message: 'unknown field' })
    else protoKeysIn(v, [...path, k], out)
  }
  return out
}

const parsedOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined // the route's validator answers malformed JSON
  }
}

/**
 * Query strings and path segments are text too: a control character or a lone surrogate
 * in a query value is a 400 naming the parameter; in the path, no resource has such a
 * name (404). Runs before any route, so nothing reaches the store.
 */
export const edgeText: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (textProblem(c.req.path)) throw new NotFound(`route ${JSON.stringify(c.req.path)}`)
  const errors: FieldError[] = []
  for (const [key, values] of Object.entries(c.req.queries())) {
    const keyProblem = textProblem(key)
    if (keyProblem) errors.push({ path: '(query)', message: `a parameter name holds a ${keyProblem}` })
    else
      for (const v of values) {
        const why = textProblem(v)
        if (why) errors.push({ path: key, message: why, expected: 'text without control characters' })
      }
  }
  if (errors.length > 0) throw new ValidationError('the query failed validation', errors)
  await next()
}
const limit = bodyLimit({
  maxSize: JSON_BODY_LIMIT,
  onError: () => {
    throw new PayloadTooLarge(JSON_BODY_LIMIT)
  },
})
