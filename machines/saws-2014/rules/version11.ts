/**
 * What version 11 owes differently from version 10 (version10.ts `obligationRulesV10`), from a
 * reader's two findings on version 10.
 */
import type { ObligationRule, PriorAfter } from '../../kit/types.js'
import { R } from './ids.js'
import { obligationRulesV10 } from './version10.js'

/**
 * 五(二) "发现有舆情发酵、影响面不断扩大等不良发展趋势时，要及时报告人事司(宣教办)" (finding 1): a relapse is
 * 五(二)'s 发酵 and owes 人事司 a new report (the policy of report:office:general: 舆情反复（发酵）时再次
 * 报送，自反复时起 24 小时). Version 10 counted, at a lowering after the relapse, a report made before the
 * relapse (`prior: 'sameGradeOrAbove'`): the relapse's report was withdrawn and the lower grade's
 * began met by the old one, so the relapse was never reported. Version 11: an earlier report counts
 * only when made at the incident's grade or a higher one AND after the latest relapse (kit `prior`
 * `{ after, latest, sameGradeOrAbove }`); without a relapse a lowering still owes no new report.
 */
export const PRIOR_SINCE_RELAPSE: PriorAfter = { after: ['RELAPSE'], latest: true, sameGradeOrAbove: true }

const REPORTS: readonly string[] = [R.reportGeneral, R.reportLarge, R.reportMajor]
const REPORT_POLICY = '降级时，舆情反复后未再报告的，反复前的报告不算（五(二)）'

/**
 * Version 11's rules: version 10's, with
 * - the three reports to 人事司: `PRIOR_SINCE_RELAPSE` (finding 1);
 * - the referral to the police (finding 2): 四(四) "对恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关依法予以处置"
 *   and 五(五)2 "涉嫌犯罪的，依法予以追究" are limited to no category. Once decided yes it stays owed
 *   whatever the category becomes (version 10 withdrew it, 涉事原因变更); the decision itself is still
 *   asked only for rumor and malicious content (version 7's reading).
 */
export const obligationRulesV11: readonly ObligationRule[] = obligationRulesV10.map((r) => {
  if (REPORTS.includes(r.id))
    return {
      ...r,
      prior: PRIOR_SINCE_RELAPSE,
      policy: r.policy === null ? REPORT_POLICY : `${r.policy}；${REPORT_POLICY}`,
    }
  if (r.id === R.refer) {
    const { categories: _, ...rest } = r
    return { ...rest, policy: '已决定报请的，涉事原因变更后仍须报请（四(四)、五(五)2 不限于某一类别）' }
  }
  return r
})
