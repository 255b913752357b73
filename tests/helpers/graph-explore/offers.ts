/**
 * What a state is offered in an exploration of a plan (explore.ts): the stamped events it
 * accepts of the kinds asked (the plan's menu bound to the incident, and the scheduler's
 * system events), whether it accepts any at all, and the events the flow takes.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../../machines/index.js'
import {
  bindMenu,
  eachBound,
  type handledEventTypes,
  nowOf,
  openDrafts,
  type planMenu,
  systemOffers,
} from '../graph.js'
import { isSystem, type Keyed, perturbs, VARIANT } from './model.js'

/** A plan's offers, from its `menu` and the event types each state `handles`. */
export function offersOf(
  plan: PlanDefinition,
  menu: ReturnType<typeof planMenu>,
  handles: ReturnType<typeof handledEventTypes>,
) {
  /** The stamped events a snapshot accepts, of the kinds `pick` keeps. */
  const accepted = (s: AnyMachineSnapshot, pick: (e: IncidentEvent, c: IncidentContext) => boolean) => {
    const c = s.context as IncidentContext
    const handled = handles(s.value)
    const at = nowOf(c)
    const items = menu.filter(
      (m) =>
        handled.has(m.type) &&
        (m.payload.severity === undefined || m.payload.severity !== c.severity) &&
        (m.type !== 'SET_CATEGORY' || m.payload.category !== c.category) &&
        pick({ ...m.payload, type: m.type } as IncidentEvent, c),
    )
    const offers = [
      ...bindMenu(plan, items, c, at),
      ...systemOffers(c, at).filter((o) => handled.has(o.event.type) && pick(o.event, c)),
    ]
    return offers.filter((o) => s.can(o.event)).map((o) => ({ ...o.event, [VARIANT]: o.key }) as Keyed)
  }
  /** Whether a snapshot accepts any event at all (an open state that takes nothing is stuck). */
  const acceptsSome = (s: AnyMachineSnapshot) => {
    const c = s.context as IncidentContext
    const handled = handles(s.value)
    const at = nowOf(c)
    const items = menu.filter((m) => handled.has(m.type))
    if (systemOffers(c, at).some((o) => s.can(o.event))) return true
    // Lazily: most open states take an early offer, and binding the whole menu costs more than asking.
    for (const o of eachBound(plan, items, c, at)) if (s.can(o.event)) return true
    return false
  }
  return { accepted, acceptsSome }
}

/** The flow drafts one text of a purpose at a time (a new draft superseding one is probed). */
export const redrafts = (e: IncidentEvent, c: IncidentContext) =>
  e.type === 'DRAFT' && openDrafts(c).some((d) => d.purpose === (e.purpose ?? 'release'))
/** An event the flow takes: no system event, change of grade or category, waiver or second draft. */
export const flowEvent = (e: IncidentEvent, c: IncidentContext) =>
  !isSystem(e) && !perturbs(e, c) && e.type !== 'WAIVE' && !redrafts(e, c)
