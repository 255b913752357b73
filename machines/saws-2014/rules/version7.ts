/**
 * What version 7 owes differently from version 6 (versions.ts `obligationRulesV6`), from the
 * review of version 6 (its findings by number).
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { HIGH, R, rule } from './ids.js'
import { obligationRulesV6 } from './versions.js'

const phone = { to: ['office'], channel: 'phone' }

/**
 * 五(一)3、五(二) (findings 1 and 7): the phone report to 人事司 is owed while the latest change of
 * grade is a rise, or while 人事司 has not been told of the current grade (or a higher one)
 * since the latest relapse — by a phone report, or by a waiver of an instance begun at that
 * grade (rule 2: the entitled waiver settles it as the report would). Version 6 read any
 * relapse, ever, as untold (a lowering after a reported relapse left the 续报 owed, to breach)
 * and a waiver as nothing (a rise and a lowering owed the waived report again).
 */
const MAJOR_REPORT_OWED_V7: Condition = {
  any: [
    { risen: true },
    {
      not: {
        any: [
          { actAtGrade: 'REPORT', fields: phone, since: 'RELAPSE' },
          { waivedAtGrade: R.reportMajor, since: 'RELAPSE' },
        ],
      },
    },
  ],
}

const subsided = { step: 'subsided' } as const

/**
 * 五(一)2 作出定性…报总局分管领导批准后实施 (diff review 2): at 较大 the leader approves the
 * proposal unless the 批示 of 重大以上 already authorised the response (version 4) — and, after a
 * lowering from 重大, also when the category was set at 较大 (or above) since the latest response
 * meeting: that 定性 was approved by no one (neither the 批示 nor the meeting saw it).
 */
const APPROVAL_OWED_V7: Condition = {
  all: [
    { met: R.propose },
    {
      any: [{ not: { met: R.instructLeader } }, { actAtGrade: 'SET_CATEGORY', since: 'HOLD_MEETING' }],
    },
  ],
}

/** 四(四)、五(五)2 (finding 5): whether to refer to the police is decided on the record (rule 3). */
const referRules: readonly ObligationRule[] = [
  rule({
    id: R.decideRefer,
    kind: 'decision',
    label: '是否涉嫌违法犯罪、报请网络安全监察机关依法处置',
    clause: '四(四)、五(五)2',
    owedBy: ['office', 'legal'],
    // 恶意炒作 (四(四)) and the harmful content of 五(四)4 (恶意中伤、谣言): the categories the
    // text's crimes are read in; any other may still be referred (REFER_TO_POLICE is free).
    categories: ['rumor', 'malicious'],
    when: subsided,
    discharge: { type: 'DECIDE', fields: { decision: R.decideRefer } },
  }),
  rule({
    id: R.refer,
    kind: 'report',
    label: '报请网络安全监察机关依法予以处置',
    clause: '四(四)、五(五)2',
    owedBy: ['office', 'legal'],
    recipient: { code: 'police', label: '网络安全监察机关' },
    categories: ['rumor', 'malicious'],
    // A referral already made in the response counts (rule 6: the default `prior`).
    when: { all: [subsided, { decided: R.decideRefer }] },
    discharge: { type: 'REFER_TO_POLICE', fields: {} },
  }),
]

/**
 * Version 7's rules: version 6's, amended by the review of version 6.
 * - The phone report: `MAJOR_REPORT_OWED_V7` (findings 1, 7).
 * - 定性 (finding 2): a category that was set, changed after the leader's approval of the
 *   proposal (较大) or after the response meeting (重大以上), owes it again (五(一)2 作出定性…报总局
 *   分管领导批准后实施, 五(三)3 根据…事件性质…拟定应对方案; kit `again.categoryChanged`: not the
 *   first 定性, not a PROPOSE of the same category); one still owed is the one owed
 *   (`whileOwed: false`). After a lowering to 较大, a category set since the meeting owes the
 *   leader's approval (`APPROVAL_OWED_V7`).
 * - The answer is owed by the spokesperson and the units, who alone may RESPOND (三).
 * - A migration from 6 does not ask whether a statement already published defames.
 * - 恶意诋毁 (finding 3): a rumor is decided like malicious content (五(五)2 names 恶意诋毁, which
 *   is 五(四)4's 恶意中伤, not every 严重失实 or 谣言); a yes owes the statement and, at 重大以上, the
 *   local clearance (五(五)2 重大的恶意网络负面信息), as for malicious content. PLANS.md's second
 *   reading owed the statement on every rumor; the text wins.
 * - The 简报 (finding 11): a relapse at 较大 owes a new one (应对情况: the new response).
 * - Citations (finding 13 and the notes): the answer cites 五(一)1; the summary's owner is a policy.
 */
export const obligationRulesV7: readonly ObligationRule[] = obligationRulesV6.flatMap((r) => {
  if (r.id === R.reportMajor)
    return [
      {
        ...r,
        when: MAJOR_REPORT_OWED_V7,
        policy: `${r.policy}；舆情反复后已电话报告、或该级别的报告已免除的，降级时尚未到期的续报撤回`,
      },
    ]
  if (r.id === R.approveProposal)
    return [{ ...r, when: APPROVAL_OWED_V7, again: { categoryChanged: true, whileOwed: false } }]
  if (r.id === R.meeting) return [{ ...r, again: { categoryChanged: true, whileOwed: false } }]
  if (r.id === R.decideDefames)
    return [
      {
        ...r,
        categories: ['rumor', 'malicious'],
        clause: '五(五)2、五(四)4',
        // A statement already published (before the decision, or on version 6) is not asked about.
        when: { all: [subsided, { not: { act: 'LEGAL_STATEMENT' } }] },
      },
    ]
  if (r.id === R.legalRumor)
    return [{ ...r, when: { all: [subsided, { decided: R.decideDefames }] }, clause: '五(五)2' }]
  if (r.id === R.clearance)
    return [
      r,
      rule({
        id: R.clearanceRumor,
        kind: 'step',
        label: '请当地相关部门协助处理清除',
        clause: '五(五)2',
        owedBy: ['unit', 'office'],
        severities: HIGH,
        categories: ['rumor'],
        when: { all: [subsided, { decided: R.decideDefames }] },
        discharge: { type: 'LOCAL_CLEARANCE', fields: {} },
      }),
      ...referRules,
    ]
  if (r.id === R.brief) return [{ ...r, again: { events: ['RELAPSE'], whileOwed: false } }]
  // 三 (diff review 5): owed by those who may RESPOND (人事司 no longer may).
  if (r.id === R.answer) return [{ ...r, clause: '五(四)、五(一)1', owedBy: ['spokesperson', 'unit'] }]
  if (r.id === R.review)
    return [
      { ...r, policy: '原文未指明由谁总结评估；本地政策：由人事司(宣教办)负责（三：人事司负责组织协调）' },
    ]
  return [r]
})
