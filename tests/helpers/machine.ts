/**
 * Drives a plan's machine in memory the way the engine does: inert clock, events
 * stamped with `at`, `actor` and the calendar's quotes for every obligation rule with a due time.
 */
import { type AnyActorRef, createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, IncidentInput, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { createCalendar } from '../../src/calendar/index.js'
import { quoteRules } from '../../src/engine/quotes.js'

export const calendar = createCalendar()
/** Timers never run in memory: the engine owns time. */
export const inertClock = { setTimeout: () => 0, clearTimeout: () => undefined } as never

export const T0 = '2026-10-09T09:00:00.000Z'
export const addMinutes = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString()

export interface Walker {
  actor: AnyActorRef
  context: () => IncidentContext
  value: () => unknown
  phase: () => string
  /** Sends `type` with `fields`, at `at` (default: one minute after the previous event). */
  send: (type: string, fields?: Record<string, unknown>, opts?: { at?: string; actor?: Actor }) => void
  /**
   * The due timer of the owed obligation `id` (or the first owed one of that rule id or
   * deadline name), as the engine's scheduler sends it: DEADLINE_PASSED at its due time.
   */
  fire: (id: string) => void
  /** The obligations owed now. */
  owed: () => IncidentContext['obligations']
  /** Whether the machine accepts `type` now, sent by `by` (default: the walker's actor). */
  can: (type: string, fields?: Record<string, unknown>, by?: Actor) => boolean
}

export function startIncident(
  plan: PlanDefinition,
  input: Partial<Omit<IncidentInput, 'quotes'>> = {},
  actorOf: Actor = { name: '值班员', role: 'office' },
): Walker {
  const discoveredAt = input.discoveredAt ?? T0
  const base = {
    title: '测试舆情',
    discoveredAt,
    knownAt: input.knownAt ?? discoveredAt,
    occurredAt: input.occurredAt ?? discoveredAt,
    category: null,
    facts: {},
    severity: null,
    severityReason: null,
    actor: actorOf,
    ...input,
  }
  const quotes = quoteRules(plan.obligations, calendar, base, discoveredAt)
  const actor = createActor(plan.machine, { clock: inertClock, input: { ...base, quotes } }).start()
  let last = discoveredAt
  const ctx = () => actor.getSnapshot().context as IncidentContext
  const event = (type: string, fields: Record<string, unknown>, at: string, by: Actor) => ({
    ...fields,
    type,
    at,
    actor: by,
    quotes: quoteRules(plan.obligations, calendar, ctx(), at),
  })
  return {
    actor,
    context: ctx,
    value: () => actor.getSnapshot().value,
    phase: () => {
      const v = (actor.getSnapshot().value as { phase: unknown }).phase
      return typeof v === 'string' ? v : Object.keys(v as object)[0]!
    },
    send: (type, fields = {}, opts = {}) => {
      last = opts.at ?? addMinutes(last, 1)
      actor.send(event(type, fields, last, opts.actor ?? actorOf))
    },
    fire: (id) => {
      const d = ctx().obligations.find(
        (o) =>
          o.status === 'owed' &&
          o.dueAt !== null &&
          o.breachedAt === null &&
          (o.id === id || o.rule === id || o.deadline === id),
      )
      if (!d?.dueAt) throw new Error(`no owed obligation ${id} with a due time`)
      if (Date.parse(d.dueAt) > Date.parse(last)) last = d.dueAt
      actor.send({
        type: 'DEADLINE_PASSED',
        at: d.dueAt,
        actor: { name: 'system', role: 'system' },
        obligation: d.id,
      })
    },
    owed: () => ctx().obligations.filter((o) => o.status === 'owed'),
    can: (type, fields = {}, by = actorOf) => actor.getSnapshot().can(event(type, fields, last, by)),
  }
}

/**
 * `w` (on `from`) migrated to `to` five minutes (and `hours` more) after its last event (its
 * discovery when it has none), as the engine migrates: the persisted snapshot as stored (JSON),
 * settled, rejudged, risen grades kept, the new rules quoted at the instant, by an admin giving
 * `reason`. Throws when the kit refuses. `r` is the kit's result (`context`, `snapshot`,
 * `mapping`), `of(rule)` the migrated instances of a rule, `actor` the migrated snapshot running on `to`.
 */
export function migratedAfter(
  w: Walker,
  from: PlanDefinition,
  to: PlanDefinition,
  reason: string,
  hours = 0,
) {
  const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 5 + hours * 60)
  const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
  const r = migrateSnapshot(from, to, persisted, {
    at,
    actor: { name: '管理员', role: 'admin' },
    reason,
    quotes: quoteRules(to.obligations, calendar, w.context(), at),
    settle: true,
    rejudge: true,
    keepRisen: true,
  })
  if (!r.ok) throw new Error(r.reason)
  const of = (rule: string) => r.context.obligations.filter((o) => o.rule === rule)
  const actor = createActor(to.machine, { clock: inertClock, snapshot: r.snapshot as never }).start()
  return { at, r, context: r.context, snapshot: r.snapshot, of, actor }
}
