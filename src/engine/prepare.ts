/**
 * Incidents due soon, made live before their deadlines come due. Deadlines on a
 * working-day calendar come due together (a cohort at the start or end of a working day),
 * and a cohort's firings are cold: each incident read whole, parsed and restored inside
 * the firing's transaction, one after another. While the scheduler sleeps towards such a
 * cohort, this restores its incidents into the live cache (live.ts) at their stored
 * version, so the firings find them live and the cohort's breaches are journaled sooner.
 *
 * It writes nothing: a prepared incident is what a read would see. One changed meanwhile
 * (a send here, another node, an annotation) is at another version when its timer fires,
 * and is restored from its row as before; a change made here after the preparation puts
 * its own version live. At most the cache's capacity, nearest due first.
 *
 * At a node's start the same is done for the open incidents changed most recently
 * (`prepareOpen`): the incidents in flight are live before their next change comes.
 */

import { headOf, selectIncidents, type WithSnapshot, withSnapshot } from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import type { Core } from './core.js'
import { storedOf } from './stored-view.js'
import { restoreRow } from './tail.js'

/** Incidents read in one statement and prepared between two yields to the event loop (a few ms of work). */
const CHUNK = 16

/** Timers read per incident prepared: a due incident has one or two (a deadline, its warning). */
const TIMERS_PER_INCIDENT = 4

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export function createPreparer(core: Core) {
  const { db, store, live, planOf, guarded } = core

  /**
   * Restores into the live cache the incidents of `ids` that are open and not live yet, in
   * chunks between yields to the event loop, until `enough()` says to stop. Returns how many.
   */
  async function prepareIds(ids: readonly string[], enough: () => boolean): Promise<number> {
    let n = 0
    for (let i = 0; i < ids.length; i += CHUNK) {
      if (i > 0) await yieldToLoop()
      if (enough()) break
      const chunk = ids.slice(i, i + CHUNK).filter((id) => !live.has(id))
      if (chunk.length === 0) continue
      const rows: WithSnapshot<IncidentRow>[] = await guarded(() =>
        selectIncidents(db).where('incidents.id', 'in', chunk).execute(),
      )
      for (const read of rows) {
        // Closed meanwhile, or made live by a change while the rows were read.
        if (read.closed_at !== null || live.has(read.id)) continue
        try {
          // One without its snapshot (MissingSnapshot) too: its firing reports it.
          const row = withSnapshot(read)
          const plan = planOf(row)
          const actorRef = await restoreRow(db, store, plan, row)
          // Made live by a change while the entries after its snapshot were read: that copy is newer.
          if (live.has(row.id)) continue
          live.put(row.id, {
            version: row.version,
            actorRef,
            stored: storedOf(row.view),
            storedText: row.view,
            head: headOf(row),
            snapshotVersion: row.snapshot_version,
          })
          n++
        } catch {
          // Left cold: its next change or firing restores it again and reports what fails.
        }
      }
    }
    return n
  }

  /**
   * Restores into the live cache the incidents with an unfired timer due by `until` (and
   * after `after`, when given: what an earlier preparation covered is not asked again),
   * nearest due first, until `enough()` says to stop (the scheduler woke up). Returns how
   * many it restored. One that cannot be restored is left cold, and its firing reports it.
   */
  async function prepareDue(
    until: string,
    enough: () => boolean = () => false,
    after?: string,
  ): Promise<number> {
    if (live.capacity <= 0 || enough()) return 0
    // The timers in the index's order (timers_due: unfired, by due time), each incident at its
    // first: a GROUP BY incident ordered by its earliest due time read and sorted every timer due
    // (21 ms with 49,000 timers due, in the sqlite3 shell; the event loop held); a few per
    // incident are read instead.
    const due = await guarded(() =>
      db
        .selectFrom('timers')
        .select('incident_id')
        .where('fired_at', 'is', null)
        .where('due_at', '<=', until)
        .$if(after !== undefined, (q) => q.where('due_at', '>', after as string))
        .orderBy('due_at')
        .limit(live.capacity * TIMERS_PER_INCIDENT)
        .execute(),
    )
    const ids = [...new Set(due.map((d) => d.incident_id))].slice(0, live.capacity)
    return prepareIds(ids, enough)
  }

  /**
   * Restores into the live cache the open incidents changed most recently, as many as the
   * cache holds (`limit`, at most its capacity), until `enough()` says to stop: what a node
   * does once after it starts (PREPARE_AT_START), so that the incidents in flight are
   * changed and fired live from their first event on, not restored from their rows one by
   * one. Returns how many it restored.
   */
  async function prepareOpen(
    enough: () => boolean = () => false,
    limit: number = live.capacity,
  ): Promise<number> {
    const n = Math.min(limit, live.capacity)
    if (n <= 0 || enough()) return 0
    const open = await guarded(() =>
      db
        .selectFrom('incidents')
        .select('id')
        .where('closed_at', 'is', null)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(n)
        .execute(),
    )
    // Most recently changed first: stopped half-way, it has made live the likeliest to change next.
    return prepareIds(
      open.map((o) => o.id),
      enough,
    )
  }

  return { prepareDue, prepareOpen }
}
