/**
 * Payloads from JSON Schemas, for the closing walk (../driver.ts): a value each schema accepts,
 * with required fields only, enums at their first value, date-times at the walk's clock.
 */

export type Schema = Record<string, unknown>

export interface SynthContext {
  now: string
  severity: string | null
}

/** A value the schema accepts: required fields only; enums take their first value (a whole enum for arrays). */
export function synthesise(schema: Schema, ctx: SynthContext, field = ''): unknown {
  if ('const' in schema) return schema.const
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (choices) return synthesise(choices.find((c) => c.type !== 'null') ?? choices[0]!, ctx, field)
  if (Array.isArray(schema.enum)) {
    if (field === 'severity' && ctx.severity && schema.enum.includes(ctx.severity)) return ctx.severity
    return schema.enum[0]
  }
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>
      const required = (schema.required ?? []) as string[]
      return Object.fromEntries(required.map((k) => [k, synthesise(props[k] ?? {}, ctx, k)]))
    }
    case 'array': {
      const items = (schema.items ?? { type: 'string' }) as Schema
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY
      // Every recipient a grade may need: reaching more than needed is never refused.
      if (Array.isArray(items.enum)) return items.enum.slice(0, max)
      const min = typeof schema.minItems === 'number' ? Math.max(schema.minItems, 1) : 1
      return Array.from({ length: min }, () => synthesise(items, ctx, field))
    }
    case 'string': {
      if (schema.format === 'date-time') return ctx.now
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.org/walk'
      if (schema.format === 'email') return 'walk@example.org'
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1
      return `walk ${field}`.padEnd(Math.max(min, 1), '.')
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return 'walk'
  }
}
