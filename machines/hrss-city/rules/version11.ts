/**
 * Version 11's obligation list, from a review of version 10: what it changes of `obligationsV9`
 * (rules/version9.ts; version 10 has version 9's rules), with the clause it reads.
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { obligationsV9 } from './version9.js'

const GROUP_REPORT = 'report:group'
const TO_GROUP = { to: ['group'] }

/**
 * 三第二步 "在监测过程中发现舆情恶化、影响面扩大等不良发展趋势时要及时上报局网络舆情应急处置领导小组",
 * with OBLIGATIONS.md rule 5 (a lowering withdraws what the new grade does not require, not yet due).
 * The report to the group applies at every grade, so version 10 never withdrew the 续报 a rise began:
 * risen 一般 → 重大 and corrected back to 一般 a minute later, the group — told of 一般 — was owed a
 * report of a 恶化 no longer on the record, which breached and owed an escalation. Version 11 owes
 * the report to the group (the kit conditions nanchong-npc-2022 version 7 and saws-2014 version 7
 * use for the same 续报):
 * - while the latest change of grade is a rise (kit `risen`: the 续报 of that rise);
 * - while the group has not been told of the current grade or a higher one since the latest
 *   relapse — no report to it then, no waiver of an instance begun then (kit `actAtGrade`,
 *   `waivedAtGrade` with `since: 'RELAPSE'`). So the first report (三第三步), never made, stays
 *   owed after a lowering; so does a relapse's report not yet made. A lowering to a grade still
 *   above the one the group was last told of (一般 reported, risen to 特别重大, lowered to 重大)
 *   keeps the 续报 owed with its due time (rule 4): against what the group knows, 重大 is still the
 *   舆情恶化 三第二步 asks it be told of. Lowered to the grade it was told of, or below, the 续报
 *   not yet due is withdrawn, with who lowered it and why (rule 5); one already breached stays
 *   (rule 1);
 * - while the report a spread began (a watched fact turning true, version 9's `again.factsTurned`)
 *   is owed (kit `owedBegunBy`): 影响面扩大 is a 不良发展趋势 of its own, owed at any grade — a lowering
 *   withdraws the rise's 续报, never the spread's report;
 * - at the monitoring update that records a spread (no change of grade since the latest
 *   `METRICS_UPDATED`), so the spread's report begins as in version 10. This reading matters only
 *   at a lowering (whose own change of grade is that act) and at a migration.
 * Who raised or lowered the grade does not matter, as in version 10: the 续报 is the monitor's
 * report to the group (三第二步), owed after a rise the group made too.
 */
export const GROUP_REPORT_OWED_V11: Condition = {
  any: [
    { risen: true },
    {
      not: {
        any: [
          { actAtGrade: 'REPORT', fields: TO_GROUP, since: 'RELAPSE' },
          { waivedAtGrade: GROUP_REPORT, since: 'RELAPSE' },
        ],
      },
    },
    { owedBegunBy: 'METRICS_UPDATED', rule: GROUP_REPORT },
    { not: { actAtGrade: 'SET_SEVERITY', since: 'METRICS_UPDATED' } },
  ],
}

export const LOWERED_V11 =
  '降级后：领导小组已获知降至的级别或更高级别的，升级后尚未到期的续报撤回；首报、舆情反复或影响面扩大后尚未上报的照旧须办；仍高于领导小组已获知级别的照旧须办（OBLIGATIONS.md 第4、5条）'

export const obligationsV11: readonly ObligationRule[] = obligationsV9.map((r) =>
  r.id === GROUP_REPORT ? { ...r, when: GROUP_REPORT_OWED_V11, policy: `${r.policy}；${LOWERED_V11}` } : r,
)
