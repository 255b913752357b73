/**
 * 內鄉縣負面網絡輿情應急處置辦法 (內政辦〔2017〕156號): the plan definition, over the text's
 * own numbering (第四條, 第二條3, 第七條1). See ../../shared/seeds/neixiang-2017.txt.
 * Version 3: the stance (第七條1 表明態度) is public text like a release: a draft of purpose
 * `stance`, approved as the grade requires of a release (the group's line, 第三條4、第七條3;
 * 县委宣传部 in a 第二條4 case), published by STATE_POSITION { draftId }. Version 2 (the
 * obligations of the second reading, PLANS.md) took the stance as free text with no
 * approval; it stays for the incidents opened on it, which move to version 3 by migration
 * (the same states; nothing met, breached or due moves).
 * Version 4: 宣传部's 审定 of a 第二條4 case is an approval of each draft (in the table);
 * the press conference (第五條) speaks an approved draft once the group has convened;
 * 第三條3 (新闻发言人) and 第七條3 (梯度发布) are decisions on the record; a rise owes a
 * mainstream release (第六條). Version 3 stays for its incidents, which migrate (same states).
 * Version 5 (the same rules and states; a black-box check's findings): the kit's options —
 * an approval is not waived, a superseded draft is neither approved (APPROVE_LEAD too) nor
 * published (rule 8); the stance and the press conference wait for the source like a release
 * (第六條 source#1 首次发布前); a closing record the group waived closes the incident (rule 2).
 * Version 4 stays for its incidents, which migrate (same states).
 * Version 6 (the same states, chart and options as 5): a rise, a lowering and a rise again to
 * a grade the group and the principal leaders were told of owe them no second report — the
 * 续报 begins met at the earlier report's time (OBLIGATIONS.md rule 6, kit `again.told`;
 * rules/versions.ts `rulesV6`). Version 5 stays for its incidents (migratesFrom 5).
 * Version 7 (the same states; a review of version 6): the mainstream and staged releases (第六條,
 * 第七條3), early handling (第四條), illegal content (第七條2) and rebuttal (第六條) in every open
 * phase; a waived release, or facts already released, start the response (rule 2, 第五條),
 * which is owed (`respond`, 第一时间: policy 2 h); 第五條 owes the mainstream coverage at 重大 and
 * 特别重大 (`mainstream:major`), and a conference held below 重大 does not meet its duty; no 续报
 * to the group (第四條 names one report; 第三條5、6 are the group's own duties), the 续报 to the
 * principal leaders on 第三條5, withdrawn by a lowering where they know the lower grade (rule 5;
 * kit option `lowerAtDue`); only the principal side waives the reports to the principal leaders
 * and to 上级; only the group convenes (第三條4); and the duties version 6 never owed: each
 * principal leader's 批示 carried out (第三條1, INSTRUCT / CARRY_OUT), a progress report to 有关单位和
 * 部门 once it subsides (第三條5、6, recipient `units`), 解答及跟帖 (第五條) and, where the group
 * finds 负面质疑, a rebuttal (第六條, `decision:rebut`). Version 6 stays for its incidents
 * (migratesFrom 6).
 * Version 8 (the same states; version 7's options and the kit's `repeats: 'sameEvent'`; a review
 * of version 7): each principal leader's 批示
 * is carried out by a CARRY_OUT of its own (第三條1; kit rule option `dischargeOne`: the one it
 * names in `obligation`, or the oldest owed — version 7 met every 批示 owed with one), the
 * group convenes once the report to it is made or waived (rule 2; version 7 waited for a
 * REPORT for good), and each relapse owes the 通报 to 有关单位和部门 again (第三條5、第三條6、
 * 第七條4, `report:units:relapse`). Version 7 stays for its incidents (migratesFrom 7).
 * Version 9 (version 8's states, rules, events and options): a report to the group the group
 * waived in discovery, before any report, frees CONVENE there too (rule 2; version 8 freed it
 * in reporting only, and discovery took no CONVENE). Version 8 stays for its incidents
 * (migratesFrom 8).
 * Version 10 (version 9's states and kit options; a clause-by-clause review of version 9,
 * rules/version10.ts, events-v10.ts): a report to 上级 counts only made at 特别重大 (第二條3); only
 * 县委办、县政府办 waive their coordination (第二條3); a first grading to 重大 or 特别重大 after an
 * ungraded report owes the principal leaders the report of that grade (第二條1, kit
 * `again.firstGrading`); the principal leaders are owed the progress once it subsides and after
 * each relapse (第三條5、第三條6), the 通报 to 有关单位和部门 citing 第三條5; the commentators rebut
 * (第六條) and post follow-ups (第四條). Version 9 stays for its incidents (migratesFrom 9,
 * rules/migration-v9.ts `contextFromV9`).
 * Version 11 (version 10's states, chart, events and kit options; rules/version11.ts): a rise keeps
 * the due time of the 续报 to the principal leaders its own ower's lowering withdrew, while that is
 * still ahead (OBLIGATIONS.md rules 4 and 5; kit `again.revivesWithdrawn: 'byOwer'`). Version 10
 * stays for its incidents (migratesFrom 10, the identity).
 * Version 12 (version 11's states and events; rules/version12.ts, kit `orderedDuties:
 * 'withDecision'`): 第七條2 (要…協助工作人員及時處理違法信息) is decided on the record and a yes owes the
 * handling; 第六條's rebuttal and 第七條2 are asked again after each relapse (第七條4); a rise (or a first
 * grading to 重大+) not the group's own owes the group a 续报 (第四條). Version 11 stays for its
 * incidents (migratesFrom 11, rules/migration-v11.ts `contextFromV11`).
 * Version 13 (version 12's states, events and kit options; rules/version13.ts, kit rule option
 * `again.onYesSince`): after a relapse, a rebuttal (第六條) or a handling of illegal content (第七條2)
 * made since the latest relapse, before the group's yes asked again (第七條4), counts for the duty
 * that yes orders (OBLIGATIONS.md rule 6; version 12 owed it anew, and the operator did again what
 * had just been done); one before the relapse does not. Version 12 stays for its incidents
 * (migratesFrom 12; the kit's rederive meets such an owed instance at that step).
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses, clausesV7 } from './clauses.js'
import { events, eventsV2, eventsV4 } from './events.js'
import { eventsV7 } from './events-v7.js'
import { eventsV8 } from './events-v8.js'
import { eventsV10 } from './events-v10.js'
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
import { contextFromV9 } from './rules/migration-v9.js'
import { contextFromV11 } from './rules/migration-v11.js'
import {
  approvals,
  approvalsV4,
  approvalsV7,
  classify,
  GRADES,
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
  PLAN_ID,
  waivers,
  waiversV7,
  waiversV10,
} from './rules.js'

export { machine, PLAN_ID }

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '內鄉縣負面網絡輿情應急處置辦法',
  issuer: '內鄉縣人民政府辦公室',
  severities: GRADES,
  hasCriteria: false,
  classify,
  obligations: obligationsV2,
  approvals,
  waivers,
  events: eventsV2,
  clauses,
  machine: machineV2,
}

export const planV3: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations: obligationsV3,
  events,
  machine: machineV3,
  migratesFrom: { from: 2 },
}

export const planV4: PlanDefinition = {
  ...planV3,
  version: 4,
  obligations,
  approvals: approvalsV4,
  events: eventsV4,
  machine: machineV4,
  migratesFrom: { from: 3 },
}

export const planV5: PlanDefinition = {
  ...planV4,
  version: 5,
  machine: machineV5,
  migratesFrom: { from: 4 },
}

/** Version 6: version 5's states, chart and options; no 续报 to a recipient already told of the grade. */
export const planV6: PlanDefinition = {
  ...planV5,
  version: 6,
  obligations: obligationsV6,
  machine: machineV6,
  migratesFrom: { from: 5 },
}

