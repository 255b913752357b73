/**
 * The data of the Neixiang plan (內政辦〔2017〕156號): grades, the category 第二條4 adds,
 * report recipients and who may report to each, the obligations the text imposes, the
 * approvals a release needs, and the roles of the common events.
 * Clause refs use the text's own numbering and script: `第四條`, `第二條3`, `第七條1`.
 *
 * One file per concern, in rules/:
 *   grading.ts      the plan's id, its grades, `classify` (none: a person grades) and the
 *                   category 第二條4 adds (`POLITICAL_MASS`)
 *   roles.ts        the plan's roles, recipients and who may report to each, who may send
 *                   the shared events, who may waive
 *   obligations.ts  every obligation (version 3's rules) and the escalation
 *   versions.ts     each version's obligation list: what version 2 owed differently,
 *                   version 4's (the text read again: decisions, the press text, 第六條) and
 *                   version 6's (no 续报 to a recipient already told of the grade: rule 6)
 *   version7.ts     version 7's (a review of version 6: no 续报 to the group, 第五條's
 *                   mainstream coverage and start of the response, who waives upward reports)
 *   version8.ts     version 8's (each 批示 carried out on its own, the 通报 to 有关单位和部门
 *                   again after a relapse)
 *   version10.ts    version 10's (a review of version 9: the report to 上级 at 特别重大 only, who
 *                   waives the coordination, the report of 重大 after an ungraded report, the
 *                   progress to the principal leaders, the commentators' rebuttal and 跟帖)
 *   version11.ts    version 11's (a rise keeps the due time of the 续报 its ower's lowering
 *                   withdrew: kit `again.revivesWithdrawn: 'byOwer'`)
 *   version12.ts    version 12's (第七條2 a decision and its duty, 第六條/第七條2 asked again
 *                   after a relapse, a 续报 to the group after a rise not its own, 第四條)
 *   version13.ts    version 13's (a rebuttal or removal made since the latest relapse counts for
 *                   the yes that follows it: rule 6, kit `again.onYesSince`)
 *   migration-v9.ts the migration 9 → 10: what version 9 counted met that version 10 owes
 *   migration-v11.ts the migration 11 → 12: what version 11 never began that version 12 owes
 *   approvals.ts    draft purposes, the group's line, 宣传部's approval (第二條4), version 4's table
 */
export {
  approvals,
  approvalsV4,
  approvalsV7,
  LEAD_APPROVAL,
  PURPOSES,
  PURPOSES_V4,
} from './rules/approvals.js'
export { classify, GRADE_CODES, GRADES, PLAN_CATEGORIES, PLAN_ID, POLITICAL_MASS } from './rules/grading.js'
export { escalation, rules } from './rules/obligations.js'
export {
  common,
  commonV7,
  commonV10,
  RECIPIENT_LABELS,
  RECIPIENTS,
  RECIPIENTS_V7,
  REPORTERS,
  REPORTERS_V7,
  type Recipient,
  type RecipientV7,
  UNITS_LABEL,
  waivers,
  waiversV7,
  waiversV10,
} from './rules/roles.js'
export { escalationV7, obligationsV7, rulesV7 } from './rules/version7.js'
export { obligationsV8, rulesV8 } from './rules/version8.js'
export { obligationsV10, rulesV10 } from './rules/version10.js'
export { obligationsV11, REVIVED_V11, rulesV11 } from './rules/version11.js'
export { obligationsV12, REVIVED_V12, rulesV12 } from './rules/version12.js'
export { ORDERED_SINCE_RELAPSE, obligationsV13, rulesV13 } from './rules/version13.js'
export {
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  rulesV2,
  rulesV4,
  rulesV6,
} from './rules/versions.js'
