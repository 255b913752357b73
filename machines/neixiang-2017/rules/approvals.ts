/**
 * The drafts of the Neixiang plan: their purposes, the group's line every draft needs
 * (第七條3, 第三條4), 宣传部's approval in a 第二條4 case, and version 4's table with it.
 */
import type { ApprovalRequirement } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'
import { GRADE_CODES, POLITICAL_MASS } from './grading.js'

/** What a draft is for (DRAFT `purpose`): the stance (第七條1) and the release of facts (第七條1、第七條3). */
export const PURPOSES = ['release', 'stance'] as const
/** Version 4 adds what a press conference says (第五條 under the group's direction, 第三條4 确定宣传报道内容). */
export const PURPOSES_V4 = [...PURPOSES, 'press'] as const

/**
 * 第七條3 / 第三條4: the group agrees the one line (统一解释口径) on every draft to be
 * published, the release's and (version 3) the stance's: no `purposes` filter.
 */
const line: ApprovalRequirement = {
  code: 'line',
  label: '领导小组审定统一解释口径',
  event: 'AGREE_LINE',
  clause: '第七條3、第三條4',
  owedBy: ['group'],
  separate: true,
}
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [line],
  major: [line],
  critical: [line],
}

/**
 * 第二條4: a political or mass incident's release (version 3: its stance too) also needs
 * 县委宣传部's approval of that draft. It is not in the approval table (version 2 kept it
 * out, when the table was per grade only): the machine's guards check it (`ledByPropaganda`;
 * version 3 `releasable`), the draft carrying approval code `propaganda`.
 */
export const LEAD_APPROVAL = {
  code: 'propaganda',
  label: '县委宣传部审定（重大政治性、群体性事件由宣传部牵头）',
  event: 'APPROVE_LEAD',
  clause: '第二條4',
  owedBy: ['leader'],
  separate: true,
} as const satisfies ApprovalRequirement

/**
 * Version 4: 宣传部's 审定 (第二條4) in the table, for a `political_mass` incident only: every
 * draft owes it as an approval obligation, and a refused release names it. After the line in
 * the table, but APPROVE_LEAD keeps its own guard, so neither waits for the other (the text
 * gives no order).
 */
export const approvalsV4: Partial<Record<Severity, readonly ApprovalRequirement[]>> = Object.fromEntries(
  GRADE_CODES.map((g) => [g, [...(approvals[g] ?? []), { ...LEAD_APPROVAL, categories: [POLITICAL_MASS] }]]),
)

/**
 * Version 7: version 4's table, 宣传部's 审定 labelled with the whole of 第二條4 — 涉及重大政治性、
 * 群体性事件，危害国家安全、损害我县形象的事件 (the category `political_mass` covers both halves).
 */
export const approvalsV7: Partial<Record<Severity, readonly ApprovalRequirement[]>> = Object.fromEntries(
  Object.entries(approvalsV4).map(([g, reqs]) => [
    g,
    (reqs ?? []).map((r) =>
      r.code === LEAD_APPROVAL.code
        ? {
            ...r,
            label:
              '县委宣传部审定（涉及重大政治性、群体性事件，危害国家安全、损害我县形象的事件由宣传部牵头）',
          }
        : r,
    ),
  ]),
)
