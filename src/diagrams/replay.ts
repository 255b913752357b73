/**
 * Re-runs an incident's journal through its plan's machine, the way the engine's
 * `replay` does (OPENED gives the input, later entries are re-sent with their own
 * times, actors run on an inert clock), and records what the machine did on the way:
 * every state entered (transient ones too, read from the actor's microsteps) and
 * every transition taken. Pure: no database, no calendar.
 *
 * The history the API serves has no quotes (the engine drops them), so the due time
 * of the n-th instance of a deadline is taken from the view, which stored it when the
 * rule started: the replay never recomputes a due time.
 */
import { createActor } from 'xstate'
import { SYSTEM_EVENTS } from '../../machines/kit/common.js'
import type {
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  PlanDefinition,
  Quote,
} from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { inertClock } from '../engine/actor.js'
import type { HistoryItem } from '../engine/engine.js'
import { eventAt } from '../engine/rebuild.js'
import type { IncidentView } from '../engine/view.js'
import { planModel } from './model.js'

export interface Trace {
  /** State paths entered at some point (`phase.discovery.triage`, …). */
  visited: Set<string>
  /** Transition ids (model.ts) taken at some point. */
  taken: Set<string>
  /** The context after the last entry; null when the replay could not start. */
  context: IncidentContext | null
  /** Why the replay stopped early, if it did. */
  error: string | null
}

/** Every state path a state value names, ancestors included. */
export function valuePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`]
  if (!value || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
    `${prefix}${k}`,
    ...valuePaths(v, `${prefix}${k}.`),
  ])
}

const FAR_FUTURE: Quote = { dueAt: '9999-12-31T23:59:59.000Z', certain: false }

/** Quotes that answer each rule with the due time the view stored for the instance it starts. */
function storedQuotes(plan: PlanDefinition, view: IncidentView, started: Map<string, number>) {
  return new Proxy({} as Record<string, Quote>, {
    get(_, key) {
      if (typeof key !== 'string') return undefined
      const rule = plan.obligations.find((r) => r.id === key.replace(/@event$/, ''))
      if (!rule) return undefined
      const n = (started.get(rule.id) ?? 0) + 1
      started.set(rule.id, n)
      const d = view.obligations.find((x) => x.id === `${rule.id}#${n}`)
      return d?.dueAt ? { dueAt: d.dueAt, certain: d.certain } : FAR_FUTURE
    },
  })
}

/** A firing journaled before obligations: its payload names the machine's timer event. */
const isLegacyFiring = (h: HistoryItem) => h.type === 'DEADLINE_PASSED' && 'timerEvent' in h.payload
/** A breach or a requote in today's form: it names its obligation. */
const isSystemEvent = (h: HistoryItem) =>
  (SYSTEM_EVENTS as readonly string[]).includes(h.type) && typeof h.payload.obligation === 'string'

export function traceHistory(
  plan: PlanDefinition,
  view: IncidentView,
  history: readonly HistoryItem[],
): Trace {
  const model = planModel(plan)
  const visited = new Set<string>()
  const taken = new Set<string>()
  const started = new Map<string, number>()
  const opened = history.find((h) => h.type === 'OPENED')
  if (!opened) return { visited, taken, context: null, error: 'the history has no OPENED entry' }

  const actorOf = (h: HistoryItem): Actor => ({ name: h.actor.name, role: h.actor.role as Actor['role'] })
  const input = {
    ...(opened.payload as unknown as IncidentInput),
    actor: actorOf(opened),
    quotes: storedQuotes(plan, view, started),
  }
  let error: string | null = null
  const actor = createActor(plan.machine, {
    input,
    clock: inertClock,
    inspect: (ev) => {
      if (ev.type !== '@xstate.microstep') return
      const step = ev as unknown as { snapshot: { value: unknown }; _transitions: object[] }
      for (const t of step._transitions) {
        const id = model.definitionIds.get(t)
        if (!id) continue
        taken.add(id)
        // A transient state (left by an `always` in the same step) shows only as a source.
        const source = id.split('|')[0]!
        for (let p = source; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '')
          visited.add(p)
      }
      for (const p of valuePaths(step.snapshot.value)) visited.add(p)
    },
  })
  const settle = () => {
    const s = actor.getSnapshot()
    for (const p of valuePaths(s.value)) visited.add(p)
    if (s.status === 'error') error = `the machine failed: ${String(s.error)}`
  }
  try {
    actor.start()
    settle()
    for (const h of history) {
      if (error) break
      if (h.type === 'OPENED') continue
      if (isLegacyFiring(h)) {
        // A timer fired before obligations (its machine event named in the entry).
        actor.send({
          type: String(h.payload.timerEvent),
          at: h.occurredAt,
          actor: actorOf(h),
          instance: String(h.payload.instance),
        })
      } else if (plan.events.some((e) => e.type === h.type) || isSystemEvent(h)) {
        // A breach (DEADLINE_PASSED) or a due time requoted (REQUOTE) is re-sent as the engine's
        // replay re-sends it (rebuild.ts): a breach at its own due time.
        const event: IncidentEvent = {
          ...h.payload,
          type: h.type,
          at: eventAt({ type: h.type, occurred_at: h.occurredAt }, h.payload),
          actor: actorOf(h),
          quotes: storedQuotes(plan, view, started),
        }
        actor.send(event)
      }
      settle()
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const s = actor.getSnapshot()
  actor.stop()
  return { visited, taken, context: (s.context as IncidentContext | undefined) ?? null, error }
}
