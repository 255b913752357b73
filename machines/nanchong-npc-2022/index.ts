/**
 * 南充市人大常委会机关网络舆情应急处置预案 (2022-08-05): the plan definition.
 * Version 14 (three doubts about version 13 read against the text; version 13's chart and options,
 * migrates from 13): the press conference only on 三(四)3's grounds (重大突发事件, a fact, or 特别重大
 * 舆情; not 重大 as such); the 及时/尽快/迅速 duties due by a named local policy (`PROMPT_POLICY`) and
 * 三(四)4's 咨询 replied to in time; 二(三)6's 相关部门 one by one (四(一)'s 市委宣传部、市公安部门 and
 * 其他有关部门, each decided and reported to) — rules/versions-v14.ts, events-v14.ts, migration-v14.ts.
 * Version 13 (a clause review of version 12's open readings; version 12's options, migrates from
 * 12): 二(三)6's 相关部门 — the group decides which, and a yes owes them the report of the handling
 * work (REPORT `to: ['departments']`); a 谣言 found 捏造、歪曲或夸大事实 owes the referral to 网信办 and
 * 公安机关 (三(四)4, a decision); the press conference asked again at a rise to 特别重大 after a no at
 * 重大 (三(四)3); the 立即 and 第一时间 duties due by a named local policy; the tip-off investigated by
 * 纪检监察组或机关纪委 (role `discipline`, 三(四)1) — rules/versions-v13.ts, migration-v13.ts.
 * Version 12 (a clause review of version 11; version 11's states, chart and options, migrates
 * from 11): the group owes 市网信办 the report of the handling work from the subsiding (二(三)6
 * 向市网信办及相关部门报告舆情应急处置工作情况; 较大 and above; REPORT `subject: 'handling'`, its events) —
 * rules/versions-v12.ts, migration-v12.ts.
 * Version 11 (a review of version 10; version 10's states, events and options, migrates from
 * 10): the category is owed while none is set (三(四)1 原则上均予正面回应, by category) and the
 * response ends only once it is set or waived; a tip-off found true keeps its rectification and
 * accountability at a change of category (三(四)4) — rules/versions-v11.ts, migration-v11.ts.
 * Versions 2 to 10: plans-early.ts (each paragraph says what it changed).
 */

import type { PlanDefinition } from '../kit/types.js'
import { eventsV12, eventsV13 } from './events.js'
import { eventsV14 } from './events-v14.js'
import { machine, machineV11, machineV12, machineV13 } from './machine.js'
import { contextFromV10 } from './migration-v11.js'
import { contextFromV11 } from './migration-v12.js'
import { contextFromV12 } from './migration-v13.js'
import { contextFromV13 } from './migration-v14.js'
import { planV10 } from './plans-early.js'
import {
  escalation,
  obligationsV11,
  obligationsV12,
  obligationsV13,
  obligationsV14,
  PLAN_ID,
} from './rules.js'

export {
  planV2,
  planV3,
  planV4,
  planV5,
  planV6,
  planV7,
  planV8,
  planV9,
  planV10,
} from './plans-early.js'
export { machine, PLAN_ID }

/**
 * Version 11: version 10's states, events and options; its rules (`obligationsV11`) and its
 * response's end (SUBSIDE, guard `responseEnds`) differ. 三(四)1: an incident without a category
 * owes it (`step:categorize`, the office's or the group's, local policy: no time limit, set or
 * waived before the response ends), so the answer its route owes is never lost; 三(四)4: the
 * rectification and accountability a finding 属实 began stay owed at a change of category (the
 * tip-off's answer gives way to the new category's). The migration from 10 appends what version
 * 11 owes, owed from the migration with its note (migration-v11.ts).
 */
export const planV11: PlanDefinition = {
  ...planV10,
  version: 11,
  obligations: [...obligationsV11, escalation],
  machine: machineV11,
  migratesFrom: { from: 10, context: (old, m) => contextFromV10(obligationsV11, old, m) },
}

