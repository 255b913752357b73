/**
 * Live updates as server-sent events: one event per journal entry,
 *
 *     event: incident
 *     id: <incidentId>:<seq>
 *     data: {"view": <the incident view after the entry>, "entry": <the history item>}
 *
 * scoped to the caller's organisation, with a heartbeat comment every 15 s and a clean
 * end when the server shuts down. The token goes in the Authorization header (never in
 * the URL): browsers read the stream with fetch(), since EventSource cannot send headers.
 *
 * `Last-Event-ID: <incidentId>:<seq>` on GET /incidents/:id/stream replays the entries
 * after that one first (each with the incident's current view, `replayed: true`), so a
 * client that lost its connection (a restart, a network blip) misses nothing.
 *
 * NOTE: GET /incidents/stream must be mounted before the incident routes, or
 * `/incidents/{id}` takes it.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { findToken } from '../../auth/tokens.js'
import type { Engine } from '../../engine/engine.js'
import { isOverdue } from '../../engine/view.js'
import { AppError, TooManyRequests } from '../../errors.js'
import type { Hub, LiveChange, LiveScope, Refused } from '../../live/hub.js'
import type { AppDeps, AppEnv } from '../env.js'
import { problems } from '../openapi.js'
import { IncidentParams } from '../schemas/incident-requests.js'

const tags = ['live']
/** A client this many events behind is cut off (it reconnects with Last-Event-ID) rather than buffered without bound. */
const MAX_BEHIND = 256

const StreamHeaders = z.object({
  'last-event-id': z.string().max(200).optional().openapi({
    description: '`<incidentId>:<seq>` of the last event received: the entries after it are sent first',
  }),
})

const eventStream = {
  content: { 'text/event-stream': { schema: z.string() } },
  description:
    'server-sent events: `event: incident`, `id: <incidentId>:<seq>`, `data: {"view", "entry"}`; ' +
    'a `: heartbeat` comment every 15 s',
}

const all = createRoute({
  method: 'get',
  path: '/incidents/stream',
  operationId: 'streamIncidents',
  summary: "Live journal entries of every incident of the caller's organisation (server-sent events)",
  description:
    "Server-sent events: one `entry` event per journal entry of any incident of the caller's organisation; heartbeats keep the connection open.",
  tags,
  responses: { 200: eventStream, 401: problems[401], 429: problems[429], 503: problems[503] },
})

const one = createRoute({
  method: 'get',
  path: '/incidents/{id}/stream',
  operationId: 'streamIncident',
  summary: 'Live journal entries of one incident (server-sent events); Last-Event-ID resumes',
  description:
    "Server-sent events of one incident's journal; `Last-Event-ID` resumes after the entry a client last saw.",
  tags,
  request: { params: IncidentParams, headers: StreamHeaders },
  responses: {
    200: eventStream,
    401: problems[401],
    404: problems[404],
    429: problems[429],
    503: problems[503],
  },
})

class StreamsUnavailable extends AppError {
  constructor(detail: string) {
    super('unavailable', 503, 'Service unavailable', detail)
  }
}

/** The answer to a stream the hub will not take: 503 when the server is closing or full, 429 for a limit of the caller's own. */
function streamRefusal(why: Refused): AppError {
  switch (why) {
    case 'closed':
      return new StreamsUnavailable('the server is shutting down; reconnect shortly')
    case 'total':
      return new StreamsUnavailable('too many open streams (STREAMS_MAX); retry later')
    case 'organisation':
      return new TooManyRequests(
        "the caller's organisation has as many streams open as it may (STREAMS_PER_ORGANISATION); close one",
        30,
        'STREAMS_PER_ORGANISATION',
      )
    case 'token':
      return new TooManyRequests(
        'this token has as many streams open as it may (STREAMS_PER_TOKEN); close one',
        30,
        'STREAMS_PER_TOKEN',
      )
  }
}

const encoder = new TextEncoder()
const frame = (c: LiveChange, overdue: boolean, replayed = false) =>
  encoder.encode(
    `event: incident\nid: ${c.view.id}:${c.entry.seq}\ndata: ${JSON.stringify({
      view: { ...c.view, overdue },
      entry: c.entry,
      ...(replayed ? { replayed: true } : {}),
    })}\n\n`,
  )

interface StreamOptions {
  hub: Hub
  engine: Engine
  scope: LiveScope
  /** Entries sent before the live ones (a resume); read after subscribing, so none falls between. */
  backlog?: () => Promise<LiveChange[]>
  /** Asked at each heartbeat: a token revoked meanwhile ends the stream. */
  stillAllowed: () => Promise<boolean>
}

/**
 * The SSE body: pushes what the hub publishes, heartbeats, and ends on shutdown, overflow
 * or disconnect. Null when the hub takes no more subscribers (closed or full).
 */
