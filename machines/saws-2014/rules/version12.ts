/**
 * What version 12 owes differently from version 11 (version11.ts `obligationRulesV11`), from the diff
 * review of version 11 (README "Not yet covered") and its two open readings.
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { R } from './ids.js'
import { obligationRulesV11 } from './version11.js'

/**
 * 五(二) "发现有舆情发酵、影响面不断扩大等不良发展趋势时，要及时报告人事司(宣教办)": a relapse (发酵) owes 人事司 a
 * report. A report made before the relapse no longer counts for it (version 11's `prior`), also for
 * the lower grade's report already on the record: opened 一般 and reported, risen to 较大 and reported,
 * subsided, relapsed, lowered to 一般 — version 11 owed nothing (report:office:general#1 met at the
 * opening, and a lowering began no rule with an instance), so the relapse reached 人事司 only by the
 * 较大 report the lowering withdrew. Version 12: the lowering owes the lower grade's report again when
 * its latest instance was settled before the latest relapse (kit `again.lowered:
 * 'settledBeforePrior'`), due by its span from the lowering, or met at once by a report to 人事司 made
 * since the relapse at that grade or a higher one (rule 6, version 11's `prior`).
 */
const LOWERED_AGAIN = 'settledBeforePrior' as const

/**
 * The open reading of version 11, decided: a relapse report at a higher grade that was waived, then a
 * lowering. 五(二) asks one report per 发酵 and a lowering is no 不良发展趋势; OBLIGATIONS.md rule 2 lets
 * the entitled waive a duty, which settles it as the report would (version 7's reading of the phone
 * report, `waivedAtGrade … since: 'RELAPSE'`: 人事司 counts as told of the grade). So the waiver of
 * an instance of a higher grade's report begun since the latest relapse settles that relapse's report,
 * and the grade lowered to owes none (version 11 owed it, from the lowering, when that grade's report
 * had no instance yet). Only after a relapse: a lowering without one is unchanged (the report of the
 * higher grade counts; a waiver of it does not). At 较大 a rise still owes its report (`risen`: 五(二)
 * 影响面不断扩大 is a new worsening, whatever was waived before it).
 */
const waivedSinceRelapse = (higher: readonly string[]): Condition => ({
  all: [{ act: 'RELAPSE' }, { any: higher.map((r) => ({ waivedAtGrade: r, since: 'RELAPSE' })) }],
})
const OWED_UNLESS_WAIVED: Readonly<Record<string, Condition>> = {
  [R.reportGeneral]: { not: waivedSinceRelapse([R.reportLarge, R.reportMajor]) },
  [R.reportLarge]: { any: [{ risen: true }, { not: waivedSinceRelapse([R.reportMajor]) }] },
}
const REPORT_POLICY =
  '舆情反复后降级：本级报告在反复前已办结的，自降级时起再次报告（反复后已报人事司的即计已报；反复后较高级别的报告已免除的，不再报告）（五(二)）'

/**
 * 五(五) "舆情事件平息后，相关单位应做好善后工作。1.一般网络舆情。应直接与网站或首发信息人沟通": the contact
 * with the first poster follows the subsiding. Its condition read the step `subsided`, kept from the
 * first subsiding: subsided at 较大, relapsed (back to the response), lowered to 一般, version 11 owed
 * it in the response, before the incident had subsided again. Version 12: owed once subsided since
 * the latest relapse (an accepted `SUBSIDE`; the grade check of `actAtGrade` is idle at 一般, the
 * lowest), and while owed (an instance owed before a relapse stays the one owed, as on version 11).
 */
const SUBSIDED_SINCE_RELAPSE: Condition = {
  any: [{ actAtGrade: 'SUBSIDE', since: 'RELAPSE' }, { owed: R.contactPoster }],
}

/**
 * Version 12's rules: version 11's, with
 * - the reports to 人事司 of 一般 and 较大: begun again at a lowering after a relapse
 *   (`LOWERED_AGAIN`), and not owed at a lowering after the relapse's report of a higher grade was
 *   waived (`OWED_UNLESS_WAIVED`); 重大以上's phone report keeps version 7's condition (one rule for
 *   重大 and 特别重大: no lowering reaches it from a higher rule);
 * - the contact with the first poster (五(五)1): owed once subsided since the latest relapse.
 */
export const obligationRulesV12: readonly ObligationRule[] = obligationRulesV11.map((r) => {
  const when = OWED_UNLESS_WAIVED[r.id]
  if (when !== undefined)
    return {
      ...r,
      when,
      again: { ...r.again, lowered: LOWERED_AGAIN },
      policy: r.policy === null ? REPORT_POLICY : `${r.policy}；${REPORT_POLICY}`,
    }
  if (r.id === R.contactPoster) return { ...r, when: SUBSIDED_SINCE_RELAPSE }
  return r
})
