/**
 * What an incident owes, as the current version has it (versions.ts gives each version's
 * list): evidence (四(一)), the reports of 四(二) and 五(二), the assessment (四(三)), the
 * notifications, 源头化解 and the releases (四(四), 五(二)), the answers to netizens (五(二)),
 * the group's decisions and the review (四(四), 四(五)); and the escalation a breach owes.
 */
import { escalationRule } from '../../kit/kit.js'
import type { Condition, ObligationRule } from '../../kit/types.js'
import type { Category } from '../../vocabulary.js'
import { MAJOR_UP } from './grading.js'
import { common, RECIPIENT_LABELS, REPORT_LEVELS, type Recipient } from './roles.js'

/** 五(二): 意见、建议和诉求 — what a netizen voices expecting an answer. */
export const ANSWERABLE: readonly Category[] = ['suggestion', 'inquiry', 'doubt', 'demand', 'criticism']

const reportTo = (
  code: Recipient,
  rest: Omit<ObligationRule, 'id' | 'kind' | 'label' | 'recipient' | 'owedBy' | 'discharge' | 'policy'> & {
    id?: string
    label?: string
    policy?: string | null
  },
): ObligationRule => {
  const { id, label, policy, ...more } = rest
  return {
    id: id ?? `report:${code}`,
    kind: 'report',
    label: label ?? `向${RECIPIENT_LABELS[code]}报告`,
    recipient: { code, label: RECIPIENT_LABELS[code] },
    owedBy: REPORT_LEVELS[code].senders,
    discharge: { type: 'REPORT', fields: { to: [code] } },
    policy: policy ?? null,
    ...more,
  }
}

/**
 * The group ordered no review (四(五)): its last answer was no, or it waived the decision
 * (a waived decision orders nothing; without this the incident could never close).
 */
export const REVIEW_DECLINED: Condition = {
  all: [{ settled: 'decision:review' }, { not: { decided: 'decision:review' } }],
}

/**
 * Version 5, 四(五): the review the group ordered, then waived, is not owed; what waited for
 * it goes on (OBLIGATIONS.md rule 2, README "A waiver frees"): `CLOSE` ends the handling,
 * as after a no. The text foresees no waiver of the review.
 */
export const REVIEW_WAIVED =
  '领导小组决定回顾总结后又免除的，视同不作回顾总结，处置工作结束（本地政策：免除即放行，预案未规定免除）'

/**
 * Version 4, 四(二) 逐级: the upper report is owed, and accepted from its sender, once the
 * level below is settled — told, or telling it waived by the group (the text foresees no
 * waiver; without this a waived level would silence every level above it).
 */
export const LEVEL_WAIVED =
  '下一级报告经领导小组免除的，上一级报告照常应办，由原报告人直接报告（本地政策：免除某一级不截断逐级报告）'

/**
 * Every obligation the text imposes. Internal reports have no time limit in the text
 * (四(二) says only 逐级); the 4 h / 2 h of 五(二) bind the report to 上级 alone.
 */
