/**
 * One zod schema per request body, query and response of the HTTP API: they validate
 * requests, type the handlers and make the OpenAPI 3.1 document at /openapi.json.
 */
import { z } from '@hono/zod-openapi'
import { CategorySchema, FactsSchema, PHASES, ROLES, SeveritySchema } from '../../machines/vocabulary.js'
import type { FieldError } from '../errors.js'

// ── hostile text ─────────────────────────────────────────────────────────────
/**
 * Characters no text field takes (API.md "Hostile input and limits"): C0 controls but tab
 * and newline (a CR only as part of CRLF), DEL, C1 controls, and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make `txt.exe` of
 * `exe.txt`. Lone surrogates are refused too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** Why `s` is refused as text, or null when it is acceptable. */
export function textProblem(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return 'a lone surrogate (not valid Unicode text)'
  const m = FORBIDDEN.exec(s)
  return m ? `control character ${codePoint(m[0])} at position ${m.index}` : null
}

/** Every string (and object key) inside a parsed JSON value that textProblem refuses, by field path. */
export function badTextIn(value: unknown, path: string[] = [], out: FieldError[] = []): FieldError[] {
  if (out.length >= 20) return out
  const at = (p: string[]) => p.join('.') || '(body)'
  if (typeof value === 'string') {
    const why = textProblem(value)
    if (why) out.push({ path: at(path), message: why, expected: 'text without control characters' })
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) badTextIn(v, [...path, String(i)], out)
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const why = textProblem(k)
      if (why) out.push({ path: at(path), message: `a field name holds a ${why}` })
      else badTextIn(v, [...path, k], out)
    }
  return out
}

/** A zod string refinement with textProblem: for text fields read outside JSON bodies. */
export const cleanText = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((s, ctx) => {
    const why = textProblem(s)
    if (why) ctx.addIssue({ code: 'custom', message: why })
  })

/** Earliest and latest years a time may name: before the epoch or this far on is a typo or an attack. */
export const EARLIEST_YEAR = 1970
export const LATEST_YEAR = 2199
/** True for a date-time in those years; true as well for no date-time at all (the format check names that). */
const plausibleYear = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return true
  const year = Number(s.slice(0, 4))
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR
}
const yearMessage = `a time from ${EARLIEST_YEAR} to ${LATEST_YEAR}`

/** An ISO-8601 instant with its offset (`Z` or `+08:00`): a local time without one is ambiguous. */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine(plausibleYear, yearMessage)
  .openapi({ example: '2026-09-30T10:00:00+08:00' })
/** An ISO-8601 calendar date, in the same plausible years. */
export const CalendarDate = z.iso.date().refine(plausibleYear, yearMessage).openapi({ example: '2026-10-01' })

/** A web address a browser may follow: http or https only (never javascript:, data:, file:). */
export const WebUrl = z.url({ protocol: /^https?$/ }).max(2000)

const nullableString = z.string().nullable()
const JsonObject = z.record(z.string(), z.unknown())

// ── problems ─────────────────────────────────────────────────────────────────
export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: 'title' }),
  message: z.string(),
  expected: z.string().optional(),
})

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://yuqing-flow.dev/problems/validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional().openapi({ description: '400: the fields that failed' }),
    allowedEvents: z.array(z.string()).optional().openapi({ description: '409: what the state accepts now' }),
    version: z.number().int().optional().openapi({ description: '409: the incident version now' }),
    phase: z.string().optional(),
    state: z.unknown().optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' })

// ── plans ────────────────────────────────────────────────────────────────────
export const PlanParams = z.object({
  planId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'planId', in: 'path' }, example: 'neixiang-2017' }),
})
export const PlanQuery = z
  .object({
    version: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ type: 'integer', minimum: 1, description: 'an older version' }),
  })
  .strict()

const SeverityLabel = z.object({ code: z.string(), label: z.string() })
export const PlanSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    issuer: z.string(),
    severities: z.array(SeverityLabel),
  })
  .openapi('PlanSummary')
export const PlanListSchema = z.object({ items: z.array(PlanSummarySchema) })

