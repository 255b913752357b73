/**
 * The schema of every error answer: RFC 9457 problem details (src/http/problem.ts makes
 * them), with the failing fields of a 400, what a 409's incident accepts now, and why
 * it refused: what is owed, which approvals a draft lacks, which decision to answer first,
 * else which of the plan's conditions do not hold or which states take the event; for a
 * DECIDE of a decision not owed, which decision and why; for an event naming a draft that
 * stops it, what became of that draft.
 */
import { z } from '@hono/zod-openapi'
import { ObligationViewSchema } from './incident-answers.js'

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
    reason: z.string().optional().openapi({ description: '409: why the event was refused (as `detail`)' }),
    owed: z
      .array(ObligationViewSchema)
      .optional()
      .openapi({ description: '409: the obligations still owed that stop the event (a close, say)' }),
    missingApprovals: z
      .array(z.object({ code: z.string(), label: z.string(), draftId: z.string() }))
      .optional()
      .openapi({ description: '409: the approvals the named draft still lacks, in order' }),
    decisions: z
      .array(z.object({ obligation: z.string(), rule: z.string(), label: z.string() }))
      .optional()
      .openapi({ description: '409: the owed decisions whose yes would let the event through' }),
    conditions: z
      .array(z.object({ guard: z.string(), words: z.string(), clause: z.string() }))
      .optional()
      .openapi({
        description:
          "409, where nothing owed says why: the plan's conditions for the event that do not hold now (the guard's code name, its words as the transitions of GET /plans/:planId say them, the clauses of the transitions that refused; each clause once: words that end with a clause `clause` names leave it out)",
      }),
    acceptedIn: z
      .array(z.object({ state: z.string(), phase: z.string().optional(), label: z.string() }))
      .optional()
      .openapi({ description: '409: no state the incident is in takes the event; these states do' }),
    decision: z
      .object({
        id: z.string().openapi({ example: 'decision:liaise' }),
        label: z.string().optional(),
        why: z.enum(['unknown', 'answered', 'waived', 'notAsked', 'owedByOthers']),
        answer: z.enum(['yes', 'no']).optional(),
        at: z.string().optional(),
        askedWhen: z.string().optional(),
        owedBy: z.array(z.string()).optional(),
      })
      .optional()
      .openapi({
        description:
          "409: a DECIDE of a decision not owed now: which (`label`, the plan's words; none when `unknown`) and why: the plan version has no such decision though the incident has one from the version it migrated from (`unknown`; a decision neither has is 400 on `decision`), its latest asking was answered (`answered`: `answer`, `at`) or waived (`waived`: `at`), or it is not asked yet (`notAsked`: `askedWhen`, the condition it is asked on, as GET /plans/:planId's obligations say it); or it is owed, but by other roles than the caller's, one of DECIDE's (`owedByOthers`: `owedBy`, the roles that owe it; a role outside DECIDE's roles is 403)",
      }),
    waiver: z
      .object({
        id: z.string().openapi({ example: 'report:higher#1' }),
        label: z.string(),
        why: z.enum(['notEntitled']),
        waivableBy: z.array(z.string()),
      })
      .optional()
      .openapi({
        description:
          "409: a WAIVE of an owed obligation by a role among WAIVE's whom the obligation's rule does not let waive it (`notEntitled`): which (`id`, `label`) and the roles that may (`waivableBy`, as GET /plans/:planId's obligations say)",
      }),
    draft: z
      .object({
        id: z.string().openapi({ example: 'd2' }),
        why: z.enum(['unknown', 'withdrawn', 'released', 'superseded', 'author']),
        at: z.string().optional(),
        by: z.string().optional(),
        reason: z.string().optional(),
        newer: z.string().optional(),
        approval: z.string().optional(),
      })
      .optional()
      .openapi({
        description:
          '409: an event refused because of the draft it names: which (`id`) and why — no such draft (`unknown`), withdrawn (`withdrawn`: `at`, `by` whom, the `reason` given), published already (`released`: `at`), superseded by a newer draft of its purpose (`superseded`: `newer`), or written by the one approving it where the plan separates them (`author`: `by`, the author; `approval`, its label)',
      }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' })
