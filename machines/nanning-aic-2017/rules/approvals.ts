/**
 * The drafts of the plan: their purposes and the approvals each grade requires before a text
 * goes out (三(二)1、三(二)3、四(四)、五(二)), with versions 2 and 3's and version 10's.
 *
 * Who may hold the tokens these approvals take (local policy, review finding 6; README "Who
 * approves"). The text names a person; the machine checks only a role, and that the approver is
 * not the draft's author (`separate`). Each approval records the approver's name and role on the
 * draft (`approvals[].by`), so the policy is audited, not enforced:
 * - `leader`: LEADER_APPROVE (一般 新闻宣传分管领导审定, 四(四)) is given only with the token
 *   issued to 新闻宣传工作分管领导 (the group's deputy head, 三), named for that person
 *   (`token:leader:<name>`). The business 分管领导 also holds a `leader` token — the 四(二)
 *   report to 主要领导 is his — and does not approve texts with it.
 * - `unit`: SIGN_OFF (单位主要负责人签署意见 三(二)3; the formal reply's 部门领导审定 五(二)) and
 *   SECTION_REVIEW (业务股室主要负责人审核 四(四)) are given only with the token issued to the
 *   unit's 主要负责人 (三(二)3 股室主要负责人为本单位舆情处置的第一责任人), named for that person.
 *   Staff hold their own `unit` tokens to draft, report, answer and handle; they do not approve.
 * Version 12 splits the roles (`newsLeader`, `unitHead`; rules/approvers.ts): the engine refuses
 * what this policy, for versions 4–11, only forbids.
 */

/**
 * Version 10, local policy (diff review finding 6; README "A draft lowered from 重大 to 一般"):
 * the text does not say what becomes of a text approved in part when the grade is lowered.
 * The draft keeps the approvals it has; those the lower grade requires and it lacks are owed
 * after them (the ledger's rule 8: a lowering withdraws what is no longer required and begins
 * what is). So a 重大 draft reviewed by the section head and the office, lowered to 一般, owes
 * the head's SIGN_OFF after the office's review — 签署 after 办公室审核, the head signing twice —
 * then LEADER_APPROVE. Where 签署 must come first, the office withdraws the draft and drafts anew.
 */
export const LOWERED_DRAFT =
  '降级后稿件保留已取得的审批，新级别要求而尚缺的审批（如单位主要负责人签署意见）在其后补办（本地政策：预案未规定降级后稿件的审批；须按签署→办公室审核→审定顺序的，撤回后重新起草）'

import type { ApprovalRequirement } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'

/** Draft purposes (三(二)3: every text published in the bureau's name is first a draft). */
export const PURPOSES = ['release', 'initialResponse', 'formalReply'] as const

const unitSignOff: ApprovalRequirement = {
  code: 'unitSignOff',
  label: '单位主要负责人签署意见（答复意见即部门领导审定）',
  event: 'SIGN_OFF',
  clause: '三(二)3',
  owedBy: ['unit'],
  separate: true,
}
const leaderApproval: ApprovalRequirement = {
  code: 'leaderApproval',
  label: '新闻宣传分管领导审定',
  event: 'LEADER_APPROVE',
  clause: '四(四)',
  owedBy: ['leader'],
  separate: true,
}
const sectionReview: ApprovalRequirement = {
  code: 'sectionReview',
  label: '业务股室主要负责人审核',
  event: 'SECTION_REVIEW',
  clause: '四(四)',
  owedBy: ['unit'],
  separate: true,
}
const groupApproval: ApprovalRequirement = {
  code: 'groupApproval',
  label: '领导小组审定',
  event: 'GROUP_APPROVE',
  clause: '四(四)',
  owedBy: ['group'],
  separate: true,
}
const officeReview: ApprovalRequirement = {
  code: 'officeReview',
  label: '办公室审核以市局名义发布的上网信息',
  event: 'OFFICE_REVIEW',
  clause: '三(二)1',
  owedBy: ['office'],
  separate: true,
}
/**
 * Version 4, for the texts that go online in the bureau's name (权威信息, 初步回应): the unit
 * head signs (三(二)3), 重大 and above the section head reviews (四(四)), the office reviews
 * what goes online in the bureau's name (三(二)1), and the 审定 comes last — 一般 the
 * news-and-propaganda leader, 重大 and above the group (四(四)). The formal reply needs only
 * the 部门领导审定 五(二) names (the unit head's sign-off): it settles a reply (确定答复意见)
 * within 5 working days, not a publication online.
 */
const ONLINE = ['release', 'initialResponse'] as const
const online = (a: ApprovalRequirement): ApprovalRequirement => ({ ...a, purposes: ONLINE })
const groupChain = [unitSignOff, online(sectionReview), online(officeReview), online(groupApproval)]
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [unitSignOff, online(officeReview), online(leaderApproval)],
  major: groupChain,
  critical: groupChain,
}

/**
 * Version 10: 三(二)3 单位主要负责人签署意见 and 四(四) 业务股室主要负责人审核 are one head's one act
 * (三(二)3 股室主要负责人为本单位舆情处置的第一责任人): 重大 and above, the texts that go online owe the
 * section head's review alone (citing both), then the office's, then the group's; version 9 owed
 * the same head's signature twice. The sign-off stands for 五(二)'s 部门领导审定 of the formal reply
 * at every grade, and for the 一般 texts' 三(二)3 signature: it cites both.
 */
const signOffV10: ApprovalRequirement = { ...unitSignOff, clause: '三(二)3、五(二)' }
const headReview = online({
  ...sectionReview,
  label: '业务股室主要负责人审核（即单位主要负责人签署意见）',
  clause: '三(二)3、四(四)',
})
const groupChainV10 = [
  { ...signOffV10, purposes: ['formalReply'] },
  headReview,
  online(officeReview),
  online(groupApproval),
]
export const approvalsV10: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [{ ...signOffV10, policy: LOWERED_DRAFT }, online(officeReview), online(leaderApproval)],
  major: groupChainV10,
  critical: groupChainV10,
}

/**
 * Versions 2 and 3: 三(二)3 then 四(四), in order, for every public text (the formal reply
 * too, which needed the whole chain of its grade); no 审核 by the office (三(二)1).
 */
export const approvalsV3: Partial<Record<Severity, readonly ApprovalRequirement[]>> = Object.fromEntries(
  Object.entries(approvals).map(([grade, list]) => [
    grade,
    (list ?? []).filter((a) => a.code !== 'officeReview').map(({ purposes: _all, ...a }) => a),
  ]),
)
