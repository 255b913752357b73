/**
 * Version 11's obligations (findings carried from the review of version 10; README "Version
 * 11"): version 10's, and the two duties it lacked — 四(四) 视情况…沟通, decided by the group on
 * the record (OBLIGATIONS.md rule 3), and 三(二)3 签署意见…及时向分管领导汇报 (rule 7: 分管领导's
 * own obligation, beside the 四(二) report to the same recipient).
 */
import type { ObligationRule } from '../../kit/types.js'
import { RECIPIENT_LABELS } from './roles.js'
import { obligationsV10 } from './versions.js'

/**
 * 四(四) 采取必要的手段和方法，随时关注事态的发展变化，视情况与南宁市宣传部、应急办、维稳办、综治办、
 * 公安机关等部门及时沟通…直至事态平息: 视情况 makes the liaison conditional, so whether to liaise is
 * the group's decision (三(一) 决定涉及市局舆情危机处置各项具体措施), asked when it decides how to
 * handle the incident — the measures, or no public response (the situation is followed either
 * way) — and again after a relapse (事态反复: a new situation), once the asking before it is
 * answered or waived. The text gives the decision no time.
 */
export const LIAISE_DECISION_POLICY =
  '“视情况”沟通由领导小组在决定处置措施（或不作公开回应）时一并决定，事态反复后再次决定；预案未给时限，本地政策：自决定处置措施（或反复）起 1 小时内作出'
/** 四(四) 及时沟通: the liaison the group's yes orders. */
export const LIAISE_POLICY = '“及时”未给时长；本地政策：自领导小组决定沟通起 1 小时内'
/**
 * 三(二)3 提出以市局名义发布的答复内容，由单位主要负责人签署意见，并及时向分管领导汇报: the 汇报
 * follows the signature (SIGN_OFF; for 重大 texts SECTION_REVIEW, which version 10 reads as the
 * same head's 签署意见). 分管领导 is the plan's recipient `leader`, told by `REPORT { to: ['leader'] }`
 * as 四(二)'s report is; only a report after the latest signature is about what was signed.
 */
export const SIGNED_REPORT_POLICY =
  '“及时”未给时长；本地政策：单位主要负责人签署意见（重大舆情：业务股室主要负责人审核）后 1 小时内；签署后向分管领导的报告即为汇报，汇报前再签署的一并汇报'

const liaiseDecision: ObligationRule = {
  id: 'decision:liaise',
  kind: 'decision',
  label: '领导小组决定是否视情况与宣传部、应急办、维稳办、综治办、公安机关等部门沟通',
  clause: '四(四)、三(一)',
  policy: LIAISE_DECISION_POLICY,
  owedBy: ['group'],
  when: { any: [{ act: 'DECIDE_MEASURES' }, { act: 'DECIDE_NO_RESPONSE' }] },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { events: ['RELAPSE'], whileOwed: false },
  discharge: { type: 'DECIDE', fields: { decision: 'decision:liaise' } },
}

const liaise: ObligationRule = {
  id: 'step:liaise',
  kind: 'step',
  label: '与宣传部、应急办、维稳办、综治办、公安机关等部门及时沟通',
  clause: '四(四)',
  policy: LIAISE_POLICY,
  owedBy: ['office', 'leader'],
  when: { decided: 'decision:liaise' },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { onYes: true },
  discharge: { type: 'LIAISE', fields: {} },
}

const SIGNATURES = ['SIGN_OFF', 'SECTION_REVIEW'] as const

const signedReport: ObligationRule = {
  id: 'report:leader-signed',
  kind: 'report',
  label: '签署意见后及时向分管领导汇报（以市局名义发布的答复内容）',
  clause: '三(二)3',
  policy: SIGNED_REPORT_POLICY,
  // 各有关单位 汇报 (a unit is among those 四(二) lets report to 分管领导: roles.ts REPORT_LEVELS).
  owedBy: ['unit'],
  recipient: { code: 'leader', label: RECIPIENT_LABELS.leader },
  when: { any: SIGNATURES.map((act) => ({ act })) },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { events: SIGNATURES, whileOwed: false },
  prior: { after: SIGNATURES, latest: true },
  discharge: { type: 'REPORT', fields: { to: ['leader'] } },
}

/** Version 11: version 10's rules, the liaison's decision and step (四(四)), the 汇报 (三(二)3). */
export const obligationsV11: ObligationRule[] = [
  ...obligationsV10.filter((r) => r.id !== 'escalate'),
  liaiseDecision,
  liaise,
  signedReport,
  ...obligationsV10.filter((r) => r.id === 'escalate'),
]
