/**
 * Migration 10 → 11, the context as version 11 reads it (MigrationSpec `context`): what version 10
 * withdrew, or counted met, that version 11 owes on the same record (rules/version11.ts), owed again
 * from the migration as a new instance appended after the others (OBLIGATIONS.md: an instance is
 * never removed or moved; the withdrawal or the met instance stays on the record as it is).
 *
 * 1. The relapse's report (五(二) 舆情发酵). On version 10 a lowering after a relapse withdrew the
 *    relapse's report not yet made and began the lower grade's report met by a report made before the
 *    relapse. Version 11 counts no report from before the latest relapse: when the latest instance of
 *    the report of the incident's grade was begun at a lowering since the latest relapse, met by a
 *    report made before it, and no report to 人事司 at that grade or a higher one has been made since
 *    the relapse (version 11's rule 6), the report is owed again, due from the migration by the rule's
 *    span (24 小时、2 小时、30 分钟): no breach is dated before version 11 owed it here.
 * 2. The referral to the police (四(四)、五(五)2). Version 10 withdrew an owed referral at a change to a
 *    category other than rumor and malicious (涉事原因变更); version 11 keeps it owed once decided yes.
 *    When the latest instance was so withdrawn and version 11's rule holds (subsided, decided yes) with
 *    no referral made since, it is owed again from the migration (no due time; the text gives none).
 *
 * Each records it in its `policy` (迁移至第 11 版…: who migrated, when, why). Then the kit's rederive by
 * 11's rules. Pure.
 */
import { begin, doneBefore } from '../../kit/begin.js'
import { applies } from '../../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { isAbove } from '../../vocabulary.js'
import { R } from './ids.js'
import { obligationRulesV11 } from './version11.js'

const ms = (iso: string) => Date.parse(iso)
const ruleOf = (id: string) => obligationRulesV11.find((r) => r.id === id) as ObligationRule
const REPORTS = [R.reportGeneral, R.reportLarge, R.reportMajor].map(ruleOf)
const REFER = ruleOf(R.refer)
const CATEGORISING = new Set(['SET_CATEGORY', 'PROPOSE'])
const SPAN_MS: Readonly<Record<string, number>> = { minutes: 60_000, hours: 3_600_000 }

const whoWhen = (actor: Actor, at: string) => `（${actor.name}，${actor.role}，${at}）`

export function contextFromV10(
  old: IncidentContext,
  migration: { at: string; actor: Actor },
): IncidentContext {
  return referAgain(reportAgain(old, migration), migration)
}

/** 1: the report of the incident's grade, after a lowering since the latest relapse (above). */
function reportAgain(ctx: IncidentContext, { at, actor }: { at: string; actor: Actor }): IncidentContext {
  const relapse = ctx.acts.findLast((a) => a.type === 'RELAPSE')
  const rule = REPORTS.find((r) => ctx.severity !== null && r.severities?.includes(ctx.severity) === true)
  if (relapse === undefined || rule === undefined || !applies(ctx, rule)) return ctx
  const mine = ctx.obligations.filter((o) => o.rule === rule.id)
  if (mine.some((o) => o.status === 'owed')) return ctx
  const latest = mine.at(-1)
  if (latest === undefined || latest.status !== 'met' || latest.metAt === null) return ctx
  const since = ms(relapse.at)
  if (ms(latest.startedAt) < since || ms(latest.metAt) >= since) return ctx
  if (!loweredAt(ctx, latest.startedAt) || doneBefore(ctx, rule) !== undefined) return ctx
  if (rule.due === undefined) return ctx
  // The three reports' spans are clock time (24 h, 2 h, 30 min): a unit the calendar would quote
  // (working days or hours) is not one this migration may compute, and must not be skipped silently.
  const unit = SPAN_MS[rule.due.unit]
  if (unit === undefined)
    throw new Error(`${rule.id}: migration-v10 quotes only minutes and hours, not ${rule.due.unit}`)
  const span = rule.due.amount * unit
  const quotes = { [`${rule.id}@event`]: { dueAt: new Date(ms(at) + span).toISOString(), certain: true } }
  const note =
    `迁移至第 11 版时补起${whoWhen(actor, at)}：第 10 版于舆情反复（${relapse.at}）后降级时，以反复前的报告` +
    `（${latest.metAt}）计作本级报告，反复未报人事司(宣教办)；第 11 版只计反复后的报告（五(二)），自迁移时起计时`
  return appended(ctx, begin(ctx, rule, at, quotes, { fromEvent: true, repeat: true }), note)
}

/** 2: the referral a category change withdrew on version 10 (above). */
function referAgain(ctx: IncidentContext, { at, actor }: { at: string; actor: Actor }): IncidentContext {
  const latest = ctx.obligations.findLast((o) => o.rule === REFER.id)
  const gone = latest?.status === 'withdrawn' ? latest.withdrawn : null
  // Withdrawn by a change of category (the event's reason, or the kit's 涉事原因变更).
  if (gone == null || !ctx.acts.some((a) => a.at === gone.at && CATEGORISING.has(a.type))) return ctx
  if (!applies(ctx, REFER) || doneBefore(ctx, REFER) !== undefined) return ctx
  const note =
    `迁移至第 11 版时恢复${whoWhen(actor, at)}：第 10 版于涉事原因变更时（${gone.at}）撤回了已决定的` +
    '报请；第 11 版已决定报请的，不因类别变更而撤回（四(四)、五(五)2 不限类别）'
  return appended(ctx, begin(ctx, REFER, at, undefined, { fromEvent: true, repeat: true }), note)
}

const appended = (ctx: IncidentContext, o: Obligation, note: string): IncidentContext => ({
  ...ctx,
  obligations: [...ctx.obligations, { ...o, policy: o.policy === null ? note : `${note}；${o.policy}` }],
})

/** Whether the grade was lowered at instant `at` (a change of grade then, to a lower one). */
const loweredAt = (ctx: IncidentContext, at: string): boolean =>
  ctx.severityLog.some((c) => c.at === at && c.from !== null && c.from !== c.to && isAbove(c.from, c.to))
