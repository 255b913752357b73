/**
 * The ledger as it was before issue 20 (commit c19e621), kept verbatim as the reference
 * the equivalence property compares the kit's ledger with (machines/kit/conditions.ts).
 */
import type { Condition, ObligationRule } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext } from '../../../machines/kit/types.js'
import { isAbove } from '../../../machines/vocabulary.js'

/** Subset match: every listed field equal; a listed array must be contained in the given one. */
export function fieldsMatch(want: Record<string, unknown>, got: Record<string, unknown>): boolean {
  return Object.entries(want).every(([k, v]) => {
    const g = got[k]
    if (Array.isArray(v)) return Array.isArray(g) && v.every((x) => g.includes(x))
    return g === v
  })
}

export function holds(ctx: IncidentContext, c: Condition): boolean {
  // `since` added with saws-2014 version 13: only acts after the latest act of that type.
  if ('act' in c)
    return ctx.acts.some(
      (a, i) =>
        (c.since === undefined || ctx.acts.slice(i + 1).every((b) => b.type !== c.since)) &&
        a.type === c.act &&
        fieldsMatch(c.fields ?? {}, a.fields),
    )
  if ('met' in c)
    return ctx.obligations.some((o) => o.rule === c.met && (o.status === 'met' || o.status === 'late'))
  if ('settled' in c) {
    const last = ctx.obligations.findLast((o) => o.rule === c.settled && o.status !== 'withdrawn')
    return last !== undefined && last.status !== 'owed'
  }
  if ('decided' in c) {
    // The latest decision of that rule still on the record: unanswered (owed again after a rise) is not yes.
    const d = ctx.obligations.findLast((o) => o.rule === c.decided && o.status !== 'withdrawn')
    return d?.decision?.answer === 'yes'
  }
  if ('fact' in c) return (ctx.facts as Record<string, unknown>)[c.fact] === true
  if ('step' in c) return ctx.steps[c.step] !== undefined
  // Added with the kit's opt-in `risen` (neixiang-2017 version 4): the latest change of grade was a rise.
  if ('risen' in c) {
    const last = ctx.severityLog.findLast((x) => x.from !== null && x.from !== x.to)
    return last !== undefined && isAbove(last.to, last.from)
  }
  // Added with the kit's `actAtGrade` (nanchong-npc-2022 version 7): that act taken at the current grade or above.
  // `since` added with saws-2014 version 7: only acts after the latest act of that type.
  if ('actAtGrade' in c)
    return ctx.acts.some(
      (a, i) =>
        (c.since === undefined || ctx.acts.slice(i + 1).every((b) => b.type !== c.since)) &&
        a.type === c.actAtGrade &&
        fieldsMatch(c.fields ?? {}, a.fields) &&
        (a.severity === ctx.severity ||
          (a.severity !== null && ctx.severity !== null && isAbove(a.severity, ctx.severity))),
    )
  // Added with the kit's `waivedAtGrade` (saws-2014 version 7): a waived instance begun at the
  // current grade or above (the grade at its start read from the log), since the latest `since` act,
  // and no instance of the rule begun before it still owed (a waiver settles its own instance).
  if ('waivedAtGrade' in c) {
    const since = c.since === undefined ? undefined : ctx.acts.findLast((a) => a.type === c.since)?.at
    return ctx.obligations.some((o) => {
      if (o.rule !== c.waivedAtGrade || o.status !== 'waived') return false
      if (since !== undefined && o.startedAt < since) return false
      const g = ctx.severityLog.filter((x) => x.at <= o.startedAt).at(-1)?.to ?? null
      const earlierOwed = ctx.obligations.some(
        (x) => x.rule === c.waivedAtGrade && x.status === 'owed' && x.startedAt < o.startedAt,
      )
      if (earlierOwed) return false
      return g === ctx.severity || (g !== null && ctx.severity !== null && isAbove(g, ctx.severity))
    })
  }
  // Added with the kit's `uncategorised` and `breached` (nanning-aic-2017 version 10).
  if ('uncategorised' in c) return ctx.category === null
  if ('breached' in c) return ctx.obligations.some((o) => o.rule === c.breached && o.breachedAt !== null)
  // Added with the kit's opt-in `owed` and `gradedBy` (nanchong-npc-2022 version 8): the latest
  // instance (not withdrawn) owed; a grade at or above the current one set by one of those roles.
  if ('owed' in c) {
    // Not breached: a breached one stays owed anyway (rule 1) and begins nothing by its condition.
    const o = ctx.obligations.findLast((x) => x.rule === c.owed && x.status !== 'withdrawn')
    return o?.status === 'owed' && o.breachedAt === null
  }
  if ('gradedBy' in c) {
    // Only the grades set since the incident was last below its current one (the latest run).
    const atOrAbove = (to: typeof ctx.severity) =>
      to === ctx.severity || (to !== null && ctx.severity !== null && isAbove(to, ctx.severity))
    const below = ctx.severityLog.findLastIndex((x) => !atOrAbove(x.to))
    return ctx.severityLog.slice(below + 1).some((x) => (c.gradedBy as readonly string[]).includes(x.by.role))
  }
  // Added with the kit's opt-in `owedBegunBy` (hrss-city version 11): an owed, unbreached instance
  // of the rule began at an act of that type, at an instant with no rise of grade.
  if ('owedBegunBy' in c)
    return ctx.obligations.some(
      (o) =>
        o.rule === c.rule &&
        o.status === 'owed' &&
        o.breachedAt === null &&
        ctx.acts.some((a) => a.type === c.owedBegunBy && Date.parse(a.at) === Date.parse(o.startedAt)) &&
        !ctx.severityLog.some(
          (x) =>
            Date.parse(x.at) === Date.parse(o.startedAt) &&
            x.from !== null &&
            x.from !== x.to &&
            isAbove(x.to, x.from),
        ),
    )
  // Added with the kit's opt-in `grade` (nanchong-npc-2022 version 14): the current grade is one of these.
  if ('grade' in c) return ctx.severity !== null && c.grade.includes(ctx.severity)
  if ('all' in c) return c.all.every((x) => holds(ctx, x))
  if ('any' in c) return c.any.some((x) => holds(ctx, x))
  return !holds(ctx, c.not)
}

export const applies = (ctx: IncidentContext, r: ObligationRule): boolean =>
  (r.severities === undefined || (ctx.severity !== null && r.severities.includes(ctx.severity))) &&
  (r.categories === undefined || (ctx.category !== null && r.categories.includes(ctx.category))) &&
  (r.when === undefined || holds(ctx, r.when))

/**
 * The decision rules a condition requires answered yes: `decided` alone or within `all`
 * (not under `any` or `not`, where the rule may apply for another reason).
 */
/** The rules a condition names as `breached` (again.breached, nanning-aic-2017 version 10). */
export function breachedIn(c: Condition | undefined): string[] {
  if (!c) return []
  if ('breached' in c) return [c.breached]
  if ('all' in c) return c.all.flatMap(breachedIn)
  if ('any' in c) return c.any.flatMap(breachedIn)
  return []
}

export function decidedIn(c: Condition | undefined): string[] {
  if (!c) return []
  if ('decided' in c) return [c.decided]
  if ('all' in c) return c.all.flatMap(decidedIn)
  return []
}
