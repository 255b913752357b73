/**
 * The timer path: due deadlines and their due-soon warnings, fired in batches through
 * the same write as any event (actor `system`).
 */
import type { IncidentEvent } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { StorageUnavailable } from '../errors.js'
import type { IncidentHead } from '../store/repo.js'
import type { Db } from '../store/statements.js'
import { claimTimer, dueTimers } from '../store/timers.js'
import { contextOf } from './actor.js'
import type { Told } from './committer.js'
import { type Core, FIRE_BATCH, iso, laterOf } from './core.js'
import { type Live, lockRow, rowOf } from './live.js'
import type { Rooms } from './rooms.js'
import { restoreRow } from './tail.js'

/** Who fires deadlines and raises warnings in the journal. */
const SYSTEM: Actor = { name: 'system', role: 'system' }

/** Incidents a batch already restored, at the version the batch moved them to. */
type Local = Map<string, Live>

export function createTimers(core: Core, rooms: Rooms) {
  const { store, clock, db, deps, planOf, guarded } = core
  const { inTransaction, apply, annotateIn } = rooms

  /**
   * Fires due deadlines through the same path as any event (actor `system`), each
   * exactly once: the timer row is re-read inside the transaction and marked fired
   * in it. The entry keeps the original due time as its `occurredAt`, unless an entry
   * journaled meanwhile is later (fireIn).
   *
   * Up to FIRE_BATCH timers share one transaction (each incident's entry, snapshot and
   * timers still written together), so a thousand deadlines passing at once cost a few
   * commits, not a thousand. If one of them fails, the batch rolls back and its timers
   * fire one per transaction, so one broken incident holds up no other.
   */
  async function fireDue(limit = 500): Promise<number> {
    const now = iso(clock.now())
    const due = await guarded(() => dueTimers(db, now, limit))
    let fired = 0
    for (let i = 0; i < due.length; i += FIRE_BATCH) {
      const batch = due.slice(i, i + FIRE_BATCH)
      try {
        fired += await inTransaction(async (trx, told) => {
          // One restore per incident per batch: its later timers find it live here.
          const local: Local = new Map()
          let n = 0
          for (const t of batch) if (await fireIn(trx, told, t, local)) n++
          return n
        })
        continue
      } catch (e) {
        if (e instanceof StorageUnavailable) throw e
      }
      for (const t of batch) {
        const done = await inTransaction((trx, told) => fireIn(trx, told, t)).catch((e: unknown) => {
          // One broken incident must not hold up every later timer: report it and go on.
          if (e instanceof StorageUnavailable) throw e
          deps.onTimerError?.(t, e)
          return false
        })
        if (done) fired++
      }
    }
    return fired
  }

  /**
   * Fires one due timer inside the caller's transaction; false when it was spent (already
   * fired, or met meanwhile). `by`: a timer held for a late entry (late-entry.ts), fired
   * before its row's time only if its obligation's own due time is by then.
   */
  async function fireIn(
    trx: Db,
    told: Told,
    t: { incident_id: string; instance: string; due_at?: string },
    local: Local = new Map(),
    by?: string,
  ): Promise<boolean> {
    // Lock order as in send(): the incident first, then its timer rows (no deadlock across
    // nodes); only its key if it is live here, else the whole row at once.
    const known = local.has(t.incident_id) || core.live.has(t.incident_id)
    const head = await lockRow(trx, store, t.incident_id, known)
    if (!head) return false
    const claim = (at: string) => claimTimer(trx, store, t.incident_id, t.instance, at)
    let timer = by === undefined ? await claim(iso(clock.now())) : undefined
    if (by === undefined && !timer) return false
    const plan = planOf(head)
    const mine = local.get(head.id)
    const live = mine?.version === head.version ? mine : core.live.take(head.id, head.version)
    local.delete(head.id)
    // A live incident needs no more of its row than its last change wrote (as in send()).
    const row = await rowOf(trx, store, head.id, live, head)
    const actorRef = live?.actorRef ?? (await restoreRow(trx, store, plan, row))
    // A spent timer changed nothing: the incident stays live at its version.
    const spent = () => {
      if (live) {
        local.set(row.id, live)
        told.push(() => core.live.put(row.id, live))
      }
      return false
    }
    const owed = contextOf(actorRef.getSnapshot()).obligations.find((x) => x.id === t.instance)
    if (by !== undefined) {
      if (!owed?.dueAt || Date.parse(owed.dueAt) > Date.parse(by)) return spent()
      timer = await claim(t.due_at ?? by)
    }
    if (!timer) return spent()
    // Its snapshot's version as read: the change may have written a later one (write.ts), and
    // one said older only makes the next change write it sooner.
    const keep = (stored: Pick<Live, 'stored' | 'storedText'>) =>
      local.set(row.id, {
        version: row.version + 1,
        actorRef,
        stored: stored.stored,
        storedText: stored.storedText,
        snapshotVersion: row.snapshot_version,
      })
    const warning = /^(.*)~w(\d+)$/.exec(timer.instance)
    if (warning) {
      const [, instance = '', pct = '0'] = warning
      const s = actorRef.getSnapshot()
      const o = contextOf(s).obligations.find((x) => x.id === instance)
      if (o?.status !== 'owed' || o.dueAt === null || o.breachedAt !== null) return spent()
      const w = {
        deadline: o.deadline ?? o.rule,
        instance,
        obligation: instance,
        share: Number(pct) / 100,
        dueAt: o.dueAt,
        at: timer.due_at,
      }
      const warned = await annotateIn(
        trx,
        told,
        row,
        SYSTEM,
        { type: 'DEADLINE_WARNING', payload: w, occurredAt: w.at },
        (stored) => ({ ...stored, warnings: [...(stored.warnings ?? []), w] }),
        {},
        { state: { value: s.value, context: contextOf(s) }, live },
      )
      keep(warned.kept)
      told.push(() =>
        core.live.put(row.id, {
          version: row.version + 1,
          actorRef,
          ...warned.kept,
          snapshotVersion: row.snapshot_version,
        }),
      )
      return true
    }
    // The machine takes the breach at the obligation's own due time (a timer held for a late
    // entry fires after it), as the entry's `dueAt` says and replay re-sends it (rebuild.ts
    // eventAt). The entry is stamped then too, unless one journaled meanwhile (during a late
    // entry's grace, a scheduler behind) is later: an entry is never stamped before the one before it.
    const dueAt = owed?.dueAt ? iso(new Date(owed.dueAt)) : timer.due_at
    const at = laterOf(dueAt, row.last_occurred_at)
    const event: IncidentEvent = {
      type: 'DEADLINE_PASSED',
      at: dueAt,
      actor: SYSTEM,
      obligation: timer.instance,
    }
    // A timer whose obligation is no longer owed (met, waived, withdrawn meanwhile) is spent, not journaled.
    if (!actorRef.getSnapshot().can(event)) return spent()
    const before = contextOf(actorRef.getSnapshot())
    actorRef.send(event)
    const applied = await apply(trx, told, plan, row, before, actorRef, live, {
      type: 'DEADLINE_PASSED',
      payload: {
        deadline: timer.deadline,
        obligation: timer.instance,
        instance: timer.instance,
        dueAt,
      },
      actor: SYSTEM,
      occurredAt: at,
    })
    keep(applied.kept)
    return true
  }

  /**
   * Fires one deadline of an incident inside the caller's transaction if its obligation's
   * due time is by `at` and its timer unfired, as the scheduler would have; true if it did.
   * `local`: the incident as the caller holds it (breachesFirst).
   */
  async function fireIfDue(
    trx: Db,
    told: Told,
    incidentId: string,
    instance: string,
    at: string,
    local: Local = new Map(),
  ): Promise<boolean> {
    const timer = await trx
      .selectFrom('timers')
      .select(['incident_id', 'instance', 'due_at'])
      .where('incident_id', '=', incidentId)
      .where('instance', '=', instance)
      .where('fired_at', 'is', null)
      .executeTakeFirst()
    if (!timer) return false
    if (Date.parse(timer.due_at) <= Date.parse(at)) return fireIn(trx, told, timer, local)
    // Held for a late entry: its obligation's own due time may be by `at` already.
    return fireIn(trx, told, timer, local, at)
  }

  /**
   * Journals the breaches a change is about to put on record (`instances`: owed, due by
   * `at`, their timers unfired; breach-first.ts) before the change, as the scheduler would
   * have had it been there (OBLIGATIONS.md rule 1: a waiver never hides a breach, and every
   * breach has its DEADLINE_PASSED entry). `from`: the incident as the change restored it,
   * at its version. Answers the incident as the breaches left it, or undefined if none fired.
   */
  async function breachesFirst(
    trx: Db,
    told: Told,
    from: Live & { head: IncidentHead },
    instances: readonly string[],
    at: string,
  ): Promise<Live | undefined> {
    const id = from.head.id
    const local: Local = new Map([[id, from]])
    for (const instance of instances) await fireIfDue(trx, told, id, instance, at, local)
    const after = local.get(id)
    return after && after.version > from.version ? after : undefined
  }

  return { fireDue, fireIn, fireIfDue, breachesFirst }
}
