/**
 * Each code an event of a plan carries (a recipient of REPORT `to`, a channel, a kind) by its one
 * name in the plan's own words: a recipient by its label in the plan's rules (nanchong-npc-2022's
 * 市公安部门; where rules give one code two labels, the one its field's description gives too:
 * hrss-city's 市委网信办, not the filing's 市委网信办（备案）), any other code by the name its field's
 * description gives it, less what the description says besides (舆情事实（三(二)） → 舆情事实).
 * GET /plans/:id serves these names with each event's schema (`withValueNames`) for the console;
 * the documents, the incident report and the rules' conditions read them here (`valueName`).
 * Purposes, grades, categories and 是/否 have tables of their own (purpose-words.js, the vocabulary).
 */
import { z } from 'zod'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { labelsFromDescription, NAMES_KEY, nameOf } from '../console/static/value-names.js'

export interface Prop {
  enum?: unknown[]
  description?: string
  items?: Prop
  [key: string]: unknown
}
/** event type → field → code → name. */
type Names = Map<string, Map<string, Map<string, string>>>

const OWN_TABLES = new Set(['purpose', 'category', 'severity', 'answer'])

const propsOf = (schema: z.ZodType): Record<string, Prop> =>
  (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Prop> })
    .properties ?? {}

const propsCache = new WeakMap<z.ZodType, Record<string, Prop>>()
/** The fields of the plan's event `type` as JSON Schema properties (each schema read once); {} if none. */
export function eventProps(plan: PlanDefinition, type: string): Readonly<Record<string, Prop>> {
  const schema = plan.events.find((e) => e.type === type)?.schema
  if (!schema) return {}
  let props = propsCache.get(schema)
  if (!props) {
    props = propsOf(schema)
    propsCache.set(schema, props)
  }
  return props
}

/** A recipient's label in the rules an event of `type` discharges; undefined if none names `code`. */
function recipientLabel(plan: PlanDefinition, type: string, code: string, described: string | undefined) {
  const labels = plan.obligations
    .filter((r) => r.recipient?.code === code && r.discharge.type === type)
    .map((r) => r.recipient?.label as string)
  return labels.find((l) => l === described) ?? labels.find((l) => described?.startsWith(l)) ?? labels[0]
}

function namesOf(plan: PlanDefinition): Names {
  const out: Names = new Map()
  for (const spec of plan.events) {
    const fields = new Map<string, Map<string, string>>()
    for (const [field, prop] of Object.entries(eventProps(plan, spec.type))) {
      const codes = (prop.enum ?? prop.items?.enum)?.filter((c): c is string => typeof c === 'string')
      if (!codes || OWN_TABLES.has(field)) continue
      const described = labelsFromDescription(prop.description ?? prop.items?.description, codes)
      const names = new Map<string, string>()
      for (const code of codes) {
        const said = described.get(code)
        const name =
          recipientLabel(plan, spec.type, code, said) ?? (said === undefined ? undefined : nameOf(said))
        if (name) names.set(code, name)
      }
      if (names.size) fields.set(field, names)
    }
    if (fields.size) out.set(spec.type, fields)
  }
  return out
}

const cache = new WeakMap<PlanDefinition, Names>()
const names = (plan: PlanDefinition): Names => {
  let n = cache.get(plan)
  if (!n) {
    n = namesOf(plan)
    cache.set(plan, n)
  }
  return n
}

/** The plan's name for `code` of field `field` of its event `type`; undefined if it names none. */
export const valueName = (
  plan: PlanDefinition,
  type: string,
  field: string,
  code: string,
): string | undefined => names(plan).get(type)?.get(field)?.get(code)

/**
 * An event's JSON Schema with each coded field's names beside its `enum` (value-names.js
 * `NAMES_KEY`, in the enum's order; on `items` for a list), as GET /plans/:id serves it.
 */
export function withValueNames<S extends Record<string, unknown>>(
  plan: PlanDefinition,
  type: string,
  schema: S,
): S {
  const fields = names(plan).get(type)
  const props = schema.properties as Record<string, Prop> | undefined
  if (!fields || !props) return schema
  const named = Object.fromEntries(
    Object.entries(props).map(([field, prop]) => {
      const own = fields.get(field)
      if (!own) return [field, prop]
      const at = (p: Prop): Prop => ({
        ...p,
        [NAMES_KEY]: (p.enum ?? []).map((c) => own.get(String(c)) ?? String(c)),
      })
      return [field, prop.enum ? at(prop) : { ...prop, items: at(prop.items ?? {}) }]
    }),
  )
  return { ...schema, properties: named }
}