/**
 * Version 12: version 11's states, chart, guards and options; its rules (`obligationsV12`) and its
 * events (`eventsV12`: REPORT names its `subject`) differ. 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况:
 * at 较大 and above the group owes 市网信办 the report of the handling work from the subsiding (处置
 * 结束; `report:handling`, local policy: 24 hours, again after a relapse's subsiding, withdrawn by a
 * lowering to 一般 not yet due), met by `REPORT { to: ['cac'], subject: 'handling' }`, holding the
 * close (rule 2). The migration from 11 appends it, owed from the migration with its note, for an
 * open incident that subsided at 较大 or above (migration-v12.ts). Rules 4 and 5: the report to the
 * group, the report to 市网信办 and the handling report, begun by a rise, keep the due time their own
 * ower's lowering withdrew while it is still ahead (`REVIVED_V12`, kit `again.revivesWithdrawn`).
 */
export const planV12: PlanDefinition = {
  ...planV11,
  version: 12,
  obligations: [...obligationsV12, escalation],
  events: eventsV12(planV11.events),
  machine: machineV12,
  migratesFrom: { from: 11, context: (old, m) => contextFromV11(obligationsV12, old, m) },
}

/**
 * Version 13: version 12's options; its rules (`obligationsV13`), events (`eventsV13`: REPORT may go
 * to the 相关部门, INVESTIGATE is 纪检监察组或机关纪委's) and guards (`mayReport`, the conference a yes at
 * either asking ordered) differ. 二(三)6: from the subsiding the group decides whether and to which
 * 相关部门 the handling work is reported (`decide:departments`, every grade; again after a relapse's
 * subsiding); a yes owes `report:departments` (local policy: 24 hours from the yes), met by
 * `REPORT { to: ['departments'], subject: 'handling' }`. 三(四)4: a 谣言 owes the group's finding whether
 * it is 捏造、歪曲或夸大事实 (`decide:police`); a yes owes the referral (`step:police`, REFER_TO_POLICE).
 * 三(四)3: a no (or a waiver) at 重大 is asked again at a rise to 特别重大
 * (`decide:pressConference:critical`). 立即/第一时间 (`IMMEDIATE_POLICY`): the stance 2 hours from the
 * marking, the rectification 24 hours from the finding, the request for 市网信办's consent 30 minutes from
 * the group's yes, the block 30 minutes from the consent. 三(四)1: the investigation is owed by
 * 纪检监察组或机关纪委 (`discipline`). The migration from 12 appends the decisions, owed from the migration
 * with their note, and gives an owed investigation to `discipline` (migration-v13.ts).
 */
export const planV13: PlanDefinition = {
  ...planV12,
  version: 13,
  obligations: [...obligationsV13, escalation],
  events: eventsV13(planV12.events),
  machine: machineV13,
  migratesFrom: { from: 12, context: (old, m) => contextFromV12(obligationsV13, old, m) },
}

/**
 * Version 14: version 13's options and chart; its rules (`obligationsV14`), events (`eventsV14`: REPORT's
 * recipients 市委宣传部 and 市公安部门, METRICS_UPDATED's fact `majorEmergency`) and `mayReport` differ.
 * 三(四)3 对于重大突发事件或特别重大舆情: the press conference is decided at 特别重大 or where the 舆情 concerns a
 * 重大突发事件 (the fact, stated by the monitor or the office), no longer at 重大 as such
 * (`CONFERENCE_GROUND`, kit condition `grade`). 及时/尽快/迅速 (`PROMPT_POLICY`): the meeting 2 hours from
 * the group's receipt of the report, 市网信办's opinion 2 hours and the measures 4 hours from the meeting
 * (or a rise), the investigation and the accountability 5 working days, and 三(四)4's 咨询 owes its
 * reply 24 hours from the category (`offline:inquiry`). 二(三)6: 四(一)'s 市委宣传部 and 市公安部门 are each
 * decided and reported to apart (`decide:departments:propaganda` …), `decide:departments` and
 * `report:departments` being 其他有关部门's. The migration from 13 appends the new decisions and the
 * 咨询's reply, owed from the migration with their note (migration-v14.ts).
 */
export const plan: PlanDefinition = {
  ...planV13,
  version: 14,
  obligations: [...obligationsV14, escalation],
  events: eventsV14(planV13.events),
  machine,
  migratesFrom: { from: 13, context: (old, m) => contextFromV13(obligationsV14, old, m) },
}
