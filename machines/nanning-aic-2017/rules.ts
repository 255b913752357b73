/**
 * 南宁市工商局突发事件舆情应对预案 as data: grades and their criteria (四(三)), the
 * obligations the text imposes (四(一)～四(五)、五(二)), the approvals a draft needs
 * (三(二)3、四(四)), report recipients and who may report to each (四(二)、五(二)), and
 * who may send the events every phase accepts. See ../shared/seeds/nanning-aic-2017.txt.
 *
 * Where ../shared/PLANS.md and the text disagree, the text wins (noted where it matters).
 *
 * One file per concern, in rules/:
 *   grading.ts      the plan's id, its grades and `classify` (四(三))
 *   roles.ts        recipients and who may report to each (四(二) 逐级), the shared events'
 *                   senders, who may waive
 *   obligations.ts  every obligation the text imposes, and the escalation
 *   versions.ts     each version's obligation list: version 4's (and 5's), what 6, 7, 8 and
 *                   10 add, and what 2 and 3 did differently
 *   version11.ts    what version 11 adds: 四(四)'s liaison decided, 三(二)3's 汇报 to 分管领导
 *   version12.ts    what version 12 adds: 三(二)1、三(二)3's comment work decided, 三(二)2's legal support
 *   version13.ts    what version 13 mends: the comment work split by body (三(二)1 / 三(二)3), the
 *                   liaison and 源头化解 owed by the people the text names
 *   version14.ts    what version 14 mends: a report to 上级 a rise begins keeps the due time its
 *                   ower's lowering withdrew (OBLIGATIONS.md rules 4 and 5)
 *   version15.ts    what version 15 mends: 四(四)'s liaison owed by 新闻宣传分管领导 at 重大 and above only
 *   approvers.ts    version 12's named approvers (newsLeader, unitHead) and where the unit's head stands
 *   migration-v12.ts  what is owed, owed by version 12's people at the migration from 11
 *   migration-v13.ts  the migration from 12: the comment decision split on the record, 沟通 and
 *                   源头化解 owed by version 13's people
 *   migration-v15.ts  the migration from 14: an owed liaison owed by version 15's people at its grade
 *   approvals.ts    draft purposes and the approvals of each grade (versions 2–3's and 10's
 *                   too), and who may hold the tokens they take
 */
export { approvals, approvalsV3, approvalsV10, PURPOSES } from './rules/approvals.js'
export {
  APPROVERS_V12,
  approvalsV12,
  headsSend,
  REPORT_LEVELS_V12,
} from './rules/approvers.js'
export { classify, GRADES, MAJOR_REPOSTS, PLAN_ID, severities } from './rules/grading.js'
export { toV12 } from './rules/migration-v12.js'
export { toV13 } from './rules/migration-v13.js'
export { toV15 } from './rules/migration-v15.js'
export {
  ANSWERABLE,
  escalation,
  LEVEL_WAIVED,
  REVIEW_DECLINED,
  REVIEW_WAIVED,
  rules,
} from './rules/obligations.js'
export {
  common,
  commonV10,
  ESCALATE_POLICY,
  RECIPIENT_LABELS,
  RECIPIENTS,
  REPORT_LEVELS,
  type Recipient,
  waivers,
} from './rules/roles.js'
export {
  LIAISE_DECISION_POLICY,
  LIAISE_POLICY,
  obligationsV11,
  SIGNED_REPORT_POLICY,
} from './rules/version11.js'
export {
  COMMENTS_DECISION_POLICY,
  COMMENTS_POLICY,
  commonV12,
  LEGAL_POLICY,
  obligationsV12,
} from './rules/version12.js'
export {
  COMMENT_PART_LABELS,
  COMMENT_PART_ROLES,
  COMMENT_PARTS,
  COMMENTS_OFFICE_DECISION_POLICY,
  COMMENTS_OFFICE_POLICY,
  COMMENTS_UNIT_DECISION_POLICY,
  COMMENTS_UNIT_POLICY,
  type CommentPart,
  commonV13,
  LIAISE_ROLES_V13,
  obligationsV13,
  SOURCE_POLICY_V13,
  SOURCE_ROLES_V13,
} from './rules/version13.js'
export { obligationsV14, REVIVED_V14 } from './rules/version14.js'
export { LIAISE_POLICY_V15, LIAISE_ROLES_V15, liaiseV15, obligationsV15 } from './rules/version15.js'
export {
  CATEGORIZE_POLICY,
  escalationV10,
  OFFICE_WAIVED,
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV10,
  rulesV2,
  rulesV3,
} from './rules/versions.js'
