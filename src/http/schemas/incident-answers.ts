/**
 * What the API answers about incidents: the incident view (its obligations, drafts and
 * deadlines), a page of them, and the journal as history items.
 */
import { z } from '@hono/zod-openapi'
import { PHASES } from '../../../machines/vocabulary.js'
import { JsonObject, nullableString } from './values.js'

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
    discharge: z.object({ type: z.string(), fields: JsonObject }).openapi({
      description:
        'the event that discharges it, sent as it is after adding the fields its schema requires; an owed release or answer names the approved draft ready to send (`draftId`), else the client adds it once one is (see `firstStep`)',
    }),
    firstStep: z
      .object({
        type: z.string(),
        fields: JsonObject,
        roles: z.array(z.string()).openapi({ description: 'the roles that may send it' }),
      })
      .optional()
      .openapi({
        description:
          "owed releases and answers whose draft is not ready: what must be sent first, and by whom — DRAFT of the purpose (`fields.purpose`; the roles of DRAFT in the plan) when no draft waits, else the first approval the waiting draft lacks (`fields.draftId`; the roles that owe it). An owed duty whose event waits for the incident's grade (an unclassified incident: nanchong-npc-2022's report to the group): CLASSIFY, with its roles in the plan. Absent otherwise",
      }),
    waitsFor: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          "an owed duty whose discharge event the state does not take now (not in `allowedEvents`) because other duties are owed: the ids of those obligations, each to be settled (met or waived) before its event is taken (saws-2014's review summary waits for the follow-up, 六(一)–六(三)). Absent when it waits for none of them: its event is taken now, it waits for a draft (`firstStep`), or the flow has not reached its step",
        example: ['followup:track#1', 'followup:guide#1'],
      }),
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

/** What an event answers with `Prefer: return=minimal`: where the incident stands, no view. */
export const MinimalEventAnswerSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    phase: z.string(),
    allowedEvents: z.array(z.string()),
  })
  .openapi('MinimalEventAnswer')

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
