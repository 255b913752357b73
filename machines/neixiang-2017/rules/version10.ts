/**
 * Version 10's obligation list: version 8's (version8.ts `rulesV8`, which version 9 kept) with
 * what a clause-by-clause review of version 9 found the text owes differently:
 * - 第二條3 (及時上報上級有關部門, 特別重大): a report to 上级 made below 特别重大 is not that report
 *   (`prior: 'sameGradeOrAbove'`; 特别重大 is the top grade, so: made at 特别重大);
 * - 第二條3 (由縣委辦、縣政府辦負責組織協調): the coordination is waived by 县委办、县政府办 only, as the
 *   report to 上级 of the same sentence (version 9 let the group waive it, not them);
 * - 第二條1 (重大網絡輿情發生後…向縣委、政府主要領導報送準確信息): an incident first graded 重大 or
 *   特别重大 after a report made ungraded owes the principal leaders the report of that grade
 *   (kit `again.firstGrading`; version 9 took a first grading for no rise and owed nothing);
 * - 第三條5 (及時向主要領導匯報情況), 第三條6 (向相關領導和部門及時上報輿情信息處理進展情況): the principal
 *   leaders are owed the progress once it subsides and after each relapse, as 有关单位和部门 are;
 *   the 通报 to 有关单位和部门 cites 第三條5, whose words name them (第三條6 names 相關領導和部門);
 * - 第六條 (組織輿情主體單位和評論員，對負面質疑進行反駁) and 第四條 (輿情評論員…組織跟帖): the
 *   commentators (role monitor) owe the rebuttal and the 解答及跟帖 with the office and the unit.
 */
import type { ObligationRule } from '../../kit/types.js'
import { RECIPIENT_LABELS, REPORTERS } from './roles.js'
import { escalationV7 } from './version7.js'
import { rulesV8 } from './version8.js'

/** 第二條1: a report made before any grading told no grade (rule 6 reads each report's grade). */
const FIRST_GRADED =
  '未定级时所作的报告不是第二條1所说重大网络舆情的报告：首次定为重大或特别重大时（此前已报告的），须向主要领导报告该级别（第二條1；同升级，30 分钟内）'
const HIGHER_AT_GRADE =
  '特别重大之前（较低级别时）向上级所作的报告不计为第二條3的上报（规则 6：须为同一级别的报告）'
const COORDINATE_WAIVER =
  '免除：组织协调只由县委办、县政府办（主要领导一方）免除，领导小组不免除（本地政策，同向上级的报告：第二條3同一句）'

const PRINCIPAL = { code: 'principal', label: RECIPIENT_LABELS.principal }

/**
 * 第三條5 及時向主要領導匯報情況、第三條6 向相關領導…及時上報輿情信息處理進展情況: the subsidence is
 * progress the principal leaders are told of, as 有关单位和部门 are (report:units). The occasion is
 * local policy; only a report made once it subsided counts (the first report and each 续报 told
 * them of the incident and its grade, not of its handling).
 */
const principalProgress: ObligationRule = {
  id: 'report:principal:progress',
  kind: 'report',
  label: `舆情平息后向${RECIPIENT_LABELS.principal}汇报处理进展情况`,
  clause: '第三條5、第三條6',
  policy:
    '本办法未规定汇报的时点；本地政策：舆情平息后、结案前须向主要领导汇报一次处理进展，不设时限；平息后所作的报告计入（此前的报告、续报告知的是舆情及其级别，不是处置进展）；只由县委办、县政府办（主要领导一方）免除',
  owedBy: REPORTERS.principal,
  recipient: PRINCIPAL,
  when: { act: 'SUBSIDE' },
  prior: { after: 'SUBSIDE' },
  waivableBy: ['principal'],
  discharge: { type: 'REPORT', fields: { to: ['principal'] } },
}

/** 第三條5、第三條6, 第七條4 防止事態反復: each relapse is progress the principal leaders are told of again. */
const principalAfterRelapse: ObligationRule = {
  id: 'report:principal:relapse',
  kind: 'report',
  label: `舆情反复后向${RECIPIENT_LABELS.principal}汇报处理进展情况`,
  clause: '第三條5、第三條6、第七條4',
  policy:
    '本办法未规定汇报的时点；本地政策：每次舆情反复后、结案前须再向主要领导汇报一次进展（平息的情况已不再属实），不设时限；最近一次反复后所作的报告计入；仍待汇报时再次反复不另起一项；只由县委办、县政府办（主要领导一方）免除',
  owedBy: REPORTERS.principal,
  recipient: PRINCIPAL,
  when: { act: 'RELAPSE' },
  again: { events: ['RELAPSE'], whileOwed: false },
  prior: { after: 'RELAPSE', latest: true },
  waivableBy: ['principal'],
  discharge: { type: 'REPORT', fields: { to: ['principal'] } },
}

/** Who may discharge a rule, plus the commentators (role monitor). */
const withCommentators = (r: ObligationRule): ObligationRule => ({ ...r, owedBy: [...r.owedBy, 'monitor'] })

/** Version 10 (rules/version10.ts): version 8's rules with the review's findings on version 9. */
export const rulesV10: readonly ObligationRule[] = rulesV8.flatMap((r): ObligationRule[] => {
  switch (r.id) {
    case 'report:principal':
      return [
        {
          ...r,
          policy: `${r.policy}；${FIRST_GRADED}`,
          again: { ...r.again, firstGrading: ['major', 'critical'] },
        },
      ]
    case 'report:higher':
      return [{ ...r, policy: `${r.policy}；${HIGHER_AT_GRADE}`, prior: 'sameGradeOrAbove' }]
    case 'coordinate':
      return [{ ...r, policy: COORDINATE_WAIVER, waivableBy: ['principal'] }]
    case 'report:units':
      // 第三條5 並向有關單位和部門通報: the recipient's clause (第三條6 names 相關領導和部門).
      return [{ ...r, clause: '第三條5' }, principalProgress]
    case 'report:units:relapse':
      return [{ ...r, clause: '第三條5、第七條4' }, principalAfterRelapse]
    // 第四條 輿情評論員…組織跟帖 (the 跟帖 `answer` counts); 第六條 組織輿情主體單位和評論員…反駁.
    case 'answer':
    case 'rebuttal':
      return [withCommentators(r)]
    default:
      return [r]
  }
})

/** Version 10's obligations (`rulesV10`), with version 7's escalation. */
export const obligationsV10 = [...rulesV10, escalationV7]
