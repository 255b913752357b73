/**
 * GET /plans/:planId: a plan described from its definition alone. States and
 * transitions come from the machine's `phase` region as the diagrams read it (each
 * node's `meta` gives label and clause, guards in words), events from the EventSpecs
 * (payload JSON Schema from zod).
 * Nothing here names a plan.
 */
import { z } from 'zod'
import { factsSchemaOf } from '../../machines/kit/plan-facts.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { ClauseMeta } from '../../machines/vocabulary.js'
import { guardText } from '../diagrams/labels.js'
import { planModel } from '../diagrams/model.js'
import { withValueNames } from '../diagrams/value-words.js'
import { describeDeadlines, describeObligations } from './plan-obligations.js'

export type JsonSchema = Record<string, unknown>

/** JSON Schema (draft 2020-12) of what a client sends; refinements it cannot express are left out. */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return rest
}

const clauseOf = (m: ClauseMeta | null): ClauseMeta => ({
  label: m?.label ?? '',
  clause: m?.clause ?? null,
  policy: m?.policy ?? null,
})

export function describePlanSummary(plan: PlanDefinition) {
  return {
    id: plan.id,
    version: plan.version,
    title: plan.title,
    issuer: plan.issuer,
    severities: plan.severities.map((s) => ({ code: s.code, label: s.label })),
  }
}

/**
 * States and transitions of the `phase` region (the diagrams' model of the machine),
 * with paths relative to it as in the view's `state.phase`; `*` is the region itself.
 */
function phaseRegion(plan: PlanDefinition) {
  const model = planModel(plan)
  const region = model.states.some((s) => s.path === 'phase') ? 'phase' : ''
  const rel = (path: string) =>
    region && path.startsWith(`${region}.`) ? path.slice(region.length + 1) : path
  const inside = (path: string) => (region ? path.startsWith(`${region}.`) : true)
  const states = model.states
    .filter((s) => inside(s.path))
    .map((s) => ({
      path: rel(s.path),
      phase: rel(s.path).split('.')[0] ?? '',
      ...clauseOf(s.meta),
      type: s.kind,
      initial: s.initial ? (s.initial.split('.').at(-1) ?? null) : null,
    }))
  const transitions = model.transitions
    .filter((t) => (t.source === region || inside(t.source)) && t.kind !== 'after')
    .map((t) => ({
      from: t.source === region ? '*' : rel(t.source),
      event: t.kind === 'always' ? null : t.event,
      to: t.targets.filter(inside).map(rel),
      guard: guardText(plan, t.guard),
      ...clauseOf(t.meta),
    }))
  return { states, transitions }
}

/** The full description (API.md "Plan description"), plus transitions, approvals and clauses. */
export function describePlan(plan: PlanDefinition) {
  const { states, transitions } = phaseRegion(plan)
  const none = plan.classify({})
  return {
    ...describePlanSummary(plan),
    hasCriteria: plan.hasCriteria,
    // The version this one takes open incidents from (POST /incidents/{id}/migrate), or null.
    migratesFrom: plan.migratesFrom?.from ?? null,
    states,
    transitions,
    events: plan.events.map((e) => ({
      type: e.type,
      label: e.label,
      roles: [...e.roles],
      clause: e.meta.clause,
      policy: e.meta.policy,
      // Each coded field's names in the plan's words beside its enum (x-enumNames, value-words.ts).
      schema: withValueNames(plan, e.type, jsonSchemaOf(e.schema)),
    })),
    deadlines: describeDeadlines(plan),
    ...describeObligations(plan),
    severityRules: {
      hasCriteria: plan.hasCriteria,
      severities: plan.severities.map((s) => s.code),
      withoutFacts: { severity: none.severity, rule: none.rule },
      // The facts this version takes (its METRICS_UPDATED's): the shared ones, and its own.
      facts: jsonSchemaOf(factsSchemaOf(plan)),
    },
    approvals: Object.fromEntries(
      Object.entries(plan.approvals).map(([severity, list]) => [
        severity,
        (list ?? []).map((a) => ({
          code: a.code,
          label: a.label,
          event: a.event,
          clause: a.clause ?? a.policy ?? '',
          // Owed only by the drafts of incidents of these categories; null: of every category.
          categories: a.categories ? [...a.categories] : null,
        })),
      ]),
    ),
    clauses: plan.clauses.map((c) => ({ ref: c.ref, text: c.text })),
  }
}

export type PlanDescription = ReturnType<typeof describePlan>

const cache = new WeakMap<PlanDefinition, PlanDescription>()
/** Plans are immutable: each is described once. */
export function planDescription(plan: PlanDefinition): PlanDescription {
  let d = cache.get(plan)
  if (!d) {
    d = describePlan(plan)
    cache.set(plan, d)
  }
  return d
}
