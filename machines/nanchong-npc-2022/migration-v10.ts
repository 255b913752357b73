/**
 * Migration 9 → 10, the context as version 10 reads it (MigrationSpec `context`). Version 10 has
 * version 9's (version 8's) rules; what differs is a 续报 to the group the migration 7 → 8 withdrew.
 *
 * 三(二) 舆情监控员要第一时间（10分钟内）报告…小组…报送舆情要真实、客观，以保证会商措施更具针对性 —
 * the 续报 after a rise is local policy on it (三(一) 时刻监测舆情发展动向: 级别上升须重新报告小组，自上升
 * 时起 10 分钟). A monitor's (or the office's) rise began it; the group then raised the grade above it
 * itself. Version 8 keeps it owed on that history: a rise never withdraws an owed obligation with
 * a due time (OBLIGATIONS.md rule 4), and a rise while it is owed begins no second (尚未办结时级别再升，
 * 不另起一项), so the one owed carries the later rise; the group that set a grade has not had the
 * monitor's report of the 舆情. The kit's migration 7 → 8 judged version 8's rule (`gradedBy`: no
 * 续报 of a grade the group set) at the migration alone and withdrew it, not yet due. Version 8 is
 * released (its migration replays as written), so version 10 owes it again here, as a new instance
 * (the withdrawal stays on the record), begun at the migration: due as it was while that is still
 * after the migration, else ten minutes from the migration (the rule's span) — the duty was off the
 * record meanwhile, so no breach is dated before it was owed again (as migration-v9.ts decides).
 * Only where version 8, walking the same history, holds it owed now: the first owed instance since
 * its rise (version 8 began no second), begun at a grade the group had not set, with no report to
 * the group since (that report met it), no later instance of the rule, and no lowering since at
 * which version 8's rule no longer held while it was not yet due (rule 5). Pure.
 */
import { begin } from '../kit/begin.js'
import { fieldsMatch, holds } from '../kit/conditions.js'
import { gradedAtGrade } from '../kit/told-at-grade.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import { isAbove } from '../vocabulary.js'
import { spanOf } from './migration-v9.js'

const ms = (iso: string) => Date.parse(iso)
/** What the kit's migration 7 → 8 wrote on what it withdrew (kit/migration.ts `rederive`). */
const BY_7_TO_8 = '预案第 8 版不再要求'
const NOTE = '迁移至第 10 版时恢复：第 7 版迁移至第 8 版时撤回的续报（第 8 版按同一经过仍须办理），非新增事项'

/** `old` (version 9) with the 续报 to the group (`rule`, report:group) 7 → 8 withdrew owed again at `at`. */
export function groupFollowUpKept(rule: ObligationRule, old: IncidentContext, at: string): IncidentContext {
  const span = spanOf(rule.due)
  // One owed and not breached carries it (version 8 asks no second while one is owed).
  const owed = old.obligations.some((o) => o.rule === rule.id && o.status === 'owed' && o.breachedAt === null)
  if (span === undefined || owed) return old
  const gone = old.obligations.find(
    (o) =>
      o.rule === rule.id &&
      o.status === 'withdrawn' &&
      o.withdrawn?.reason.startsWith(BY_7_TO_8) === true &&
      keptOnV8(old, rule, o),
  )
  if (gone?.dueAt == null) return old
  const kept = ms(gone.dueAt) > ms(at)
  const dueAt = kept ? gone.dueAt : new Date(ms(at) + span).toISOString()
  const quotes = { [`${rule.id}@event`]: { dueAt, certain: kept ? gone.certain : true } }
  const o: Obligation = {
    ...begin(old, rule, at, quotes, { fromEvent: true, repeat: true }),
    countsFrom: kept ? (gone.countsFrom ?? gone.startedAt) : at,
    policy: rule.policy === null ? NOTE : `${NOTE}；${rule.policy}`,
  }
  return { ...old, obligations: [...old.obligations, o] }
}

/**
 * The incident as it stood at `t`: its grade, changes of grade and acts up to then, and its
 * obligations as they were (none begun later; a settlement or a breach after `t` not yet there).
 */
