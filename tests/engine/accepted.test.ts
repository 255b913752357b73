/**
 * The view's `allowedEvents` (src/engine/accepted.ts asks the guards directly) must be
 * exactly what XState's own `snapshot.can()` answers, on every plan: checked on each
 * state of a route to closed from every grade, and on each state one menu event away
 * from it (drafts, approvals, waivers, re-grades, refusals included).
 */
import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, createActor } from 'xstate'
import { currentPlans } from '../../machines/index.js'
import { SYSTEM_EVENTS } from '../../machines/kit/common.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { acceptedEvents, restore } from '../../src/engine/actor.js'
import {
  categoryRepresentatives,
  closingRoute,
  incidentInput,
  nowOf,
  planMenu,
  stamp,
  startGrades,
} from '../helpers/graph.js'
import { addMinutes, inertClock } from '../helpers/machine.js'
import { toyPlan } from '../helpers/toy-plan.js'

const internal = (t: string) => t.startsWith('xstate.') || (SYSTEM_EVENTS as readonly string[]).includes(t)

/** The events `can()` accepts, asked one by one of XState (what the view listed before). */
function byCan(s: AnyMachineSnapshot): string[] {
  const v = (s.value as { phase?: unknown }).phase
  if (s.status !== 'active' || v === 'closed') return []
  const types = new Set<string>()
  for (const n of (s as unknown as { _nodes: Array<{ ownEvents: string[] }> })._nodes)
    for (const t of n.ownEvents) if (!internal(t)) types.add(t)
  const ask = { at: new Date(0).toISOString(), actor: { name: '', role: 'system' } }
  return [...types].filter((type) => s.can({ type, ...ask })).sort()
}

function compareAround(plan: PlanDefinition): number {
  let states = 0
  // One payload variant per event type and role: each guard still sees every sender.
  const seen = new Set<string>()
  const menu = planMenu(plan, { categories: categoryRepresentatives(plan) }).filter((m) => {
    const k = `${m.type}/${m.role}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  // The lowest and the highest start: the grades that own the fewest and the most duties.
  const grades = startGrades(plan)
  for (const grade of new Set([grades[0] ?? null, grades.at(-1) ?? null])) {
    const route = closingRoute(plan, grade) ?? []
    const actor = createActor(plan.machine, { input: incidentInput(plan, grade), clock: inertClock }).start()
    for (const step of [...route, null]) {
      const here = actor.getSnapshot()
      expect(acceptedEvents(here), `${plan.id} ${JSON.stringify(here.value)}`).toEqual(byCan(here))
      states++
      for (const m of here.status === 'active' ? menu : []) {
        const side = restore(plan.machine, actor.getPersistedSnapshot())
        const c = side.getSnapshot().context as IncidentContext
        side.send(stamp(plan, c, m.type, m.payload, addMinutes(nowOf(c), 5), m.role))
        const there = side.getSnapshot()
        expect(acceptedEvents(there), `${plan.id} ${m.key} ${JSON.stringify(there.value)}`).toEqual(
          byCan(there),
        )
        states++
      }
      if (!step) break
      const c = actor.getSnapshot().context as IncidentContext
      actor.send(stamp(plan, c, step.type, step.payload, addMinutes(nowOf(c), 1), step.role, step.name))
    }
  }
  return states
}

describe('allowedEvents asked of the guards equals XState can()', () => {
  it.each([...currentPlans(), toyPlan].map((p) => [p.id, p] as const))('%s', (_id, plan) => {
    expect(compareAround(plan)).toBeGreaterThan(50)
  })
})
