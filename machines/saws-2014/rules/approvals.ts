/** The drafts of 安全生产网络舆情应对预案: their purposes and the approvals each grade requires. */
import type { ApprovalRequirement } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'

/** Draft purposes: the answer (五(四)), the published result (五(四)2–3), the legal statement (五(五)2). */
export const PURPOSES = ['answer', 'result', 'statement'] as const
export type Purpose = (typeof PURPOSES)[number]

const unitHead: ApprovalRequirement = {
  code: 'unitHead',
  label: '本单位负责人审定',
  event: 'APPROVE_ANSWER',
  clause: '五(一)1',
  owedBy: ['unit'],
  separate: true,
}
const leaderApproval: ApprovalRequirement = {
  code: 'leaderApproval',
  label: '总局分管领导批准（审定）',
  event: 'LEADER_APPROVE',
  clause: '五(一)2、五(三)2',
  owedBy: ['leader'],
  separate: true,
}

/**
 * Approvals a draft needs before it goes out. At 重大以上 the text asks no per-text
 * approval: both 批示 of the special report (五(一)3) and the meeting's response plan
 * (五(三)3) authorise the response, and they gate every public step (BEFORE_PUBLIC).
 */
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [unitHead],
  large: [leaderApproval],
}