const ClauseRef = { label: z.string(), clause: nullableString, policy: nullableString }
export const PlanDescriptionSchema = PlanSummarySchema.extend({
  hasCriteria: z.boolean(),
  migratesFrom: z.number().int().nullable().openapi({
    description: 'the version this one takes open incidents from (POST /incidents/{id}/migrate); null: none',
  }),
  states: z.array(
    z.object({
      path: z.string().openapi({ example: 'reporting.handlingAlongside' }),
      phase: z.string(),
      ...ClauseRef,
      type: z.string(),
      initial: nullableString,
    }),
  ),
  transitions: z.array(
    z.object({
      from: z.string().openapi({ description: 'a state path, or * for every state' }),
      event: z.string().nullable().openapi({ description: 'null: taken as soon as its guard holds' }),
      to: z.array(z.string()).openapi({ description: 'empty: the state stays, the action runs' }),
      guard: nullableString,
      ...ClauseRef,
    }),
  ),
  events: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      roles: z.array(z.string()),
      clause: nullableString,
      policy: nullableString,
      schema: JsonObject.openapi({ description: "JSON Schema of the event's fields other than type" }),
    }),
  ),
  deadlines: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      clause: nullableString,
      policy: nullableString,
      rule: z.string(),
      anchor: z.string(),
      amount: z.number(),
      unit: z.string(),
      severities: z.array(z.string()).nullable(),
      categories: z.array(z.string()).nullable(),
      startsOn: z.string(),
      metBy: z.string(),
    }),
  ),
  obligations: z.array(
    z
      .object({
        id: z.string(),
        kind: z.string(),
        label: z.string(),
        clause: nullableString,
        policy: nullableString,
        severities: z.array(z.string()).nullable(),
        categories: z.array(z.string()).nullable(),
        when: nullableString,
        conditional: z.boolean(),
        recipient: z.object({ code: z.string(), label: z.string() }).nullable(),
        due: z.object({ anchor: z.string(), amount: z.number(), unit: z.string() }).nullable(),
        deadline: nullableString,
        owedBy: z.array(z.string()),
        discharge: z.object({ type: z.string(), fields: JsonObject }),
        again: z
          .object({
            raise: z.boolean(),
            onceConditionHolds: z.boolean().openapi({
              description:
                'After a rise, owed again from the first event at which `when` holds (the level below has the new report), not from the rise itself',
            }),
            events: z.array(z.string()),
            onYes: z.boolean().openapi({
              description:
                'Owed anew, once settled (met or waived), when the decision its `when` waits for is answered yes again (after a relapse)',
            }),
          })
          .nullable(),
        waivableBy: z.array(z.string()).optional().openapi({
          description: 'Only these roles may waive it (narrower than `waivers`); absent: `waivers.roles`',
        }),
        order: z.number().int().optional(),
        event: z.string().optional(),
        separate: z.boolean().optional(),
        purposes: z.array(z.string()).nullable().optional(),
      })
      .openapi('ObligationRule'),
  ),
  waivers: z.object({ roles: z.array(z.string()), clause: nullableString, policy: nullableString }),
  severityRules: z.object({
    hasCriteria: z.boolean(),
    severities: z.array(z.string()),
    withoutFacts: z.object({ severity: nullableString, rule: z.string() }),
    facts: JsonObject,
  }),
  approvals: z.record(
    z.string(),
    z.array(z.object({ code: z.string(), label: z.string(), event: z.string(), clause: z.string() })),
  ),
  clauses: z.array(z.object({ ref: z.string(), text: z.string() })),
}).openapi('Plan')

export const ClassifyBody = z.object({ facts: FactsSchema }).strict().openapi('ClassifyRequest')
export const ClassificationSchema = z
  .object({ severity: nullableString, rule: z.string() })
  .openapi('Classification')

// ── incidents ────────────────────────────────────────────────────────────────
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
    facts: FactsSchema.optional(),
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
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict()

export const DeadlineViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  dueAt: z.string(),
  clause: nullableString,
  policy: nullableString,
  rule: z.string(),
  status: z.enum(['pending', 'met', 'missed', 'cancelled']),
  obligation: z.enum(['owed', 'met', 'late', 'waived', 'withdrawn']),
  certain: z.boolean(),
  metAt: nullableString,
  startedAt: z.string(),
  escalatedAt: nullableString,
})

const ActorSchema = z.object({ name: z.string(), role: z.string() })
const RecordedSchema = z.object({ by: ActorSchema, reason: z.string(), at: z.string() }).nullable()

export const ObligationViewSchema = z
  .object({
    id: z.string(),
    rule: z.string(),
    kind: z.enum(['report', 'approval', 'release', 'answer', 'decision', 'step', 'review']),
    label: z.string(),
    clause: nullableString,
    policy: nullableString,
    owedBy: z.array(z.string()),
    recipient: z.object({ code: z.string(), label: z.string() }).nullable(),
    draftId: nullableString,
    deadline: nullableString,
    startedAt: z.string(),
    dueAt: nullableString,
    certain: z.boolean(),
    status: z.enum(['owed', 'met', 'late', 'waived', 'withdrawn']),
    metAt: nullableString,
    breachedAt: nullableString,
    escalatedAt: nullableString,
    waived: RecordedSchema,
    withdrawn: RecordedSchema,
    decision: z
      .object({ answer: z.enum(['yes', 'no']), by: ActorSchema, reason: z.string(), at: z.string() })
      .nullable(),
    requoted: z.object({ from: z.string(), to: z.string(), at: z.string() }).nullable(),
    discharge: z.object({ type: z.string(), fields: JsonObject }),
  })
  .openapi('Obligation')

