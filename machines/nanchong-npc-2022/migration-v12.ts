/**
 * Migration 11 → 12, the context as version 12 reads it (MigrationSpec `context`). It only
 * appends, owed from the migration with a note saying why (its `policy`, first); nothing of the
 * record is removed, reordered or settled.
 *
 * 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况: an open incident at 较大 or above that has subsided
 * (the handling ended, 三(六) 应急处置结束后; also one relapsed since, whose report version 12 would
 * still owe) and has no instance of `report:handling` owes it from the migration, due 24 hours
 * from the migration (the rule's span) — as anything newly required is: the duty was not on the
 * record of version 11, so no time ran before it was owed and it never begins breached. A report
 * of the handling given since the latest subsiding would meet it at once (rule 6); version 11's
 * REPORT carries no `subject`, so none is on the record.
 *
 * The kit's migration (kit/migration.ts `rederive`) would begin it too, without a word; begun
 * here, it says so. Pure.
 */
import { begin } from '../kit/begin.js'
import { admits, holds } from '../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import type { Actor } from '../vocabulary.js'
import { spanOf } from './migration-v9.js'

const NOTE = '迁移至第 12 版时起：第 11 版未要求向市网信办报告处置工作情况（二(三)6），自迁移时起算'

/** `old` (version 11) with the report of the handling work version 12 owes, appended at `m.at`. */
export function contextFromV11(
  rules: readonly ObligationRule[],
  old: IncidentContext,
  m: { at: string; actor: Actor },
): IncidentContext {
  const rule = rules.find((r) => r.id === 'report:handling')
  const span = spanOf(rule?.due)
  if (rule === undefined || span === undefined || old.closedAt !== null) return old
  if (!admits(rule, old.severity, old.category)) return old
  if (rule.when !== undefined && !holds(old, rule.when)) return old
  if (old.obligations.some((o) => o.rule === rule.id)) return old
  const quotes = {
    [`${rule.id}@event`]: { dueAt: new Date(Date.parse(m.at) + span).toISOString(), certain: true },
  }
  const begun = begin(old, rule, m.at, quotes, { fromEvent: true, repeat: false })
  const o: Obligation = { ...begun, policy: rule.policy === null ? NOTE : `${NOTE}；${rule.policy}` }
  return { ...old, obligations: [...old.obligations, o] }
}
