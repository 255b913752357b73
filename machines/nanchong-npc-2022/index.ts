/**
 * 南充市人大常委会机关网络舆情应急处置预案 (2022-08-05): the plan definition.
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
 * Version 10 (version 9's states, chart, events, options and rules; migrates from 9): the
 * migration from 9 owes again the 续报 to the group a monitor's or the office's rise began and
 * the migration 7 → 8 withdrew once the group had raised the grade above it itself, where
 * version 8 on the same history keeps it owed (rule 4; migration-v10.ts).
 * Version 9 (version 8's states, chart, events, options and rules; migrates from 8): the
 * migration from 8 begins the 续报 to 市网信办 that the migration 7 → 8 left waiting for the
 * incident's next event, due as version 8 would have had it from the group's change of grade,
 * or an hour from the migration once that has passed (migration-v9.ts).
 * Version 8 (a clause-by-clause review of 7; the same states, chart and options, migrates
 * from 7): one follow-up owed at a time (a rise while the 续报 is owed begins no second; no
 * second report to 市网信办 after 特别重大 → 重大), the group is owed no 续报 of a grade it set
 * itself (rule 6), the report to 市网信办 once owed stays owed at 较大 and above (三(二); rules
 * 4, 5), and each content a consent names owes its own block (三(五)) — rules/versions-v8.ts.
 * Version 7 (a clause-by-clause review; the same states and options as 6, which it migrates
 * from): a lowering withdraws the follow-ups a rise added and not yet due (rule 5); the group
 * may send 市网信办 the report it owes after a rise (rule 4); after a rise 市网信办 is heard
 * only once it has the new grade's report (三(三)); a waived stance frees the replies and the
 * conclusion (rule 2); every consent of 市网信办 owes its block (三(五)).
 * Version 6 (the same states, chart and options as 5, which it migrates from): a rise, a
 * lowering and a rise again to a grade the group and 市网信办 were told of owe them no second
 * report — the 续报 begins met at the earlier report's time (OBLIGATIONS.md rule 6, kit
 * `again.told`; rules/versions.ts `obligationsV6`).
 * Version 5 (defects a black-box check found; same states as version 4, which it migrates
 * from): a release, stance or press conference of a text the group has not signed off is
 * refused naming the missing sign-off (OBLIGATIONS.md rule 8, `missingApprovals`), as in
 * every other plan; the kit's options: a sign-off is not waived (a waived approval is no
 * approval: withdraw the draft instead), and a draft superseded by a newer one of its
 * purpose is neither signed off nor published (已有新稿，旧稿不再审批).
 * Version 4 (the text walked again): the report to the group comes from below and the
 * group's report to 市网信办 follows it (三(二) 逐级); the text's conditional duties are
 * decided on the record (三(四)2, 三(五), 三(六)); a press conference gives a signed-off
 * conference text and a sign-off fixes the channel (二(三)2); a tip-off's reply after the
 * investigation is its answer (三(四)1). Same states as version 3, which it migrates from.
 * Version 3: after a rise the report to 市网信办 is owed once the group has the new grade's
 * report, and counts from then (逐级, OBLIGATIONS.md rule 7). Version 2 (obligations as
 * data, approvals bound to drafts, the second reading of PLANS.md) began it at the rise;
 * it stays for the incidents opened on it, which move to version 3 by migration (the same
 * states; nothing met, breached or due moves).
 */

import { withCategories } from '../kit/kit.js'
import type { ObligationRule, PlanDefinition } from '../kit/types.js'
import { COMMON_CATEGORIES } from '../vocabulary.js'
import { clauses } from './clauses.js'
import { events, eventsV4, eventsV12, eventsV13 } from './events.js'
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
import { blocksPerConsent } from './migration-v7.js'
import { cacKeptAtLowering } from './migration-v7-cac.js'
import { blocksPerTarget, cacAsV8 } from './migration-v8.js'
import { cacFromRise } from './migration-v9.js'
import { groupFollowUpKept } from './migration-v10.js'
import { cacRiseKept } from './migration-v10-cac.js'
import { groupOwnWithdrawn } from './migration-v10-group.js'
import { contextFromV10 } from './migration-v11.js'
import { contextFromV11 } from './migration-v12.js'
import { contextFromV12 } from './migration-v13.js'
import {
  approvals,
  approvalsV4,
  classify,
  escalation,
  GRADE_LABELS,
  obligations,
  obligationsV2,
  obligationsV4,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV11,
  obligationsV12,
  obligationsV13,
  PLAN_ID,
  waivers,
} from './rules.js'

