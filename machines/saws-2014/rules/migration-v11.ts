/**
 * Migration 11 → 12, the context as version 12 reads it (MigrationSpec `context`): what version 12
 * owes on the same record that version 11 did not, owed from the migration as a new instance appended
 * after the others (OBLIGATIONS.md: an instance is never removed or moved; the met or waived one stays
 * on the record as it is).
 *
 * The lower grade's report after a relapse (五(二) 舆情发酵; rules/version12.ts). Version 11 began no
 * report at a lowering when the grade lowered to already had an instance, so one settled before the
 * relapse (reported at the opening, say) stood for the relapse. Version 12 begins it again. Detected as
 * version 12 would have begun it: the latest change of grade is a lowering made since the latest
 * relapse; the report of the incident's grade has an instance, none owed, the latest not withdrawn
 * settled (met, late or waived) at or before the relapse; version 12's rule applies (not after a
 * waiver of the relapse's report at a higher grade: rules/version12.ts); and no report to 人事司 has
 * been made since the relapse at that grade or a higher one (rule 6: version 12 would have begun it
 * met, and owes nothing). It is owed from the migration, due by the rule's span (24 小时、2 小时), so no
 * breach is dated before version 12 owed it; its `policy` says 迁移至第 12 版时补起, who, when and why.
 *
 * What version 11 owed that version 12 does not (the lower grade's report after a waived relapse
 * report, rules/version12.ts) is the kit's rederive's: withdrawn when not yet due, with its reason
 * (预案第 12 版不再要求…); a breached one stays owed (rule 1). Then the kit's rederive by 12's rules. Pure.
 */
import { begin, doneBefore } from '../../kit/begin.js'
import { applies } from '../../kit/conditions.js'
import type { IncidentContext, ObligationRule } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { isAbove } from '../../vocabulary.js'
import { obligationRulesV12 } from './version12.js'

const ms = (iso: string) => Date.parse(iso)
/** The reports version 12 begins again at a lowering (一般, 较大). */
const LOWERED: readonly ObligationRule[] = obligationRulesV12.filter((r) => r.again?.lowered !== undefined)
const SPAN_MS: Readonly<Record<string, number>> = { minutes: 60_000, hours: 3_600_000 }

export function contextFromV11(
  ctx: IncidentContext,
  { at, actor }: { at: string; actor: Actor },
): IncidentContext {
  const relapse = ctx.acts.findLast((a) => a.type === 'RELAPSE')
  const rule = LOWERED.find((r) => ctx.severity !== null && r.severities?.includes(ctx.severity) === true)
  if (relapse === undefined || rule === undefined || !applies(ctx, rule)) return ctx
  const change = ctx.severityLog.findLast((c) => c.from !== null && c.from !== c.to)
  if (change?.from == null || !isAbove(change.from, change.to) || ms(change.at) < ms(relapse.at)) return ctx
  const mine = ctx.obligations.filter((o) => o.rule === rule.id && o.status !== 'withdrawn')
  const latest = mine.at(-1)
  if (latest === undefined || latest.status === 'owed') return ctx
  const settledAt = latest.metAt ?? latest.waived?.at
  if (settledAt == null || ms(settledAt) > ms(relapse.at) || doneBefore(ctx, rule) !== undefined) return ctx
  if (rule.due === undefined) return ctx
  // The reports' spans are clock time: a unit the calendar would quote is refused, never skipped.
  const unit = SPAN_MS[rule.due.unit]
  if (unit === undefined)
    throw new Error(`${rule.id}: migration-v11 quotes only minutes and hours, not ${rule.due.unit}`)
  const dueAt = new Date(ms(at) + rule.due.amount * unit).toISOString()
  const o = begin(
    ctx,
    rule,
    at,
    { [`${rule.id}@event`]: { dueAt, certain: true } },
    { fromEvent: true, repeat: true },
  )
  const note =
    `迁移至第 12 版时补起（${actor.name}，${actor.role}，${at}）：第 11 版于舆情反复（${relapse.at}）后降级` +
    `（${change.at}）时，以反复前已办结的本级报告（${latest.id}，${settledAt}）计作已报，反复未报人事司(宣教办)；` +
    '第 12 版降级时再次要求（五(二)），自迁移时起计时'
  const policy = o.policy === null ? note : `${note}；${o.policy}`
  return { ...ctx, obligations: [...ctx.obligations, { ...o, policy }] }
}