function sseBody({
  hub,
  engine,
  scope,
  backlog,
  stillAllowed,
}: StreamOptions): ReadableStream<Uint8Array> | null {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  let unsubscribe: (() => void) | null = null
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let done = false
  const finish = () => {
    if (done) return
    done = true
    clearInterval(heartbeat)
    unsubscribe?.()
  }
  const end = (note?: string) => {
    if (done) return
    if (note) controller?.enqueue(encoder.encode(`: ${note}\n\n`))
    finish()
    controller?.close()
  }
  const push = (bytes: Uint8Array) => {
    if (done || !controller) return
    // A reader this far behind would make the server buffer without bound: cut it off.
    if ((controller.desiredSize ?? 0) <= -MAX_BEHIND) return end('too far behind; reconnect')
    controller.enqueue(bytes)
  }
  // Per incident, a live entry may repeat one the backlog already sent.
  const sent = new Map<string, number>()
  const send = (c: LiveChange, replayed = false) => {
    if ((sent.get(c.view.id) ?? 0) >= c.entry.seq) return
    sent.set(c.view.id, c.entry.seq)
    push(frame(c, isOverdue(c.view, engine.clock.now()), replayed))
  }

  // start() runs within the constructor: the controller is there before anything is published.
  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c
      },
      cancel: finish,
    },
    { highWaterMark: 0 },
  )
  let held: LiveChange[] | null = backlog ? [] : null
  unsubscribe = hub.subscribe(
    scope,
    (c) => (held ? held.push(c) : send(c)),
    () => end('server shutting down'),
  )
  if (!unsubscribe) {
    done = true
    return null
  }
  push(encoder.encode('retry: 3000\n: connected\n\n'))
  heartbeat = setInterval(() => {
    stillAllowed().then(
      (ok) => (ok ? push(encoder.encode(': heartbeat\n\n')) : end('token revoked')),
      () => push(encoder.encode(': heartbeat\n\n')), // the database is busy: the next heartbeat asks again
    )
  }, hub.heartbeatMs)
  heartbeat.unref?.()
  if (backlog)
    void backlog().then(
      (entries) => {
        for (const c of entries) send(c, true)
        const live = held ?? []
        held = null
        for (const c of live) send(c)
      },
      () => end('could not read the journal; reconnect'),
    )
  return body
}

function answer(body: ReadableStream<Uint8Array>) {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx and similar proxies would otherwise hold the events back.
      'x-accel-buffering': 'no',
    },
  })
}

/** `<incidentId>:<seq>` → seq, when it names this incident. */
function resumeAfter(header: string | undefined, id: string): number | null {
  if (!header) return null
  const i = header.lastIndexOf(':')
  if (i < 0 || header.slice(0, i) !== id) return null
  const seq = Number(header.slice(i + 1))
  return Number.isInteger(seq) && seq >= 0 ? seq : null
}

/** The bearer token of the request (authenticate() has checked it). */
const bearerOf = (header: string | undefined) => /^Bearer[ \t]+(\S+)/i.exec(header ?? '')?.[1] ?? ''

export function streamRoutes({ engine, db, hub }: Pick<AppDeps, 'engine' | 'db'> & { hub: Hub }) {
  const stream = (authorization: string | undefined, opts: Pick<StreamOptions, 'scope' | 'backlog'>) => {
    const token = bearerOf(authorization)
    const stillAllowed = async () => (await findToken(db, token)) !== undefined
    const refused = hub.refusal(opts.scope)
    if (refused) throw streamRefusal(refused)
    const body = sseBody({ hub, engine, stillAllowed, ...opts })
    if (!body) throw streamRefusal(hub.refusal(opts.scope) ?? 'total')
    return answer(body)
  }
  return new OpenAPIHono<AppEnv>()
    .openapi(
      all,
      (c) =>
        stream(c.req.header('authorization'), {
          scope: { organisation: c.get('caller').organisation, tokenId: c.get('caller').tokenId },
        }) as never,
    )
    .openapi(one, async (c) => {
      const caller = c.get('caller')
      const { id } = c.req.valid('param')
      await engine.get(id, caller) // 404 for an incident of another organisation
      const after = resumeAfter(c.req.valid('header')['last-event-id'], id)
      const scope = { organisation: caller.organisation, incidentId: id, tokenId: caller.tokenId }
      if (after === null) return stream(c.req.header('authorization'), { scope }) as never
      const backlog = async () => {
        const [items, view] = await Promise.all([engine.history(id, caller), engine.get(id, caller)])
        return items.filter((e) => e.seq > after).map((entry) => ({ view, entry }))
      }
      return stream(c.req.header('authorization'), { scope, backlog }) as never
    })
}
