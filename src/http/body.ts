/**
 * A JSON request body read straight from Node's request stream.
 *
 * Under @hono/node-server, `c.req.raw` is a lightweight Request: the first touch of its
 * body (`raw.body`, `raw.text()`, Hono's bodyLimit) builds a full WHATWG Request around
 * the Node stream (headers copied, an AbortController, a web ReadableStream over
 * `Readable.toWeb`), which cost more CPU than the rest of the HTTP layer together for
 * a small event body. Reading the Node stream itself gives the same text; Hono's body
 * cache then serves every later `c.req.json()` / `c.req.text()` (the validators) from it.
 */
import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import { ValidationError } from '../errors.js'
import type { AppEnv } from './env.js'
import { PayloadTooLarge } from './problem.js'

/** The Node request behind `c`, if it is served by @hono/node-server and nothing has read its body yet. */
export function unreadIncoming(c: Context<AppEnv>): IncomingMessage | null {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (!incoming || typeof incoming.on !== 'function') return null
  // Anything that read (or began to read) the stream: a materialised Request, a drain.
  if (incoming.readableFlowing !== null || incoming.readableDidRead || incoming.readableEnded) return null
  return incoming
}

/** An Error as Node's IncomingMessage makes it when the client hangs up mid-body. */
const aborted = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' })

/** A body's bytes as UTF-8 text (a leading BOM dropped); bytes that are not UTF-8 are a 400, never replaced. */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ValidationError('the body is not UTF-8 text', [
      { path: '(body)', message: 'bytes that are not UTF-8 (a lone surrogate, say)', expected: 'UTF-8' },
    ])
  }
}

/**
 * The whole body as UTF-8 text (`utf8Text`: invalid bytes refused). More than `limit` bytes: PayloadTooLarge, at once when the
 * Content-Length says so (nothing read), else as soon as the stream passes it; the rest
 * is left unread (the server drains or closes the connection after the answer).
 */
export function readIncomingText(incoming: IncomingMessage, limit: number): Promise<string> {
  const declared = incoming.headers['content-length']
  if (declared !== undefined && !incoming.headers['transfer-encoding'] && Number(declared) > limit)
    return Promise.reject(new PayloadTooLarge(limit))
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
      incoming.off('close', onClose)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        stop()
        incoming.pause()
        reject(new PayloadTooLarge(limit))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      stop()
      try {
        resolve(utf8Text(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)))
      } catch (e) {
        reject(e)
      }
    }
    const onError = (e: unknown) => {
      stop()
      reject(e)
    }
    const onClose = () => {
      stop()
      reject(aborted())
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
    incoming.on('close', onClose)
  })
}

/**
 * Hands `text` to Hono's body cache, where `c.req.text()` and `c.req.json()` look first.
 * Hono keeps a promise there (its declared type says the value).
 */
export function cacheBodyText(c: Context<AppEnv>, text: string): void {
  ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
}

/** Whether the body was read already (a request that two route definitions match reaches the gate twice). */
export const bodyRead = (c: Context<AppEnv>): boolean =>
  (c.req.bodyCache as { text?: unknown }).text !== undefined
