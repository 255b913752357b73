/**
 * Version 12's obligation list: version 11's (rules/version11.ts `obligationsV11`), with the kit's
 * `again.revivesWithdrawn: 'byOwer'` on every report a rise begins with a due time.
 *
 * OBLIGATIONS.md rule 4 ("a rise 25 minutes into a 30-minute window does not buy 30 more minutes")
 * with rule 5 (a lowering withdraws only what is not yet due): the office owes 三第二步's 续报 to the
 * group (with the monitor), 三第三步's reports to 市委办、市政府办、市委网信办 and 四(三)'s filing (with
 * the group), the group 四(二)'s report to 市政府分管领导 — and both may lower the grade (SET_SEVERITY,
 * 三第二步、五(一)1 调整级别: office, group). On version 11 the one owing such a report could lower the
 * grade (the report, not yet due, withdrawn) and raise it again: the rise began the report anew with
 * a full window (30 minutes, 2 hours). On version 12 the instance that rise begins keeps the due time
 * of the one its own ower's lowering withdrew, while that due time is still ahead (its policy says
 * so: 同一应报者降级后再次升级，沿用被撤回报告的时限). Past it, the rise begins it as before (a lowering
 * never produces a breach, rule 5; the lower grade held past the window is on the record); lowered
 * by someone who does not owe it (the group correcting the office's 续报 grade, the office the
 * group's report to 市政府分管领导), the rise counts a new window, as before.
 */

import { revivingWithdrawn } from '../../kit/revive-withdrawn.js'
import type { ObligationRule } from '../../kit/types.js'
import { obligationsV11 } from './version11.js'

/** The reports a rise begins (again, or anew after a lowering withdrew them), each with a due time. */
export const REVIVED_V12 = [
  'report:group',
  'report:cityPartyOffice',
  'report:cityGovOffice',
  'report:cityCac',
  'report:cityLeader',
  'report:filing',
] as const

export const obligationsV12: readonly ObligationRule[] = revivingWithdrawn(obligationsV11, REVIVED_V12)
