/**
 * Each version's obligation list (with the escalation): version 4's (and 5's) from
 * obligations.ts; what versions 6, 7, 8 and 10 add to it, and what versions 2 and 3 did
 * differently, derived from it and kept for the incidents opened on them.
 */
import { escalationRule } from '../../kit/kit.js'
import type { ObligationRule } from '../../kit/types.js'
import { escalation, LEVEL_WAIVED, rules } from './obligations.js'
import { commonV10 } from './roles.js'

/** Version 4: a publication's text is a draft not published before (the chart's guard), and the view never offers a published one. */
export const obligations = [
  ...rules.map((r) => (r.draftPurpose === undefined ? r : { ...r, freshDraft: true })),
  escalation,
]

/**
 * Version 6, 四(五) 领导小组可根据需要，确定人员对舆情处置回顾总结: a review the group orders is
 * owed from its order — ordered again after a relapse, once the review ordered before was
 * waived, it is owed anew (kit `again.onYes`; OBLIGATIONS.md rule 3). Version 5 owed it
 * without showing it: CLOSE stayed refused with nothing owed, and only REVIEW closed.
 */
export const obligationsV6: ObligationRule[] = obligations.map((r) =>
  r.id === 'review' ? { ...r, again: { onYes: true } } : r,
)

/**
 * Version 7, 四(五) 领导小组可根据需要，确定人员对舆情处置回顾总结: whether to review is asked
 * again at a subsiding only once the asking before it was answered or waived — asked while
 * still owed (relapsed and subsided again without a decision), it stays the one question
 * (kit `again.whileOwed: false`). Version 6 asked it a second time: the group's yes went to
 * the older asking while the later one (waived, or still owed) stayed the latest, so the
 * review the yes ordered was not owed, not shown, and CLOSE in review named nothing.
 */
export const obligationsV7: ObligationRule[] = obligationsV6.map((r) =>
  r.id === 'decision:review' && r.again ? { ...r, again: { ...r.again, whileOwed: false } } : r,
)

/**
 * Version 8, 四(四) 必要时，可联系有信誉的媒体，让当事人接受采访。未经领导小组授权，…不得擅自接受记者采访:
 * whether to authorize an interview is asked again at a proposal only once the asking before
 * it was answered or waived — proposed again while still owed, it stays the one question
 * (kit `again.whileOwed: false`, as version 7 for the review). Version 7 asked it a second
 * time: with the later asking waived, the group's yes went to the older asking while the
 * guard read the latest (no answer), so INTERVIEW was refused with nothing owed or named.
 */
export const obligationsV8: ObligationRule[] = obligationsV7.map((r) =>
  r.id === 'decision:interview' && r.again ? { ...r, again: { ...r.again, whileOwed: false } } : r,
)

/** Version 3: an upper report (四(二)) waited for the level below to be told; a waiver never settled it. */
export const rulesV3: ObligationRule[] = rules.map((r) =>
  r.policy === LEVEL_WAIVED && r.when && 'settled' in r.when
    ? { ...r, policy: null, when: { met: r.when.settled } }
    : r,
)

/**
 * Version 2: an initial response begun by a category set late was due three working hours
 * from knownAt, already past (a breach the moment its timer fired).
 */
export const rulesV2: ObligationRule[] = rulesV3.map((r) =>
  r.id === 'answer:initial' && r.due
    ? { ...r, policy: null, due: { anchor: r.due.anchor, amount: r.due.amount, unit: r.due.unit } }
    : r,
)

export const obligationsV3 = [...rulesV3, escalation]
export const obligationsV2 = [...rulesV2, escalation]

/**
 * Version 10, 五(二) 舆情主体单位要及时受理网民提出的意见、建议和诉求，在知晓发帖内容后3小时内…作出
 * 初步回应: the initial answer is owed once the category says netizens voiced one, and version 9
 * asked no one to set a category — an incident opened without one owed no answer, ever. The text
 * names no categorising step; the category is what tells whether the 3 hours run.
 */
export const CATEGORIZE_POLICY =
  '预案未单列认定步骤：是否须在3小时内初步回应，取决于网民是否提出意见、建议和诉求；本地政策：立案时未认定涉事原因的，由办公室或领导小组在知晓发帖内容后3个工作小时内（非工作时间顺延）认定'
const categorize: ObligationRule = {
  id: 'step:categorize',
  kind: 'step',
  label: '认定涉事原因（网民是否提出意见、建议和诉求）',
  clause: '五(二)',
  policy: CATEGORIZE_POLICY,
  owedBy: commonV10.categorize.roles,
  when: { uncategorised: true },
  due: { anchor: 'knownAt', amount: 3, unit: 'workingHours' },
  discharge: { type: 'SET_CATEGORY', fields: {} },
}

/**
 * Version 10, 五(四) 对信息隐瞒不报或未及时上报的部门及人员，要严肃追究责任: owed to the group (三(一)
 * 提出对事件当事人的处理意见) once a report with a time limit breached — 上级's, 4 h or 2 h (五(二));
 * the reports inside the bureau have none (四(二)). A record made before the breach is not about
 * it (`prior: 'none'`). Each late report is answered for (diff review finding 3: a 续报 missed
 * after a rise, or a report owed again after a lowering and a rise, is a new 未及时上报): a breach
 * after the step was taken owes a new one (kit `again.breached`); reports that breach before it
 * is taken (特别重大: the 2 h then the 4 h report) are answered for by that one step.
 */
const accountability: ObligationRule = {
  id: 'step:accountability',
  kind: 'step',
  label: '对未及时上报的部门及人员追究责任',
  clause: '五(四)、三(一)',
  policy: null,
  owedBy: ['group'],
  when: { any: [{ breached: 'report:higher' }, { breached: 'report:higher-critical' }] },
  discharge: { type: 'HOLD_ACCOUNTABLE', fields: {} },
  prior: 'none',
  again: { breached: true },
}

/**
 * Version 10, 四(三): the office assesses once it has the report or telling it was waived (the
 * chart's `officeHasReport` accepted ASSESS then; version 9 never began the assessment).
 */
export const OFFICE_WAIVED =
  '向市局办公室报告经领导小组免除的，办公室评估照常应办（本地政策：免除报告不免除评估）'

/** Version 10's escalation: 五(四) with a policy of its own (rules/roles.ts `commonV10`). */
export const escalationV10 = escalationRule(commonV10)

/** Version 10's form of a version-9 rule (findings 2 and 8 of the review). */
function amendedV10(r: ObligationRule): ObligationRule[] {
  if (r.id === 'step:assess') return [{ ...r, policy: OFFICE_WAIVED, when: { settled: 'report:office' } }]
  if (r.id === 'step:source') {
    // 三(二)3 各有关单位…发现涉及本单位职能的舆情，快速开展调查（督查），做好源头化解工作: every grade (the
    // text wins over PLANS.md, which read 四(四)'s 重大 alone); 四(四) 重大 新闻宣传分管领导牵头.
    const { severities: _major, ...rest } = r
    return [{ ...rest, label: '快速开展调查，落实源头化解工作', clause: '三(二)3、四(四)' }, accountability]
  }
  if (r.id === 'answer:initial') return [categorize, r]
  return [r]
}

/**
 * Version 10 (review of version 9): the category owed when none is set (五(二)), 源头化解 at every
 * grade (三(二)3), accountability for a late report (五(四)), the assessment after a waived report
 * to the office (四(三)), and the escalation's policy of its own (五(四)).
 */
export const obligationsV10: ObligationRule[] = [
  ...obligationsV8.filter((r) => r !== escalation).flatMap(amendedV10),
  escalationV10,
]
