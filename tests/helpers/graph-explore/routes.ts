/**
 * The routes to closed from each opening grade (closingRoute) as an exploration's flow
 * takes them: the states along them are expanded whatever their place's share, and each
 * step is offered as a variant of its own.
 */
import type { AnyMachineSnapshot } from 'xstate'
import type { IncidentContext, PlanDefinition } from '../../../machines/index.js'
import { closingRoute, draftSignature, nextSnapshot, routeEvent, startGrades } from '../graph.js'
import { type Instrumented, type Keyed, type RouteNext, VARIANT } from './model.js'

/** The keys on a route (`onRoute`), the route steps by variant, and the next steps from each key. */
export function openingRoutes(
  plan: PlanDefinition,
  inst: Instrumented,
  keyOf: (s: AnyMachineSnapshot) => string,
  openingSnapshots: readonly AnyMachineSnapshot[],
) {
  const onRoute = new Set<string>()
  /** The route steps by variant (a flow path that closes may take them; see `closes`). */
  const routeVariants = new Map<string, RouteNext>()
  const routeNext = new Map<string, RouteNext[]>()
  for (const [i, g] of startGrades(plan).entries()) {
    let t = openingSnapshots[i]!
    onRoute.add(keyOf(t))
    for (const step of closingRoute(plan, g) ?? []) {
      const event = routeEvent(plan, t, step)
      if (!t.can(event)) break
      const from = keyOf(t)
      const named = (t.context as IncidentContext).drafts.find((d) => d.id === step.payload.draftId)
      const next: RouteNext = {
        event: {
          ...event,
          [VARIANT]: `route:${step.type}:${JSON.stringify(step.payload)}:${step.role}`,
        } as Keyed,
        ...(named ? { draft: draftSignature(named) } : {}),
      }
      routeNext.set(from, [...(routeNext.get(from) ?? []), next])
      routeVariants.set(next.event[VARIANT], next)
      t = nextSnapshot(inst.machine, t, event as never)
      onRoute.add(keyOf(t))
    }
  }
  return { onRoute, routeVariants, routeNext }
}