/** Version 7: version 6's states; the review's findings (rules/version7.ts, chart/any-phase-v7.ts). */
export const planV7: PlanDefinition = {
  ...planV6,
  version: 7,
  obligations: obligationsV7,
  approvals: approvalsV7,
  waivers: waiversV7,
  events: eventsV7,
  clauses: clausesV7,
  machine: machineV7,
  migratesFrom: { from: 6 },
}

/**
 * Version 8: version 7's states, its options and `repeats: 'sameEvent'` (two 批示 at one instant
 * are two); each 批示 carried out on its own, a waived report
 * to the group frees CONVENE, the 通报 to 有关单位和部门 owed again after a relapse
 * (rules/version8.ts, events-v8.ts, chart/reporting.ts).
 */
export const planV8: PlanDefinition = {
  ...planV7,
  version: 8,
  obligations: obligationsV8,
  events: eventsV8,
  machine: machineV8,
  migratesFrom: { from: 7 },
}

/**
 * Version 9: version 8's states, rules, events and options; the group convenes from discovery
 * once it has waived the report to itself (rule 2, chart/discovery.ts).
 */
export const planV9: PlanDefinition = {
  ...planV8,
  version: 9,
  machine: machineV9,
  migratesFrom: { from: 8 },
}

/**
 * Version 10: version 9's states and kit options; the review's findings on version 9
 * (rules/version10.ts, events-v10.ts). Its migration from 9 (rules/migration-v9.ts
 * `contextFromV9`) owes again, from the migration and with a note, what version 9 counted met
 * that version 10 owes; then the kit's rederive by 10's rules (the progress to the principal
 * leaders begun at the migration where it has subsided or relapsed).
 */
