/**
 * What version 8 owes differently from version 7 (version7.ts `obligationRulesV7`).
 */
import type { ObligationRule } from '../../kit/types.js'
import { R } from './ids.js'
import { obligationRulesV7 } from './version7.js'

/**
 * Version 8's rules: version 7's, and the response meeting (五(三)3 由总局分管领导牵头…召开舆情应对会，
 * 根据舆情反映的事件性质和研判结果…拟定应对方案) owed again at a rise to 重大以上 when the 定性 it
 * planned for was changed while the incident was below 重大 (kit `again.categoryChanged:
 * 'untilAdmitted'`): lowered to 较大, re-characterised there (and approved by the leader for
 * 较大, 五(一)2), then risen, the meeting held before planned for the old 定性. Version 7 asked
 * the meeting again only at a change made at 重大以上 (the rules a grade does not admit are not
 * asked), so the old meeting counted at the rise. Not a first 定性 (from none): after the
 * meeting it is the meeting's own, as at 重大 (version 7, diff review 3).
 */
export const obligationRulesV8: readonly ObligationRule[] = obligationRulesV7.map((r) =>
  r.id === R.meeting ? { ...r, again: { categoryChanged: 'untilAdmitted', whileOwed: false } } : r,
)
