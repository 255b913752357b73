/**
 * Node's server timeouts (README "Limits"): a client must send its headers within
 * HEADERS_TIMEOUT_MS and its whole request within REQUEST_TIMEOUT_MS (else 408 and the
 * connection closes: slow-loris clients cannot hold sockets), and an idle keep-alive
 * connection closes after KEEP_ALIVE_TIMEOUT_MS. Answers that take long (event streams,
 * downloads) are not cut: these bound what the client sends, not what it receives.
 */
import type { ServerOptions } from 'node:http'

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
