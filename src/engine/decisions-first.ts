/**
 * OBLIGATIONS.md rule 3, for a refusal: an event the plan takes only after a conditional
 * was decided yes (an interview after the yes to authorise it, say) is refused while that
 * decision is owed. Which owed decision's yes
 * would let it through is asked of the machine itself: the snapshot is moved by a DECIDE
 * yes (a pure transition, the live incident untouched) and asked whether it then takes the
 * event. No plan is named here.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentEvent, PlanDefinition, Quotes } from '../../machines/kit/types.js'
import { contextOf, nextSnapshot } from './actor.js'

/** An owed decision to answer first: the 409's `decisions` (README "Conditional duties are decisions"). */
export interface DecisionFirst {
  /** The owed obligation the yes answers (`decision:interview#1`). */
  obligation: string
  /** What DECIDE names (`decision`). */
  rule: string
  label: string
}

/**
 * The refused event's own quotes, and a stand-in for a rule it was not quoted for: only
 * whether the state then takes the event is asked, never when what the yes begins falls due.
 */
const quotesFor = (event: IncidentEvent): Quotes =>
  new Proxy(
    {},
    {
      get: (_t, key) =>
        typeof key === 'string' ? (event.quotes?.[key] ?? { dueAt: event.at, certain: false }) : undefined,
      has: () => true,
    },
  )

/** The owed decisions, one a rule, whose yes (given now, by one who owes it) makes `event` accepted. */
export function decisionsFirst(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  event: IncidentEvent,
): DecisionFirst[] {
  if (event.type === 'DECIDE') return []
  const owed = contextOf(s).obligations.filter((o) => o.kind === 'decision' && o.status === 'owed')
  const out: DecisionFirst[] = []
  for (const rule of new Set(owed.map((o) => o.rule))) {
    const asked = owed.filter((o) => o.rule === rule)
    const first = asked[0]
    if (first === undefined) continue
    const yes: IncidentEvent = {
      type: 'DECIDE',
      decision: rule,
      answer: 'yes',
      reason: '',
      at: event.at,
      actor: { name: event.actor.name, role: first.owedBy[0] ?? event.actor.role },
      quotes: quotesFor(event),
    }
    let after: AnyMachineSnapshot
    try {
      after = nextSnapshot(plan.machine, s, yes)
    } catch {
      continue // a yes the machine cannot take now lets nothing through
    }
    if (after === s || !after.can(event)) continue
    // Name the asking the yes answered (the first owed one, as the ledger answers it).
    const answered = contextOf(after).obligations.find(
      (o) => o.rule === rule && o.decision?.answer === 'yes' && asked.some((a) => a.id === o.id),
    )
    const o = asked.find((a) => a.id === answered?.id) ?? first
    out.push({ obligation: o.id, rule, label: o.label })
  }
  return out
}

/** The refusal's detail: `decide decision:interview first (owed): INTERVIEW follows a yes`. */
export const decisionsReason = (type: string, decisions: readonly DecisionFirst[]): string =>
  `decide ${decisions.map((d) => d.rule).join(' or ')} first (owed): ${type} follows a yes`
