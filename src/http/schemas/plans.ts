/**
 * The schemas of the plan routes (routes/plans.ts): the plan id and version asked for,
 * the list of plans, one plan described as data (states, transitions, events, deadlines,
 * obligation rules, grading, approvals, clauses), and classifying facts into a grade.
 */
import { z } from '@hono/zod-openapi'
import { AnyFactsSchema } from '../../../machines/vocabulary.js'
import { JsonObject, nullableString } from './values.js'

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
      schema: JsonObject.openapi({
        description:
          "JSON Schema of the event's fields other than type; beside a coded field's `enum` (on `items` for a list), `x-enumNames` gives each code's name in the plan's words, in the enum's order",
      }),
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
      startsOn: z.string().openapi({
        description:
          "open: from the opening; else the rule's condition in the plan's words (rules, events and recipients by their labels), as obligations[].when gives it",
      }),
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
        when: nullableString.openapi({
          description:
            "The rule's condition in the plan's words (rules, events and recipients by their labels); for an approval row of a version whose approvals are owed only while the draft is to go out (kit approvalsWhile 'releaseOwed'), when that is; null: none",
        }),
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
            onYesSince: z
              .object({ events: z.array(z.string()), latest: z.boolean() })
              .optional()
              .openapi({
                description:
                  'Only with `onYes`: an instance a yes begins again is met at once by its step accepted after the first accepted event of these types (`latest`: after the latest one, a relapse) — done for the content the decision was asked again about (OBLIGATIONS.md rule 6); absent: owed anew whatever was done before',
              }),
            whileOwed: z.boolean().openapi({
              description:
                'A rise (`raise`) and `events` begin it again though it is still owed (false: only once its latest instance is settled, so a decision still owed stays the one asking)',
            }),
            categoryChanged: z
              .union([z.literal(true), z.literal('untilAdmitted')])
              .optional()
              .openapi({
                description:
                  "Owed again when an event changes a category that was set (not the first category, not the same one given again); 'untilAdmitted': also a change made while the rule did not apply (a grade it does not cover), or an instance owed again and withdrawn when it stopped applying, owes it once it applies again; absent: not",
              }),
            factsTurned: z.array(z.string()).optional().openapi({
              description:
                'Owed again when an event turns one of these boolean facts true (not true before it: the monitoring records a spread); absent: not',
            }),
            breached: z.literal(true).optional().openapi({
              description:
                'Owed again when an instance of a rule its condition names as `breached` breaches after its latest instance was settled (one still owed answers for it); absent: one instance, whatever breaches later',
            }),
            afterBreach: z.boolean().optional().openapi({
              description:
                'With `whileOwed` false: a rise or `events` also begin it again when its latest owed instance has breached (the new grade has its own due time, rule 4); a lowering then withdraws the later one, not yet due. Absent: false',
            }),
            firstGrading: z.array(z.string()).optional().openapi({
              description:
                'Owed again, as at a rise, when an incident opened ungraded is first graded to one of these grades (a report made before any grading told no grade); absent: a first grading is no rise',
            }),
            lowered: z.literal('settledBeforePrior').optional().openapi({
              description:
                'Owed again at a lowering when its latest instance was settled (met or waived) before the event its `prior.after` names (a relapse): what settled it no longer counts. Absent: a lowering begins it again never',
            }),
            settledBefore: z
              .object({ events: z.array(z.string()), latest: z.boolean() })
              .optional()
              .openapi({
                description:
                  "Only with `lowered`: the rule's `prior.after` events — a settlement at or before the first accepted one of these types (`latest`: the latest one) no longer counts at a lowering",
              }),
            revivesWithdrawn: z.literal('byOwer').optional().openapi({
              description:
                "An instance a rise begins keeps the due time (and what it counts from) of its latest instance when a lowering made by one of that instance's owers withdrew it and the due time is still ahead at the rise (lowering and raising again buys no new window, OBLIGATIONS.md rules 4 and 5); its policy says so. Absent, past that due time, or lowered by a role that does not owe it: a rise counts a new window",
            }),
            toldSameGrade: z.boolean().openapi({
              description:
                'An instance a rise begins is met at once when its discharge was already taken at the grade the incident now has (risen, lowered and risen again to a grade reported: no second report to a recipient told of it)',
            }),
          })
          .nullable(),
        waivableBy: z.array(z.string()).optional().openapi({
          description: 'Only these roles may waive it (narrower than `waivers`); absent: `waivers.roles`',
        }),
        keyedBy: z.object({ field: z.string(), as: z.string() }).optional().openapi({
          description:
            'Owed once per value of the field `field` of the event that begins it; each instance is discharged only by its event carrying `as` equal to that value (named in its `discharge.fields`)',
        }),
        dischargeOne: z.literal(true).optional().openapi({
          description:
            'Each instance is a duty of its own: one discharging event meets one owed instance, the one it names in its field `obligation` (each instance names itself in its `discharge.fields.obligation`), or the oldest owed when it names none; absent: one event meets every owed instance it matches',
        }),
        alsoOwedAt: z
          .object({ severities: z.array(z.string()), by: z.array(z.string()) })
          .optional()
          .openapi({
            description:
              'Roles that owe it beside `owedBy` only while the incident is at one of these grades (a change of grade adds or drops them on its owed instances); absent: `owedBy` at every grade',
          }),
        usesDraft: z.string().optional().openapi({
          description:
            'Its step is written from the current draft of this purpose without publishing it: while it is owed and no release of that purpose went out, the drafts of that purpose owe their approvals (with approvalsWhile releaseOwed, their approvals rows say so in `when`); absent: not',
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
    facts: JsonObject.openapi({
      description:
        "JSON Schema of the facts this plan version takes (its METRICS_UPDATED's `facts`, and OPEN's): the shared grading facts, and a version's own, which grade nothing (saws-2014 from version 9: coalOrLocalBureau, 三; nanchong-npc-2022 from version 14: majorEmergency, 三(四)3). A fact the version does not take is refused (400)",
    }),
  }),
  approvals: z.record(
    z.string(),
    z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        event: z.string(),
        clause: z.string(),
        categories: z.array(z.string()).nullable().openapi({
          description: 'Owed only by drafts of incidents of these categories; null: of every category',
        }),
      }),
    ),
  ),
  clauses: z.array(z.object({ ref: z.string(), text: z.string() })),
}).openapi('Plan')

/** Every plan's facts; one the plan version does not take is refused (src/engine/opening.ts `checkFacts`). */
export const ClassifyBody = z.object({ facts: AnyFactsSchema }).strict().openapi('ClassifyRequest')
export const ClassificationSchema = z
  .object({ severity: nullableString, rule: z.string() })
  .openapi('Classification')
