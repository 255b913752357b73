/**
 * Migration 14 → 15's context (README "Version 15"): an owed liaison (`step:liaise`, 四(四)) is
 * owed by version 15's people at the incident's grade — the office, and 新闻宣传分管领导 at 重大 and
 * above; at 一般 that leader no longer owes it. Its due time stays (nothing is begun anew); what
 * was met, waived or withdrawn keeps who owed it then. Pure; then the kit's rederive by version
 * 15's rules.
 */
import { ownersAt } from '../../kit/begin.js'
import type { IncidentContext, ObligationRule } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { obligationsV15 } from './version15.js'

const LIAISE = obligationsV15.find((r) => r.id === 'step:liaise') as ObligationRule

export function toV15(old: IncidentContext, m: { at: string; actor: Actor }): IncidentContext {
  const owedBy = ownersAt(LIAISE, old.severity)
  const note = `迁移至第 15 版（${m.actor.name}，${m.actor.role}，${m.at}）：改由第 15 版所定人员办理（${owedBy.join('、')}）`
  return {
    ...old,
    obligations: old.obligations.map((o) =>
      o.status !== 'owed' || o.rule !== LIAISE.id || o.owedBy.join() === owedBy.join()
        ? o
        : { ...o, owedBy, policy: o.policy === null ? note : `${note}；${o.policy}` },
    ),
  }
}
