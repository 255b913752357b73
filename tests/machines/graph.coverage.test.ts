/**
 * Graph coverage of every registered plan (current versions): the exploration of each
 * (tests/helpers/graph-explore/explore.ts) reaches every state node, takes every transition
 * (but the known gaps, known-gaps.ts), leaves no open state stuck, and closes from the flow,
 * after a perturbation and from every opening grade.
 */
import { describe, expect, it } from 'vitest'
import type { AnyMachineSnapshot } from 'xstate'
import { currentPlans, type IncidentContext, type PlanDefinition } from '../../machines/index.js'
import { activeNodeIds, phaseOf, startGrades, walkDefinition } from '../helpers/graph.js'
import { explore } from '../helpers/graph-explore/explore.js'
import { gapsOf } from '../helpers/graph-explore/known-gaps.js'
import { CLOSE_SAMPLE, type Exploration } from '../helpers/graph-explore/model.js'
import {
  describeEvent,
  describeTransition,
  pathTo,
  replay,
  required,
  resolveTarget,
} from '../helpers/graph-explore/report.js'

const plans = currentPlans()
const explorations = new Map<string, Exploration>()
const explored = (plan: PlanDefinition) => {
  let e = explorations.get(plan.id)
  if (!e) {
    e = explore(plan)
    explorations.set(plan.id, e)
  }
  return e
}
const isClosedSnapshot = (s: AnyMachineSnapshot) => phaseOf(s.value) === 'closed'
const edgeCount = (e: Exploration) => [...e.edges.values()].reduce((n, out) => n + out.length, 0)

describe.each(plans.map((p) => [p.id, p] as const))('%s: graph coverage', (_id, plan) => {
  // The exploration is bounded by states, not by time (timing lives in benchmarks).
  it('explores from every opening grade', { timeout: 240_000 }, () => {
    const e = explored(plan)
    console.info(`${plan.id}: ${e.snapshots.size} states, ${edgeCount(e)} edges, ${Math.round(e.ms)} ms`)
    expect(e.openings.size).toBe(startGrades(plan).length)
    expect(e.snapshots.size).toBeGreaterThan(startGrades(plan).length)
  })

  it('reaches every state node of the machine', () => {
    const e = explored(plan)
    const { states, transitions } = walkDefinition(plan.machine)
    // A state entered and left within one macrostep (by an `always`) never shows in a
    // snapshot: it was active when one of its own transitions, or one into it, was taken.
    const taken = transitions.filter((t) => e.taken.has(t.id))
    const reached = new Set([
      ...[...e.snapshots.values()].flatMap((s) => activeNodeIds(plan.machine, s.value)),
      ...taken.map((t) => t.source),
      ...taken.flatMap((t) => t.targets.map((target) => resolveTarget(t.source, target))),
    ])
    const needed = states
    const unreached = needed.map((s) => s.id).filter((id) => !reached.has(id))
    expect(unreached, `state nodes no generated path reaches:\n  ${unreached.join('\n  ')}`).toEqual([])
    expect(needed.filter((s) => reached.has(s.id)).length).toBe(needed.length)
  })

  it('takes every transition of the definition (on, always; the system events a plan can have)', () => {
    const e = explored(plan)
    const needed = walkDefinition(plan.machine).transitions.filter((t) => required(plan, t))
    const untaken = needed.filter((t) => !e.taken.has(t.id)).map(describeTransition)
    expect(untaken, `transitions no generated path takes:\n  ${untaken.join('\n  ')}`).toEqual([
      ...gapsOf(plan.id).untaken,
    ])
  })

  it('leaves no explored open state without an event it accepts', () => {
    const e = explored(plan)
    const open = [...e.snapshots].filter(([, s]) => !isClosedSnapshot(s))
    const stuck = open.filter(([, s]) => !e.acceptsSome(s)).map(([k]) => `${k}\n    ${pathTo(e, k)}`)
    expect(stuck, `open states that accept no event:\n  ${stuck.join('\n  ')}`).toEqual([])
    expect(open.length).toBeGreaterThan(0)
  })

  it('can close from every state of the flow without re-grading (searched for a sample beyond the explored paths)', () => {
    const e = explored(plan)
    // States the explored paths already close are counted; of the others, an even sample of
    // CLOSE_SAMPLE is searched (a bounded search each), so that the suite's time stays bounded.
    const open = [...e.expanded].filter((k) => !isClosedSnapshot(e.snapshots.get(k)!) && !e.closing.has(k))
    const stride = Math.max(1, Math.ceil(open.length / CLOSE_SAMPLE))
    const trapped = open.filter((k, i) => i % stride === 0 && !e.closes(e.snapshots.get(k)!))
    const shown = trapped.slice(0, 8).map((k) => `${k}\n    ${pathTo(e, k)}`)
    expect(
      trapped.length,
      `${trapped.length} flow states that cannot reach closed, e.g.:\n  ${shown.join('\n  ')}`,
    ).toBeLessThanOrEqual(gapsOf(plan.id).trapped)
    expect(e.closing.size).toBeGreaterThan(0)
  })

  it('can still close after a change of grade or category, a due time passing or a waiver (without lowering back)', () => {
    const e = explored(plan)
    const trapped = e.perturbations
      .filter((p) => !p.closes)
      .map((p) => `${describeEvent(p.event)} from ${p.from}\n    reached by ${pathTo(e, p.from)}`)
    expect(
      trapped.length,
      `${trapped.length} perturbations after which closed is unreachable without re-grading, e.g.:\n  ${trapped.slice(0, 8).join('\n  ')}`,
    ).toBeLessThanOrEqual(gapsOf(plan.id).perturbed)
    expect(e.perturbations.length).toBeGreaterThan(0)
  })

  it.each(startGrades(plan).map((g) => [g ?? 'unclassified', g] as const))(
    'walks an incident opened %s to closed (a shortest path, replayed on the plan machine)',
    (_label, grade) => {
      const e = explored(plan)
      const path = e.closing.get(e.openings.get(grade)!)
      expect(path, `no path from an incident opened ${grade ?? 'unclassified'} to closed`).toBeDefined()
      const end = replay(plan, grade, path!)
      const route = path!.map(describeEvent).join(' → ')
      expect(end && phaseOf(end.value), `replaying ${route}`).toBe('closed')
      if (grade !== null) expect((end!.context as IncidentContext).severity, route).toBe(grade)
      expect((end!.context as IncidentContext).closedAt).not.toBeNull()
    },
  )
})
