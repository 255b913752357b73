/**
 * The context of a version 9 incident as version 10 reads it (`migratesFrom: { from: 9 }`), where
 * version 10's kit option would have begun something differently (machine.ts `OPTIONS_V10`,
 * `raiseTold: 'sinceFinding'`):
 * - 三第二步: a 续报 to the group a rise began, still owed and not breached, is met at the report
 *   that met a spread's report (a watched fact turning true) within 30 minutes before the rise —
 *   the spread reported before the grade was raised for it, as version 10 judges it at the rise.
 *   Not when the monitoring updated its figures since the rise: a spread recorded then, which that
 *   owed report answers on version 9, would be left unanswered (the journal keeps no facts per
 *   update, so no spread since is certain): it stays owed, and one report meets it. A breached one
 *   stays (rule 1). Pure.
 */
import { discharged } from '../../kit/begin.js'
import { stepSinceSettled } from '../../kit/raise-told.js'
import type { IncidentContext, Obligation } from '../../kit/types.js'
import { isAbove } from '../../vocabulary.js'
import { obligationsV9 } from './version9.js'

const GROUP_REPORT = 'report:group'
const ms = (iso: string) => Date.parse(iso)

export function contextFromV9(old: IncidentContext): IncidentContext {
  const obligations = old.obligations.map((o) => (o.rule === GROUP_REPORT ? spreadReported(old, o) : o))
  return obligations.some((o, i) => o !== old.obligations[i]) ? { ...old, obligations } : old
}

/** `o`, met at the report of a spread version 10 counts for the rise that began it (owed, not breached). */
function spreadReported(ctx: IncidentContext, o: Obligation): Obligation {
  if (o.status !== 'owed' || o.breachedAt !== null) return o
  const began = ms(o.startedAt)
  const rose = ctx.severityLog.some((c) => ms(c.at) === began && c.from !== null && isAbove(c.to, c.from))
  const since = ctx.acts.some((a) => ms(a.at) >= began && a.type === 'METRICS_UPDATED')
  if (!rose || since) return o
  const rule = obligationsV9.find((r) => r.id === o.rule)
  if (rule === undefined) return o
  // As version 10 judges it at the rise: the obligations before it, the report within 30 minutes.
  const before = { ...ctx, obligations: ctx.obligations.slice(0, ctx.obligations.indexOf(o)) }
  const report = stepSinceSettled(before, { ...rule, discharge: o.discharge }, o.startedAt, true)
  return report === undefined ? o : discharged(o, report.at)
}