export const rules: ObligationRule[] = [
  {
    id: 'step:evidence',
    kind: 'step',
    label: '保存舆情载体，固定证据',
    clause: '四(一)',
    policy: null,
    owedBy: ['monitor', 'office', 'unit'],
    discharge: { type: 'KEEP_EVIDENCE', fields: {} },
  },
  reportTo('leader', { clause: '四(二)' }),
  reportTo('principal', { clause: '四(二)', when: { settled: 'report:leader' }, policy: LEVEL_WAIVED }),
  reportTo('office', { clause: '四(二)' }),
  reportTo('newsLeader', { clause: '四(二)', when: { settled: 'report:office' }, policy: LEVEL_WAIVED }),
  // 特别重大敏感 is a subgrade of 重要敏感 (PLANS.md): a critical incident owes the 4-hour
  // report and the 2-hour one; one report discharges both. Only a report made at the same
  // grade counts (a 一般 incident told upward is told again once it is 重大: 续报).
  reportTo('higher', {
    label: '向上级报告（重要敏感舆情，4小时内）',
    clause: '五(二)',
    severities: MAJOR_UP,
    due: { anchor: 'discoveredAt', amount: 4, unit: 'hours' },
    deadline: 'report',
    prior: 'sameGrade',
  }),
  reportTo('higher', {
    id: 'report:higher-critical',
    label: '向上级报告（特别重大敏感舆情，2小时内）',
    clause: '五(二)',
    severities: ['critical'],
    due: { anchor: 'discoveredAt', amount: 2, unit: 'hours' },
    deadline: 'report',
    prior: 'sameGrade',
  }),
  {
    id: 'step:assess',
    kind: 'step',
    label: '办公室评估态势，提出是否应对及应对程度的意见',
    clause: '四(三)',
    policy: null,
    owedBy: ['office'],
    when: { met: 'report:office' },
    discharge: { type: 'ASSESS', fields: {} },
  },
  ...(['propaganda', 'police'] as const).map(
    (code): ObligationRule => ({
      id: `notify:${code}`,
      kind: 'report',
      label: `向${code === 'propaganda' ? '宣传部门' : '公安部门'}通报相关情况`,
      clause: '五(二)',
      policy: null,
      owedBy: ['office'],
      recipient: { code, label: code === 'propaganda' ? '宣传部门' : '公安部门' },
      severities: MAJOR_UP,
      discharge: { type: 'NOTIFY_AUTHORITIES', fields: { to: [code] } },
    }),
  ),
  {
    id: 'step:source',
    kind: 'step',
    label: '落实源头化解工作',
    clause: '四(四)',
    policy: null,
    owedBy: ['leader', 'unit'],
    severities: MAJOR_UP,
    discharge: { type: 'RESOLVE_SOURCE', fields: {} },
  },
  {
    id: 'release',
    kind: 'release',
    label: '经新闻宣传分管领导审定，统一发布权威信息',
    clause: '四(四)',
    policy: null,
    owedBy: ['spokesperson', 'office'],
    severities: ['general'],
    when: { act: 'DECIDE_MEASURES' },
    discharge: { type: 'RELEASE', fields: {} },
    draftPurpose: 'release',
  },
  {
    id: 'release:publish',
    kind: 'release',
    label: '24小时内通过网络发布权威信息',
    clause: '五(二)',
    policy: null,
    owedBy: ['spokesperson', 'office'],
    severities: MAJOR_UP,
    due: { anchor: 'discoveredAt', amount: 24, unit: 'hours' },
    deadline: 'publish',
    prior: 'sameGrade',
    discharge: { type: 'RELEASE', fields: {} },
    draftPurpose: 'release',
  },
  {
    id: 'answer:initial',
    kind: 'answer',
    label: '知晓发帖内容后3小时内（非工作时间顺延）作出初步回应',
    clause: '五(二)',
    policy:
      '涉事原因事后认定或变更为须回应的类别时，若自知晓起的 3 个工作小时已过，自认定时起计 3 个工作小时（本地政策：原因变更不即时产生超时）',
    owedBy: ['unit', 'office', 'spokesperson'],
    categories: ANSWERABLE,
    due: { anchor: 'knownAt', amount: 3, unit: 'workingHours', ifPassed: 'fromStart' },
    deadline: 'initialResponse',
    discharge: { type: 'INITIAL_RESPONSE', fields: {} },
    draftPurpose: 'initialResponse',
  },
  {
    id: 'answer:formal',
    kind: 'answer',
    label: '经部门领导审定，5个工作日内确定答复意见',
    clause: '五(二)',
    policy: null,
    owedBy: ['unit', 'office'],
    when: { all: [{ act: 'FORMAL_HANDLING' }, { not: { act: 'EXTEND' } }] },
    due: { anchor: 'knownAt', amount: 5, unit: 'workingDays' },
    deadline: 'formalReply',
    discharge: { type: 'FORMAL_REPLY', fields: {} },
    draftPurpose: 'formalReply',
  },
  {
    id: 'answer:extended',
    kind: 'answer',
    label: '延长办理时间（已作说明），最长10个工作日内确定答复意见',
    clause: '五(二)',
    policy: null,
    owedBy: ['unit', 'office'],
    when: { act: 'EXTEND' },
    due: { anchor: 'knownAt', amount: 10, unit: 'workingDays' },
    deadline: 'formalReplyExtended',
    discharge: { type: 'FORMAL_REPLY', fields: {} },
    draftPurpose: 'formalReply',
  },
  {
    id: 'decision:interview',
    kind: 'decision',
    label: '领导小组决定是否授权接受采访',
    clause: '四(四)',
    policy: null,
    owedBy: ['group'],
    when: { act: 'PROPOSE_INTERVIEW' },
    again: { events: ['PROPOSE_INTERVIEW'] },
    discharge: { type: 'DECIDE', fields: { decision: 'decision:interview' } },
  },
  {
    id: 'decision:review',
    kind: 'decision',
    label: '领导小组决定是否确定人员回顾总结',
    clause: '四(五)',
    policy: null,
    owedBy: ['group'],
    when: { act: 'SUBSIDE' },
    again: { events: ['SUBSIDE'] },
    discharge: { type: 'DECIDE', fields: { decision: 'decision:review' } },
  },
  {
    id: 'review',
    kind: 'review',
    label: '对舆情处置回顾总结',
    clause: '四(五)',
    policy: null,
    owedBy: ['office', 'group'],
    when: { decided: 'decision:review' },
    discharge: { type: 'REVIEW', fields: {} },
  },
]

export const escalation = escalationRule(common)
