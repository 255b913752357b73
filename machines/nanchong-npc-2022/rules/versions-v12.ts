/**
 * What version 12 owes differently from version 11, from a clause review of version 11,
 * derived from its list (rules/versions-v11.ts `obligationsV11`), and the reports a rise begins
 * keeping the due time their own ower's lowering withdrew (`REVIVED_V12`).
 */
import { revivingWithdrawn } from '../../kit/revive-withdrawn.js'
import type { ObligationRule } from '../../kit/types.js'
import { LARGE_UP } from './grading.js'
import { act } from './obligations.js'
import { CAC, ROLES } from './roles.js'
import { obligationsV11 } from './versions-v11.js'

/**
 * 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况 — the group's duty; the text gives it no time.
 * The handling work (应急处置工作) ends at the subsiding (三(六) 网络舆情应急处置结束后), so its report is
 * owed from then. 三(二) reports only 特别重大、重大或较大 to 市网信办 (逐级) and 三(三) hears it only at those
 * grades: a 一般 incident is handled within the organ and 市网信办 is owed no account of it.
 */
export const HANDLING_POLICY =
  '“报告舆情应急处置工作情况”未给时点、时长：应急处置结束（舆情平息）时起须报，自平息时起 24 小时（本地政策）；' +
  '舆情反复后再次平息的，再报其后的处置工作情况（尚在办的，不另起一项）；仅较大及以上（三(二) 较大及以上报送市网信办），' +
  '降为一般时尚未到期的撤回（规则 5）'

/** Version 12: the report of the handling work to 市网信办 (二(三)6), owed by the group from the subsiding. */
const reportHandling: ObligationRule = {
  id: 'report:handling',
  kind: 'report',
  label: '向市网信办报告舆情应急处置工作情况',
  clause: '二(三)6、三(六)',
  policy: HANDLING_POLICY,
  owedBy: ROLES.reportToCac,
  recipient: CAC,
  severities: LARGE_UP,
  when: act('SUBSIDE'),
  due: { anchor: 'start', amount: 24, unit: 'hours' },
  // A report to 市网信办 whose `subject` is the handling work (events.ts `eventsV12`).
  discharge: { type: 'REPORT', fields: { to: ['cac'], subject: 'handling' } },
  // 舆情反复后再次平息: the handling since is reported again, once the latest report is settled.
  again: { events: ['SUBSIDE'], whileOwed: false },
  // Only a report of the handling made since the latest subsiding reports the handling that ended.
  prior: { after: 'SUBSIDE', latest: true },
}

/**
 * The reports a rise begins (again, or anew after a lowering withdrew them), each with a due time,
 * whose owers may lower the grade (三(一), `ROLES.lower`: the office, the group): 三(二)'s report to
 * the group (the monitor's and the office's), the report to 市网信办 and the report of the handling
 * work (the group's). OBLIGATIONS.md rule 4 ("a rise 25 minutes into a 30-minute window does not buy
 * 30 more minutes") with rule 5: the one owing such a report could lower the grade (the report, not
 * yet due, withdrawn) and raise it again for a full new window. With the kit's
 * `again.revivesWithdrawn: 'byOwer'` the instance that rise begins keeps the due time of the one its
 * own ower's lowering withdrew, while that is still ahead (its policy says so); past it, or lowered
 * by someone who does not owe it (the group correcting the office's grade), a new window as before.
 */
export const REVIVED_V12 = ['report:group', 'report:cac', 'report:handling'] as const

/**
 * Version 12 (the review of version 11): version 11's rules and, after the trend watch of
 * 三(六), the report of the handling work to 市网信办 (二(三)6), holding the close (rule 2); the
 * reports a rise begins keep the due time their own ower's lowering withdrew (`REVIVED_V12`).
 */
export const obligationsV12: readonly ObligationRule[] = revivingWithdrawn(
  obligationsV11.flatMap((r) => (r.id === 'step:trendWatch' ? [r, reportHandling] : [r])),
  REVIVED_V12,
)
