/**
 * Node's server timeouts (README "Limits"): a client must send its headers within
 * HEADERS_TIMEOUT_MS and its whole request within REQUEST_TIMEOUT_MS (else 408 and the
 * connection closes: slow-loris clients cannot hold sockets), and an idle keep-alive
 * connection closes after KEEP_ALIVE_TIMEOUT_MS. Answers that take long (event streams,
 * downloads) are not cut: these bound what the client sends, not what it receives.
 */
import type { ServerOptions } from 'node:http'
import { PROBLEM_BASE, PROBLEM_JSON } from './problem.js'

export interface ServerTimeouts {
  requestMs: number
  headersMs: number
  keepAliveMs: number
}

/** The options for http.createServer (serve({ serverOptions })). */
export function serverOptions(t: ServerTimeouts): ServerOptions {
  return {
    requestTimeout: t.requestMs,
    headersTimeout: Math.min(t.headersMs, t.requestMs),
    keepAliveTimeout: t.keepAliveMs,
    // How often Node looks for connections over those timeouts (its default is 30 s).
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(t.headersMs / 4))),
  }
}

/** What Node's HTTP parser refuses before the app sees a request, as API.md's problem+json. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; title: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request-timeout',
    title: 'Request timeout',
    detail: 'the request was not sent in time (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS)',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers-too-large',
    title: 'Request header fields too large',
    detail: 'the request line and headers together are too large',
  },
}
const MALFORMED = {
  status: 400,
  code: 'malformed-request',
  title: 'Malformed request',
  detail:
    'the request line or headers are not valid HTTP/1.1 (a URL must be percent-encoded: non-ASCII characters in a query such as ?q=… are sent as %E5%88%97…)',
}
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
}

/** The writable side of a client's connection, as Node's `clientError` hands it over. */
interface ClientSocket {
  writable: boolean
  end(data: string): void
  destroy(): void
}

/**
 * Node answers a request its parser refuses (raw non-ASCII in the URL, a malformed header,
 * headers too large, too slow) with a bare status line; every error of the service is
 * problem+json (API.md "Errors"), so these are too. The connection closes, as Node's own does.
 */
export function answerClientErrors(server: {
  on(event: 'clientError', listener: (err: Error & { code?: string }, socket: ClientSocket) => void): unknown
}): void {
  server.on('clientError', (err, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const p = (err.code && CLIENT_ERRORS[err.code]) || MALFORMED
    const body = JSON.stringify({
      type: `${PROBLEM_BASE}${p.code}`,
      title: p.title,
      status: p.status,
      detail: p.detail,
    })
    socket.end(
      `HTTP/1.1 ${p.status} ${REASONS[p.status]}\r\nContent-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
}
