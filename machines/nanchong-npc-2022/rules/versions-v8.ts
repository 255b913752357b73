/**
 * What version 8 owes differently from version 7 (a clause-by-clause review of version 7),
 * derived from its list (rules/versions.ts `obligationsV7`).
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { FOLLOW_UPS, freshOf, GROUP_HAS, obligationsV7 } from './versions.js'

const ONCE = '尚未办结时级别再升，不另起一项（续报已在办，规则 4）'
const BREACHED = '在办一项已超时的，级别再升另起一项，自升级时起算（规则 4）'
const SET_BY_GROUP = '小组自行定级（升级、降级）的，即已获知该级别，不再向小组续报该级别（规则 6）'
const KEPT = '已须报送的，在较大及以上各级别照旧须办，不因小组尚待续报而撤回（三(二)；规则 4、5）'

/**
 * Version 8. The follow-ups of version 7 (the 续报 to the group, 三(二); to 市网信办, 三(二)
 * 及时逐级; 市网信办's opinion heard again and the measures decided again, 三(三); all local policy
 * on a rise):
 * - a rise while one is owed begins no second (kit `again.whileOwed: false`): the one owed has
 *   the earlier due time (rule 4) and one step meets it, so 一般 → 较大 → 重大 → 较大 shows one 续报,
 *   not two of which a lowering could tell neither apart (their instances carry no grade);
 *   version 7 began one per rise, and a lowering 特别重大 → 重大 began a second report to 市网信办
 *   beside the one owed (its rise marked it to wait for the group, `ledger.pending`; with
 *   `whileOwed: false` the kit marks nothing while one is owed). One owed that has already
 *   breached does not hold a rise back (kit `again.afterBreach`, amended after the diff review):
 *   the new grade's 续报 is owed beside it with its own due time (rule 4), and a lowering
 *   withdraws only that one, not yet due (rule 5 never touches the breached one);
 * - the group that set a grade at or above the current one itself (a rise or a lowering it
 *   made since the incident was last below its current grade; kit `gradedBy`) is owed no 续报
 *   of it: it knows the grade (rule 6), though not a later rise after a lowering below it
 *   (三(二) 报告小组; amended after the diff review). The first report
 *   (三(二) 第一时间（10分钟内）) is the monitor's, owed as before;
 * - 三(二) 特别重大、重大或较大网络舆情要及时逐级报送市网信办: 逐级 decides when the report to 市网信办
 *   begins (the group has this grade's report); once owed it stays owed (kit `owed`) at 较大 and
 *   above, withdrawn by a lowering only where 市网信办 already knows the grade lowered to, or at
 *   一般 (rule 5). Version 7 withdrew it at 较大 → 重大 → 特别重大 → 重大 while the group's own
 *   续报 was owed, though 市网信办 had never been told, and began it again from the group's report.
 * And 三(五) 立即报经市网信办同意后进行封堵处理: each content a consent names owes its own block, met
 * only by a block of that content (kit `keyedBy`); version 7 owed one per consent, and one
 * BLOCK_CONTENT met every block then owed.
 */
export const obligationsV8: readonly ObligationRule[] = obligationsV7.map((r) => {
  if (r.id === 'block')
    return {
      ...r,
      policy: '市网信办每次同意封堵，所同意的每项信息均须封堵处理，各以封堵该信息办结（本地政策，依三(五)）',
      keyedBy: { field: 'targets', as: 'target' },
    }
  if (!FOLLOW_UPS.has(r.id)) return r
  const again = { ...r.again, whileOwed: false as const, afterBreach: true as const }
  const policy = `${r.policy}；${ONCE}；${BREACHED}`
  if (r.id === 'report:group') {
    // The first report (not met, not breached) is owed whoever sets the grade; once breached it
    // stays owed (rule 1) and a rise the group made begins no second beside it (afterBreach).
    const first: Condition = { all: [{ not: { met: r.id } }, { not: { breached: r.id } }] }
    const unknown: Condition = { any: [first, { not: { gradedBy: ['group'] } }] }
    return { ...r, again, policy: `${policy}；${SET_BY_GROUP}`, when: { all: [unknown, freshOf(r)] } }
  }
  if (r.id === 'report:cac') {
    const when: Condition = { all: [{ any: [GROUP_HAS, { owed: r.id }] }, freshOf(r)] }
    return { ...r, again, policy: `${policy}；${KEPT}`, when }
  }
  return { ...r, again, policy }
})
