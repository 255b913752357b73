/**
 * The drafts of the plan: what each is for (its purpose) and the approval every public text
 * needs (三(四)1、二(三)2), with version 4's.
 */
import type { ApprovalRequirement } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'
import { ROLES } from './roles.js'

/** What a draft is for: each release names the purpose of the draft it publishes. */
export const PURPOSES = ['reply', 'explanation', 'refutation', 'stance', 'progress', 'conclusion'] as const
/** Version 4 adds what a press conference says (三(四)3), a draft like any public text (二(三)2). */
export const PURPOSES_V4 = [...PURPOSES, 'conference'] as const

/** 三(四)1、二(三)2: every public text is 审定 by the group, not by its author. */
const signOff: ApprovalRequirement = {
  code: 'signOff',
  label: '网络舆情应急管理小组审定信息发布内容及发布方式',
  event: 'SIGN_OFF',
  clause: '三(四)1、二(三)2',
  owedBy: ROLES.signOff,
  separate: true,
}

export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [signOff],
  large: [signOff],
  major: [signOff],
  critical: [signOff],
}

/** Version 4: a conference text is signed off for the conference (三(四)3), and its owed sign-off says so. */
const signOffV4: ApprovalRequirement = {
  ...signOff,
  fieldsFor: { conference: { channel: 'pressConference' } },
}
export const approvalsV4: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [signOffV4],
  large: [signOffV4],
  major: [signOffV4],
  critical: [signOffV4],
}
