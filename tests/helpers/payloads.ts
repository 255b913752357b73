/**
 * Builds a valid payload for an event from its JSON Schema (as GET /plans/:id
 * publishes it), so tests drive any plan without knowing its events.
 */
import { z } from 'zod'
import type { EventSpec } from '../../machines/kit/types.js'

type Schema = {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  minItems?: number
  minimum?: number
  anyOf?: Schema[]
  pattern?: string
}

/** `pick(n)` chooses among n options (random in property tests, 0 otherwise). */
export function sample(schema: Schema, pick: (n: number) => number = () => 0): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[pick(schema.enum.length)]
  if (schema.anyOf?.[0]) return sample(schema.anyOf[pick(schema.anyOf.length)]!, pick)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {}, pick)
      return out
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? {}, pick))
    case 'integer':
    case 'number':
      return schema.minimum ?? 0
    case 'boolean':
      return pick(2) === 1
    case 'string': {
      // A field with a pattern (a draft id `d1`) gets the first candidate it accepts.
      if (schema.pattern) {
        const re = new RegExp(schema.pattern, 'u')
        return ['d1', '测试内容', 'x1'].find((c) => re.test(c)) ?? '测试内容'
      }
      return '测试内容'
    }
    default:
      return null
  }
}

export const jsonSchemaOf = (spec: EventSpec) => z.toJSONSchema(spec.schema, { io: 'input' }) as Schema

export const samplePayload = (spec: EventSpec, pick?: (n: number) => number) =>
  sample(jsonSchemaOf(spec), pick) as Record<string, unknown>
