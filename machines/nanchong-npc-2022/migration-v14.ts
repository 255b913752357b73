/**
 * Migration 13 → 14, the context as version 14 reads it (MigrationSpec `context`). It only appends,
 * owed from the migration with a note saying why (its `policy`, first); nothing of the record is
 * removed, reordered or settled.
 *
 * - 二(三)6: the decisions on 四(一)'s 市委宣传部 and 市公安部门, where version 14 would ask them now (the
 *   handling ended: subsided). Version 13 asked one question for every 相关部门 and its yes named them
 *   in its reason; a report version 13 sent to 相关部门 named no department, so it meets none of them.
 *   A decision has no due time. Version 13's `decide:departments` and `report:departments` stay as they
 *   are (version 14 reads them as 其他有关部门's).
 * - 三(四)4 对咨询类的，应及时回复: an open 咨询 owes the reply's due time from the migration (24 hours), met
 *   at once by a reply already given (rule 6).
 * - The 及时/尽快/迅速 due times (rules/versions-v14.ts `PROMPT_POLICY`) apply to instances begun on version
 *   14: one owed since version 13 keeps its due time (none) — a due time is set when its obligation
 *   begins and never afterwards (OBLIGATIONS.md rule 9).
 * - 三(四)3: the kit's migration withdraws, on the record, a decision on the press conference (or a
 *   conference decided yes, not yet held) that no ground of version 14 holds for (重大, no 重大突发事件
 *   stated): as a lowering would (rule 5); stated afterwards (METRICS_UPDATED), it is owed again.
 *
 * The kit's migration (kit/migration.ts `rederive`) would begin the decisions and the reply too, without
 * a word; begun here, they say so. Pure.
 */
import { begin } from '../kit/begin.js'
import { admits, holds } from '../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule, Quotes } from '../kit/types.js'
import type { Actor } from '../vocabulary.js'
import { spanOf } from './migration-v9.js'

const DEPARTMENT =
  '迁移至第 14 版时起：第 13 版只就相关部门作一项决定（理由中列明），第 14 版就四(一)所列各部门分别决定（二(三)6）'
const NOTES: Record<string, string> = {
  'decide:departments:propaganda': DEPARTMENT,
  'decide:departments:police': DEPARTMENT,
  'offline:inquiry': '迁移至第 14 版时起：第 13 版未给咨询类回复时限（三(四)4 应及时回复），自迁移时起算',
}

/** `old` (version 13) with what version 14 owes besides, appended at `m.at`. */
export function contextFromV13(
  rules: readonly ObligationRule[],
  old: IncidentContext,
  m: { at: string; actor: Actor },
): IncidentContext {
  if (old.closedAt !== null) return old
  let ctx = old
  for (const [id, note] of Object.entries(NOTES)) {
    const rule = rules.find((r) => r.id === id)
    if (rule === undefined || !admits(rule, ctx.severity, ctx.category)) continue
    if (rule.when !== undefined && !holds(ctx, rule.when)) continue
    if (ctx.obligations.some((o) => o.rule === id)) continue
    const span = spanOf(rule.due)
    const quotes: Quotes =
      span === undefined
        ? {}
        : { [`${id}@event`]: { dueAt: new Date(Date.parse(m.at) + span).toISOString(), certain: true } }
    const begun = begin(ctx, rule, m.at, quotes, { fromEvent: true, repeat: false })
    const o: Obligation = { ...begun, policy: rule.policy === null ? note : `${note}；${rule.policy}` }
    ctx = { ...ctx, obligations: [...ctx.obligations, o] }
  }
  return ctx
}
