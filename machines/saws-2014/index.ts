/**
 * 安全生产网络舆情应对预案 (国家安全监管总局办公厅, 2014-04-30). Clause references use
 * the text's own numbering (二(三)2, 五(一)3, 六(四)). See ../../shared/seeds/saws-2014.txt.
 * Version 3: after a lowering, a report 人事司 had of the higher grade counts for the lower
 * one (no new report, no breach: OBLIGATIONS.md rules 5 and 6); a category changed late
 * owes its route steps of 五(四) where the incident is (disposal, review); a waived phone
 * report still owes the special report and both 批示; a route step no longer owed (waived
 * or done before) no longer holds the response (machine.ts). Version 2 (obligations in
 * rules.ts replace the deadline regions; PLANS.md's second reading) owed a new one; it
 * stays for the incidents opened on it, which move to version 3 by migration.
 * Version 4: at 较大 the leader in charge approves the proposal before the response
 * (五(一)2, 五(三)2); only the principal waives the principal's 批示 (五(一)3); a waived
 * report to 人事司 leaves discovery and lets 人事司 notify the unit (rule 2); below 重大
 * only 人事司 convenes (五(一)1). Version 3 stays for incidents opened on it.
 * Version 5: an approval of a draft is not waived and a superseded draft is neither
 * approved nor published (kit options, OBLIGATIONS.md rule 8); a draft is published once,
 * so the answer a relapse owes is a new draft (六(一)、六(二)). Version 4 stays for
 * incidents opened on it.
 */
import { withCategories } from '../kit/kit.js'
import type { PlanDefinition } from '../kit/types.js'
import { COMMON_CATEGORIES } from '../vocabulary.js'
import { clauses } from './clauses.js'
import { events, eventsV4, withCoordinationV9, withRolesV7 } from './events.js'
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
} from './machine.js'
import {
  approvals,
  classify,
  contextFromV7,
  contextFromV9,
  contextFromV10,
  contextFromV11,
  escalation,
  obligationRules,
  obligationRulesV2,
  obligationRulesV4,
  obligationRulesV5,
  obligationRulesV6,
  obligationRulesV7,
  obligationRulesV8,
  obligationRulesV9,
  obligationRulesV10,
  obligationRulesV11,
  obligationRulesV12,
  obligationRulesV13,
  PLAN_ID,
  WAIVERS,
  WAIVERS_V4,
  WAIVERS_V5,
} from './rules.js'

export { machine, PLAN_ID }

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '安全生产网络舆情应对预案',
  issuer: '国家安全监管总局办公厅',
  severities: [
    { code: 'general', label: '一般网络舆情' },
    { code: 'large', label: '较大网络舆情' },
    { code: 'major', label: '重大网络舆情' },
    { code: 'critical', label: '特别重大网络舆情' },
  ],
  hasCriteria: true,
  classify,
  obligations: [...obligationRulesV2, escalation],
  approvals,
  waivers: WAIVERS,
  events,
  clauses,
  machine: machineV2,
}

export const planV3: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations: [...obligationRules, escalation],
  machine: machineV3,
  migratesFrom: { from: 2 },
}

export const planV4: PlanDefinition = {
  ...planV3,
  version: 4,
  obligations: [...obligationRulesV4, escalation],
  waivers: WAIVERS_V4,
  events: eventsV4,
  machine: machineV4,
  migratesFrom: { from: 3 },
}

/** Version 5: the same states as version 4 (its incidents migrate as they are). */
export const planV5: PlanDefinition = {
  ...planV4,
  version: 5,
  obligations: [...obligationRulesV5, escalation],
  waivers: WAIVERS_V5,
  machine: machineV5,
  migratesFrom: { from: 4 },
}

/**
 * Version 6: version 5's states and waivers; what a change of grade or category withdraws
 * (machine.ts `V6_OPTIONS`): a category change withdraws only what its categories make
 * unrequired (rule 4), a lowering at the due instant withdraws (rule 5). Amended before
 * release after a clause-by-clause review (rules/versions.ts `obligationRulesV6`, the
 * chart's `version >= 6`): the 简报 once the answer is settled, route steps wait for the
 * 批示, a lowering 特别重大 → 重大 withdraws the 续报 人事司 no longer needs. The migration
 * from 5 keeps owed what 6 would keep owed (the kit's rederive, by 6's rules); what 5
 * withdrew stays withdrawn on the record.
 */
