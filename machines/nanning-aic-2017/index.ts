/**
 * 南宁市工商局突发事件舆情应对预案 (南宁市工商行政管理局, 2017-12-29). Clause references
 * use the text's own numbering (四(二), 三(二)1, 五(二)). See ../shared/seeds/nanning-aic-2017.txt.
 * Version 15: 四(四) 沟通 by newsLeader at 重大+ only, the office at every grade (rules/version15.ts).
 * Version 14: a report to 上级 (五(二)) a rise begins keeps the due time its own ower's lowering
 * withdrew, while that is still ahead (OBLIGATIONS.md rules 4, 5; rules/version14.ts).
 * Version 13: the comment work judged and done by the office (三(二)1) and the units (三(二)3) apart,
 * 四(四) 沟通 by the office and newsLeader, 源头化解 by newsLeader only at 重大+ (rules/version13.ts).
 * Version 12: 三(二)1、三(二)3 根据需要…网上评论 decided by the office or the units, 三(二)2 法制科's
 * legal support owed (rules/version12.ts), approvals from the roles the text names — newsLeader,
 * unitHead (rules/approvers.ts). Version 11: 四(四) 视情况…沟通 decided by the group, 三(二)3 签署意见后向分管领导汇报 owed
 * (rules/version11.ts). Version 10: the review of version 9 (below).
 * Version 8: whether to authorize an interview is asked again at a proposal only once the
 * asking before it is answered or waived (四(四); rules/versions.ts). Version 7: whether to
 * review is asked again at a subsiding only once the asking before it is answered or waived
 * (四(五)). Version 6: a review the group orders
 * again after a relapse, the one ordered before waived, is owed anew (四(五)). Version 5: a draft superseded by a newer one of its purpose is neither approved nor
 * released, approvals are not waived (kit options), and a waived review lets CLOSE end the
 * handling (四(五)). Version 4: a level of 四(二) waived by the group lets the report go on above it; the office
 * reviews every text that goes online in the bureau's name (三(二)1); the formal reply needs
 * only the 部门领导审定 五(二) names. Version 3: an initial response begun by a category set
 * late counts from the category, and a draft is never published twice. Versions 2
 * (obligations, OBLIGATIONS.md), 3 to 14 stay for the incidents opened on them, which
 * move to the next version by migration.
 */

import { withCategories } from '../kit/kit.js'
import type { PlanDefinition } from '../kit/types.js'
import { COMMON_CATEGORIES } from '../vocabulary.js'
import { clauses } from './clauses.js'
import { events, eventsV3 } from './events.js'
import { eventsV10 } from './events-v10.js'
import { eventsV12 } from './events-v12.js'
import { eventsV13 } from './events-v13.js'
import { eventsV15 } from './events-v15.js'
import {
  machine,
  machineV2,
  machineV3,
  machineV4,
  machineV5,
  machineV6,
  machineV7,
  machineV8,
  machineV9,
  machineV10,
  machineV11,
  machineV12,
  machineV13,
  machineV14,
} from './machine.js'
import {
  approvals,
  approvalsV3,
  approvalsV10,
  approvalsV12,
  classify,
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV10,
  obligationsV11,
  obligationsV12,
  obligationsV13,
  obligationsV14,
  obligationsV15,
  PLAN_ID,
  severities,
  toV12,
  toV13,
  toV15,
  waivers,
} from './rules.js'

export { clauses } from './clauses.js'
export { machine } from './machine.js'
export * from './rules.js'

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '南宁市工商局突发事件舆情应对预案',
  issuer: '南宁市工商行政管理局',
  severities,
  hasCriteria: true,
  classify,
  obligations: obligationsV2,
  approvals: approvalsV3,
  waivers,
  events: eventsV3,
  clauses,
  machine: machineV2,
}

export const planV3: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations: obligationsV3,
  machine: machineV3,
  migratesFrom: { from: 2 },
}

export const planV4: PlanDefinition = {
  ...planV3,
  version: 4,
  obligations,
  approvals,
  events,
  machine: machineV4,
  migratesFrom: { from: 3 },
}

/** Version 5: the same states, obligations and approvals as version 4; see machine.ts. */
export const planV5: PlanDefinition = {
  ...planV4,
  version: 5,
  machine: machineV5,
  migratesFrom: { from: 4 },
}

