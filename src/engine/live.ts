/**
 * Hot incidents stay live: a bounded cache of restored incidents (actor.ts `Running`) and
 * their stored view parts, keyed by incident id and kept only for the version they were
 * committed at. A change takes its incident's entry out (so a change that rolls back
 * leaves nothing behind) and puts the new one back only once its transaction committed,
 * or at once when it was refused and changed nothing; a version that moved
 * meanwhile (another node, another process, an annotation) misses, and the incident is
 * restored from its row as before. Least recently used goes first.
 */
import type { IncidentHead } from '../store/repo.js'
import * as repo from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import type { Db, Target } from '../store/statements.js'
import type { Running } from './actor.js'
import type { StoredView } from './stored-view.js'

/** Incidents kept live by default (about 10–20 KB each). */
export const ACTOR_CACHE_SIZE = 1_000

export interface Live {
  version: number
  actorRef: Running
  /**
   * What the view column holds at `version` (stored-view.ts: the source, the events
   * accepted, annotations), and its text as written; the rest of the view is the
   * machine's state, assembled only when someone reads it.
   */
  stored: StoredView
  storedText: string
  /** The row's head columns as written at `version`, when the change that wrote it kept them. */
  head?: IncidentHead
  /** The version its stored snapshot was written at (tail.ts: at most `version`). */
  snapshotVersion: number
}

export function createLiveCache(size = ACTOR_CACHE_SIZE) {
  const map = new Map<string, Live>()
  let hits = 0
  let misses = 0
  return {
    /** The live incident at exactly this version, taken out of the cache; or nothing. */
    take(id: string, version: number): Live | undefined {
      const hit = map.get(id)
      if (hit !== undefined) map.delete(id)
      if (hit?.version === version) {
        hits++
        return hit
      }
      misses++
      return undefined
    },
    /** Keeps an incident live at the version just committed. */
    put(id: string, live: Live): void {
      if (size <= 0) return
      map.delete(id)
      map.set(id, live)
      if (map.size > size) {
        const oldest = map.keys().next().value
        if (oldest !== undefined) map.delete(oldest)
      }
    },
    drop: (id: string) => void map.delete(id),
    /** The live incident, left in place (a read: neither a hit nor a miss, nor made recent). */
    peek: (id: string): Live | undefined => map.get(id),
    /** How many incidents it keeps at most. */
    capacity: size,
    /** Whether the incident is kept live at some version (neither a hit nor a miss). */
    has: (id: string): boolean => map.has(id),
    /** Entries now, and takes that found their version live or not, since the start. */
    stats: () => ({ size: map.size, hits, misses }),
  }
}
export type LiveCache = ReturnType<typeof createLiveCache>

/**
 * An incident's row locked for a change: only its key when the incident is kept live
 * (`known`; a live one at the key's version needs nothing more), else the whole row at
 * once, so an incident that is not live is read once, not twice (key, then row).
 */
export const lockRow = (
  trx: Db,
  to: Target,
  id: string,
  known: boolean,
): Promise<repo.IncidentKey | IncidentRow | undefined> =>
  known ? repo.lockIncidentKey(trx, to, id) : repo.lockIncident(trx, to, id)

/**
 * The incident row a change starts from, its key already locked (`locked`, lockRow): a
 * live incident's head as its last change wrote it (its texts are in memory), else read;
 * the whole row for an incident that is not live (the one lockRow read, if it did).
 */
export async function rowOf(
  trx: Db,
  to: Target,
  id: string,
  live: Live | undefined,
  locked?: repo.IncidentKey | IncidentRow,
) {
  if (!live && locked && 'snapshot' in locked) return locked
  const row = live
    ? (live.head ?? (await repo.lockIncidentHead(trx, to, id)))
    : await repo.lockIncident(trx, to, id)
  if (!row) throw new Error(`incident ${id} vanished while locked`)
  return live
    ? { ...row, snapshot: '', view: '', snapshot_version: live.snapshotVersion }
    : (row as IncidentRow)
}
