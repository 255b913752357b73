/**
 * The events a plan may be offered: every payload variant of every event as each role
 * worth sending it as, bound and stamped for a context, and the system events the
 * engine's scheduler would send.
 */
import type {
  EventSpec,
  IncidentContext,
  IncidentEvent,
  PlanDefinition,
} from '../../../machines/kit/types.js'
import { CATEGORIES, type Category, type Role } from '../../../machines/vocabulary.js'
import { quoteRules } from '../../../src/engine/quotes.js'
import { calendar } from '../machine.js'
import { bindings, senderRoles, slot } from './bindings.js'
import { armed, deadlineEvent, requotable, requoteEvent } from './events.js'
import { type PayloadOptions, payloadVariants } from './payloads.js'

/** One event a plan may be offered: a payload variant, sent as one role. */
export interface MenuItem {
  spec: EventSpec
  type: string
  payload: Record<string, unknown>
  role: Role
  /** Names the variant, the same in every state. */
  key: string
}

/** The categories the plan version takes (its SET_CATEGORY's; the whole vocabulary if it has none). */
export function planCategories(plan: PlanDefinition): Category[] {
  const field = plan.events.find((e) => e.type === 'SET_CATEGORY')?.schema.shape.category
  return CATEGORIES.filter((c) => field === undefined || field.safeParse(c).success)
}

/** Every payload variant of every event of the plan, as each role worth sending it as. */
export function planMenu(plan: PlanDefinition, opts: PayloadOptions): MenuItem[] {
  return plan.events.flatMap((spec) =>
    payloadVariants(plan, spec, opts).flatMap((payload, i) =>
      senderRoles(plan, spec, payload).map((role) => ({
        spec,
        type: spec.type,
        payload,
        role,
        key: `${spec.type}#${i}/${role}`,
      })),
    ),
  )
}

export interface Offer {
  event: IncidentEvent
  /** The menu item's key with its binding: the same event in every state. */
  key: string
}

/**
 * The menu items bound and stamped for context `c` at `at`: each bound field filled
 * (see `bindings`; an item whose bound field has nothing to name is left out). A draft
 * is written by someone else than those who approve it.
 */
export function bindMenu(
  plan: PlanDefinition,
  menu: readonly MenuItem[],
  c: IncidentContext,
  at: string,
): Offer[] {
  return [...eachBound(plan, menu, c, at)]
}

/**
 * `bindMenu`, one offer at a time (the quotes computed once): a caller that stops at the first
 * offer it takes (the explored state accepts some event) binds no more than it reads.
 */
export function* eachBound(
  plan: PlanDefinition,
  menu: readonly MenuItem[],
  c: IncidentContext,
  at: string,
): Generator<Offer> {
  const quotes = quoteRules(plan.obligations, calendar, c, at)
  for (const m of menu)
    for (const b of bindings(m.spec, m.payload, c)) {
      const role = b.owedBy?.find((r) => m.spec.roles.includes(r)) ?? m.role
      const name = m.type === 'DRAFT' ? `起草人${role}` : `测试${role}`
      yield {
        event: { ...b.payload, type: m.type, at, actor: { name, role }, quotes },
        key: `${m.key}${b.tag}`,
      }
    }
}

/** The system events the engine's scheduler would send now: each armed due timer, each re-quote. */
export function systemOffers(c: IncidentContext, at: string): Offer[] {
  return [
    ...armed(c).map((o) => ({ event: deadlineEvent(o, at), key: `DEADLINE_PASSED@${slot(c, o)}` })),
    ...requotable(c).map((o) => ({ event: requoteEvent(o, at), key: `REQUOTE@${slot(c, o)}` })),
  ]
}
