/**
 * The data of 南充市人大常委会机关网络舆情应急处置预案 (../../../shared/seeds/nanchong-npc-2022.txt):
 * grades (set by a person), recipients, who may act, what every incident owes (obligation
 * rules) and the approvals every public text needs. The chart (machine.ts) reads it.
 *
 * Where ../shared/PLANS.md and the text disagree the text wins: the staged responses for
 * wide and complex cases are in 三(四)1 (second paragraph), not 三(四)2 (评论引导).
 *
 * One file per concern, in rules/:
 *   grading.ts      the plan's id, its grades and `classify` (三(一))
 *   roles.ts        recipients, who may act and send the shared events, who may waive
 *   obligations.ts  every obligation (version 3's list) and the escalation
 *   versions.ts     what versions 2, 4, 6 and 7 owe differently (version 4's decisions, 三(四)2–三(六);
 *                   version 6's reports not owed again to a recipient told of the grade;
 *                   version 7's follow-ups withdrawn by a lowering, a block per consent)
 *   versions-v8.ts  what version 8 owes differently (one follow-up owed at a time, none to the
 *                   group of a grade it set, the report to 市网信办 kept once owed)
 *   versions-v11.ts what version 11 owes differently (the category while none is set, 三(四)1; a
 *                   tip-off found true keeps its rectification and accountability, 三(四)4)
 *   versions-v12.ts what version 12 owes differently (the report of the handling work to 市网信办
 *                   from the subsiding, 二(三)6; a report a rise begins keeps the due time its own
 *                   ower's lowering withdrew, rules 4 and 5)
 *   versions-v13.ts what version 13 owes differently (二(三)6's 相关部门, a decision; a 谣言 found
 *                   捏造 referred to 网信办 and 公安机关, 三(四)4; the press conference asked again at
 *                   特别重大, 三(四)3; 立即/第一时间 due by local policy; the investigation by 纪检监察组
 *                   或机关纪委, 三(四)1)
 *   versions-v14.ts what version 14 owes differently (the press conference only on 三(四)3's grounds,
 *                   重大突发事件 or 特别重大; 及时/尽快/迅速 due by local policy and 咨询's 及时回复; 二(三)6's
 *                   相关部门 one by one: 市委宣传部、市公安部门、其他有关部门, 四(一))
 *   approvals.ts    draft purposes and the group's sign-off of every public text
 *   routes.ts       the response routes by category and the channels of 三(四)1
 */
export { approvals, approvalsV4, PURPOSES, PURPOSES_V4 } from './rules/approvals.js'
export { classify, GRADE_LABELS, GRADES, type Grade, GradeSchema, PLAN_ID } from './rules/grading.js'
export { escalation, obligations } from './rules/obligations.js'
export {
  CAC,
  common,
  commonV4,
  DEPARTMENTS,
  DEPARTMENTS_V14,
  GROUP,
  RECIPIENTS,
  RECIPIENTS_V13,
  RECIPIENTS_V14,
  ROLES,
  waivers,
} from './rules/roles.js'
export { CHANNELS, CHANNELS_V4, ROUTES } from './rules/routes.js'
export { obligationsV2, obligationsV4, obligationsV6, obligationsV7 } from './rules/versions.js'
export { obligationsV8 } from './rules/versions-v8.js'
export { CATEGORIZE_POLICY, FINDING_KEPT, obligationsV11 } from './rules/versions-v11.js'
export { HANDLING_POLICY, obligationsV12, REVIVED_V12 } from './rules/versions-v12.js'
export {
  CONFERENCE_CRITICAL,
  CONFERENCE_ORDERED,
  CONFERENCE_POLICY,
  DEPARTMENTS_POLICY,
  DEPARTMENTS_REPORT_POLICY,
  FABRICATION_POLICY,
  IMMEDIATE_POLICY,
  obligationsV13,
} from './rules/versions-v13.js'
export {
  CONFERENCE_GROUND,
  CONFERENCE_GROUND_POLICY,
  DEPARTMENT_POLICY_V14,
  MAJOR_EMERGENCY,
  obligationsV14,
  PROMPT_POLICY,
} from './rules/versions-v14.js'
