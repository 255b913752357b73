/**
 * Rebuilding an incident's machine from its journal alone: OPENED gives the input, every
 * later plan event is re-sent as it was recorded (its stored quotes and times), a timer
 * firing as DEADLINE_PASSED at its due time (eventAt). An incident upgraded from a plan
 * version the service no longer has (see upgrade.ts) carries, in its UPGRADED entry, the
 * quotes its earlier entries were re-read with and the entries the new version refused:
 * replay uses those, so it reproduces the upgrade exactly.
 */
import { createActor } from 'xstate'
import type { IncidentEvent, IncidentInput, PlanDefinition, Quotes } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { inertClock, type Running } from './actor.js'

export interface JournalEntry {
  seq: number
  type: string
  payload: string
  actor_name: string
  actor_role: string
  occurred_at: string
}

export interface UpgradeRecord {
  fromVersion: number
  toVersion: number
  /** Quotes each entry before the upgrade was re-read with, by seq. */
  quotes: Record<string, Quotes>
  /** Entries before the upgrade that the new version did not accept, by seq. */
  skipped: number[]
}

/**
 * The time an entry is re-sent at: its `occurredAt`, but a breach at its own due time (its
 * `payload.dueAt`), as the machine took it: a breach journaled after an entry later than its
 * due time is stamped no earlier than that entry (timers.ts fireIn). Until then the two
 * were always the same.
 */
export const eventAt = (e: Pick<JournalEntry, 'type' | 'occurred_at'>, payload: Record<string, unknown>) =>
  e.type === 'DEADLINE_PASSED' && typeof payload.dueAt === 'string' ? payload.dueAt : e.occurred_at

/** An entry the upgrade may re-send: a plan event, or a timer firing in today's form. */
const resendable = (plan: PlanDefinition, type: string, payload: Record<string, unknown>) =>
  plan.events.some((s) => s.type === type) ||
  ((type === 'DEADLINE_PASSED' || type === 'REQUOTE') && typeof payload.obligation === 'string')

/**
 * Re-sends `entries` to a new actor of `plan`. `quotesOf` answers the quotes an entry is
 * re-read with (default: those it recorded). When `strict` is false, an entry the
 * machine does not accept is skipped and reported (the upgrade); otherwise it is sent as
 * recorded (replay: the journal only holds what was accepted).
 */
export function rebuild(
  plan: PlanDefinition,
  entries: readonly JournalEntry[],
  opts: {
    quotesOf?: (e: JournalEntry, payload: Record<string, unknown>) => Quotes | undefined
    upgrade?: UpgradeRecord
    /** Go on from this actor (the journal after a MIGRATED entry: engine/replay.ts) instead of OPENED. */
    start?: Running
  } = {},
) {
  let actorRef: Running | undefined = opts.start
  const skipped: number[] = []
  const used: Record<string, Quotes> = {}
  const upgradedAt = entries.find((e) => e.type === 'UPGRADED')?.seq ?? Number.POSITIVE_INFINITY
  for (const e of entries) {
    const payload = JSON.parse(e.payload) as Record<string, unknown>
    const actor: Actor = { name: e.actor_name, role: e.actor_role as Actor['role'] }
    const before = e.seq < upgradedAt && opts.upgrade !== undefined
    if (before && opts.upgrade?.skipped.includes(e.seq)) continue
    const quotes = before
      ? opts.upgrade?.quotes[String(e.seq)]
      : (opts.quotesOf?.(e, payload) ?? (payload.quotes as Quotes | undefined))
    if (quotes) used[String(e.seq)] = quotes
    if (e.type === 'OPENED') {
      actorRef = createActor(plan.machine, {
        input: { ...(payload as unknown as IncidentInput), actor, quotes: quotes ?? {} },
        clock: inertClock,
      }).start()
      continue
    }
    if (!actorRef || !resendable(plan, e.type, payload)) continue
    const event = { ...payload, quotes, type: e.type, at: eventAt(e, payload), actor } as IncidentEvent
    if (opts.quotesOf && !actorRef.getSnapshot().can(event)) {
      skipped.push(e.seq)
      continue
    }
    actorRef.send(event)
  }
  return { actorRef, skipped, quotes: used }
}
