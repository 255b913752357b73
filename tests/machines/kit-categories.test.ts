/**
 * kit `withCategories`: every `category` field of a version's events takes only the
 * version's categories; a field that was optional stays optional, and a spec without one
 * is left as it was.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { withCategories } from '../../machines/kit/kit.js'
import type { EventSpec } from '../../machines/kit/types.js'
import { CategorySchema, clause } from '../../machines/vocabulary.js'

const spec = (type: string, schema: z.ZodObject): EventSpec => ({
  type,
  label: type,
  roles: ['office'],
  meta: clause('一', type),
  schema,
})

describe('withCategories', () => {
  const [required, optional, none] = withCategories(
    [
      spec('SET_CATEGORY', z.object({ category: CategorySchema }).strict()),
      spec('PROPOSE', z.object({ category: CategorySchema.optional(), proposal: z.string() }).strict()),
      spec('NOTE', z.object({ note: z.string() }).strict()),
    ],
    ['rumor', 'doubt'],
  )
  it('narrows a required category and keeps it required', () => {
    expect(required?.schema.safeParse({ category: 'rumor' }).success).toBe(true)
    expect(required?.schema.safeParse({ category: 'political_mass' }).success).toBe(false)
    expect(required?.schema.safeParse({}).success).toBe(false)
  })
  it('narrows an optional category and keeps it optional', () => {
    expect(optional?.schema.safeParse({ proposal: 'x' }).success).toBe(true)
    expect(optional?.schema.safeParse({ proposal: 'x', category: 'malicious' }).success).toBe(false)
  })
  it('leaves an event without a category as it was', () => {
    expect(none?.schema.safeParse({ note: 'x' }).success).toBe(true)
  })
})