export const planV6: PlanDefinition = {
  ...planV5,
  version: 6,
  obligations: [...obligationRulesV6, escalation],
  // The plan's own categories, in SET_CATEGORY and PROPOSE's 定性 (the shared nine; earlier
  // versions take political_mass too).
  events: withCategories(planV5.events, COMMON_CATEGORIES),
  machine: machineV6,
  migratesFrom: { from: 5 },
}

/**
 * Version 7: version 6's states and kit options, from the review of version 6 (README, its
 * section): the phone report after a reported relapse or a waiver (kit `actAtGrade … since`,
 * `waivedAtGrade`, a waiver counting only while no earlier instance is owed); a 定性 changed
 * after approval is approved again (kit `again.categoryChanged`; after a lowering to 较大, a
 * category set since the meeting), set by 人事司 only, and
 * PROPOSE is the consultation's (or owed); solving and investigating wait for the 批示; a rumor's
 * legal statement is decided (恶意诋毁), and so is the referral to the police (四(四)); a relapse
 * at 较大 owes a new 简报; 人事司 does not publish or owe the answer (三; the channels 三 assigns
 * to no one by local policy, RESPOND's meta). Its migration from 6 is the
 * kit's rederive by 7's rules. Version 7 stays for the incidents opened on it.
 */
export const planV7: PlanDefinition = {
  ...planV6,
  version: 7,
  obligations: [...obligationRulesV7, escalation],
  events: withRolesV7(planV6.events),
  machine: machineV7,
  migratesFrom: { from: 6 },
}

/**
 * Version 8: version 7's states, events and kit options; the response meeting of 重大以上 (五(三)3
 * 根据舆情反映的事件性质…拟定应对方案) is owed again at a rise when the 定性 it planned for was
 * changed while the incident was below 重大 (kit `again.categoryChanged: 'untilAdmitted'`,
 * rules/version8.ts); version 7 counted the meeting held before the lowering. At 较大 after a
 * lowering from 重大, a unit's PROPOSE since the meeting owes the leader's approval (五(一)2 报总局分管
 * 领导批准后实施), as 人事司's SET_CATEGORY did in version 7. Its migration from 7 reads a 定性
 * changed on version 7 below 重大 from the record (rules/migration-v8.ts `contextFromV7`), then
 * the kit's rederive by 8's rules. Version 8 stays for the incidents opened on it.
 */
export const planV8: PlanDefinition = {
  ...planV7,
  version: 8,
  obligations: [...obligationRulesV8, escalation],
  machine: machineV8,
  migratesFrom: { from: 7, context: contextFromV7 },
}

/**
 * Version 9: version 8's states, kit options and rules, and clause 三 "涉及煤矿安全监察系统或地方各级
 * 安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理", which versions 2–8 left outside the machine:
 * the fact `coalOrLocalBureau` (at opening, or by METRICS_UPDATED) owes 人事司 the 协调跟踪办理
 * (rules/version9.ts: no due time, the text gives none), met by `COORDINATE_TRACKING` with a note
 * of how, or waived with a reason; it holds the close like every owed duty.
 *
 * Migration from 8, the policy (`migratesFrom: { from: 8 }`, no context function): version 8 took
 * no such fact (its events refused it), so an open incident has it unset, read as false, and owes
 * nothing new at the migration (第8版无此事实，迁移的事件视为“否”，不新增应办事项). Once on version 9,
 * the monitoring's METRICS_UPDATED that sets it true owes the duty from then. The kit's rederive by
 * 9's rules, the states as they are; no context changes.
 */
export const planV9: PlanDefinition = {
  ...planV8,
  version: 9,
  obligations: [...obligationRulesV9, escalation],
  events: withCoordinationV9(planV8.events),
  machine: machineV9,
  migratesFrom: { from: 8 },
}

