/**
 * Migration 9 → 10, the context as version 10 reads it (MigrationSpec `context`): what version 9
 * counted met, or never began, that version 10 owes on the same record (rules/version10.ts), owed
 * from the migration as a new instance appended after the others (OBLIGATIONS.md: an instance is
 * never removed or moved; the met instance stays on the record as it is).
 *
 * 1. The report to 上级 (第二條3). Version 9 counted a report to 上级 made below 特别重大 as the
 *    report owed at 特别重大. Where the incident is 特别重大, no report to 上级 is owed, the latest
 *    one was met and no report to 上级 was made at 特别重大 (version 10's rule 6), it is owed again
 *    from the migration (no due time; the text gives none).
 * 2. The report of 重大 to the principal leaders (第二條1). Version 9 took a first grading for no
 *    rise: an incident reported ungraded, then first graded 重大 or 特别重大, owed the principal
 *    leaders nothing. Where the latest report to them was settled before that grading, none was
 *    begun since (a rise's 续报 answers the grade), none is owed and none was made since the
 *    grading, it is owed again, due from the migration by the rule's 30 minutes: no breach is
 *    dated before version 10 owed it here.
 *
 * Each records it in its `policy` (迁移至第 10 版…: who migrated, when, why). Then the kit's
 * rederive by 10's rules (which begins the progress reports to the principal leaders where the
 * incident has subsided or relapsed, met by a report made since). Pure.
 */
import { begin, doneBefore, matchesDischarge } from '../../kit/begin.js'
import { applies } from '../../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { rulesV10 } from './version10.js'

const ms = (iso: string) => Date.parse(iso)
const ruleOf = (id: string) => rulesV10.find((r) => r.id === id) as ObligationRule
const HIGHER = ruleOf('report:higher')
const PRINCIPAL = ruleOf('report:principal')
const GRADED: readonly string[] = PRINCIPAL.again?.firstGrading ?? []
const MINUTE_MS = 60_000

const whoWhen = (actor: Actor, at: string) => `（${actor.name}，${actor.role}，${at}）`

export function contextFromV9(
  old: IncidentContext,
  migration: { at: string; actor: Actor },
): IncidentContext {
  return principalAgain(higherAgain(old, migration), migration)
}

/** 1: the report to 上级, met on version 9 by a report made below 特别重大 (above). */
function higherAgain(ctx: IncidentContext, { at, actor }: { at: string; actor: Actor }): IncidentContext {
  if (!applies(ctx, HIGHER)) return ctx
  const mine = ctx.obligations.filter((o) => o.rule === HIGHER.id)
  if (mine.some((o) => o.status === 'owed')) return ctx
  const latest = mine.findLast((o) => o.status !== 'withdrawn')
  if (latest === undefined || latest.metAt === null || latest.waived !== null) return ctx
  if (doneBefore(ctx, HIGHER) !== undefined) return ctx
  const note =
    `迁移至第 10 版时补起${whoWhen(actor, at)}：第 9 版以特别重大之前向上级所作的报告（${latest.metAt}）` +
    '计作第二條3的上报；第 10 版只计特别重大时的报告，自迁移时起须办'
  return appended(ctx, begin(ctx, HIGHER, at, undefined, { fromEvent: true, repeat: true }), note)
}

/** 2: the report of 重大 to the principal leaders after an ungraded report (above). */
function principalAgain(ctx: IncidentContext, { at, actor }: { at: string; actor: Actor }): IncidentContext {
  const graded = ctx.severityLog.find((c) => c.from === null)
  if (graded === undefined || !GRADED.includes(graded.to) || !applies(ctx, PRINCIPAL)) return ctx
  const mine = ctx.obligations.filter((o) => o.rule === PRINCIPAL.id && o.status !== 'withdrawn')
  if (mine.some((o) => o.status === 'owed' || ms(o.startedAt) >= ms(graded.at))) return ctx
  const latest = mine.at(-1)
  const settledAt = latest?.metAt ?? latest?.waived?.at ?? null
  if (settledAt === null || ms(settledAt) > ms(graded.at)) return ctx
  // Reported since the grading: every act recorded once graded carries a grade.
  if (ctx.acts.some((a) => a.severity !== null && matchesDischarge(PRINCIPAL.discharge, a.type, a.fields)))
    return ctx
  const due = PRINCIPAL.due
  if (due === undefined || due.unit !== 'minutes')
    throw new Error(`${PRINCIPAL.id}: migration-v9 quotes only a due time in minutes`)
  const dueAt = new Date(ms(at) + due.amount * MINUTE_MS).toISOString()
  const quotes = { [`${PRINCIPAL.id}@event`]: { dueAt, certain: true } }
  const note =
    `迁移至第 10 版时补起${whoWhen(actor, at)}：第 9 版不将首次定级（${graded.at}，${graded.to}）视为升级，` +
    `定级前的报告（${settledAt}）未告知级别；第 10 版首次定为重大以上须向主要领导报告该级别（第二條1），自迁移时起计时`
  return appended(ctx, begin(ctx, PRINCIPAL, at, quotes, { fromEvent: true, repeat: true }), note)
}

const appended = (ctx: IncidentContext, o: Obligation, note: string): IncidentContext => ({
  ...ctx,
  obligations: [...ctx.obligations, { ...o, policy: o.policy === null ? note : `${note}；${o.policy}` }],
})