export { machine, PLAN_ID }

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '南充市人大常委会机关网络舆情应急处置预案',
  issuer: '南充市人大常委会机关',
  severities: GRADE_LABELS,
  hasCriteria: false,
  classify,
  obligations: [...obligationsV2, escalation],
  approvals,
  waivers,
  events,
  clauses,
  machine: machineV2,
}

export const planV3: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations: [...obligations, escalation],
  machine: machineV3,
  migratesFrom: { from: 2 },
}

export const planV4: PlanDefinition = {
  ...planV3,
  version: 4,
  obligations: [...obligationsV4, escalation],
  approvals: approvalsV4,
  events: eventsV4,
  machine: machineV4,
  migratesFrom: { from: 3 },
}

/** Version 5: the same states, rules, approvals and events as version 4; its chart differs (above). */
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
  obligations: [...obligationsV6, escalation],
  machine: machineV6,
  migratesFrom: { from: 5 },
}

const BLOCK_V7 = obligationsV7.find((r) => r.id === 'block') as ObligationRule
const CAC_V7 = obligationsV7.find((r) => r.id === 'report:cac') as ObligationRule

/**
 * Version 7: version 6's states and options; its rules (`obligationsV7`) and guards differ
 * (above). Its incidents' block obligations, begun at every consent, are judged again at the
 * migration from 6 (migration-v7.ts), and a 续报 to 市网信办 version 6 withdrew at a lowering while
 * 市网信办 was not told of the grade lowered to is owed again with its due time (migration-v7-cac.ts).
 */
export const planV7: PlanDefinition = {
  ...planV6,
  version: 7,
  // The plan's own categories (the shared nine; earlier versions take political_mass too).
  events: withCategories(planV6.events, COMMON_CATEGORIES),
  obligations: [...obligationsV7, escalation],
  machine: machineV7,
  migratesFrom: { from: 6, context: (old) => cacKeptAtLowering(CAC_V7, blocksPerConsent(BLOCK_V7, old)) },
}

const CAC_V8 = obligationsV8.find((r) => r.id === 'report:cac') as ObligationRule
const BLOCK_V8 = obligationsV8.find((r) => r.id === 'block') as ObligationRule

/**
 * Version 8: version 7's states, chart, events and options; its rules (`obligationsV8`) differ
 * (above). Its incidents' report to 市网信办 and blocks are judged again at the migration from 7
 * (migration-v8.ts); the kit's migration withdraws what version 8 owes no more, not yet due.
 */
export const planV8: PlanDefinition = {
  ...planV7,
  version: 8,
  obligations: [...obligationsV8, escalation],
  machine: machineV8,
  migratesFrom: { from: 7, context: (old) => blocksPerTarget(BLOCK_V8, cacAsV8(CAC_V8, old)) },
}

/**
 * Version 9: version 8's states, chart, events, options and rules. Its incidents' 续报 to 市网信办
 * that the migration 7 → 8 left waiting for their next event is begun at the migration from 8,
 * due as version 8 would have had it from the group's change of grade, or an hour from the
 * migration once that has passed (migration-v9.ts).
 */
export const planV9: PlanDefinition = {
  ...planV8,
  version: 9,
  machine: machineV9,
  migratesFrom: { from: 8, context: (old, { at }) => cacFromRise(CAC_V8, old, at) },
}

const GROUP_V8 = obligationsV8.find((r) => r.id === 'report:group') as ObligationRule

/**
 * Version 10: version 9's states, chart, events, options and rules. Its incidents' 续报 to the
 * group that a monitor's or the office's rise began and the migration 7 → 8 withdrew once the
 * group had raised the grade above it itself is owed again at the migration from 9, where
 * version 8, walking the same history, holds it owed (migration-v10.ts); and the new grade's 续报
 * to 市网信办 beside a breached one, which 7 → 8 lost by dropping its mark, is kept again
 * (migration-v10-cac.ts); a 续报 to the group version 7 began at the group's own change of grade,
 * which version 8 never begins, is withdrawn (migration-v10-group.ts).
 */
export const planV10: PlanDefinition = {
  ...planV9,
  version: 10,
  machine: machineV10,
  migratesFrom: {
    from: 9,
    context: (old, m) => {
      const ctx = groupFollowUpKept(GROUP_V8, groupOwnWithdrawn(GROUP_V8, old, m), m.at)
      return cacRiseKept(CAC_V8, ctx, m.at)
    },
  },
}

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
export const plan: PlanDefinition = {
  ...planV12,
  version: 13,
  obligations: [...obligationsV13, escalation],
  events: eventsV13(planV12.events),
  machine,
  migratesFrom: { from: 12, context: (old, m) => contextFromV12(obligationsV13, old, m) },
}
