/**
 * What 五(一)–五(三) owe, in the order of the plan's list: the reports to 人事司(宣教办) per
 * grade, the notice to the unit, the opinion, the briefing; at 重大以上 the activation, the
 * special report to both leaders and their 批示, the decision on other units and the
 * response meeting; and 五(一)4's notice to the duty room.
 */
import type { ObligationRule } from '../../kit/types.js'
import { PHONE_REPORT_SETTLED, settledOnce } from './gates.js'
import { HIGH, POLICY_SOON, R, rule } from './ids.js'
import { RECIPIENT_LABELS, recipient } from './roles.js'

export const reportingObligations: readonly ObligationRule[] = [
  // 五(一)1–3, 五(二): the monitoring division reports to 人事司(宣教办); each grade is its
  // own obligation from the moment it applies (a rise owes a new report, 五(二)). A report
  // made at a higher grade counts after a lowering: 人事司 already has it (五(二) asks for
  // another report only when the incident worsens; OBLIGATIONS.md rules 5 and 6).
  rule({
    id: R.reportGeneral,
    kind: 'report',
    label: '通过舆情动态报送人事司(宣教办)',
    // A relapse is 五(二)'s 发酵: its new report rests on 五(二), not on 五(一)1 alone.
    clause: '五(一)1、五(二)',
    policy: `${POLICY_SOON}：一般 24 小时；舆情反复（发酵）时再次报送，自反复时起 24 小时`,
    owedBy: ['monitor'],
    recipient: recipient('office'),
    severities: ['general'],
    due: { anchor: 'start', amount: 24, unit: 'hours' },
    deadline: 'report',
    // The bulletin is the usual route; any report to 人事司 tells it (a phone report after a rise too).
    discharge: { type: 'REPORT', fields: { to: ['office'] } },
    again: { events: ['RELAPSE'] },
    prior: 'sameGradeOrAbove',
  }),
  rule({
    id: R.reportLarge,
    kind: 'report',
    label: '及时报告人事司(宣教办)',
    clause: '五(一)2、五(二)',
    policy: `${POLICY_SOON}：较大 2 小时`,
    owedBy: ['monitor'],
    recipient: recipient('office'),
    severities: ['large'],
    due: { anchor: 'start', amount: 2, unit: 'hours' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['office'] } },
    again: { events: ['RELAPSE'] },
    prior: 'sameGradeOrAbove',
  }),
  rule({
    id: R.reportMajor,
    kind: 'report',
    label: '立即电话报告人事司(宣教办)',
    clause: '五(一)3、五(二)',
    policy: `${POLICY_SOON}：重大以上 30 分钟`,
    owedBy: ['monitor'],
    recipient: recipient('office'),
    severities: HIGH,
    due: { anchor: 'start', amount: 30, unit: 'minutes' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['office'], channel: 'phone' } },
    // 重大 → 特别重大 is a further 发酵 (五(二)): tell 人事司 again.
    again: { raise: true, events: ['RELAPSE'] },
    prior: 'sameGradeOrAbove',
  }),
  // 五(一)1: 人事司 tells the responsible unit (policy 24 h once it has the report).
  rule({
    id: R.assignUnit,
    kind: 'step',
    label: '人事司(宣教办)通知相关单位依职能办理',
    clause: '五(一)1',
    policy: '原文未给时长；本地政策：收到报送后 24 小时内通知',
    owedBy: ['office'],
    severities: ['general'],
    when: { met: R.reportGeneral },
    due: { anchor: 'start', amount: 24, unit: 'hours' },
    discharge: { type: 'CONVENE', fields: {} },
  }),
  // 五(一)2、五(三)1–2: characterise (作出定性, the category) and propose the response.
  rule({
    id: R.propose,
    kind: 'step',
    label: '会商研判，作出定性并提出应对意见',
    clause: '五(一)2、五(三)1、五(三)2',
    owedBy: ['office', 'unit'],
    severities: ['general', 'large'],
    discharge: { type: 'PROPOSE', fields: {} },
  }),
  // 五(一)2: the outcome goes to the leaders as a briefing, before the incident may subside.
  rule({
    id: R.brief,
    kind: 'report',
    label: '应对情况以简报形式报总局领导',
    clause: '五(一)2',
    owedBy: ['office'],
    recipient: { code: 'leaders', label: '总局领导' },
    severities: ['large'],
    discharge: { type: 'BRIEF_LEADERS', fields: {} },
  }),
  // 五(一)3: activation, the special report through 人事司 to both leaders, both 批示.
  rule({
    id: R.activate,
    kind: 'step',
    label: '启动舆情应急预案',
    clause: '五(一)3',
    owedBy: ['monitor', 'office'],
    severities: HIGH,
    discharge: { type: 'ACTIVATE_PLAN', fields: {} },
  }),
  ...(['principal', 'leader'] as const).map((who) =>
    rule({
      id: who === 'principal' ? R.specialPrincipal : R.specialLeader,
      kind: 'report',
      label: `舆情专报经人事司(宣教办)报${RECIPIENT_LABELS[who]}`,
      clause: '五(一)3',
      owedBy: ['office'],
      recipient: recipient(who),
      severities: HIGH,
      // 逐级: the special report goes through 人事司, once 人事司 has the phone report (or it
      // was waived: the special report is still owed, rules 2 and 3).
      when: PHONE_REPORT_SETTLED,
      discharge: { type: 'SUBMIT_SPECIAL_REPORT', fields: { to: [who] } },
    }),
  ),
  ...(['principal', 'leader'] as const).map((who) =>
    rule({
      id: who === 'principal' ? R.instructPrincipal : R.instructLeader,
      kind: 'step',
      label: `${RECIPIENT_LABELS[who]}批示舆情专报`,
      clause: '五(一)3',
      owedBy: [who],
      severities: HIGH,
      // On the special report — or once it was waived: the 批示 authorises the response at
      // 重大以上 and is owed still (rules 2 and 3; it may be waived in its turn, on the record).
      when: settledOnce(who === 'principal' ? R.specialPrincipal : R.specialLeader),
      discharge: { type: who === 'principal' ? 'PRINCIPAL_INSTRUCT' : 'LEADER_INSTRUCT', fields: {} },
    }),
  ),
  // 五(一)3 "需要请其他单位配合支持的，应当同时通报相关单位": decided on the record.
  rule({
    id: R.decideUnits,
    kind: 'decision',
    label: '是否需要请其他单位配合支持（需要的同时通报相关单位）',
    clause: '五(一)3',
    owedBy: ['office'],
    severities: HIGH,
    discharge: { type: 'DECIDE', fields: { decision: R.decideUnits } },
  }),
  rule({
    id: R.notifyUnits,
    kind: 'report',
    label: '同时通报相关单位',
    clause: '五(一)3',
    owedBy: ['office'],
    recipient: { code: 'units', label: '相关单位' },
    severities: HIGH,
    when: { decided: R.decideUnits },
    discharge: { type: 'NOTIFY_UNITS', fields: {} },
  }),
  // 五(三)3: the response meeting led by the leader in charge adopts the response plan.
  rule({
    id: R.meeting,
    kind: 'step',
    label: '分管领导牵头召开舆情应对会，拟定应对方案',
    clause: '五(三)3',
    owedBy: ['leader'],
    severities: HIGH,
    discharge: { type: 'HOLD_MEETING', fields: {} },
  }),
  // 五(一)4: an accident of 较大 or worse seen in the opinion (NOTE_ACCIDENT) owes the duty room.
  rule({
    id: R.dutyRoom,
    kind: 'report',
    label: '立即通知总局总值班室',
    clause: '五(一)4',
    policy: '原文“立即”，未给时长；本地政策：记录事故后 30 分钟',
    owedBy: ['monitor'],
    recipient: { code: 'dutyRoom', label: '总局总值班室' },
    when: { act: 'NOTE_ACCIDENT' },
    due: { anchor: 'start', amount: 30, unit: 'minutes' },
    discharge: { type: 'NOTIFY_DUTY_ROOM', fields: {} },
    again: { events: ['NOTE_ACCIDENT'] },
  }),
]
