/**
 * Version 14's obligation list: version 13's (rules/version13.ts `obligationsV13`), with the kit's
 * `again.revivesWithdrawn: 'byOwer'` on every report a rise begins with a due time.
 *
 * OBLIGATIONS.md rule 4 ("a rise 25 minutes into a 30-minute window does not buy 30 more minutes")
 * with rule 5 (a lowering withdraws only what is not yet due): 五(二)'s reports to 上级 — 重要敏感
 * 4 hours (`report:higher`), 特别重大敏感 2 hours (`report:higher-critical`), begun by a rise to
 * 重大 (特别重大) — are owed by the office (with 主要领导, 四(二)、五(二)), and the office may lower the
 * grade (SET_SEVERITY, 四(三) 研判调整舆情等级: office, group). On version 13 the office could lower
 * the grade (the report, not yet due, withdrawn) and raise it again: the rise began the report anew
 * with a due time counted again (13:10 came back 13:25). On version 14 the instance that rise begins
 * keeps the due time of the one its own ower's lowering withdrew, while that due time is still ahead
 * (its policy says so: 同一应报者降级后再次升级，沿用被撤回报告的时限). Past it, the rise begins it as
 * before (a lowering never produces a breach, rule 5; the lower grade held past the window is on the
 * record); lowered by someone who does not owe it (the group correcting the grade), the rise counts
 * a new window, as before. The reports inside the bureau (四(二)) have no due time; nothing else a
 * rise begins is a report.
 */

import { revivingWithdrawn } from '../../kit/revive-withdrawn.js'
import type { ObligationRule } from '../../kit/types.js'
import { obligationsV13 } from './version13.js'

/** The reports a rise begins (again, or anew after a lowering withdrew them), each with a due time. */
export const REVIVED_V14 = ['report:higher', 'report:higher-critical'] as const

export const obligationsV14: ObligationRule[] = revivingWithdrawn(obligationsV13, REVIVED_V14)
