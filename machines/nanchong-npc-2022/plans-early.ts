/**
 * 南充市人大常委会机关网络舆情应急处置预案 (2022-08-05): versions 2 to 10, kept for the incidents opened
 * on them (index.ts holds version 11 on and re-exports these).
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
import { events, eventsV4 } from './events.js'
import {
  machineV2,
  machineV3,
  machineV4,
  machineV5,
  machineV6,
  machineV7,
  machineV8,
  machineV9,
  machineV10,
} from './machine.js'
import { blocksPerConsent } from './migration-v7.js'
import { cacKeptAtLowering } from './migration-v7-cac.js'
import { blocksPerTarget, cacAsV8 } from './migration-v8.js'
import { cacFromRise } from './migration-v9.js'
import { groupFollowUpKept } from './migration-v10.js'
import { cacRiseKept } from './migration-v10-cac.js'
import { groupOwnWithdrawn } from './migration-v10-group.js'
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
  PLAN_ID,
  waivers,
} from './rules.js'

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
