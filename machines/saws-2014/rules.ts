/**
 * The rules of 安全生产网络舆情应对预案 as data: the grading criteria (二(三)), what
 * each grade owes and to whom (五(一)–五(五), 六), the approvals a draft needs before
 * it goes out, and who may waive. See ../../shared/seeds/saws-2014.txt and
 * ../../shared/PLANS.md "Obligations per plan (second reading)", saws-2014.
 *
 * One file per concern, in rules/:
 *   grading.ts                 the plan's id, its grades, the thresholds of 二(三) and `classify`
 *   roles.ts                   recipients, who may send the shared events, lower a grade or waive
 *   ids.ts                     the rule ids the chart's guards name (`R`)
 *   gates.ts                   what waits for what: the conditions of 五(一)3 and the lists of
 *                              rules each step of the chart waits for
 *   obligations.ts             every obligation (version 3's list) and the escalation, from
 *     obligations-reporting.ts   五(一)–五(三): reports, activation, special report, 批示, meeting
 *     obligations-response.ts    五(四): the answer and each route's steps
 *     obligations-aftercare.ts   五(五) after it subsides, 六's follow-up and summary
 *   versions.ts                what versions 2, 4, 5 and 6 owe differently
 *   version7.ts                what version 7 owes differently from 6 (the review of 6)
 *   version8.ts                what version 8 owes differently from 7 (the meeting after a 定性 below 重大)
 *   version9.ts                what version 9 owes besides (三's 协调跟踪办理 by 人事司)
 *   version10.ts               what version 10 owes differently (三's duty owed again after a waiver)
 *   version11.ts               what version 11 owes differently (the relapse's report, the referral)
 *   version12.ts               what version 12 owes differently (the lower report again after a relapse)
 *   version13.ts               what version 13 owes differently (五(五)2 waits for the subsiding after a relapse)
 *   migration-v8.ts            the context of a version 7 incident as version 8 reads it (`contextFromV7`)
 *   migration-v9.ts            the context of a version 9 incident as version 10 reads it (`contextFromV9`)
 *   migration-v10.ts           the context of a version 10 incident as version 11 reads it (`contextFromV10`)
 *   migration-v11.ts           the context of a version 11 incident as version 12 reads it (`contextFromV11`)
 *   approvals.ts               draft purposes and the approvals of each grade
 *   routes.ts                  the response routes and channels of 五(四)
 */
export { approvals, PURPOSES, type Purpose } from './rules/approvals.js'
export {
  BEFORE_PUBLIC,
  BEFORE_RESPONSE,
  BEFORE_REVIEW,
  BEFORE_SUBSIDE,
  OFFICE_REPORTS,
  PHONE_REPORT_SETTLED,
} from './rules/gates.js'
export { CLICKS_NEED_SITES, classify, GRADES, PLAN_ID, THRESHOLDS } from './rules/grading.js'
export { R } from './rules/ids.js'
export { contextFromV7 } from './rules/migration-v8.js'
export { contextFromV9 } from './rules/migration-v9.js'
export { contextFromV10 } from './rules/migration-v10.js'
export { contextFromV11 } from './rules/migration-v11.js'
export { escalation, obligationRules } from './rules/obligations.js'
export {
  common,
  LOWERERS,
  RECIPIENT_LABELS,
  type Recipient,
  WAIVERS,
  WAIVERS_V4,
  WAIVERS_V5,
} from './rules/roles.js'
export { CHANNEL_LABELS, CHANNELS, type Route, routeOf } from './rules/routes.js'
export { obligationRulesV7 } from './rules/version7.js'
export { obligationRulesV8 } from './rules/version8.js'
export { COAL_OR_LOCAL, COORDINATE, obligationRulesV9 } from './rules/version9.js'
export { COORDINATE_V10, obligationRulesV10 } from './rules/version10.js'
export { obligationRulesV11, PRIOR_SINCE_RELAPSE } from './rules/version11.js'
export { obligationRulesV12 } from './rules/version12.js'
export { obligationRulesV13 } from './rules/version13.js'
export {
  obligationRulesV2,
  obligationRulesV4,
  obligationRulesV5,
  obligationRulesV6,
} from './rules/versions.js'