/**
 * Version 6: the same states, chart and approvals as version 5; the review (四(五)) is owed
 * anew when the group orders it again after one waived (rules/versions.ts).
 */
export const planV6: PlanDefinition = {
  ...planV5,
  version: 6,
  obligations: obligationsV6,
  machine: machineV6,
  migratesFrom: { from: 5 },
}

/**
 * Version 7: the same states, chart and approvals as version 6; whether to review (四(五))
 * is asked again at a subsiding only once the asking before it is settled (rules/versions.ts).
 */
export const planV7: PlanDefinition = {
  ...planV6,
  version: 7,
  obligations: obligationsV7,
  machine: machineV7,
  migratesFrom: { from: 6 },
}

/**
 * Version 8: the same states, chart and approvals as version 7; whether to authorize an
 * interview (四(四)) is asked again at a proposal only once the asking before it is settled
 * (rules/versions.ts).
 */
export const planV8: PlanDefinition = {
  ...planV7,
  version: 8,
  obligations: obligationsV8,
  machine: machineV8,
  migratesFrom: { from: 7 },
}

/**
 * Version 9: version 8's states, chart and rules; what a change of grade or category
 * withdraws (machine.ts `V9_OPTIONS`): the review the group's yes ordered goes only with
 * its decision (rule 3), a lowering at the due instant withdraws (rule 5), a category
 * change withdraws only what its categories make unrequired (rule 4). The migration from
 * 8 keeps owed what 8 kept owed (9 withdraws nothing 8 kept: the review and its question
 * have no grade or category of their own); what 8 withdrew stays withdrawn on the record.
 */
export const planV9: PlanDefinition = {
  ...planV8,
  version: 9,
  // The plan's own categories (the shared nine; earlier versions take political_mass too).
  events: withCategories(planV8.events, COMMON_CATEGORIES),
  machine: machineV9,
  migratesFrom: { from: 8 },
}

/**
 * Version 10, the findings of a clause-by-clause review of version 9 (README "Version 10"):
 * 五(二) the category is owed while none is set, so the 3-hour initial answer cannot be dropped
 * (kit condition `uncategorised`); 三(二)3 源头化解 at every grade (the text wins over PLANS.md);
 * 五(四) 追究责任 for each late report to 上级 (kit condition `breached`, rule option
 * `again.breached`, HOLD_ACCOUNTABLE); 四(三) the assessment owed after a waived report to the
 * office; 四(四) a release only while one is owed or the group's latest decision ordered a
 * response (DECIDE_MEASURES, which a relapse back to preparing may now bring), an interview
 * for an outlet a yes authorised, once, not after a relapse, also after the subsiding; 重大
 * texts signed once, by the section head (三(二)3、四(四); a draft lowered to 一般: policy
 * LOWERED_DRAFT); the escalation's own policy (五(四)). The migration from 9 begins what 10
 * newly owes at the migration (the category due 3 working hours from then) and withdraws the
 * 重大 drafts' sign-off still owed (the section head's review stands for it).
 */
export const planV10: PlanDefinition = {
  ...planV9,
  version: 10,
  obligations: obligationsV10,
  approvals: approvalsV10,
  events: eventsV10,
  machine: machineV10,
  migratesFrom: { from: 9 },
}

/**
 * Version 11, findings carried from the review of version 10 (README "Version 11"): 四(四) 视情况
 * 与…部门及时沟通 is decided by the group on the record (`decision:liaise`, asked with the
 * measures or no public response and again after a relapse; yes owes `step:liaise`, LIAISE in
 * any open phase), and 三(二)3 签署意见…及时向分管领导汇报 is owed after each signature
 * (`report:leader-signed`, met by a REPORT to 分管领导 after it). Version 10's states, events,
 * approvals and kit options; the migration from 10 begins both at the migration, due 1 hour from
 * then, the 汇报 met where 分管领导 was told after the latest signature.
 */
export const planV11: PlanDefinition = {
  ...planV10,
  version: 11,
  obligations: obligationsV11,
  machine: machineV11,
  migratesFrom: { from: 10 },
}

