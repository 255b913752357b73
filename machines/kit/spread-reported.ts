/**
 * Option raiseTold 'sinceFinding' (options.ts): besides what 'sinceSettled' counts, the step that
 * met the latest instance counts for a rise when a watched fact turning true (`again.factsTurned`)
 * began that instance — the report of the spread the monitoring recorded, made before a person
 * raised the grade for it (hrss-city 三第二步 影响面扩大), as the report that met a relapse's instance
 * counts. Pure.
 */
import { isAbove } from '../vocabulary.js'
import type { Obligation, ObligationRule } from './obligation-types.js'
import type { IncidentContext } from './types.js'

/** The kit's one event that changes an incident's facts after the opening (kit/common.ts). */
const FACTS_EVENT = 'METRICS_UPDATED'

/**
 * `latest` (an instance of `rule`, met) was begun by a watched fact turning true: the rule watches
 * facts, an instance of it came before, and it began at a `METRICS_UPDATED` that raised no grade
 * (a rise begins it as a rise does; the first instance begins at the opening or a condition).
 */
export function begunBySpread(ctx: IncidentContext, rule: ObligationRule, latest: Obligation): boolean {
  if ((rule.again?.factsTurned ?? []).length === 0 || latest.metAt === null) return false
  const began = Date.parse(latest.startedAt)
  const index = ctx.obligations.findIndex((o) => o.id === latest.id)
  if (!ctx.obligations.slice(0, index).some((o) => o.rule === rule.id)) return false
  const at = (iso: string) => Date.parse(iso) === began
  const rose = ctx.severityLog.some((c) => at(c.at) && c.from !== null && isAbove(c.to, c.from))
  return !rose && ctx.acts.some((a) => at(a.at) && a.type === FACTS_EVENT)
}
