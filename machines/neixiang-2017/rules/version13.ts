/**
 * Version 13's obligation list: version 12's (version12.ts `rulesV12`) with what a yes asked again
 * after a relapse orders judged by OBLIGATIONS.md rule 6 for the content it was asked about.
 *
 * 第六條 (對負面質疑進行反駁) and 第七條2 (協助工作人員及時處理違法信息) answer the content online; 第七條4
 * (防止事態反復) names the relapse, the negative reports coming back. Version 12 asks both again after
 * each relapse, since an answer given before it was about the content then; a yes owes the step
 * again. But it owed the step anew even when the commentators had already rebutted, or the office
 * had already had the illegal posts removed, after the relapse and before the group's yes: the
 * operator was asked to do again what had just been done about the very content the yes is about.
 * Rule 6 (做在应办之前的计入: "When an obligation begins and the step that discharges it was already
 * taken in a way that satisfies it … it starts `met` at that step's time"), which version 12 applies
 * to the first yes (决定之前所作的处理计入), applies to the yes after a relapse too, bounded by the
 * relapse: a step since the latest relapse counts (kit `again.onYesSince: { after: 'RELAPSE',
 * latest: true }`); one before it (or at its instant but recorded before it) does not, nor one
 * between two relapses when the yes follows the second (the content came back again). The same
 * step may meet the instance an earlier yes left owed and the one the new yes orders, as it does
 * when the yes comes first (the owed one then stays the one owed, and one step meets it).
 */
import type { ObligationRule } from '../../kit/types.js'
import { escalationV7 } from './version7.js'
import { ORDERED_AGAIN, rulesV12 } from './version12.js'

/** What a yes after a relapse orders, in the plan's words (local policy, rule 6). */
export const ORDERED_SINCE_RELAPSE =
  '舆情反复后再次决定须办的，自该决定起须再办一次；最近一次反复之后、该决定之前已办的计入（规则 6：所办针对反复后的内容），反复之前所办针对此前的内容，不计入'

/** The duties a yes orders again after a relapse (version 12's `again.onYes`). */
const ORDERED = ['rebuttal', 'removal']

/** Version 13 (rules/version13.ts): version 12's rules, a step since the latest relapse counting for a yes after it. */
export const rulesV13: readonly ObligationRule[] = rulesV12.map((r) =>
  ORDERED.includes(r.id)
    ? {
        ...r,
        policy: (r.policy ?? '').replace(ORDERED_AGAIN, ORDERED_SINCE_RELAPSE),
        again: { ...r.again, onYesSince: { after: 'RELAPSE', latest: true } },
      }
    : r,
)

/** Version 13's obligations (`rulesV13`), with version 7's escalation. */
export const obligationsV13 = [...rulesV13, escalationV7]
