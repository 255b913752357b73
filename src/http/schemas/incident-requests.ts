/**
 * What a client sends about incidents: the incident id in the path, the bodies that open
 * one and send it an event, the list query, and the headers of a write (Idempotency-Key,
 * If-Match).
 */
import { z } from '@hono/zod-openapi'
import {
  AnyFactsSchema,
  CategorySchema,
  PHASES,
  ROLES,
  SeveritySchema,
} from '../../../machines/vocabulary.js'
import { cleanText } from './text.js'
import { Instant, WebUrl } from './values.js'

export const IncidentParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

/** POST /incidents. Strict: an unknown top-level field is refused (400), not ignored. */
export const OpenIncidentBody = z
  .object({
    planId: z.string().min(1).max(100).openapi({ example: 'neixiang-2017' }),
    title: z.string().trim().min(1).max(500).openapi({ example: '网传某市场销售过期食品' }),
    discoveredAt: Instant.optional(),
    knownAt: Instant.optional(),
    occurredAt: Instant.optional(),
    source: z
      .object({
        url: WebUrl.optional(),
        platform: z.string().trim().min(1).max(100).optional(),
      })
      .strict()
      .optional(),
    category: CategorySchema.optional(),
    // Every plan's facts; one the plan version does not take is refused (src/engine/opening.ts).
    facts: AnyFactsSchema.optional(),
    severity: SeveritySchema.optional(),
    severityReason: z.string().trim().min(1).max(4000).optional(),
    relatedTo: z.string().min(1).max(100).optional(),
  })
  .strict()
  .openapi('OpenIncident')

/**
 * POST /incidents/:id/events: `type`, the event's own fields (checked by the event's
 * strict schema in the engine), and optionally `occurredAt` and `expectedVersion`.
 */
export const SendEventBody = z
  .object({
    type: z.string().min(1).max(100).openapi({ example: 'REPORT' }),
    occurredAt: Instant.optional().openapi({ description: 'for a step done earlier, offline' }),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .catchall(z.unknown())
  .openapi('SendEvent')

export const ListQuery = z
  .object({
    plan: z.string().min(1).max(100).optional(),
    phase: z.enum(PHASES).optional(),
    severity: SeveritySchema.optional(),
    owner: z.string().min(1).max(100).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    owedBy: z
      .enum(ROLES)
      .optional()
      .openapi({ description: 'incidents with an owed obligation this role can discharge' }),
    breached: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: 'incidents with a breached obligation' }),
    sort: z
      .enum(['created', 'nextDue'])
      .optional()
      .openapi({ description: 'created: newest first (default); nextDue: nearest owed due time first' }),
    q: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'searches the title and the source URL' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .optional()
      .openapi({ type: 'integer', minimum: 1, maximum: 200, default: 50, example: 50 }),
    cursor: z.string().min(1).max(500).optional().openapi({
      description:
        "a page's `nextCursor`, sent with the same `sort` as that page (one made under another sort is 400 on `cursor`); filters may differ",
    }),
  })
  .strict()

/** The headers of opening an incident (Idempotency-Key) and of sending an event (If-Match too). */
export const WriteHeaders = z.object({
  'idempotency-key': cleanText(z.string().min(1).max(200))
    .optional()
    .openapi({
      description:
        'a retry with the same key returns the first answer. Scoped to the incident for an event ' +
        '(any caller whose role may send it gets the first answer), to the caller for POST /incidents; ' +
        'the same key with another body is 422 (If-Match is a header, not compared)',
    }),
})
export const EventHeaders = WriteHeaders.extend({
  'if-match': z.string().max(50).optional().openapi({
    description:
      "the incident's version (its ETag), quoted or not; not part of what an Idempotency-Key compares",
  }),
  prefer: z
    .string()
    .optional()
    .openapi({
      description:
        '`return=minimal` (RFC 7240): answer only the version, phase and events accepted ' +
        '(MinimalEventAnswer, as application/vnd.yuqing.minimal+json, or application/json when Accept prefers that), ' +
        'not the whole view; the answer ' +
        'says `Preference-Applied: return=minimal`. Other preferences are ignored.',
    }),
})

/**
 * Whether a Prefer header asks for `return=minimal` (RFC 7240): preferences are
 * comma-separated, each `token [= value]` with parameters after `;`; names are
 * case-insensitive, a value may be quoted, and only the first `return` counts.
 * Anything it does not understand is ignored, never refused.
 */
export function prefersMinimal(prefer: string | undefined): boolean {
  for (const item of (prefer ?? '').split(',')) {
    const [name = '', ...rest] = (item.split(';')[0] ?? '').split('=')
    if (name.trim().toLowerCase() !== 'return') continue
    return (
      rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase() === 'minimal'
    )
  }
  return false
}