export const planV10: PlanDefinition = {
  ...planV9,
  version: 10,
  obligations: obligationsV10,
  waivers: waiversV10,
  events: eventsV10,
  machine: machineV10,
  migratesFrom: { from: 9, context: contextFromV9 },
}

/**
 * Version 11: version 10's states, chart, events and kit options; its rules (rules/version11.ts
 * `obligationsV11`, OBLIGATIONS.md rules 4 and 5): the 续报 to the principal leaders a rise begins
 * keeps the due time of the instance its own ower's lowering withdrew, while that is still ahead
 * (lowering and raising again buys no new window). An incident of version 10 moves to it as it is
 * (the identity: every state of 10 is one of 11, nothing owed changes); its withdrawn 续报 and
 * severityLog are read the same way at its next rise.
 */
export const planV11: PlanDefinition = {
  ...planV10,
  version: 11,
  obligations: obligationsV11,
  machine: machineV11,
  migratesFrom: { from: 10 },
}

/**
 * Version 12: version 11's states and events; its rules (rules/version12.ts `obligationsV12`) and
 * kit options (`orderedDuties: 'withDecision'`, machine.ts): 第七條2 a decision and, on a yes, a
 * duty; 第六條's and 第七條2's decisions asked again after each relapse (第七條4); a 续报 to the group
 * after a rise not its own (第四條). Its migration from 11 (rules/migration-v11.ts `contextFromV11`)
 * appends, owed from the migration, the 续报 to the group and the asking whether to rebut that
 * version 12 owes on the record; then the kit's rederive (whether there is illegal content, asked
 * where the response has started).
 */
export const planV12: PlanDefinition = {
  ...planV11,
  version: 12,
  obligations: obligationsV12,
  machine: machineV12,
  migratesFrom: { from: 11, context: contextFromV11 },
}

/**
 * Version 13: version 12's states, events and kit options; its rules (rules/version13.ts
 * `obligationsV13`): the rebuttal (第六條) and the handling of illegal content (第七條2) a yes after a
 * relapse orders start met at their step made since the latest relapse (OBLIGATIONS.md rule 6, kit
 * `again.onYesSince`). An incident of version 12 moves to it with no context function: the kit's
 * rederive judges such an instance owed on version 12 again (kit/rejudge.ts), met at that step.
 */
export const plan: PlanDefinition = {
  ...planV12,
  version: 13,
  obligations: obligationsV13,
  machine,
  migratesFrom: { from: 12 },
}
