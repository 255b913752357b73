/**
 * Rule conditions (`when`) read against an incident's context: what must hold, besides
 * grade and category, for an obligation rule to apply. Pure.
 *
 * `holds` reads any condition as given; `applies` asks a plan rule's condition through a
 * test built once per condition object (plan data, never changed): the ledger asks every
 * rule without a live instance on every event, so the shape of each condition is read
 * once, not once per event.
 */
import { isAbove } from '../vocabulary.js'
import type { Act, Condition, Obligation, ObligationRule } from './obligation-types.js'
import { actedAtGrade, actsFrom, gradedAtGrade, waivedAtGrade } from './told-at-grade.js'
import type { IncidentContext } from './types.js'

/** `risen`: the latest change of grade on the record (not the first grading, not a repeat) was a rise. */
export function risen(ctx: Pick<IncidentContext, 'severityLog'>): boolean {
  for (let i = ctx.severityLog.length - 1; i >= 0; i--) {
    const { from, to } = ctx.severityLog[i] as IncidentContext['severityLog'][number]
    if (from !== null && from !== to) return isAbove(to, from)
  }
  return false
}

/**
 * `owedBegunBy`: an instance of `rule`, owed and not breached, began at an accepted event of
 * `type` (an act at the instant it began) at which no rise of grade was recorded (a rise at that
 * instant began it as a rise does). Read per instance, so a lowering that withdraws what a rise
 * began keeps what such an event began (hrss-city version 11: the report of a spread).
 */
export function owedBegunBy(
  ctx: Pick<IncidentContext, 'obligations' | 'acts' | 'severityLog'>,
  rule: string,
  type: string,
): boolean {
  for (const o of ctx.obligations) {
    if (o.rule !== rule || o.status !== 'owed' || o.breachedAt !== null) continue
    const at = Date.parse(o.startedAt)
    const rose = ctx.severityLog.some(
      (x) => Date.parse(x.at) === at && x.from !== null && x.from !== x.to && isAbove(x.to, x.from),
    )
    if (!rose && ctx.acts.some((a) => a.type === type && Date.parse(a.at) === at)) return true
  }
  return false
}

/** Subset match: every listed field equal; a listed array must be contained in the given one. */
export function fieldsMatch(want: Record<string, unknown>, got: Record<string, unknown>): boolean {
  return Object.entries(want).every(([k, v]) => {
    const g = got[k]
    if (Array.isArray(v)) return Array.isArray(g) && v.every((x) => g.includes(x))
    return g === v
  })
}

export function holds(ctx: IncidentContext, c: Condition): boolean {
  if ('act' in c)
    return anyAct(ctx.acts, c.act, (f) => fieldsMatch(c.fields ?? {}, f), actsFrom(ctx.acts, c.since))
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
  if ('risen' in c) return risen(ctx)
  if ('actAtGrade' in c)
    return actedAtGrade(ctx, c.actAtGrade, (f) => fieldsMatch(c.fields ?? {}, f), c.since)
  if ('waivedAtGrade' in c) return waivedAtGrade(ctx, c.waivedAtGrade, c.since)
  if ('uncategorised' in c) return ctx.category === null
  if ('breached' in c) return ctx.obligations.some((o) => o.rule === c.breached && o.breachedAt !== null)
  if ('owed' in c) {
    const o = ctx.obligations.findLast((x) => x.rule === c.owed && x.status !== 'withdrawn')
    return o?.status === 'owed' && o.breachedAt === null
  }
  if ('gradedBy' in c) return gradedAtGrade(ctx, c.gradedBy)
  if ('owedBegunBy' in c) return owedBegunBy(ctx, c.rule, c.owedBegunBy)
  if ('grade' in c) return ctx.severity !== null && c.grade.includes(ctx.severity)
  if ('all' in c) return c.all.every((x) => holds(ctx, x))
  if ('any' in c) return c.any.some((x) => holds(ctx, x))
  return !holds(ctx, c.not)
}

/** Whether rule `r` applies at a grade and category, its condition aside. */
export const admits = (
  r: ObligationRule,
  severity: IncidentContext['severity'],
  category: IncidentContext['category'],
): boolean =>
  (r.severities === undefined || (severity !== null && r.severities.includes(severity))) &&
  (r.categories === undefined || (category !== null && r.categories.includes(category)))

export const applies = (ctx: IncidentContext, r: ObligationRule): boolean =>
  admits(r, ctx.severity, ctx.category) && (r.when === undefined || testOf(r.when)(ctx))

export type Test = (ctx: IncidentContext) => boolean

const tests = new WeakMap<Condition, Test>()
/** `holds(·, c)` as a test built once per condition object. */
export function testOf(c: Condition): Test {
  let t = tests.get(c)
  if (t === undefined) {
    t = compile(c)
    tests.set(c, t)
  }
  return t
}

