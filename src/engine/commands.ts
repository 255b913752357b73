/**
 * The command path: send an incident an event (opening one is open-command.ts).
 */
import type { IncidentEvent, Quotes } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { EventNotAllowed, Forbidden, NotFound, ValidationError, VersionConflict } from '../errors.js'
import * as repo from '../store/repo.js'
import { contextOf } from './actor.js'
import { breachesSettledBy } from './breach-first.js'
import { type Caller, type Core, iso, laterOf, type SendRequest } from './core.js'
import { requestHashes } from './idempotency.js'
import { type Live, lockRow, rowOf } from './live.js'
import { permits, refusalDetail } from './obligations.js'
import { createOpen } from './open-command.js'
import { lazyQuotes } from './quotes.js'
import { checkTime, validateFields } from './request-checks.js'
import type { Rooms, Timers } from './rooms.js'
import { storedOf } from './stored-view.js'
import { restoreRow } from './tail.js'
import { unknownReferences } from './unknown-reference.js'
import { isOverdue } from './view.js'
import { type Applied, appliedOf } from './write.js'

const withQuotes = (data: Record<string, unknown>, quotes: Quotes) =>
  Object.keys(quotes).length > 0 ? { ...data, quotes } : data

export function createCommands(core: Core, rooms: Rooms & Pick<Timers, 'breachesFirst'>) {
  const { store, clock, calendar, planOf } = core
  const { inTransaction, idempotent, current, apply, breachesFirst } = rooms

  /**
   * Applies one event to an incident. Order of refusals (API.md): invalid body (400),
   * role (403), an obligation or decision the plan version has no rule for (400:
   * unknown-reference.ts), version (409), state (409; a decision owed by other roles is one). Each
   * writes nothing. The answer builds the incident's view only when the caller asks for it
   * (write.ts `Applied`).
   *
   * An event that settles an obligation whose due time passed with its timer unfired (the
   * scheduler not there yet, the service down, a late entry's grace) finds the breach
   * journaled first (breach-first.ts), inside its transaction; it is judged as the
   * incident is stored (the version a read showed), and a refusal, which rolls the breach
   * back with it, says where the incident stands as stored.
   */
  async function send(
    id: string,
    req: SendRequest,
    caller: Caller,
    key?: string,
    /** The caller will read the view: it is built inside the transaction, so a failure to build it changes nothing. */
    withView = true,
  ): Promise<Applied> {
    // Hashed only for a key: without one nothing is compared or remembered.
    const hashes = key ? requestHashes(req) : { hash: '' }
    const requestHash = hashes.hash
    // The body's or If-Match's (the HTTP layer refuses both given and different).
    const expectedVersion = req.expectedVersion ?? req.ifMatch
    return inTransaction(async (trx, told) => {
      // The row's key first if the incident is live (live.ts): at that version it needs
      // nothing more of it; else the whole row, read once.
      const head = await lockRow(trx, store, id, core.live.has(id))
      if (!head || head.organisation !== caller.organisation) throw new NotFound(`incident ${id}`)
      const plan = planOf(head)
      const { spec, data } = validateFields(plan, req.type, req.fields)
      if (!(spec.roles as readonly string[]).includes(caller.role))
        throw new Forbidden(
          `role ${caller.role} may not send ${req.type} (allowed: ${spec.roles.join(', ')})`,
        )
      // A replayed key answers the first result, but only to a caller who may send the event.
      const replayed = await idempotent(trx, `incident:${id}`, key, requestHash, hashes.former)
      if (replayed) return appliedOf({ ...replayed, overdue: isOverdue(replayed, clock.now()) })
      const live = core.live.take(head.id, head.version)
      let row = await rowOf(trx, store, id, live, head)
      const actorRef = live?.actorRef ?? (await restoreRow(trx, store, plan, row))
      let before = actorRef.getSnapshot()
      // Where it stands as stored, for a refusal (the row's snapshot may be behind it: tail.ts),
      // also one after a breach this change journaled first (rolled back with it).
      const asStored = { row, value: before.value, context: contextOf(before) }
      const here = () => current(asStored.row, live?.stored, asStored)
      const actor: Actor = { name: caller.name, role: caller.role }
      let at = ''
      // Both set by judge, which runs before either is read.
      let book!: ReturnType<typeof lazyQuotes>
      let event!: IncidentEvent
      /** Refuses the event in state `s` (409), or prices it there. */
      const judge = (s: typeof before) => {
        book = lazyQuotes(plan.obligations, calendar, contextOf(s), at)
        event = { ...data, type: req.type, at, actor, quotes: book.quotes }
        // A decision owed by other roles than the caller's (one of DECIDE's): 409, as a state
        // that does not take it (API.md: 403 is for a role outside the event's roles only).
        const notTheirs = permits(plan, contextOf(s), event)
        if (notTheirs) throw new EventNotAllowed(req.type, here(), notTheirs)
        if (!s.can(event)) throw new EventNotAllowed(req.type, here(), refusalDetail(plan, s, event))
      }
      try {
        // What nothing on this incident could be is a body that fails validation, before its state.
        const unknown = unknownReferences(plan, contextOf(before), req.type, data)
        if (unknown.length > 0)
          throw new ValidationError(
            `${req.type} names what no rule of the incident's plan version makes`,
            unknown,
          )
        // The version a read showed: the stored one, before any breach this change journals.
        if (expectedVersion !== undefined && expectedVersion !== row.version)
          throw new VersionConflict(expectedVersion, here())
        const now = clock.now()
        at =
          checkTime('occurredAt', req.occurredAt, now, row.last_occurred_at) ??
          laterOf(iso(now), row.last_occurred_at)
        judge(before)
      } catch (e) {
        // A refusal changed nothing: the incident stays live at its version.
        if (live) core.live.put(head.id, live)
        throw e
      }
      let moved: Live | undefined = live
      const breaches = breachesSettledBy(plan, before, event, row.next_due_at)
      if (breaches.length > 0) {
        // Handed to the timer room as it is held here; once a breach is journaled, `actorRef`
        // has moved past the stored state (a refusal from here on leaves nothing live).
        const from = {
          version: row.version,
          actorRef,
          stored: live?.stored ?? storedOf(row.view),
          storedText: live?.storedText ?? row.view,
          head: repo.headOf(row),
          snapshotVersion: row.snapshot_version,
        }
        const after = await breachesFirst(trx, told, from, breaches, at)
        if (after) {
          moved = after
          row = await rowOf(trx, store, id, after)
          before = actorRef.getSnapshot()
          judge(before)
        }
      }
      actorRef.send(event)
      const applied = await apply(trx, told, plan, row, contextOf(before), actorRef, moved, {
        type: req.type,
        // The quotes the transition asked for; none when it began no obligation.
        payload: withQuotes(data, book.asked()),
        actor,
        occurredAt: at,
        key,
        idempotency: { scope: `incident:${id}`, requestHash },
      })
      if (withView) applied.view()
      return applied
    })
  }

  return { open: createOpen(core, rooms).open, send }
}
