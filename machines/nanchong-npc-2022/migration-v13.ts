/**
 * Migration 12 → 13, the context as version 13 reads it (MigrationSpec `context`). It appends, owed
 * from the migration with a note saying why (its `policy`, first), and changes who owes what is
 * still owed where version 13 names another body; nothing of the record is removed, reordered or
 * settled.
 *
 * - The decisions version 13 asks that version 12 never did, where version 13 would ask them now:
 *   二(三)6's 相关部门 once the handling ended (subsided), 三(四)4's 捏造 for a 谣言, 三(四)3's press
 *   conference at 特别重大 after a no (or a waiver) at 重大. A decision has no due time: none is late.
 * - 三(四)1 由纪检监察组或机关纪委调查核实: a tip-off's investigation still owed is owed by them (version 12
 *   owed it the unit); one met, waived or withdrawn keeps who owed it then.
 * - The 立即/第一时间 due times (rules/versions-v13.ts `IMMEDIATE_POLICY`) apply to instances begun on
 *   version 13: one owed since version 12 keeps its due time (none) — a due time is set when its
 *   obligation begins and never afterwards (OBLIGATIONS.md rule 9).
 *
 * The kit's migration (kit/migration.ts `rederive`) would begin the decisions too, without a word;
 * begun here, they say so. Pure.
 */
import { begin } from '../kit/begin.js'
import { admits, holds } from '../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import type { Actor } from '../vocabulary.js'

const NOTES: Record<string, string> = {
  'decide:departments': '迁移至第 13 版时起：第 12 版未要求决定向哪些相关部门报告处置工作情况（二(三)6）',
  'decide:police': '迁移至第 13 版时起：第 12 版未要求认定谣言是否属捏造、歪曲或夸大事实（三(四)4）',
  'decide:pressConference:critical':
    '迁移至第 13 版时起：第 12 版在重大时决定不召开（或已免除）后，升为特别重大时未再决定（三(四)3）',
}

/** `old` (version 12) with what version 13 owes besides, appended at `m.at`, and its investigation's owers. */
export function contextFromV12(
  rules: readonly ObligationRule[],
  old: IncidentContext,
  m: { at: string; actor: Actor },
): IncidentContext {
  if (old.closedAt !== null) return old
  const investigate = rules.find((r) => r.id === 'offline:investigate')?.owedBy
  let ctx: IncidentContext = {
    ...old,
    obligations: old.obligations.map((o) =>
      o.rule === 'offline:investigate' && o.status === 'owed' && investigate
        ? { ...o, owedBy: [...investigate] }
        : o,
    ),
  }
  for (const [id, note] of Object.entries(NOTES)) {
    const rule = rules.find((r) => r.id === id)
    if (rule === undefined || !admits(rule, ctx.severity, ctx.category)) continue
    if (rule.when !== undefined && !holds(ctx, rule.when)) continue
    if (ctx.obligations.some((o) => o.rule === id)) continue
    const begun = begin(ctx, rule, m.at, {}, { fromEvent: true, repeat: false })
    const o: Obligation = { ...begun, policy: rule.policy === null ? note : `${note}；${rule.policy}` }
    ctx = { ...ctx, obligations: [...ctx.obligations, o] }
  }
  return ctx
}
