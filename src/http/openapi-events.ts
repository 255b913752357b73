/**
 * Per-plan typed event bodies for the OpenAPI document, made from each plan's
 * `events` (EventSpecs) at run time: one component per plan and event
 * (`HrssCityReportEvent`: `type` a const, the event's own fields, no others), one
 * union per plan (`HrssCityEvent`, discriminated by `type`), and `SendEvent`, the
 * body of POST /incidents/{id}/events, any plan's event. A client generated from the
 * document (openapi-typescript) then refuses a misspelt field or a wrong enum value
 * of a given plan's event at compile time.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { type JsonSchema, jsonSchemaOf } from './plan-description.js'

/** `hrss-city` → `HrssCity`, `SET_SEVERITY` → `SetSeverity`. */
export const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('')

export const planEventComponent = (planId: string) => `${pascal(planId)}Event`
export const eventComponent = (planId: string, type: string) => `${pascal(planId)}${pascal(type)}Event`

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** The fields every event may carry besides its own (SendEventBody in schemas/incident-requests.ts). */
const COMMON_FIELDS: Record<string, JsonSchema> = {
  occurredAt: {
    type: 'string',
    format: 'date-time',
    description: 'for a step done earlier, offline: an ISO-8601 instant with its offset',
  },
  expectedVersion: {
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: "the incident's version the client saw (or the If-Match header); 409 when it moved on",
  },
}

function eventSchema(plan: PlanDefinition, spec: PlanDefinition['events'][number]): JsonSchema {
  const own = jsonSchemaOf(spec.schema)
  const properties = (own.properties ?? {}) as Record<string, JsonSchema>
  const required = Array.isArray(own.required) ? (own.required as string[]) : []
  return {
    type: 'object',
    title: `${spec.type} (${plan.id})`,
    description: `${spec.label}. Roles: ${spec.roles.join(', ')}.${spec.meta.clause ? ` Clause ${spec.meta.clause}.` : ''}`,
    properties: {
      type: { type: 'string', const: spec.type, description: spec.label },
      ...properties,
      ...COMMON_FIELDS,
    },
    required: ['type', ...required.filter((r) => r !== 'type')],
    additionalProperties: false,
  }
}

/** The components to add to `components.schemas`, `SendEvent` included. */
export function eventComponents(plans: readonly PlanDefinition[]): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {}
  for (const plan of plans) {
    const mapping: Record<string, string> = {}
    for (const spec of plan.events) {
      const name = eventComponent(plan.id, spec.type)
      out[name] = eventSchema(plan, spec)
      mapping[spec.type] = ref(name).$ref
    }
    out[planEventComponent(plan.id)] = {
      description: `An event of plan ${plan.id} (${plan.title}), version ${plan.version}.`,
      oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
      discriminator: { propertyName: 'type', mapping },
    }
  }
  out.SendEvent = {
    description:
      "An event of the incident's plan: `type` names it, its own fields follow (unknown fields are refused). " +
      'Each plan has its union, e.g. ' +
      plans.map((p) => `\`${planEventComponent(p.id)}\``).join(', ') +
      '; type a client with the one of the plan it works on.',
    anyOf: plans.map((p) => ref(planEventComponent(p.id))),
  }
  return out
}
