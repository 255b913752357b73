/**
 * The conditions a rule's `when` states (ObligationRule.when, rule-types.ts): what must hold,
 * besides grade and category, for it to apply. kit/conditions.ts reads them.
 */
import type { Role, Severity } from '../vocabulary.js'

/**
 * What must hold, besides grade and category, for a rule to apply. `act`: an event of
 * that type (with those fields) was accepted, with `since` only after the latest event of
 * that type (saws-2014 version 13: subsided since the latest relapse, at any grade); `met`: an obligation of that rule was
 * met or met late (逐级: the next level owes only once the level below has it);
 * `settled`: the latest instance of that rule (not withdrawn) was met, met late or
 * waived (a waived decision is answered by no one: it orders nothing);
 * `decided`: a decision was answered yes; `fact`: a boolean fact is true; `step`: a
 * step is done; `risen`: the latest change of grade was a rise (a lowering since undoes
 * it; opt-in, for a duty the text ties to a growing impact); `actAtGrade`: an event of
 * that type (with those fields) was accepted while the incident was at its current grade
 * or a higher one (kit/told-at-grade.ts; a recipient told of 重大 knows of 较大), with `since`
 * only after the latest event of that type; `waivedAtGrade`: an instance of that rule begun
 * at the current grade or a higher one was waived (with `since`: begun since that event);
 * `uncategorised`: no category is set yet (a duty to categorise: a category given at the
 * opening is no act, so `act` cannot see it); `breached`: an instance of that rule has
 * breached (its due time passed while owed, or it was met late: a duty a late step owes);
 * `owed`: the latest instance of that rule (not withdrawn) is owed and has not breached (a
 * breached one stays owed anyway, rule 1, and holds no condition for a new one) (opt-in: a duty whose
 * beginning waits for a condition, e.g. 逐级, stays owed once begun though that condition
 * lapses); `gradedBy`: a grade at or above the incident's current one was set (at opening,
 * by grading, a rise or a lowering) by one of these roles since the incident was last below its
 * current grade — the body that set the grade knows of it (opt-in; kit/told-at-grade.ts);
 * `owedBegunBy`: an instance of `rule`, owed and not breached, began at an accepted event of that
 * type (its act at that very instant) at which no rise of grade was recorded — a duty an event
 * began (a spread the monitoring recorded) is still owed, whatever began the rule's other
 * instances (opt-in; kit/conditions.ts `owedBegunBy`);
 * `grade`: the incident's current grade is one of these (ungraded: none) — a rule's `severities`
 * within `any`, for a duty the text grounds on a grade or on something else (nanchong-npc-2022
 * version 14, 三(四)3 重大突发事件或特别重大舆情: a fact, or 特别重大) (opt-in);
 * `all`, `any`, `not`: conditions combined (machines/kit/conditions.ts).
 */
export type Condition =
  | { act: string; fields?: Record<string, unknown>; since?: string }
  | { met: string }
  | { settled: string }
  | { decided: string }
  | { fact: string }
  | { step: string }
  | { risen: true }
  | { actAtGrade: string; fields?: Record<string, unknown>; since?: string }
  | { waivedAtGrade: string; since?: string }
  | { uncategorised: true }
  | { breached: string }
  | { owed: string }
  | { gradedBy: readonly Role[] }
  | { owedBegunBy: string; rule: string }
  | { grade: readonly Severity[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