/** `holds` for one condition, its shape read now (same branches, in the same order). */
function compile(c: Condition): Test {
  if ('act' in c) {
    const type = c.act
    const match = matcherOf(c.fields ?? {})
    const since = c.since
    if (since === undefined) return (ctx) => anyAct(ctx.acts, type, match)
    return (ctx) => anyAct(ctx.acts, type, match, actsFrom(ctx.acts, since))
  }
  if ('met' in c) {
    const rule = c.met
    return (ctx) => anyMet(ctx.obligations, rule)
  }
  if ('settled' in c) {
    const rule = c.settled
    return (ctx) => {
      const last = latest(ctx.obligations, rule)
      return last !== undefined && last.status !== 'owed'
    }
  }
  if ('decided' in c) {
    const rule = c.decided
    return (ctx) => latest(ctx.obligations, rule)?.decision?.answer === 'yes'
  }
  if ('fact' in c) {
    const fact = c.fact
    return (ctx) => (ctx.facts as Record<string, unknown>)[fact] === true
  }
  if ('step' in c) {
    const step = c.step
    return (ctx) => ctx.steps[step] !== undefined
  }
  if ('risen' in c) return risen
  if ('actAtGrade' in c) {
    const type = c.actAtGrade
    const match = matcherOf(c.fields ?? {})
    const since = c.since
    return (ctx) => actedAtGrade(ctx, type, match, since)
  }
  if ('waivedAtGrade' in c) {
    const rule = c.waivedAtGrade
    const since = c.since
    return (ctx) => waivedAtGrade(ctx, rule, since)
  }
  if ('uncategorised' in c) return (ctx) => ctx.category === null
  if ('breached' in c) {
    const rule = c.breached
    return (ctx) => anyBreached(ctx.obligations, rule)
  }
  if ('owed' in c) {
    const rule = c.owed
    return (ctx) => {
      const o = latest(ctx.obligations, rule)
      return o?.status === 'owed' && o.breachedAt === null
    }
  }
  if ('gradedBy' in c) {
    const roles = c.gradedBy
    return (ctx) => gradedAtGrade(ctx, roles)
  }
  if ('owedBegunBy' in c) {
    const { rule, owedBegunBy: type } = c
    return (ctx) => owedBegunBy(ctx, rule, type)
  }
  if ('grade' in c) {
    const grades = c.grade
    return (ctx) => ctx.severity !== null && grades.includes(ctx.severity)
  }
  if ('all' in c) {
    const parts = c.all.map(testOf)
    return (ctx) => parts.every((p) => p(ctx))
  }
  if ('any' in c) {
    const parts = c.any.map(testOf)
    return (ctx) => parts.some((p) => p(ctx))
  }
  const not = testOf(c.not)
  return (ctx) => !not(ctx)
}

/** `fieldsMatch(want, ·)` with `want`'s fields listed once. */
function matcherOf(want: Record<string, unknown>): (got: Record<string, unknown>) => boolean {
  const entries = Object.entries(want)
  if (entries.length === 0) return () => true
  return (got) =>
    entries.every(([k, v]) => {
      const g = got[k]
      if (Array.isArray(v)) return Array.isArray(g) && v.every((x) => g.includes(x))
      return g === v
    })
}

/** An act of `type` whose fields `match`, among `acts` from index `from` on. */
function anyAct(
  acts: readonly Act[],
  type: string,
  match: (f: Record<string, unknown>) => boolean,
  from = 0,
): boolean {
  for (let i = from; i < acts.length; i++) {
    const a = acts[i] as Act
    if (a.type === type && match(a.fields)) return true
  }
  return false
}

function anyMet(obligations: readonly Obligation[], rule: string): boolean {
  for (const o of obligations) if (o.rule === rule && (o.status === 'met' || o.status === 'late')) return true
  return false
}

function anyBreached(obligations: readonly Obligation[], rule: string): boolean {
  for (const o of obligations) if (o.rule === rule && o.breachedAt !== null) return true
  return false
}

/** The latest instance of `rule` not withdrawn. */
function latest(obligations: readonly Obligation[], rule: string): Obligation | undefined {
  for (let i = obligations.length - 1; i >= 0; i--) {
    const o = obligations[i] as Obligation
    if (o.rule === rule && o.status !== 'withdrawn') return o
  }
  return undefined
}

/**
 * The decision rules a condition requires answered yes: `decided` alone or within `all`
 * (not under `any` or `not`, where the rule may apply for another reason).
 */
/** The rules a condition names as `breached`, alone or within `all` or `any` (for `again.breached`). */
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
