/**
 * Version 11's obligation list: version 10's (version10.ts `rulesV10`), with the kit's
 * `again.revivesWithdrawn: 'byOwer'` on every report a rise begins with a due time.
 *
 * OBLIGATIONS.md rule 4 ("a rise 25 minutes into a 30-minute window does not buy 30 more minutes")
 * with rule 5 (a lowering withdraws only what is not yet due): the 续报 to the principal leaders
 * (第二條1、第三條5, `report:principal`, 30 minutes after a rise) is owed by the monitor, the office
 * and the group, and the office and the group may lower the grade (SET_SEVERITY, 第二條1、第二條3:
 * office, group). On version 10 the office or the group could lower the grade (the 续报, not yet
 * due, withdrawn) and raise it again: the rise began the 续报 anew with a full window. On version 11
 * the instance that rise begins keeps the due time of the one its own ower's lowering withdrew,
 * while that due time is still ahead (its policy says so: 同一应报者降级后再次升级，沿用被撤回报告的
 * 时限). Past it, the rise begins it as before (a lowering never produces a breach, rule 5; the
 * lower grade held past the window is on the record). The other rules a rise begins have no due
 * time (第六條's mainstream release) and keep version 10's reading.
 */

import { revivingWithdrawn } from '../../kit/revive-withdrawn.js'
import type { ObligationRule } from '../../kit/types.js'
import { escalationV7 } from './version7.js'
import { rulesV10 } from './version10.js'

/** The reports a rise begins (again, or anew after a lowering withdrew them), each with a due time. */
export const REVIVED_V11 = ['report:principal'] as const

/** Version 11 (rules/version11.ts): version 10's rules, a rise keeping the due time its ower's lowering withdrew. */
export const rulesV11: readonly ObligationRule[] = revivingWithdrawn(rulesV10, REVIVED_V11)

/** Version 11's obligations (`rulesV11`), with version 7's escalation. */
export const obligationsV11 = [...rulesV11, escalationV7]
