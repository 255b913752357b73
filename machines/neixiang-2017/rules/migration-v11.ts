/**
 * Migration 11 → 12, the context as version 12 reads it (MigrationSpec `context`): what version 11
 * never began and version 12 owes on the same record (rules/version12.ts), appended after the
 * others as a new instance owed from the migration (OBLIGATIONS.md: nothing is removed or moved).
 *
 * 1. The 续报 to the group (第四條). Version 11 owed the group one report. Where the grade was last
 *    raised (or first graded 重大 or 特別重大) by someone other than the group, version 12 owes the
 *    group a report of it: where its rule applies (the group did not set the grade and was not told
 *    of it), no report to the group is owed and none reached it at this grade or a higher one, it is
 *    owed, due from the migration by the rule's 30 minutes (no breach is dated before version 12
 *    owed it).
 * 2. Whether to rebut (第六條、第七條4). Version 11 asked it once. Where the incident relapsed after
 *    the latest asking was answered (or waived), version 12 asks it again: owed from the migration.
 *
 * Each records it in its `policy` (迁移至第 12 版时补起…: who migrated, when, why). The new
 * decision of 第七條2 (`decision:illegal`) is begun by the kit's rederive where the response has
 * started (one asking, about the content as it stands at the migration). Pure.
 */
import { begin } from '../../kit/begin.js'
import { applies, holds } from '../../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../../kit/types.js'
import { type Actor, isAbove } from '../../vocabulary.js'
import { GRADES } from './grading.js'
import { rulesV12 } from './version12.js'

const ms = (iso: string) => Date.parse(iso)
const ruleOf = (id: string) => rulesV12.find((r) => r.id === id) as ObligationRule
const GROUP = ruleOf('report:group')
const REBUT = ruleOf('decision:rebut')
const GRADED: readonly string[] = GROUP.again?.firstGrading ?? []
const MINUTE_MS = 60_000

type Migration = { at: string; actor: Actor }
/** A grade by the plan's own name (the note is read by people). */
const gradeLabel = (code: string) => GRADES.find((g) => g.code === code)?.label ?? code
const whoWhen = (actor: Actor, at: string) => `（${actor.name}，${actor.role}，${at}）`

export function contextFromV11(old: IncidentContext, migration: Migration): IncidentContext {
  return rebutAgain(groupAgain(old, migration), migration)
}

/** The latest instance of `rule` on the record, withdrawn ones aside. */
const latestOf = (ctx: IncidentContext, rule: string): Obligation | undefined =>
  ctx.obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')

/** 1: the 续报 to the group after a rise (or a first grading to 重大+) not the group's (above). */
function groupAgain(ctx: IncidentContext, { at, actor }: Migration): IncidentContext {
  const change = ctx.severityLog.findLast((c) =>
    c.from === null ? GRADED.includes(c.to) : c.from !== c.to && isAbove(c.to, c.from),
  )
  if (change === undefined || !applies(ctx, GROUP)) return ctx
  const latest = latestOf(ctx, GROUP.id)
  if (latest === undefined || latest.status === 'owed' || ms(latest.startedAt) >= ms(change.at)) return ctx
  if (holds(ctx, { actAtGrade: 'REPORT', fields: { to: ['group'] } })) return ctx
  const due = GROUP.due
  if (due === undefined || due.unit !== 'minutes')
    throw new Error(`${GROUP.id}: migration-v11 quotes only a due time in minutes`)
  const dueAt = new Date(ms(at) + due.amount * MINUTE_MS).toISOString()
  const quotes = { [`${GROUP.id}@event`]: { dueAt, certain: true } }
  const note =
    `迁移至第 12 版时补起${whoWhen(actor, at)}：第 11 版不向领导小组续报（${change.at}，${change.by.role} 定为${gradeLabel(change.to)}）；` +
    '第 12 版非领导小组自行定级的，须向领导小组报告该级别（第四條），自迁移时起计时'
  return appended(ctx, begin(ctx, GROUP, at, quotes, { fromEvent: true, repeat: true }), note)
}

/** 2: whether to rebut, asked again after a relapse that followed its latest answer (above). */
function rebutAgain(ctx: IncidentContext, { at, actor }: Migration): IncidentContext {
  if (!applies(ctx, REBUT)) return ctx
  const latest = latestOf(ctx, REBUT.id)
  if (latest === undefined || latest.status === 'owed') return ctx
  // The act that answered (or waived) it, and a relapse accepted after it (at the same instant too).
  const answered = ctx.acts.findLastIndex(
    (a) =>
      (a.type === 'DECIDE' && a.fields.decision === REBUT.id) ||
      (a.type === 'WAIVE' && a.fields.obligation === latest.id),
  )
  const relapsed = ctx.acts.findLastIndex((a) => a.type === 'RELAPSE')
  const relapse = ctx.acts[relapsed]
  if (answered < 0 || relapsed < answered || relapse === undefined) return ctx
  const note =
    `迁移至第 12 版时补起${whoWhen(actor, at)}：第 11 版只决定一次是否反驳；第 12 版舆情反复（${relapse.at}）` +
    '后须再次决定（第六條、第七條4），自迁移时起须决定'
  return appended(ctx, begin(ctx, REBUT, at, undefined, { fromEvent: true, repeat: true }), note)
}

const appended = (ctx: IncidentContext, o: Obligation, note: string): IncidentContext => ({
  ...ctx,
  obligations: [...ctx.obligations, { ...o, policy: o.policy === null ? note : `${note}；${o.policy}` }],
})
