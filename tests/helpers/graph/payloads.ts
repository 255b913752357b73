/**
 * Sample payloads from each event's zod schema: the minimal valid one, and one variant per
 * value of each field the machine acts on (grades, categories, enums, booleans, facts,
 * report recipients).
 */
import type { z } from 'zod'
import { factsSchemaOf } from '../../../machines/kit/plan-facts.js'
import type { EventSpec, ObligationRule, PlanDefinition } from '../../../machines/kit/types.js'
import {
  CATEGORIES,
  type Category,
  type Facts,
  PlanFactsSchema,
  SEVERITIES,
} from '../../../machines/vocabulary.js'
import { T0 } from '../machine.js'

/** Recipient codes an obligation rule's discharge names (`to: [...]`). */
const recipientsOf = (r: ObligationRule): string[] => {
  const to = r.discharge.fields.to
  return Array.isArray(to) ? to.filter((x): x is string => typeof x === 'string') : []
}

/**
 * Recipient lists worth sending a report to: each recipient an obligation rule names
 * alone (rule 7: one recipient, one obligation), and every recipient of a grade at once.
 */
export function reportRecipients(plan: PlanDefinition): string[][] {
  const single = [...new Set(plan.obligations.flatMap(recipientsOf))].map((code) => [code])
  const byGrade = plan.severities.map((g) => [
    ...new Set(
      plan.obligations
        .filter((r) => r.severities === undefined || r.severities.includes(g.code))
        .flatMap(recipientsOf),
    ),
  ])
  const seen = new Map([...single, ...byGrade].filter((l) => l.length > 0).map((l) => [JSON.stringify(l), l]))
  return [...seen.values()]
}
type Schema = z.ZodType
const def = (s: Schema) =>
  (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def

const STRING_CANDIDATES = [
  '测试',
  'd1',
  T0,
  '2026-10-09',
  'https://example.com/post/1',
  'tester@example.com',
  '测试内容'.repeat(5),
]

/** A small valid value for a zod schema, or undefined when the schema is optional. */
function minimal(schema: Schema): unknown {
  const d = def(schema)
  switch (d.type) {
    case 'optional':
      return undefined
    case 'default':
    case 'nullable':
    case 'readonly':
      return minimal(d.innerType as Schema)
    case 'pipe':
      return minimal(d.in as Schema)
    case 'object': {
      const shape = d.shape as Record<string, Schema>
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(shape)) {
        const value = minimal(v)
        if (value !== undefined) out[k] = value
      }
      return out
    }
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0]
    case 'literal':
      return (d.values as unknown[])[0]
    case 'union':
      return minimal((d.options as Schema[])[0]!)
    case 'boolean':
      return false
    case 'array': {
      const el = minimal(d.element as Schema)
      for (let n = 1; n <= 5; n++) {
        const arr = Array.from({ length: n }, () => el)
        if (schema.safeParse(arr).success) return arr
      }
      return [el]
    }
    case 'number':
      return [0, 1, 10, 100, 1000].find((n) => schema.safeParse(n).success) ?? 0
    case 'string':
      return STRING_CANDIDATES.find((s) => schema.safeParse(s).success) ?? '测试'
    default:
      return null
  }
}

const unwrap = (s: Schema): Schema => {
  const d = def(s)
  return d.type === 'optional' || d.type === 'default' || d.type === 'nullable'
    ? unwrap(d.innerType as Schema)
    : s
}

/** Facts that give each grade the plan's classifier knows, one sample per distinct answer. */
const FACT_CANDIDATES: readonly Facts[] = [
  {},
  { clicksPerDay: 1_001, sites: 2 },
  { clicksPerDay: 10_001, sites: 2 },
  { clicksPerDay: 50_001, sites: 2 },
  { reposts: 20 },
  { reposts: 101 },
  { reposts: 301 },
  { reposts: 501 },
  { crossRegion: true, largeImageImpact: true },
  { mainstreamMedia: true },
  { foreignMedia: true },
]
/**
 * One sample per grade, and one per fact of the plan version's own (machines/vocabulary.ts
 * `PlanFactsSchema`, true: it grades nothing, but a rule may owe on it; saws-2014 9's 三).
 */
export function factSamples(plan: PlanDefinition): Facts[] {
  const byGrade = new Map<string, Facts>()
  for (const f of FACT_CANDIDATES) {
    const g = String(plan.classify(f).severity)
    if (!byGrade.has(g)) byGrade.set(g, f)
  }
  const own = Object.keys(factsSchemaOf(plan).shape).filter((k) => Object.hasOwn(PlanFactsSchema.shape, k))
  return [...byGrade.values(), ...own.map((k) => ({ [k]: true }) as Facts)]
}
export interface PayloadOptions {
  categories: readonly Category[]
}

/**
 * Valid payloads for an event: the minimal one, plus one variant per value of each
 * field whose value the machine's actions act on (grades, categories, enums,
 * booleans, facts, report recipients). Variants change one field at a time.
 */
export function payloadVariants(
  plan: PlanDefinition,
  spec: EventSpec,
  opts: PayloadOptions,
): Record<string, unknown>[] {
  const base = minimal(spec.schema) as Record<string, unknown>
  const planGrades = plan.severities.map((s) => s.code)
  const choices = (field: string, raw: Schema): unknown[] => {
    const d = def(unwrap(raw))
    if (d.type === 'enum') {
      const options = Object.values(d.entries as Record<string, unknown>)
      if (options.every((o) => (SEVERITIES as readonly unknown[]).includes(o)))
        return planGrades.filter((g) => options.includes(g))
      if (options.every((o) => (CATEGORIES as readonly unknown[]).includes(o)))
        return opts.categories.filter((c) => options.includes(c))
      return options
    }
    if (d.type === 'boolean') return [false, true]
    if (field === 'facts') return factSamples(plan)
    if (d.type === 'array') {
      const el = def(unwrap(d.element as Schema))
      if (el.type === 'string') return reportRecipients(plan)
      if (el.type === 'enum')
        return [...reportRecipients(plan), Object.values(el.entries as Record<string, unknown>)]
    }
    return []
  }
  const fields = Object.entries(spec.schema.shape as Record<string, Schema>).map(
    ([field, raw]) => [field, choices(field, raw).filter((v) => raw.safeParse(v).success)] as const,
  )
  // A required field takes its first choice (never a grade or category the plan does not use).
  for (const [field, values] of fields) if (field in base && values.length > 0) base[field] = values[0]
  const variants: Record<string, unknown>[] = [base]
  for (const [field, values] of fields)
    for (const v of values) {
      const p = { ...base, [field]: v }
      if (spec.schema.safeParse(p).success && !variants.some((x) => JSON.stringify(x) === JSON.stringify(p)))
        variants.push(p)
    }
  // A discharge that names several fields at once (nanchong-npc-2022 12's report of the handling
  // work: `to: ['cac']` and `subject: 'handling'`) is one more variant: one field at a time misses it.
  for (const r of plan.obligations) {
    if (r.discharge.type !== spec.type || Object.keys(r.discharge.fields).length < 2) continue
    const p = { ...base, ...r.discharge.fields }
    if (spec.schema.safeParse(p).success && !variants.some((x) => JSON.stringify(x) === JSON.stringify(p)))
      variants.push(p)
  }
  if (!spec.schema.safeParse(base).success)
    throw new Error(
      `${plan.id} ${spec.type}: no valid sample payload could be built from its schema (${JSON.stringify(base)}); feed one by hand in tests/helpers/graph/payloads.ts`,
    )
  return variants
}
