/**
 * Live updates from the server-sent event streams (GET /incidents/stream,
 * GET /incidents/:id/stream), read with fetch() so the token travels in the Authorization
 * header: EventSource cannot send headers, and a token in a URL ends up in logs and history.
 *
 * Reconnects with backoff and resumes with Last-Event-ID; while it is not connected,
 * `connected` is false and the views poll as before.
 */
import { session } from './session.js'

const MAX_BACKOFF_MS = 30_000

/** One `event:`/`id:`/`data:` block → { event, id, data } (data parsed as JSON), or null for a comment. */
function parseBlock(block) {
  let event = 'message'
  let id = null
  const data = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue
    const i = line.indexOf(':')
    const name = i < 0 ? line : line.slice(0, i)
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '')
    if (name === 'event') event = value
    else if (name === 'id') id = value
    else if (name === 'data') data.push(value)
  }
  if (!data.length) return null
  try {
    return { event, id, data: JSON.parse(data.join('\n')) }
  } catch {
    return null
  }
}

/**
 * Opens a stream; `onEvent(data, id)` gets each `incident` event's data ({ view, entry }).
 * @returns {{ readonly connected: boolean, close(): void }}
 */
export function openStream(path, { onEvent, onState = () => {} }) {
  let connected = false
  let closed = false
  let lastId = null
  let backoff = 1000
  let controller = null
  let retryTimer = null

  const setConnected = (value) => {
    if (connected === value) return
    connected = value
    onState(value)
  }

  async function connect() {
    const token = session()?.token
    if (closed || !token) return
    controller = new AbortController()
    try {
      const res = await fetch(path, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'text/event-stream',
          ...(lastId ? { 'last-event-id': lastId } : {}),
        },
        signal: controller.signal,
        cache: 'no-store',
      })
      // 401/403/404: no point retrying soon; the views' polling reports what is wrong.
      if (!res.ok || !res.body) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status })
      setConnected(true)
      backoff = 1000
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffer += value.replace(/\r\n?/g, '\n')
        let i = buffer.indexOf('\n\n')
        while (i >= 0) {
          const ev = parseBlock(buffer.slice(0, i))
          buffer = buffer.slice(i + 2)
          i = buffer.indexOf('\n\n')
          if (ev?.event === 'incident') {
            if (ev.id) lastId = ev.id
            try {
              onEvent(ev.data, ev.id)
            } catch (e) {
              console.error(e)
            }
          }
        }
      }
    } catch (e) {
      if (closed) return
      if (e?.status >= 400 && e.status < 500) backoff = MAX_BACKOFF_MS
    }
    setConnected(false)
    if (closed) return
    retryTimer = setTimeout(connect, backoff)
    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2)
  }

  connect()
  return {
    get connected() {
      return connected
    },
    close() {
      closed = true
      clearTimeout(retryTimer)
      controller?.abort()
      setConnected(false)
    },
  }
}
