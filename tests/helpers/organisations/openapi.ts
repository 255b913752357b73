/**
 * The routes of the OpenAPI document as operations, and a small valid body for each: the
 * sampled minimum of its JSON Schema, or a body that says more.
 */
export interface Operation {
  method: string
  path: string
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  format?: string
  minimum?: number
}

/** A small valid value for a JSON Schema: enough to get past validation to the organisation check. */
export function sample(schema: JsonSchema | undefined, components: Record<string, JsonSchema>): unknown {
  if (!schema) return {}
  if (schema.$ref) return sample(components[schema.$ref.split('/').pop() ?? ''], components)
  if (schema.enum) return schema.enum[0]
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type
  if (type === 'object' || schema.properties)
    return Object.fromEntries(
      (schema.required ?? []).map((k) => [k, sample(schema.properties?.[k], components)]),
    )
  if (type === 'string') return schema.format === 'date-time' ? '2026-10-09T00:00:00.000Z' : 'x'
  if (type === 'integer' || type === 'number') return Math.max(1, schema.minimum ?? 1)
  if (type === 'boolean') return false
  if (type === 'array') return []
  return 'x'
}

/** Bodies that say more than the sampled minimum. */
export const BODIES: Record<string, unknown> = {
  'POST /incidents/{id}/events': { type: 'REPORT', to: ['group'], proposal: 'x' },
  'POST /incidents/{id}/notes': { text: 'A 想写进 B 的事件' },
  'POST /incidents/{id}/owner': { owner: 'A的人', reason: '越权' },
}
