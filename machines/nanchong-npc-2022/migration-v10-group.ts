/**
 * Migration 9 → 10, a 续报 to the group version 8 never owes (MigrationSpec `context`).
 *
 * Version 8 (rules/versions-v8.ts): 小组自行定级（升级、降级）的，即已获知该级别，不再向小组续报该级别（规则 6）
 * — a change of grade the group made itself begins no 续报 to it (kit `gradedBy`), once its first
 * report (三(二) 第一时间（10分钟内）) was met or breached. Version 7 began one there. The kit's
 * migration 7 → 8 judged `gradedBy` at the migration alone: where another role raised the grade
 * since (重大 told to the group, the group lowers to 一般 and raises to 较大, the office raises to
 * 重大), the group no longer set the current grade and version 7's 续报 stayed owed — an
 * obligation version 8, walking the same history, never began (over-owed). Version 8 is released,
 * so version 10's migration withdraws it, recording who and why (the record stays). Only one still
 * owed and not breached (a breach on the record stays as it is). Pure.
 */
import { gradedAtGrade } from '../kit/told-at-grade.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import type { Actor } from '../vocabulary.js'

const ms = (iso: string) => Date.parse(iso)
const REASON =
  '迁移至第 10 版时撤回：第 7 版于小组自行定级时所起的续报，第 8 版按同一经过不起（小组自行定级的，即已获知该级别，规则 6）'

/** `old` (version 9) without the 续报 to the group (`rule`) version 7 began at the group's own change of grade. */
export function groupOwnWithdrawn(
  rule: ObligationRule,
  old: IncidentContext,
  migration: { at: string; actor: Actor },
): IncidentContext {
  let changed = false
  const obligations = old.obligations.map((o) => {
    if (!groupsOwn(old, o)) return o
    changed = true
    const withdrawn = { by: migration.actor, reason: REASON, at: migration.at }
    return { ...o, status: 'withdrawn' as const, withdrawn }
  })
  return changed ? { ...old, obligations } : old
  function groupsOwn(ctx: IncidentContext, o: Obligation): boolean {
    if (o.rule !== rule.id || o.status !== 'owed' || o.breachedAt !== null) return false
    const t = ms(o.startedAt)
    const i = ctx.severityLog.findLastIndex((c) => ms(c.at) <= t)
    const c = ctx.severityLog[i]
    // Begun at a change of grade the group made (the grade it set at or above the one then).
    if (c === undefined || c.at !== o.startedAt || c.by.role !== 'group') return false
    const then = { severity: c.to, severityLog: ctx.severityLog.slice(0, i + 1) }
    if (!gradedAtGrade(then, ['group'])) return false
    // Not its first report: an earlier one was met or breached by then (version 8's `first`).
    return ctx.obligations.some(
      (x) =>
        x.rule === rule.id &&
        x !== o &&
        ms(x.startedAt) < t &&
        ((x.metAt !== null && ms(x.metAt) <= t) || (x.breachedAt !== null && ms(x.breachedAt) <= t)),
    )
  }
}
