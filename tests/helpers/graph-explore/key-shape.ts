/**
 * What the state key of an exploration must cover, from what the plan's guards were seen
 * to read: the probe contexts the guards are first evaluated in, the fields the key always
 * covers, and how the reads of two rounds merge and compare.
 */
import { getInitialSnapshot } from 'xstate'
import type { IncidentContext, PlanDefinition } from '../../../machines/index.js'
import {
  categorySets,
  conditionActs,
  type GuardReads,
  guardedSteps,
  incidentInput,
  startGrades,
  stepsCompletedBy,
  walkDefinition,
} from '../graph.js'
import { T0 } from '../machine.js'

/** Context fields `stateKey` always covers; a plan guard reading any other field adds it to the key. */
export const KEYED_FIELDS = new Set([
  'severity',
  'category',
  'steps',
  'reportedTo',
  'severityPin',
  'obligations',
  'drafts',
  'acts',
  'ledger',
  'closedAt',
])

/** What the state key must cover, from what the guards were seen to read. */
export function keyShape(plan: PlanDefinition, reads: GuardReads) {
  return {
    steps: reads.allSteps ? ('all' as const) : new Set([...guardedSteps(plan), ...reads.steps]),
    extraFields: [...reads.fields].filter((f) => !KEYED_FIELDS.has(f)).sort(),
    acts: conditionActs(plan),
    allActTypes: reads.ownFields.has('acts'),
    everyCategory: reads.ownFields.has('category'),
    category: reads.ownFields.has('category') || categorySets(plan).length > 0,
    prior: plan.obligations,
  }
}
export const sameShape = (a: ReturnType<typeof keyShape>, b: ReturnType<typeof keyShape>) =>
  JSON.stringify([
    a.steps === 'all' ? 'all' : [...a.steps].sort(),
    a.extraFields,
    a.category,
    a.allActTypes,
  ]) ===
  JSON.stringify([b.steps === 'all' ? 'all' : [...b.steps].sort(), b.extraFields, b.category, b.allActTypes])

export const mergeReads = (a: GuardReads, b: GuardReads): GuardReads => ({
  fields: new Set([...a.fields, ...b.fields]),
  ownFields: new Set([...a.ownFields, ...b.ownFields]),
  steps: new Set([...a.steps, ...b.steps]),
  allSteps: a.allSteps || b.allSteps,
})

/** Contexts to probe a plan's own guards with: just opened at each grade, and with every step done. */
export function guardProbes(plan: PlanDefinition): IncidentContext[] {
  const steps = new Set(walkDefinition(plan.machine).transitions.flatMap(stepsCompletedBy))
  const done = Object.fromEntries([...steps].map((s) => [s, T0]))
  return startGrades(plan).flatMap((g) => {
    const c = getInitialSnapshot(plan.machine, incidentInput(plan, g)).context as IncidentContext
    return [c, { ...c, steps: done }]
  })
}
