/**
 * A snapshot restored from its row (actor.ts `restore`: held and moved without an actor)
 * is the snapshot XState restores, and moves as XState moves it; two incidents restored
 * at one state value keep their own contexts.
 */

import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, createActor } from 'xstate'
import { currentPlans } from '../../machines/index.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import { inertClock, restore } from '../../src/engine/actor.js'
import { closingRoute, routeEvent, routeSnapshots, startGrades } from '../helpers/graph.js'

/** What a snapshot is, beside its functions and machine. */
const shape = (s: AnyMachineSnapshot) => ({
  status: s.status,
  value: s.value,
  context: s.context,
  tags: [...s.tags].sort(),
  nodes: (s as unknown as { _nodes: Array<{ id: string }> })._nodes.map((n) => n.id),
  children: s.children,
  historyValue: s.historyValue,
})

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s restored from its row', (_id, plan) => {
  it('is the snapshot XState restores, and takes the next event as XState does, in every state of a route', () => {
    for (const grade of startGrades(plan)) {
      const route = closingRoute(plan, grade) ?? []
      const snapshots = routeSnapshots(plan, grade)
      snapshots.forEach((s, i) => {
        if (s.status !== 'active') return
        const persisted = JSON.parse(JSON.stringify(plan.machine.getPersistedSnapshot(s)))
        const ours = restore(plan.machine, persisted)
        const theirs = createActor(plan.machine, { snapshot: persisted, clock: inertClock }).start()
        expect(shape(ours.getSnapshot())).toEqual(shape(theirs.getSnapshot()))
        const step = route[i]
        if (!step) return
        const event = routeEvent(plan, s, step)
        ours.send(event)
        theirs.send(event)
        expect(shape(ours.getSnapshot())).toEqual(shape(theirs.getSnapshot()))
      })
    }
  })

  it('two incidents restored at one state value keep their own contexts, and an event to one leaves the other as it was', () => {
    const grade = startGrades(plan)[0] ?? null
    const route = closingRoute(plan, grade) ?? []
    const snapshots = routeSnapshots(plan, grade)
    const i = snapshots.findIndex((s, k) => s.status === 'active' && route[k] !== undefined && k > 0)
    const s = snapshots[i]!
    const persisted = (title: string) => {
      const p = JSON.parse(JSON.stringify(plan.machine.getPersistedSnapshot(s)))
      p.context.title = title
      return p
    }
    const a = restore(plan.machine, persisted('甲'))
    const b = restore(plan.machine, persisted('乙'))
    expect((a.getSnapshot().context as IncidentContext).title).toBe('甲')
    expect((b.getSnapshot().context as IncidentContext).title).toBe('乙')
    const aBefore = shape(a.getSnapshot())
    const before = shape(b.getSnapshot())
    a.send(routeEvent(plan, s, route[i]!))
    expect(shape(a.getSnapshot())).not.toEqual(aBefore)
    expect(shape(b.getSnapshot())).toEqual(before)
  })
})
