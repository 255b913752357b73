/**
 * The context of a version 10 incident as version 11 reads it (`migratesFrom: { from: 10 }`), where
 * version 11's rule for the report to the group (rules/version11.ts `GROUP_REPORT_OWED_V11`) would
 * have withdrawn something at a lowering already on the record:
 * - 三第二步 with OBLIGATIONS.md rule 5: a report to the group owed on version 10 (a rise's 续报),
 *   not breached, that version 11 would have withdrawn at a recorded lowering — not yet due at that
 *   lowering, the group then told of the grade lowered to or a higher one, no relapse or spread of
 *   its own unreported — is withdrawn by the migration when it is still not due at the migration:
 *   withdrawn by whoever migrates, now, its reason naming that lowering (who, when, why). One whose
 *   due time has passed stays owed (it breaches as on version 10: rule 1, a migration is no
 *   lowering); one breached stays.
 * Each lowering is read against the record as it stood then (the acts, the grade and the
 * obligations as of that instant, with what this migration withdrew at an earlier one). Nothing is
 * removed or reordered. Pure.
 */
import { holds } from '../../kit/conditions.js'
import type { IncidentContext, Obligation } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { isAbove } from '../../vocabulary.js'
import { GRADES } from './grading.js'
import { GROUP_REPORT_OWED_V11 } from './version11.js'

const GROUP_REPORT = 'report:group'
const ms = (iso: string) => Date.parse(iso)

export function contextFromV10(
  old: IncidentContext,
  migration: { at: string; actor: Actor },
): IncidentContext {
  let obligations = old.obligations
  for (const o of old.obligations) {
    if (o.rule !== GROUP_REPORT || o.status !== 'owed' || o.breachedAt !== null) continue
    if (o.dueAt !== null && ms(o.dueAt) <= ms(migration.at)) continue
    const lowering = withdrawingLowering({ ...old, obligations }, o)
    if (lowering === undefined) continue
    const withdrawn = { by: migration.actor, reason: reasonOf(lowering), at: migration.at }
    obligations = obligations.map((x) =>
      x.id === o.id ? { ...x, status: 'withdrawn' as const, withdrawn } : x,
    )
  }
  return obligations === old.obligations ? old : { ...old, obligations }
}

type Change = IncidentContext['severityLog'][number]

/** The first lowering after `o` began at which version 11 no longer owed it, not yet due then. */
function withdrawingLowering(ctx: IncidentContext, o: Obligation): Change | undefined {
  const began = ms(o.startedAt)
  return ctx.severityLog.find((c, i) => {
    const at = ms(c.at)
    if (at < began || c.from === null || c.to === null || !isAbove(c.from, c.to)) return false
    if (o.dueAt !== null && ms(o.dueAt) < at) return false
    return !holds(asOf(ctx, i), GROUP_REPORT_OWED_V11)
  })
}

/** The incident right after its `i`-th change of grade: the acts, grade and obligations as of then. */
function asOf(ctx: IncidentContext, i: number): IncidentContext {
  const change = ctx.severityLog[i] as Change
  const t = ms(change.at)
  const later = (iso: string | null | undefined) => iso != null && ms(iso) > t
  const obligations = ctx.obligations
    .filter((x) => ms(x.startedAt) <= t)
    .map((x): Obligation => {
      const settledLater =
        (x.status === 'met' || x.status === 'late') && later(x.metAt)
          ? true
          : x.status === 'waived'
            ? later(x.waived?.at)
            : x.status === 'withdrawn' && later(x.withdrawn?.at)
      const open = settledLater
        ? { ...x, status: 'owed' as const, metAt: null, waived: null, withdrawn: null }
        : x
      return later(open.breachedAt) ? { ...open, breachedAt: null } : open
    })
  return {
    ...ctx,
    acts: ctx.acts.filter((a) => ms(a.at) <= t),
    severity: change.to,
    severityLog: ctx.severityLog.slice(0, i + 1),
    obligations,
  }
}

const gradeLabel = (code: string | null) => GRADES.find((g) => g.code === code)?.label ?? code ?? ''

const reasonOf = (c: Change) =>
  `第 11 版：${c.at} ${c.by.name}（${c.by.role}）降为${gradeLabel(c.to)}（${c.reason ?? '未说明理由'}）时，领导小组已获知该级别或更高级别，升级后的续报不再需要（三第二步；OBLIGATIONS.md 第5条），迁移时尚未到期，撤回`
