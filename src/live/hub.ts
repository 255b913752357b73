/**
 * Live updates within one process: the engine's onChange publishes each committed journal
 * entry with the incident's new view, and every open stream (GET /incidents/stream,
 * GET /incidents/:id/stream) subscribes, scoped to its caller's organisation and
 * optionally one incident.
 *
 * In-process only: with several nodes on one database a stream sees the changes made
 * through its own node, so clients resume with Last-Event-ID and keep polling as a
 * fallback. A listener's failure never reaches the engine: onChange runs after the
 * commit, and an exception there would fail a request whose change is already saved.
 */
import type { Change, HistoryItem } from '../engine/engine.js'
import type { IncidentView } from '../engine/view.js'

export interface LiveChange {
  view: IncidentView
  entry: HistoryItem
}

export interface LiveScope {
  organisation: string
  /** Only this incident's entries; all of the organisation's when absent. */
  incidentId?: string
  /** The token the stream was opened with, for the limit per token. */
  tokenId?: string
}

/** Why a stream was refused: the hub is closing, or a limit (its setting named in the answer). */
export type Refused = 'closed' | 'total' | 'organisation' | 'token'

export interface Hub {
  /**
   * One committed entry (the engine's onChange). Its view is read only for a stream that
   * takes it: a change nobody watches builds none.
   */
  publish(change: Pick<Change, 'incidentId' | 'organisation' | 'entry' | 'view'>): void
  /**
   * `listener` gets every change in `scope`; `onClose` is called once when the hub closes
   * (shutdown). Returns the unsubscribe, or null when the hub is closed or full.
   */
  subscribe(scope: LiveScope, listener: (c: LiveChange) => void, onClose: () => void): (() => void) | null
  /** Why subscribe(scope) would be refused now, or null when it would be taken. */
  refusal(scope: LiveScope): Refused | null
  /** Ends every subscription (shutdown): streams end cleanly instead of holding the server open. */
  close(): void
  readonly closed: boolean
  /** Open subscriptions, for tests and metrics. */
  size(): number
  /** How often streams send a heartbeat comment. */
  readonly heartbeatMs: number
}

export interface HubOptions {
  /** Default 15 s: below the idle timeouts of common proxies (30–60 s). */
  heartbeatMs?: number
  /** Most streams at once (default 1000, STREAMS_MAX); more are refused with 503 rather than exhaust the process. */
  maxSubscribers?: number
  /** Most streams of one organisation (default 100, STREAMS_PER_ORGANISATION): one cannot take all (429). */
  maxPerOrganisation?: number
  /** Most streams of one token (default 10, STREAMS_PER_TOKEN): a leaking client cannot take its organisation's (429). */
  maxPerToken?: number
  /** Told when a listener throws; the others still get the change. */
  onError?: (e: unknown) => void
}

interface Subscriber {
  scope: LiveScope
  listener: (c: LiveChange) => void
  onClose: () => void
}

export function createHub(opts: HubOptions = {}): Hub {
  const subscribers = new Set<Subscriber>()
  const max = opts.maxSubscribers ?? 1000
  const perOrganisation = opts.maxPerOrganisation ?? 100
  const perToken = opts.maxPerToken ?? 10
  const byOrganisation = new Map<string, number>()
  const byToken = new Map<string, number>()
  let closed = false
  const bump = (m: Map<string, number>, key: string | undefined, by: number) => {
    if (key === undefined) return
    const n = (m.get(key) ?? 0) + by
    if (n > 0) m.set(key, n)
    else m.delete(key)
  }
  const refusal = (scope: LiveScope): Refused | null => {
    if (closed) return 'closed'
    if (subscribers.size >= max) return 'total'
    if ((byOrganisation.get(scope.organisation) ?? 0) >= perOrganisation) return 'organisation'
    if (scope.tokenId !== undefined && (byToken.get(scope.tokenId) ?? 0) >= perToken) return 'token'
    return null
  }

  return {
    heartbeatMs: opts.heartbeatMs ?? 15_000,
    get closed() {
      return closed
    },
    size: () => subscribers.size,
    publish(change) {
      for (const s of subscribers) {
        if (s.scope.organisation !== change.organisation) continue
        if (s.scope.incidentId !== undefined && s.scope.incidentId !== change.incidentId) continue
        try {
          s.listener({ view: change.view, entry: change.entry })
        } catch (e) {
          opts.onError?.(e)
        }
      }
    },
    refusal,
    subscribe(scope, listener, onClose) {
      if (refusal(scope)) return null
      const s: Subscriber = { scope, listener, onClose }
      subscribers.add(s)
      bump(byOrganisation, scope.organisation, 1)
      bump(byToken, scope.tokenId, 1)
      return () => {
        if (!subscribers.delete(s)) return
        bump(byOrganisation, scope.organisation, -1)
        bump(byToken, scope.tokenId, -1)
      }
    },
    close() {
      if (closed) return
      closed = true
      const all = [...subscribers]
      subscribers.clear()
      byOrganisation.clear()
      byToken.clear()
      for (const s of all) {
        try {
          s.onClose()
        } catch (e) {
          opts.onError?.(e)
        }
      }
    },
  }
}
