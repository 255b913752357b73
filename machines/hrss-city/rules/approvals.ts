/**
 * The drafts of the HRSS city plan: their purposes and the approval every grade requires
 * before one goes out (the text names none: local policy, the leading group).
 */
import type { ApprovalRequirement } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'
import { GROUP } from './roles.js'

/** Draft purposes (DRAFT `purpose`): the press release of 三第四步 and the message of a press conference. */
export const PURPOSES = ['pressRelease', 'conference'] as const

/**
 * 三第四步: the spokesperson replies "根据通稿"; the text names no approver of the 通稿.
 * Local policy: the leading group (组长或副组长) approves it (审定) — 二1 puts the work under the
 * group, 三第五步 has the group settle replies (会商后拿出合理方案) — and not its author.
 */
const groupApproval: ApprovalRequirement = {
  code: 'groupApproval',
  label: '领导小组审定稿件（通稿、发布会权威消息）',
  event: 'APPROVE_RELEASE',
  clause: null,
  policy: '预案未规定通稿由谁审定；本地政策：由领导小组审定（参照二1、三第五步），审定人不得为起草人',
  owedBy: GROUP,
  separate: true,
}
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  minor: [groupApproval],
  general: [groupApproval],
  major: [groupApproval],
  critical: [groupApproval],
}

/**
 * Version 9: the same requirement, its policy naming what it approves — the 通稿 (三第四步) and the
 * 权威消息 of a press conference (五(三)3) — as its label does (the policy still said 通稿 only);
 * one text, `APPROVAL_POLICY_V9`, for the requirement, the chart's `APPROVE_RELEASE` and the
 * event table (chart/any-phase.ts, events.ts `wordedAsText`).
 */
export const APPROVAL_POLICY_V9 =
  '预案未规定通稿、发布会权威消息由谁审定；本地政策：由领导小组审定（参照二1、三第五步），审定人不得为起草人'
const groupApprovalV9: ApprovalRequirement = { ...groupApproval, policy: APPROVAL_POLICY_V9 }
export const approvalsV9: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  minor: [groupApprovalV9],
  general: [groupApprovalV9],
  major: [groupApprovalV9],
  critical: [groupApprovalV9],
}
