/**
 * Drives a plan's machine in memory the way the engine does: inert clock, events
 * stamped with `at`, `actor` and the calendar's quotes for every obligation rule with a due time.
 */
import { type AnyActorRef, createActor } from 'xstate'
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
