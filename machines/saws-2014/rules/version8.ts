/**
 * What version 8 owes differently from version 7 (version7.ts `obligationRulesV7`).
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { R } from './ids.js'
import { obligationRulesV7 } from './version7.js'

/**
 * 五(一)2 作出定性…报总局分管领导批准后实施、五(三)2 报总局分管领导审定后实施 (version 8's diff
 * review, finding 1): at 较大 the leader approves the proposal unless the 批示 of 重大以上 already
 * authorised the response — and not only when 人事司 set the category since the latest response
 * meeting (version 7's `APPROVAL_OWED_V7`) but when a unit proposed since it (`PROPOSE`, at 较大, or
 * at 重大 before a lowering withdrew the meeting it owed): a new 应急处置意见, whether it changes the
 * 定性, keeps it or gives the first one, that neither the 批示 nor the meeting saw. Version 7 let
 * such a proposal start the response unapproved.
 */
const APPROVAL_OWED_V8: Condition = {
  all: [
    { met: R.propose },
    {
      any: [
        { not: { met: R.instructLeader } },
        { actAtGrade: 'SET_CATEGORY', since: 'HOLD_MEETING' },
        { actAtGrade: 'PROPOSE', since: 'HOLD_MEETING' },
      ],
    },
  ],
}

/**
 * Version 8's rules: version 7's, and
 * - the response meeting (五(三)3 由总局分管领导牵头…召开舆情应对会，根据舆情反映的事件性质和研判结果…
 *   拟定应对方案) owed again at a rise to 重大以上 when the 定性 it planned for was changed while the
 *   incident was below 重大 (kit `again.categoryChanged: 'untilAdmitted'`): lowered to 较大,
 *   re-characterised there (and approved by the leader for 较大, 五(一)2), then risen, the meeting
 *   held before planned for the old 定性. Version 7 asked the meeting again only at a change made
 *   at 重大以上 (the rules a grade does not admit are not asked), so the old meeting counted at the
 *   rise. Not a first 定性 (from none): after the meeting it is the meeting's own, as at 重大
 *   (version 7, diff review 3).
 * - the leader's approval of the proposal at 较大 owed for a `PROPOSE` since the meeting too
 *   (`APPROVAL_OWED_V8`).
 */
export const obligationRulesV8: readonly ObligationRule[] = obligationRulesV7.map((r) => {
  if (r.id === R.meeting) return { ...r, again: { categoryChanged: 'untilAdmitted', whileOwed: false } }
  if (r.id === R.approveProposal) return { ...r, when: APPROVAL_OWED_V8 }
  return r
})
