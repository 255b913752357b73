/**
 * The command path's opening: an incident opened on a plan's current version, its first
 * entry, row, snapshot and timers written in one transaction (the other command, send,
 * is commands.ts).
 */
import { randomUUID } from 'node:crypto'
import { createActor } from 'xstate'
import type { IncidentInput } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { Forbidden, ValidationError } from '../errors.js'
import * as repo from '../store/repo.js'
import { moveTimers } from '../store/timers.js'
import { inertClock } from './actor.js'
import { type Caller, type Core, iso, type OpenRequest } from './core.js'
import { canonicalJson, genesisHash, sha256 } from './hash.js'
import { lateEntryTimers } from './late-entry.js'
import { ledgerChanges } from './obligations.js'
import { checkOpening } from './opening.js'
import { quoteRules } from './quotes.js'
import { checkTime } from './request-checks.js'
import type { Rooms } from './rooms.js'
import { storedOfView, storedViewText } from './stored-view.js'
import { buildView, type IncidentView, isOverdue } from './view.js'

export function createOpen(core: Core, rooms: Rooms) {
  const { plans, clock, calendar, store } = core
  const { inTransaction, idempotent, derive, entryFor, emit, remember, notify } = rooms

  async function open(req: OpenRequest, caller: Caller, key?: string): Promise<IncidentView> {
    if (caller.role !== 'monitor' && caller.role !== 'office' && caller.role !== 'admin')
      throw new Forbidden(`role ${caller.role} may not open incidents (monitor, office and admin may)`)
    const plan = plans.getPlan(req.planId)
    if (!plan)
      throw new ValidationError('unknown plan', [{ path: 'planId', message: `no plan ${req.planId}` }])
    const now = clock.now()
    const discoveredAt = checkTime('discoveredAt', req.discoveredAt, now) ?? iso(now)
    const knownAt = checkTime('knownAt', req.knownAt, now) ?? discoveredAt
    const occurredAt = checkTime('occurredAt', req.occurredAt, now) ?? discoveredAt
    // The incident's own copy: the snapshot's text keeps each object's text by identity
    // (snapshot-text.ts), so a caller's later change to its object must not reach it.
    const facts = { ...(req.facts ?? {}) }
    checkOpening(plan, req, facts)
    const actor: Actor = { name: caller.name, role: caller.role }
    const input: IncidentInput = {
      title: req.title,
      discoveredAt,
      knownAt,
      occurredAt,
      category: req.category ?? null,
      facts,
      severity: req.severity ?? null,
      severityReason: req.severityReason ?? null,
      actor,
      quotes: quoteRules(plan.obligations, calendar, { discoveredAt, knownAt, occurredAt }, discoveredAt),
    }
    const scope = `open:${caller.tokenId}`
    const requestHash = key ? sha256(canonicalJson(req)) : ''
    return inTransaction(async (trx, told) => {
      const replayed = await idempotent(trx, scope, key, requestHash)
      // As send() answers a replay: the view remembered, overdue as of now (it is stored false).
      if (replayed) return { ...replayed, overdue: isOverdue(replayed, clock.now()) }
      if (req.relatedTo) {
        const rel = await trx
          .selectFrom('incidents')
          .select('id')
          .where('id', '=', req.relatedTo)
          .where('organisation', '=', caller.organisation)
          .executeTakeFirst()
        if (!rel)
          throw new ValidationError('relatedTo names no incident', [
            { path: 'relatedTo', message: 'no such incident' },
          ])
      }
      const source = req.source ?? null
      // The machine sees the opening's source as a rebuild does (rebuild.ts passes the OPENED
      // payload, which carries it): a plan version may count it as recorded (hrss-city 12).
      const actorRef = createActor(plan.machine, { input: { ...input, source }, clock: inertClock }).start()
      const d = derive(plan, actorRef)
      // What the incident owes from the start is begun by OPENED, and its entry says so.
      const begun = ledgerChanges([], d.ctx.obligations)
      const id = randomUUID()
      const recordedAt = iso(now)
      const relatedTo = req.relatedTo ?? null
      const entry = entryFor(
        {
          id,
          version: 0,
          // The chain starts from the incident's identity (organisation, plan): see genesisHash.
          head_hash: genesisHash({
            id,
            organisation: caller.organisation,
            plan_id: plan.id,
            plan_version: plan.version,
          }),
        },
        {
          type: 'OPENED',
          payload: {
            ...input,
            actor: undefined,
            source,
            relatedTo,
            planVersion: plan.version,
            ...(begun ? { obligations: begun } : {}),
          },
          actor,
          occurredAt: discoveredAt,
          key,
        },
        recordedAt,
      )
      const view = buildView(plan, d.s, {
        id,
        organisation: caller.organisation,
        version: 1,
        source,
        relatedTo,
        owner: null,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      })
      const inserted = {
        id,
        organisation: caller.organisation,
        plan_id: plan.id,
        plan_version: plan.version,
        version: 1,
        title: req.title,
        source_url: source?.url ?? null,
        owner: null,
        related_to: relatedTo,
        view: storedViewText(view),
        last_occurred_at: discoveredAt,
        head_hash: entry.hash,
        created_at: recordedAt,
        updated_at: recordedAt,
        ...d.columns,
      }
      await repo.insertIncident(trx, inserted, d.snapshot())
      await repo.appendJournalFast(trx, store, entry)
      const held = lateEntryTimers(recordedAt, core.lateEntryGraceMs)
      const timers = held(rooms.timersOf(d.ctx))
      await moveTimers(trx, store, id, [], timers)
      await emit(trx, plan.id, entry, () => view)
      await remember(trx, scope, key, requestHash, () => view)
      notify(
        told,
        inserted,
        () => view,
        entry,
        timers.map((t) => t.dueAt),
      )
      const stored = storedOfView(view)
      told.push(() =>
        core.live.put(id, {
          version: 1,
          actorRef,
          stored,
          storedText: inserted.view,
          head: repo.headOf(inserted),
          snapshotVersion: 1,
        }),
      )
      return { ...view, overdue: isOverdue(view, now) }
    })
  }

  return { open }
}
