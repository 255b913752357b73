/**
 * The data of the HRSS city plan: grades, report recipients, the obligations each grade
 * owes (OBLIGATIONS.md, PLANS.md "second reading"), the approval of the press release
 * (通稿), and the roles of the common events.
 * Clause refs follow the text's own numbering: `一(二)`, `二2`, `三第三步`, `四(二)`, `五(三)3`, `六`.
 *
 * One file per concern, in rules/:
 *   grading.ts      the plan's id, its grades and `classify` (三第一步, 四: graded by hand)
 *   roles.ts        recipients, who may send the shared events, who may waive
 *   obligations.ts  every obligation (version 4's rules), the escalation, what the chart
 *                   waits for (`WHO_LEADS`, `BEFORE_SUBSIDE`, `DECISIONS`) and who may
 *                   report to each recipient (`REPORTERS`)
 *   versions.ts     each version's obligation list: version 4's (and 5's), what 6, 7 and 8
 *                   change, and what 2 and 3 owed differently
 *   migration-v7.ts the context of a version 6 incident as version 7 reads it (the filing)
 *   migration-v8.ts the context of a version 7 incident as version 8 reads it (续报, commentary)
 *   version9.ts     what version 9 changes of version 8's list
 *   migration-v9.ts the context of a version 8 incident as version 9 reads it (the spread facts)
 *   words-v9.ts     version 9's words its chart and event table share (organising, relapse)
 *   migration-v10.ts the context of a version 9 incident as version 10 reads it (the spread's report)
 *   version11.ts    what version 11 changes of version 9's list (the report to the group after a lowering)
 *   migration-v11.ts the context of a version 10 incident as version 11 reads it (what a lowering withdrew)
 *   version12.ts    what version 12 changes of version 11's list (a rise keeps the due time its ower's lowering withdrew)
 *   opening.ts      the source given at the opening, recorded then (三第一步; versions 12 and 13)
 *   migration-v13.ts the context of a version 12 incident as version 13 reads it (the opening's source)
 *   approvals.ts    draft purposes and the group's approval of every draft
 */
export { APPROVAL_POLICY_V9, approvals, approvalsV9, PURPOSES } from './rules/approvals.js'
export { classify, GRADE_CODES, GRADES, PLAN_ID } from './rules/grading.js'
export { contextFromV6 } from './rules/migration-v7.js'
export { contextFromV7 } from './rules/migration-v8.js'
export { contextFromV8 } from './rules/migration-v9.js'
export { contextFromV9 } from './rules/migration-v10.js'
export { contextFromV10 } from './rules/migration-v11.js'
export { contextFromV12 } from './rules/migration-v13.js'
export {
  BEFORE_SUBSIDE,
  DECISIONS,
  escalation,
  REPORTERS,
  rules,
  WHO_LEADS,
} from './rules/obligations.js'
export { sourceAtOpening, sourceGiven } from './rules/opening.js'
export { common, commonV11, RECIPIENT_LABELS, RECIPIENTS, type Recipient, waivers } from './rules/roles.js'
export { obligationsV9 } from './rules/version9.js'
export { obligationsV11 } from './rules/version11.js'
export { obligationsV12 } from './rules/version12.js'
export {
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  obligationsV7,
  obligationsV8,
} from './rules/versions.js'
export { ORGANIZE_MONITORING_V9, RELAPSE_V9 } from './rules/words-v9.js'
