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
 *   stays (rule 1).
 * - Each rise is judged against the earlier ones as version 10 would have recorded them: an earlier
 *   rise's 续报 met on 9 by a later report (or waived, or withdrawn by a lowering) counts as met at
 *   the spread's report version 10 would have met it at, so that a later rise's report made after
 *   that one counts as on 10. The stored record of the earlier one is kept as it was (its metAt,
 *   its waiver), only the owed one changes. Pure.
 */
import { discharged } from '../../kit/begin.js'
import { stepSinceSettled } from '../../kit/raise-told.js'
import type { IncidentContext, Obligation } from '../../kit/types.js'
import { isAbove } from '../../vocabulary.js'
import { obligationsV9 } from './version9.js'

const GROUP_REPORT = 'report:group'
const ms = (iso: string) => Date.parse(iso)

export function contextFromV9(old: IncidentContext): IncidentContext {
  // The obligations so far as version 10 would have recorded them (for judging the later rises).
  const judged: Obligation[] = []
  const obligations = old.obligations.map((o) => {
    const at = o.rule === GROUP_REPORT ? reportV10Counts(old, judged, o) : undefined
    judged.push(at === undefined ? o : { ...o, status: 'met', metAt: at, waived: null, withdrawn: null })
    return at !== undefined && o.status === 'owed' ? discharged(o, at) : o
  })
  return obligations.some((o, i) => o !== old.obligations[i]) ? { ...old, obligations } : old
}

/**
 * When version 10 would have met `o` at the rise that began it (the report of the spread it counts),
 * given the instances before it as 10 would have recorded them (`before`): undefined when no rise
 * began it, once breached, when the monitoring updated since the rise, or when 10 counts no report.
 */
function reportV10Counts(
  ctx: IncidentContext,
  before: readonly Obligation[],
  o: Obligation,
): string | undefined {
  if (o.breachedAt !== null) return undefined
  const began = ms(o.startedAt)
  const rose = ctx.severityLog.some((c) => ms(c.at) === began && c.from !== null && isAbove(c.to, c.from))
  const since = ctx.acts.some((a) => ms(a.at) >= began && a.type === 'METRICS_UPDATED')
  if (!rose || since) return undefined
  const rule = obligationsV9.find((r) => r.id === o.rule)
  if (rule === undefined) return undefined
  // As version 10 judges it at the rise: the obligations before it, the report within 30 minutes.
  const report = stepSinceSettled(
    { ...ctx, obligations: [...before] },
    { ...rule, discharge: o.discharge },
    o.startedAt,
    true,
  )
  return report?.at
}
