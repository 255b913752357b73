/**
 * Version 12, who approves (README "Who approves"): 四(四) 经新闻宣传分管领导审定, 三(二)3 由单位主要
 * 负责人签署意见, 四(四) 经业务股室主要负责人审核 name a person within a role. Versions 4–11 took the
 * approval from any `leader` token (the business 分管领导 too, whose 四(二) report to 主要领导 is his)
 * and any `unit` token but the author's, and only a written policy forbade the rest. Version 12
 * names them as roles: `newsLeader` (新闻宣传工作分管领导, the group's deputy head, 三) gives
 * LEADER_APPROVE alone; `unitHead` (股室主要负责人为本单位舆情处置的第一责任人, 三(二)3) gives SIGN_OFF
 * and SECTION_REVIEW alone, and does what the unit's staff do beside them; `newsLeader` leads the
 * 重大 源头化解 (四(四) 由新闻宣传分管领导牵头，会同各单位落实源头化解工作).
 */
import type { CommonEventMeta } from '../../kit/common.js'
import type { ApprovalRequirement, EventSpec, ObligationRule } from '../../kit/types.js'
import type { Role, Severity } from '../../vocabulary.js'
import { approvalsV10 } from './approvals.js'
import { REPORT_LEVELS } from './roles.js'

/** Who gives each approval from version 12, by its event. */
export const APPROVERS_V12: Readonly<Record<string, readonly Role[]>> = {
  LEADER_APPROVE: ['newsLeader'],
  SIGN_OFF: ['unitHead'],
  SECTION_REVIEW: ['unitHead'],
}

/** The unit's head beside the unit's staff (and 新闻宣传分管领导 on 源头化解, 四(四)). */
export const withHeads = (roles: readonly Role[], extra: readonly Role[] = []): Role[] => {
  const out: Role[] = []
  for (const r of roles) {
    if (!out.includes(r)) out.push(r)
    if (r === 'unit' && !out.includes('unitHead')) out.push('unitHead')
  }
  for (const r of extra) if (!out.includes(r)) out.push(r)
  return out
}

/** Version 12's approvals: version 10's, each given by its named approver. */
export const approvalsV12: Partial<Record<Severity, readonly ApprovalRequirement[]>> = Object.fromEntries(
  Object.entries(approvalsV10).map(([grade, list]) => [
    grade,
    (list ?? []).map((a) => {
      const by = APPROVERS_V12[a.event]
      return by ? { ...a, owedBy: by } : a
    }),
  ]),
)

/** Version 12's 四(二) levels: the unit's head reports as the unit does. */
export const REPORT_LEVELS_V12: typeof REPORT_LEVELS = {
  leader: { ...REPORT_LEVELS.leader, senders: withHeads(REPORT_LEVELS.leader.senders) },
  principal: REPORT_LEVELS.principal,
  office: { ...REPORT_LEVELS.office, senders: withHeads(REPORT_LEVELS.office.senders) },
  newsLeader: REPORT_LEVELS.newsLeader,
  higher: REPORT_LEVELS.higher,
}

/**
 * Version 12's shared events' senders: the unit's head beside the unit — but for drafting: 三(二)3
 * 提出…答复内容，由单位主要负责人签署意见 separates the text proposed from the head who signs it, and
 * a head who wrote a text could not sign it (`separate`) while no one else may (local policy:
 * the unit's staff draft, its head signs).
 */
export const headsInCommon = (m: CommonEventMeta): CommonEventMeta => ({
  monitor: { ...m.monitor, roles: withHeads(m.monitor.roles) },
  regrade: { ...m.regrade, roles: withHeads(m.regrade.roles) },
  categorize: { ...m.categorize, roles: withHeads(m.categorize.roles) },
  escalate: { ...m.escalate, roles: withHeads(m.escalate.roles) },
  draft: {
    ...m.draft,
    meta: {
      ...m.draft.meta,
      policy:
        '股室工作人员起草、股室主要负责人签署意见，负责人不起草（起草者不得签署本人稿件，他人亦无权签署）',
    },
  },
  waive: { ...m.waive, roles: withHeads(m.waive.roles) },
  decide: { ...m.decide, roles: withHeads(m.decide.roles) },
})

/** Version 12's obligations: the unit's head owes what the unit owes; 新闻宣传分管领导 leads 源头化解. */
export const headsOwe = (r: ObligationRule): ObligationRule => {
  const owedBy = withHeads(r.owedBy, r.id === 'step:source' ? ['newsLeader'] : [])
  return owedBy.length === r.owedBy.length ? r : { ...r, owedBy }
}

/** Version 12's events: approvals by their named approver, the unit's head beside the unit (not drafting). */
export const headsSend = (e: EventSpec): EventSpec => {
  const by = APPROVERS_V12[e.type]
  if (by) return { ...e, roles: by }
  // The unit's staff draft, its head signs (`headsInCommon`).
  if (e.type === 'DRAFT' || e.type === 'WITHDRAW_DRAFT') return e
  const roles = withHeads(e.roles, e.type === 'RESOLVE_SOURCE' ? ['newsLeader'] : [])
  return roles.length === e.roles.length ? e : { ...e, roles }
}