function asAt(ctx: IncidentContext, t: number): IncidentContext {
  const severityLog = ctx.severityLog.filter((c) => ms(c.at) <= t)
  const severity = severityLog.at(-1)?.to ?? null
  const obligations = ctx.obligations.filter((o) => ms(o.startedAt) <= t).map((o) => obligationAt(o, t))
  return { ...ctx, severity, severityLog, obligations, acts: ctx.acts.filter((a) => ms(a.at) <= t) }
}

/** `o` as it stood at `t`: owed until it was settled, not breached before its breach. */
function obligationAt(o: Obligation, t: number): Obligation {
  const after = (iso: string | null | undefined) => iso != null && ms(iso) > t
  const breachedAt = after(o.breachedAt) ? null : o.breachedAt
  const settledLater = after(o.metAt) || after(o.waived?.at) || after(o.withdrawn?.at)
  if (!settledLater) return breachedAt === o.breachedAt ? o : { ...o, breachedAt }
  return { ...o, status: 'owed', metAt: null, waived: null, withdrawn: null, decision: null, breachedAt }
}

/** Whether version 8, walking the same history, holds `o` (withdrawn by 7 → 8) owed now. */
function keptOnV8(ctx: IncidentContext, rule: ObligationRule, o: Obligation): boolean {
  if (o.dueAt === null) return false
  const began = ms(o.startedAt)
  // Begun at a grade the group had not set (version 8 owes no 续报 of one it set).
  if (gradedAtGrade(asAt(ctx, began), ['group'])) return false
  // The others version 8 would have begun too: not version 7's 续报 of a grade the group set.
  const others = ctx.obligations.filter(
    (x) => x.rule === rule.id && x !== o && !gradedAtGrade(asAt(ctx, ms(x.startedAt)), ['group']),
  )
  // Version 8 begins no second while one is owed and not breached (whileOwed: false, afterBreach).
  const owedThen = (x: Obligation) => owedAt(x, began) && !loweredAway(ctx, rule, x, began)
  if (others.some((x) => ms(x.startedAt) <= began && owedThen(x))) return false
  // One begun since that the incident still carries, or that was met, waived or breached, stands
  // in its place: begun once it was due, version 8 would have begun it too (afterBreach); begun
  // while it was owed (on version 9, after 7 → 8 withdrew it), it carries the same duty — the
  // group's waiver of it or its breach settles the duty as version 8's one instance would.
  if (others.some((x) => ms(x.startedAt) > began && x.status !== 'withdrawn')) return false
  // A report to the group since met it (one report meets every 续报 owed to its recipient); a
  // lowering since at which version 8's rule no longer held withdrew it (rule 5).
  const told = ctx.acts.some(
    (a) =>
      a.type === rule.discharge.type && ms(a.at) >= began && fieldsMatch(rule.discharge.fields, a.fields),
  )
  if (told) return false
  return !loweredAway(ctx, rule, o, Number.POSITIVE_INFINITY)
}

/**
 * Version 8 withdrew `o` at a lowering after it began and up to `until`: its rule no longer held
 * there (rule 5), and it was not yet due (`lowerAtDue`: at the due instant too).
 */
function loweredAway(ctx: IncidentContext, rule: ObligationRule, o: Obligation, until: number): boolean {
  const began = ms(o.startedAt)
  const due = o.dueAt === null ? Number.POSITIVE_INFINITY : ms(o.dueAt)
  return ctx.severityLog.some((c) => {
    const t = ms(c.at)
    const lowering = c.from !== null && c.from !== c.to && isAbove(c.from, c.to)
    return t > began && t <= until && lowering && due >= t && !holdsAt(ctx, rule, t)
  })
}

const holdsAt = (ctx: IncidentContext, rule: ObligationRule, t: number) =>
  rule.when === undefined || holds(asAt(ctx, t), rule.when)

/** Owed at instant `t` (begun, not yet settled) and not breached by then. */
function owedAt(x: Obligation, t: number): boolean {
  const settled = x.metAt ?? x.waived?.at ?? x.withdrawn?.at ?? null
  return (settled === null || ms(settled) > t) && (x.breachedAt === null || ms(x.breachedAt) > t)
}