/**
 * Version 10: version 9's states, events and kit options; 三's 协调跟踪办理 (涉及煤矿安全监察系统或地方各级
 * 安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理) waived — the fact ticked in error — is owed again when
 * the monitoring turns the fact true (kit `again.factsTurned`, rules/version10.ts); met once, it is not.
 * Version 9 owed it never again once waived (diff review doubt 3), though 三 ties the duty to what the
 * opinion concerns. Its migration from 9 (rules/migration-v9.ts `contextFromV9`) gives the ledger mark
 * the fact as it is, so the next turn of the fact to true owes the duty again; it owes nothing at the
 * migration itself (the context keeps no history of the facts: a fact unticked and ticked again on 9
 * after the waiver cannot be told from one that stayed ticked); then the kit's rederive by 10's rules.
 * Version 9 stays for the incidents opened on it.
 */
export const planV10: PlanDefinition = {
  ...planV9,
  version: 10,
  obligations: [...obligationRulesV10, escalation],
  machine: machineV10,
  migratesFrom: { from: 9, context: contextFromV9 },
}

/**
 * Version 11: version 10's states, events and kit options, from a reader's two findings on 10
 * (rules/version11.ts). 五(二) 发现有舆情发酵…要及时报告人事司(宣教办): after a relapse and a lowering, a
 * report made before the relapse no longer counts for the lower grade (kit `prior` `{ after: RELAPSE,
 * latest, sameGradeOrAbove }`); version 10 withdrew the relapse's report and never owed it. 四(四)
 * 对恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关依法予以处置 and 五(五)2 涉嫌犯罪的，依法予以追究 name no
 * category: a referral decided yes stays owed at a change of category (version 10 withdrew it). Its
 * migration from 10 (rules/migration-v10.ts `contextFromV10`) owes again, from the migration, what 10
 * so withdrew or counted; then the kit's rederive by 11's rules. Version 10 stays for the incidents
 * opened on it.
 */
export const planV11: PlanDefinition = {
  ...planV10,
  version: 11,
  obligations: [...obligationRulesV11, escalation],
  machine: machineV11,
  migratesFrom: { from: 10, context: contextFromV10 },
}

/**
 * Version 12: version 11's states, events and kit options, from the diff review of 11
 * (rules/version12.ts). 五(二) 发现有舆情发酵…要及时报告人事司(宣教办): a lowering after a relapse owes the
 * lower grade's report again when its latest instance was settled before the relapse (kit `again.lowered:
 * 'settledBeforePrior'`: opened 一般 and reported, risen, relapsed, lowered to 一般 — version 11 owed
 * nothing); a relapse report of a higher grade waived since the relapse settles it (the reading version
 * 11 left open, decided as version 7 reads a waived phone report). 五(五) 舆情事件平息后…1.一般网络舆情…与
 * 首发信息人沟通: the contact waits for the subsiding after a relapse. Its migration from 11
 * (rules/migration-v11.ts `contextFromV11`) owes the lower grade's report from the migration where 12
 * would have begun it again; then the kit's rederive by 12's rules. Version 11 stays for the incidents
 * opened on it.
 */
export const planV12: PlanDefinition = {
  ...planV11,
  version: 12,
  obligations: [...obligationRulesV12, escalation],
  machine: machineV12,
  migratesFrom: { from: 11, context: contextFromV11 },
}

/**
 * Version 13: version 12's states, events and kit options (rules/version13.ts). 五(五) 舆情事件平息后，相关单位
 * 应做好善后工作 heads both items: 2.'s duties (是否属恶意诋毁 and the legal statement for a rumor or malicious
 * content, 重大的恶意网络负面信息's local clearance, the question of the referral and the referral, 四(四)、
 * 五(五)2) are owed once subsided since the latest relapse (kit condition `act … since`), as 1.'s contact
 * is from version 12; version 12 owed them in the response after a relapse, at a change of category or
 * a rise to 重大, before the incident had subsided again. An instance owed before a relapse stays owed.
 * Migration from 12, the policy (`migratesFrom: { from: 12 }`, no context function): what version 12
 * began early stays owed (version 13 keeps an owed instance: nothing begun is dropped, and it is done in
 * the aftercare as it would be once subsided); nothing new is owed. The kit's rederive by 13's rules,
 * the states as they are. Version 12 stays for the incidents opened on it.
 */
export const plan: PlanDefinition = {
  ...planV12,
  version: 13,
  obligations: [...obligationRulesV13, escalation],
  machine,
  migratesFrom: { from: 12 },
}
