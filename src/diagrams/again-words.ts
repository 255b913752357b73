/**
 * What a rule's `again` options say about a change of grade, in the words the plan page, the
 * diagrams' obligation tables and the console use: `again.firstGrading` (a first grading owes it
 * again, as a rise), `again.lowered` (a lowering owes it again when what settled it came before
 * its `prior.after` event) and `again.revivesWithdrawn` (a rise keeps the due time its ower's
 * lowering withdrew). Built from the data `GET /plans/:id` serves (plan-obligations.ts).
 */
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'

/** The settings worded here, as `GET /plans/:id` serves them in a rule's `again`. */
export interface GradeChangeOptions {
  firstGrading?: readonly string[]
  lowered?: 'settledBeforePrior'
  /** With `lowered`: the rule's `prior.after` events (the first accepted; `latest`: the latest). */
  settledBefore?: { events: readonly string[]; latest: boolean }
  revivesWithdrawn?: 'byOwer'
}

/** `again.revivesWithdrawn: 'byOwer'` in words (kit/revive-withdrawn.ts). */
export const REVIVES_WITHDRAWN_TEXT =
  '应办者降级而撤回的，再次升级时沿用原时限（原时限已过或由他人降级的，重新计时）'

/** `again.firstGrading` in words: a first grading to these grades owes it again, as a rise. */
export const firstGradingText = (grades: readonly string[]): string =>
  `未定级的事件首次定为${grades.join('、')}时，视同升级再次应办`

/** `again.lowered: 'settledBeforePrior'` in words; `event`: `最近一次舆情反复`, say. */
export const loweredText = (event: string): string =>
  `降级时，前一项在${event}之前已办结或免除的，自降级时起再次应办（${event}之前的办理不再计入）`

/** The event `again.lowered` reads, by its labels: `最近一次舆情反复` (`latest`), `首次…` otherwise. */
export const settledBeforeEvent = (labels: readonly string[], latest: boolean): string =>
  `${latest ? '最近一次' : '首次'}${labels.join('或')}`

/** A rule's `again.settledBefore` as `GET /plans/:id` serves it (only with `again.lowered`). */
export function settledBeforeOf(r: ObligationRule): { events: string[]; latest: boolean } | undefined {
  if (r.again?.lowered === undefined || typeof r.prior !== 'object') return undefined
  const after = r.prior.after
  return { events: typeof after === 'string' ? [after] : [...after], latest: r.prior.latest === true }
}

/** The words of these options on a rule (none: none of them set), grades and events by their labels. */
export function gradeChangeWords(plan: PlanDefinition, a: GradeChangeOptions | null | undefined): string[] {
  if (!a) return []
  const grade = (c: string) => plan.severities.find((s) => s.code === c)?.label ?? c
  const event = (t: string) => plan.events.find((e) => e.type === t)?.label ?? t
  const out: string[] = []
  if (a.firstGrading?.length) out.push(firstGradingText(a.firstGrading.map(grade)))
  if (a.lowered !== undefined && a.settledBefore)
    out.push(loweredText(settledBeforeEvent(a.settledBefore.events.map(event), a.settledBefore.latest)))
  if (a.revivesWithdrawn !== undefined) out.push(REVIVES_WITHDRAWN_TEXT)
  return out
}

/** The same words read off a rule as the plan declares it. */
export const ruleGradeChangeWords = (plan: PlanDefinition, r: ObligationRule): string[] =>
  gradeChangeWords(plan, r.again && { ...r.again, settledBefore: settledBeforeOf(r) })
