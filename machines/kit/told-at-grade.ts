/**
 * Rule 6 and rule 5 read by grade: a step done while the incident was at a grade counts at
 * that grade and at every lower one (a recipient told of 重大 knows of 较大 too). Shared by
 * `prior: 'sameGradeOrAbove'` (kit/begin.ts: an earlier step meets a new instance) and the
 * condition `actAtGrade` (kit/conditions.ts: a 续报 applies while its recipient has not been
 * told of the incident's current grade or a higher one, so a lowering withdraws it only where
 * the recipient already knows the grade lowered to). Pure.
 */
import { isAbove, type Role, type Severity } from '../vocabulary.js'
import type { Act } from './obligation-types.js'
import type { IncidentContext } from './types.js'

/** A step done at grade `done` counts at grade `now`: the same grade, or a higher one. */
export const atOrAbove = (done: Severity | null, now: Severity | null): boolean =>
  done === now || (done !== null && now !== null && isAbove(done, now))

/** Where the acts a `since` condition reads start: after the latest accepted event of that type (all without one). */
export const actsFrom = (acts: readonly Act[], since?: string): number =>
  since === undefined ? 0 : acts.findLastIndex((a) => a.type === since) + 1

/**
 * `actAtGrade`: an event of `type` whose fields `match` was accepted while the incident was
 * at its current grade or a higher one (each act carries the grade at its time); with
 * `since`, only after the latest accepted event of that type (a relapse not yet reported).
 */
export function actedAtGrade(
  ctx: Pick<IncidentContext, 'acts' | 'severity'>,
  type: string,
  match: (fields: Record<string, unknown>) => boolean,
  since?: string,
): boolean {
  for (let i = actsFrom(ctx.acts, since); i < ctx.acts.length; i++) {
    const a = ctx.acts[i] as Act
    if (a.type === type && atOrAbove(a.severity, ctx.severity) && match(a.fields)) return true
  }
  return false
}

/**
 * `waivedAtGrade`, the waiver counterpart of `actAtGrade` (rule 2: a waiver by someone
 * entitled settles the duty as a step would): an instance of `rule`, begun while the
 * incident was at its current grade or a higher one, was waived; with `since`, only one
 * begun at or after the latest accepted event of that type. A waiver settles its own
 * instance only (a step meets every owed one): while an instance of the rule begun before
 * the waived one is still owed, that waiver does not count (the earlier duty was neither
 * done nor waived).
 */
export function waivedAtGrade(
  ctx: Pick<IncidentContext, 'acts' | 'severity' | 'severityLog' | 'obligations'>,
  rule: string,
  since?: string,
): boolean {
  const after = since === undefined ? undefined : ctx.acts.findLast((a) => a.type === since)?.at
  return ctx.obligations.some(
    (o) =>
      o.rule === rule &&
      o.status === 'waived' &&
      (after === undefined || o.startedAt >= after) &&
      atOrAbove(gradeAt(ctx, o.startedAt), ctx.severity) &&
      !ctx.obligations.some((x) => x.rule === rule && x.status === 'owed' && x.startedAt < o.startedAt),
  )
}

/** The grade the incident had at instant `at` (its latest change of grade at or before it). */
function gradeAt(ctx: Pick<IncidentContext, 'severityLog'>, at: string): Severity | null {
  return ctx.severityLog.findLast((x) => x.at <= at)?.to ?? null
}

/**
 * `gradedBy`: a grade at or above the incident's current one was set by one of `roles` (at
 * opening, grading, a rise or a lowering; the severity log keeps who) since the incident was
 * last below its current grade: the body that set a grade knows of it, as a recipient told of
 * 重大 knows of 较大 — but not of a later rise after the grade went below it (重大 set by the
 * group, lowered to 一般, risen to 较大 by another: the group has not heard of that rise).
 */
export function gradedAtGrade(
  ctx: Pick<IncidentContext, 'severityLog' | 'severity'>,
  roles: readonly Role[],
): boolean {
  for (let i = ctx.severityLog.length - 1; i >= 0; i--) {
    const c = ctx.severityLog[i] as IncidentContext['severityLog'][number]
    if (!atOrAbove(c.to, ctx.severity)) return false
    if ((roles as readonly string[]).includes(c.by.role)) return true
  }
  return false
}
