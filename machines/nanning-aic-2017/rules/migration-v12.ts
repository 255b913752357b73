/**
 * Migration 11 → 12's context (README "Version 12"): what is owed is owed by version 12's people —
 * an approval still owed by its named approver (四(四) 新闻宣传分管领导审定: `newsLeader`; 三(二)3
 * 签署意见, 四(四) 业务股室主要负责人审核: `unitHead`), a duty of the unit by the unit's head beside it.
 * What was met, waived or withdrawn keeps who owed it then, and an approval given stays given (by
 * the role that gave it under version 11).
 */
import type { IncidentContext } from '../../kit/types.js'
import { APPROVERS_V12 } from './approvers.js'
import { obligationsV12 } from './version12.js'

export function toV12(old: IncidentContext): IncidentContext {
  return {
    ...old,
    obligations: old.obligations.map((o) => {
      if (o.status !== 'owed') return o
      const owedBy =
        o.kind === 'approval'
          ? APPROVERS_V12[o.discharge.type]
          : obligationsV12.find((r) => r.id === o.rule)?.owedBy
      return owedBy ? { ...o, owedBy: [...owedBy] } : o
    }),
  }
}
