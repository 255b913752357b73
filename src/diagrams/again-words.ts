/**
 * What a rule's kit options say it does — when it is owed again (`again`), what a change of
 * grade does to it (`again.firstGrading`, `lowered`, `revivesWithdrawn`), `keyedBy`,
 * `dischargeOne` — in the words the plan page's tables, the rule's line (`appliesText`) and the
 * console's plan page share (src/console/static/rule-words.js, one table the browser loads as it
 * is). Built from the data `GET /plans/:id` serves (`servedAgain`, plan-obligations.ts), with
 * grades, events, facts and fields in the plan's words.
 */
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import {
  fill,
  type Names,
  type Params,
  RULE_STRINGS,
  ruleWords,
  type ServedRule,
} from '../console/static/rule-words.js'
import { factLabel } from './criteria.js'

/** A template of rule-words.js in zh-CN, filled. */
export const ruleSay = (key: string, params?: Params): string => {
  const template = RULE_STRINGS.zh[key]
  if (template === undefined) throw new Error(`rule-words.js has no ${key}`)
  return fill(template, params)
}

/** A rule's `again.settledBefore` as `GET /plans/:id` serves it (only with `again.lowered`). */
export function settledBeforeOf(r: ObligationRule): { events: string[]; latest: boolean } | undefined {
  if (r.again?.lowered === undefined || typeof r.prior !== 'object') return undefined
  const after = r.prior.after
  return { events: typeof after === 'string' ? [after] : [...after], latest: r.prior.latest === true }
}

/** `again.onYesSince` as `GET /plans/:id` serves it: the events, and whether the latest one bounds. */
const onYesSinceOf = (s: NonNullable<NonNullable<ObligationRule['again']>['onYesSince']>) => ({
  events: typeof s.after === 'string' ? [s.after] : [...s.after],
  latest: s.latest === true,
})

/** A rule's `again` as `GET /plans/:id` serves it (OBLIGATIONS.md "API"), or null. */
export const servedAgain = (r: ObligationRule) =>
  r.again
    ? {
        raise: r.again.raise === true || r.again.raise === 'whenHolds',
        onceConditionHolds: r.again.raise === 'whenHolds',
        events: [...(r.again.events ?? [])],
        onYes: r.again.onYes === true,
        // Only where a step since an event counts for what a yes orders again (kit `again.onYesSince`).
        ...(r.again.onYesSince === undefined ? {} : { onYesSince: onYesSinceOf(r.again.onYesSince) }),
        whileOwed: r.again.whileOwed !== false,
        // Only where a breached instance does not hold a rise back (kit `again.afterBreach`).
        ...(r.again.afterBreach === true ? { afterBreach: true } : {}),
        toldSameGrade: r.again.told === 'sameGrade',
        // Only where a first grading to these grades owes it again as a rise (kit `again.firstGrading`).
        ...(r.again.firstGrading === undefined ? {} : { firstGrading: [...r.again.firstGrading] }),
        // Only where a lowering owes it again once settled before its `prior.after` event (kit `again.lowered`).
        ...(r.again.lowered === undefined ? {} : { lowered: r.again.lowered }),
        // With `lowered`: the event whose settlement before it no longer counts (its `prior.after`).
        ...(r.again.lowered === undefined ? {} : { settledBefore: settledBeforeOf(r) }),
        // Only where a rise keeps the due time its ower's lowering withdrew (kit `again.revivesWithdrawn`).
        ...(r.again.revivesWithdrawn === undefined ? {} : { revivesWithdrawn: r.again.revivesWithdrawn }),
        // Only where a rule opts in (kit `again.categoryChanged`: true or 'untilAdmitted').
        ...(r.again.categoryChanged === undefined ? {} : { categoryChanged: r.again.categoryChanged }),
        // Only where a fact turning true owes it anew (kit `again.factsTurned`).
        ...(r.again.factsTurned === undefined ? {} : { factsTurned: [...r.again.factsTurned] }),
        // Only where a later breach owes it anew (kit `again.breached`).
        ...(r.again.breached === true ? { breached: true as const } : {}),
      }
    : null

/** A zod field's description (through `.optional()`), if it has one. */
const describedAs = (s: unknown): string | undefined => {
  const z = s as { description?: string; unwrap?: () => unknown } | undefined
  return z?.description ?? (z?.unwrap ? describedAs(z.unwrap()) : undefined)
}

/** Codes in the plan's words: grades and events by their labels, facts by the plan page's names. */
export function planNames(plan: PlanDefinition): Names {
  return {
    grade: (c) => plan.severities.find((s) => s.code === c)?.label ?? c,
    event: (t) => plan.events.find((e) => e.type === t)?.label ?? t,
    fact: (f) => factLabel(plan.id, f),
    field: (types, field) => {
      const order = [
        ...plan.events.filter((e) => types.includes(e.type)),
        ...plan.events.filter((e) => !types.includes(e.type)),
      ]
      const e = order.find((x) => Object.hasOwn(x.schema.shape, field))
      return e && { event: e.type, label: describedAs(e.schema.shape[field]) ?? field }
    },
  }
}

/** The words of a rule as `GET /plans/:id` serves it: when it is owed again, `keyedBy`, `dischargeOne`. */
export const againWords = (plan: PlanDefinition, o: ServedRule): string[] =>
  ruleWords(o, ruleSay, planNames(plan))

/** The same words read off a rule as the plan declares it. */
export const ruleAgainWords = (plan: PlanDefinition, r: ObligationRule): string[] =>
  againWords(plan, {
    again: servedAgain(r),
    keyedBy: r.keyedBy,
    dischargeOne: r.dischargeOne,
    discharge: r.discharge,
  })

/** The options on a change of grade, as `GET /plans/:id` serves them in a rule's `again`. */
export interface GradeChangeOptions {
  firstGrading?: readonly string[]
  lowered?: 'settledBeforePrior'
  /** With `lowered`: the rule's `prior.after` events (the first accepted; `latest`: the latest). */
  settledBefore?: { events: readonly string[]; latest: boolean }
  revivesWithdrawn?: 'byOwer'
}

/** `again.revivesWithdrawn: 'byOwer'` in words (kit/revive-withdrawn.ts). */
export const REVIVES_WITHDRAWN_TEXT = ruleSay('plans.againRevivesWithdrawn')

/** `again.firstGrading` in words: a first grading to these grades owes it again, as a rise. */
export const firstGradingText = (grades: readonly string[]): string =>
  ruleSay('plans.againFirstGrading', { grades: grades.join(ruleSay('plans.listAnd')) })

/** `again.lowered: 'settledBeforePrior'` in words; `event`: `最近一次舆情反复`, say. */
export const loweredText = (event: string): string => ruleSay('plans.againLowered', { event })

/** The words of the options on a change of grade alone (none: none of them set). */
export function gradeChangeWords(plan: PlanDefinition, a: GradeChangeOptions | null | undefined): string[] {
  if (!a) return []
  const { firstGrading, lowered, settledBefore, revivesWithdrawn } = a
  const none = { raise: false, onceConditionHolds: false, events: [], onYes: false, whileOwed: true }
  const again = { ...none, toldSameGrade: false, firstGrading, lowered, settledBefore, revivesWithdrawn }
  return againWords(plan, { again, discharge: { type: '' } })
}
