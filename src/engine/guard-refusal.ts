/**
 * Why the chart refused an event when no obligation, approval or decision says why: the
 * guards of the transitions the event has from the active state nodes, named in the plan's
 * words (src/diagrams/labels.ts `guardText`, the words the diagrams and the plan page use),
 * each with the clause of its transition; or, where no active state has a transition for
 * the event, the states that have one. Read-only: it evaluates guards on the snapshot as
 * XState does (accepted.ts `resolve`) and changes nothing.
 */
import { type AnyMachineSnapshot, and, getNextTransitions } from 'xstate'
import type { IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import type { ClauseMeta } from '../../machines/vocabulary.js'
import { citation, guardText, stateLabel } from '../diagrams/labels.js'
import { planModel } from '../diagrams/model.js'
import type { RefusalDetail, RefusedCondition, StateAccepting } from '../errors.js'
import { resolve } from './accepted.js'
import { withClauses, wordsBesideClauses } from './refusal-clauses.js'

type Guards = Parameters<typeof resolve>[1]
const AND = (and([]) as unknown as { check: unknown }).check

const isClauseMeta = (m: unknown): m is ClauseMeta =>
  typeof m === 'object' && m !== null && 'label' in m && ('clause' in m || 'policy' in m)

/** A guard's code name: a named guard's name, a parameterised one's type, `or`/`not`/inline by theirs. */
const guardName = (g: unknown): string => {
  if (typeof g === 'string') return g
  if (typeof g === 'function') return (g as { name?: string }).name || 'inline'
  if (g && typeof g === 'object' && 'type' in g) return String((g as { type: unknown }).type)
  return String(g)
}

/**
 * The parts of `guard` that do not hold: an `and` is split into its parts (only those that
 * fail are named); any other guard (an `or`, a `not`, a named or parameterised one) that
 * fails is named whole. [] when it holds.
 */
function failing(guard: unknown, guards: Guards, s: AnyMachineSnapshot, event: IncidentEvent): unknown[] {
  if (resolve(guard, guards)({ context: s.context, event }, s)) return []
  const parts = (guard as { check?: unknown; guards?: readonly unknown[] }).guards
  if (typeof guard === 'function' && (guard as { check?: unknown }).check === AND && parts)
    return parts.flatMap((g) => failing(g, guards, s, event))
  return [guard]
}

interface TransitionLike {
  eventType: string
  guard?: unknown
  meta?: unknown
}

/**
 * The states whose own transitions take `type`, outermost first (a state is not listed
 * under one that takes it already), each with its phase and words (`处置 › 拟稿审定`).
 */
function statesAccepting(plan: PlanDefinition, type: string): StateAccepting[] {
  const model = planModel(plan)
  const sources = [
    ...new Set(model.transitions.filter((t) => t.kind === 'event' && t.event === type).map((t) => t.source)),
  ]
  const outermost = sources.filter((p) => !sources.some((q) => q !== p && p.startsWith(`${q}.`)))
  return outermost.map((path) => {
    const words: string[] = []
    for (let p = model.byPath.get(path); p && p.parent !== null; p = model.byPath.get(p.parent))
      words.unshift(stateLabel(p))
    // As GET /plans/:planId names states: the path inside the phase region, and its phase.
    const inPhase = path.startsWith('phase.') ? path.slice('phase.'.length) : null
    const phase = inPhase?.split('.')[0]
    return { state: inPhase ?? path, ...(phase ? { phase } : {}), label: words.join(' › ') || path }
  })
}

/**
 * The chart's own reason for refusing `event` in `s`, when the obligations name none:
 * `conditions` (the guards that do not hold, in words, with their clauses, each named once:
 * refusal-clauses.ts), or `acceptedIn`
 * (no active state has a transition for it). {} when neither says anything.
 */
export function guardRefusal(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  event: IncidentEvent,
): RefusalDetail {
  const candidates = (getNextTransitions(s) as unknown as TransitionLike[]).filter(
    (t) => t.eventType === event.type,
  )
  if (candidates.length === 0) {
    const acceptedIn = statesAccepting(plan, event.type)
    if (acceptedIn.length === 0) return {}
    return {
      reason: `${event.type} is not accepted in this state: it is accepted in ${acceptedIn
        .map((a) => (a.phase ? `phase ${a.phase} (${a.label})` : a.label))
        .join('; ')}`,
      acceptedIn,
    }
  }
  const guards = (s.machine as unknown as { implementations: { guards: Guards } }).implementations.guards
  const conditions: RefusedCondition[] = []
  for (const t of candidates) {
    if (t.guard === undefined) continue
    const clause = citation(isClauseMeta(t.meta) ? t.meta : null)
    for (const g of failing(t.guard, guards, s, event)) {
      const words = guardText(plan, g) ?? guardName(g)
      // One condition once, with the clauses of every transition it refused, each once.
      const had = conditions.find((c) => c.words === words)
      if (!had) conditions.push({ guard: guardName(g), words, clause: withClauses('', clause) })
      else had.clause = withClauses(had.clause, clause)
    }
  }
  if (conditions.length === 0) return {}
  // The plan's words name a clause the condition names already: once, as its clause.
  for (const c of conditions) c.words = wordsBesideClauses(c.words, c.clause)
  return {
    reason: `${event.type} is refused: the plan's conditions do not hold: ${conditions
      .map((c) => `${c.words} (${c.clause})`)
      .join('; ')}`,
    conditions,
  }
}
