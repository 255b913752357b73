/**
 * Rule 6 and rule 5 read by grade: a step done while the incident was at a grade counts at
 * that grade and at every lower one (a recipient told of 重大 knows of 较大 too). Shared by
 * `prior: 'sameGradeOrAbove'` (kit/begin.ts: an earlier step meets a new instance) and the
 * condition `actAtGrade` (kit/conditions.ts: a 续报 applies while its recipient has not been
 * told of the incident's current grade or a higher one, so a lowering withdraws it only where
 * the recipient already knows the grade lowered to). Pure.
 */
import { isAbove, type Severity } from '../vocabulary.js'
import type { IncidentContext } from './types.js'

/** A step done at grade `done` counts at grade `now`: the same grade, or a higher one. */
export const atOrAbove = (done: Severity | null, now: Severity | null): boolean =>
  done === now || (done !== null && now !== null && isAbove(done, now))

/**
 * `actAtGrade`: an event of `type` whose fields `match` was accepted while the incident was
 * at its current grade or a higher one (each act carries the grade at its time).
 */
export function actedAtGrade(
  ctx: Pick<IncidentContext, 'acts' | 'severity'>,
  type: string,
  match: (fields: Record<string, unknown>) => boolean,
): boolean {
  for (const a of ctx.acts)
    if (a.type === type && atOrAbove(a.severity, ctx.severity) && match(a.fields)) return true
  return false
}