/**
 * Version 12 (README "Version 12"): 三(二)1、三(二)3 根据需要…网上评论 is decided on the record by
 * those the clauses charge, the office or the units (`decision:comments`, asked with the
 * measures or no public response and again after a relapse; yes owes `step:comments`,
 * GUIDE_COMMENTS in any open phase; DECIDE is theirs too, each decision answered only by its
 * own `owedBy`), and 三(二)2 法制科's legal support is owed once the group decides the measures,
 * at every grade (`step:legal`, LEGAL_OPINION in any open phase, an earlier opinion counting).
 * Approvals by the person the text names (rules/approvers.ts): LEADER_APPROVE from `newsLeader`
 * alone (四(四) 新闻宣传分管领导审定), SIGN_OFF and SECTION_REVIEW from `unitHead` alone (三(二)3
 * 单位主要负责人签署意见, 四(四) 业务股室主要负责人审核); the unit's head does what the unit does beside
 * them. Version 11's states and kit options; the migration from 11 begins the new duties at the
 * migration (the decision due 1 hour from then), the support met where 法制科 gave it, and owes
 * what is owed of the approvals from the new approvers (approvals given stay).
 */
export const planV12: PlanDefinition = {
  ...planV11,
  version: 12,
  obligations: obligationsV12,
  approvals: approvalsV12,
  events: eventsV12,
  machine: machineV12,
  migratesFrom: { from: 11, context: toV12 },
}

/**
 * Version 13 (README "Version 13"), a reading of version 12 against the text: 三(二)1's comment work
 * is the office's and 三(二)3's the units' — each judges its own need (`decision:comments-office`,
 * `decision:comments-unit`, asked where version 12 asked the one, whose one no closed both) and does
 * its own part (`step:comments-office`, `step:comments-unit`: GUIDE_COMMENTS names its `part`, from
 * that body alone), only work done after the group's decision (or the latest relapse) counting; 四(四)
 * 沟通 by the office and 新闻宣传分管领导 (三(二)1、五(一) name the office; the business 分管领导 no longer);
 * 源头化解 by the units at every grade and by 新闻宣传分管领导 at 重大 and above only (四(四); kit
 * `alsoOwedAt`). Version 12's states, approvals and kit options. The migration from 12 (a declaration
 * beside the frozen version: the fingerprint does not read it) keeps version 12's record in place —
 * its comment decision and work owed and not yet due withdrawn naming what replaces them, breached
 * ones still owed (rule 1) — and appends version 13's two decisions (a body's part met by that
 * body's answer, rule 6; the other owed from the migration) and the work a yes ordered; the liaison
 * and 源头化解 owed are owed by version 13's people (rules/migration-v13.ts, README "Version 13").
 */
export const planV13: PlanDefinition = {
  ...planV12,
  version: 13,
  obligations: obligationsV13,
  events: eventsV13,
  machine: machineV13,
  migratesFrom: { from: 12, context: toV13 },
}

/**
 * Version 14 (README "Version 14"), OBLIGATIONS.md rule 4 with rule 5: 五(二)'s reports to 上级 (4
 * hours at 重要敏感, 2 at 特别重大敏感), begun by a rise, are owed by the office (and 主要领导), and the
 * office may lower the grade (四(三)). On version 13 it could lower (the report, not yet due,
 * withdrawn) and raise again for a due time counted anew; on 14 the report that rise begins keeps
 * the due time of the one its own ower's lowering withdrew, while that is still ahead (kit
 * `again.revivesWithdrawn: 'byOwer'`, rules/version14.ts `obligationsV14`). Past it, or lowered by
 * the group (no ower of it), a new window as before. Version 13's states, chart, events, approvals
 * and kit options; the migration from 13 is the identity (a withdrawn report and the severity log
 * are read at the incident's next rise).
 */
export const planV14: PlanDefinition = {
  ...planV13,
  version: 14,
  obligations: obligationsV14,
  machine: machineV14,
  migratesFrom: { from: 13 },
}

/**
 * Version 15 (README "Version 15"): 四(四) 沟通 is the office's at every grade (三(二)1、五(一)), 新闻宣传
 * 分管领导's at 重大+ only (一般 由办公室牵头, that leader only 审定; kit `alsoOwedAt`, LIAISE from that
 * leader refused at 一般; rules/version15.ts). Version 14's states, approvals and kit options; the
 * migration from 14 owes an owed liaison by version 15's people at its grade (rules/migration-v15.ts).
 */
export const plan: PlanDefinition = {
  ...planV14,
  version: 15,
  obligations: obligationsV15,
  events: eventsV15,
  machine,
  migratesFrom: { from: 14, context: toV15 },
}