export const DraftViewSchema = z
  .object({
    id: z.string(),
    purpose: z.string(),
    content: z.string(),
    createdAt: z.string(),
    by: ActorSchema,
    approvals: z.array(z.object({ code: z.string(), by: ActorSchema, at: z.string() })),
    releasedAt: nullableString,
    withdrawn: RecordedSchema,
    missingApprovals: z.array(z.object({ code: z.string(), label: z.string() })),
  })
  .openapi('Draft')

export const IncidentViewSchema = z
  .object({
    id: z.string(),
    organisation: z.string(),
    planId: z.string(),
    planVersion: z.number().int(),
    version: z.number().int(),
    title: z.string(),
    source: z.object({ url: z.string().optional(), platform: z.string().optional() }).nullable(),
    relatedTo: nullableString,
    owner: nullableString,
    phase: z.string().openapi({ enum: [...PHASES] }),
    state: z.unknown().openapi({ description: 'the XState value' }),
    severity: nullableString,
    category: nullableString,
    facts: JsonObject,
    discoveredAt: z.string(),
    knownAt: z.string(),
    occurredAt: z.string(),
    obligations: z.array(ObligationViewSchema),
    drafts: z.array(DraftViewSchema),
    owed: z.number().int(),
    breached: z.number().int(),
    nextDueAt: nullableString,
    deadlines: z.array(DeadlineViewSchema),
    breaches: z.array(
      z.object({ deadline: z.string(), obligation: z.string(), dueAt: z.string(), at: z.string() }),
    ),
    approvals: z.array(z.string()),
    missingApprovals: z.array(z.string()),
    allowedEvents: z.array(z.string()),
    overdue: z.boolean(),
    notes: z
      .array(
        z.object({
          seq: z.number().int(),
          text: z.string(),
          corrects: z
            .number()
            .int()
            .nullable()
            .openapi({ description: 'the seq of the note this one corrects' }),
          by: z.object({ name: z.string(), role: z.string() }),
          at: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'POST /incidents/{id}/notes; a correction is a new note, the old one stays' }),
    warnings: z
      .array(
        z.object({
          deadline: z.string(),
          instance: z.string(),
          share: z.number().openapi({ description: 'of the window gone when it fired: 0.5, 0.8' }),
          dueAt: z.string(),
          at: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'due-soon warnings fired (DEADLINE_WARNING entries), oldest first' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: nullableString,
  })
  .openapi('Incident')

export const IncidentPageSchema = z.object({
  items: z.array(IncidentViewSchema),
  nextCursor: nullableString,
})

export const HistoryItemSchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    payload: JsonObject,
    actor: z.object({ name: z.string(), role: z.string() }),
    occurredAt: z.string(),
    recordedAt: z.string(),
    version: z.number().int(),
    hash: z.string(),
  })
  .openapi('HistoryItem')
export const HistorySchema = z.object({ items: z.array(HistoryItemSchema) })

// ── service ──────────────────────────────────────────────────────────────────
export const HealthSchema = z.object({ status: z.literal('ok') })
export const CalendarSchema = z
  .object({
    coveredYears: z.array(z.number().int()).openapi({ description: 'built in and loaded at run time' }),
    workingHours: z.string().openapi({ example: '09:00-12:00,13:30-17:30' }),
    warning: nullableString,
    lastCoveredDay: nullableString.openapi({
      description: 'the last day the holiday data covers',
      example: '2026-12-31',
    }),
    daysLeft: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'days until the data runs out (0: it has)' }),
    loaded: z
      .array(
        z.object({
          year: z.number().int(),
          source: z.string(),
          sha256: z.string(),
          loadedAt: z.string(),
          loadedBy: z.string(),
        }),
      )
      .openapi({
        description: 'years loaded at run time (npm run cli -- calendar add, PUT /admin/calendar/{year})',
      }),
  })
  .openapi('Calendar')

// ── headers ──────────────────────────────────────────────────────────────────
export const WriteHeaders = z.object({
  'idempotency-key': cleanText(z.string().min(1).max(200))
    .optional()
    .openapi({ description: 'a retry with the same key returns the first answer' }),
})
export const EventHeaders = WriteHeaders.extend({
  'if-match': z
    .string()
    .max(50)
    .optional()
    .openapi({ description: "the incident's version (its ETag), quoted or not" }),
})
