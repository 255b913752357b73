/**
 * 南宁市工商局突发事件舆情应对预案 as data: grades and their criteria (四(三)), the
 * obligations the text imposes (四(一)～四(五)、五(二)), the approvals a draft needs
 * (三(二)3、四(四)), report recipients and who may report to each (四(二)、五(二)), and
 * who may send the events every phase accepts. See ../shared/seeds/nanning-aic-2017.txt.
 *
 * Where ../shared/PLANS.md and the text disagree, the text wins (noted where it matters).
 */
import type { CommonEventMeta } from '../kit/common.js'
import type {
  ApprovalRequirement,
  Classification,
  Condition,
  ObligationRule,
  PlanDefinition,
} from '../kit/types.js'
import { type Category, clause, type Facts, type Role, type Severity } from '../vocabulary.js'

export const PLAN_ID = 'nanning-aic-2017'

/** 微博转发“达20条以上”: 20 itself is major (达 = reaches). */
export const MAJOR_REPOSTS = 20

export const severities: PlanDefinition['severities'] = [
  { code: 'general', label: '一般舆情' },
  { code: 'major', label: '重大舆情（重要敏感）' },
  { code: 'critical', label: '特别重大敏感舆情' },
]
export const GRADES: readonly Severity[] = ['general', 'major', 'critical']
const MAJOR_UP: readonly Severity[] = ['major', 'critical']

/**
 * 四(三): 重大 = (跨市区 and 对市局整体形象有较大影响) or 自治区、市级主流媒体(论坛)曝光
 * or 微博转发达20条以上; everything else is 一般. 特别重大敏感 (五(二)) has no criteria:
 * a person sets it.
 */
export function classify(facts: Facts): Classification {
  if (facts.crossRegion === true && facts.largeImageImpact === true)
    return { severity: 'major', rule: '跨市区且对市局整体形象有较大影响（四(三)）' }
  if (facts.mainstreamMedia === true)
    return { severity: 'major', rule: '被自治区、市级主流媒体（论坛）曝光（四(三)）' }
  if ((facts.reposts ?? 0) >= MAJOR_REPOSTS)
    return { severity: 'major', rule: `微博转发达${MAJOR_REPOSTS}条以上（四(三)）` }
  return {
    severity: 'general',
    rule: '未达重大舆情标准，按一般舆情（四(三)；既不符合一般也不符合重大的事实从低，本地政策）',
  }
}

/** 五(二): 意见、建议和诉求 — what a netizen voices expecting an answer. */
export const ANSWERABLE: readonly Category[] = ['suggestion', 'inquiry', 'doubt', 'demand', 'criticism']

/** Report recipients: 四(二) four inside the bureau, 五(二) 上级 for 重大 and above. */
export const RECIPIENTS = ['leader', 'principal', 'office', 'newsLeader', 'higher'] as const
export type Recipient = (typeof RECIPIENTS)[number]
export const RECIPIENT_LABELS: Record<Recipient, string> = {
  leader: '分管领导',
  principal: '主要领导',
  office: '市局办公室',
  newsLeader: '分管新闻宣传工作的局领导',
  higher: '上级',
}

/**
 * 四(二) 逐级: who may report to each recipient (the level below it), and which
 * recipient must have the report first. The finder (办公室舆情信息人员 or a unit, 三(二)3)
 * reports to 分管领导 and, at the same time, to 市局办公室; 分管领导 reports on to 主要领导;
 * the office, and only the office, reports to 分管新闻宣传工作的局领导. 上级 (五(二)) is told
 * by the bureau: the office or the principal leader.
 */
export const REPORT_LEVELS: Record<Recipient, { senders: readonly Role[]; after: Recipient | null }> = {
  leader: { senders: ['monitor', 'office', 'unit'], after: null },
  principal: { senders: ['leader'], after: 'leader' },
  office: { senders: ['monitor', 'office', 'unit'], after: null },
  newsLeader: { senders: ['office'], after: 'office' },
  higher: { senders: ['office', 'principal'], after: null },
}

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

/** Draft purposes (三(二)3: every text published in the bureau's name is first a draft). */
export const PURPOSES = ['release', 'initialResponse', 'formalReply'] as const

const unitSignOff: ApprovalRequirement = {
  code: 'unitSignOff',
  label: '单位主要负责人签署意见（答复意见即部门领导审定）',
  event: 'SIGN_OFF',
  clause: '三(二)3',
  owedBy: ['unit'],
  separate: true,
}
const leaderApproval: ApprovalRequirement = {
  code: 'leaderApproval',
  label: '新闻宣传分管领导审定',
  event: 'LEADER_APPROVE',
  clause: '四(四)',
  owedBy: ['leader'],
  separate: true,
}
const sectionReview: ApprovalRequirement = {
  code: 'sectionReview',
  label: '业务股室主要负责人审核',
  event: 'SECTION_REVIEW',
  clause: '四(四)',
  owedBy: ['unit'],
  separate: true,
}
const groupApproval: ApprovalRequirement = {
  code: 'groupApproval',
  label: '领导小组审定',
  event: 'GROUP_APPROVE',
  clause: '四(四)',
  owedBy: ['group'],
  separate: true,
}
const officeReview: ApprovalRequirement = {
  code: 'officeReview',
  label: '办公室审核以市局名义发布的上网信息',
  event: 'OFFICE_REVIEW',
  clause: '三(二)1',
  owedBy: ['office'],
  separate: true,
}
/**
 * Version 4, for the texts that go online in the bureau's name (权威信息, 初步回应): the unit
 * head signs (三(二)3), 重大 and above the section head reviews (四(四)), the office reviews
 * what goes online in the bureau's name (三(二)1), and the 审定 comes last — 一般 the
 * news-and-propaganda leader, 重大 and above the group (四(四)). The formal reply needs only
 * the 部门领导审定 五(二) names (the unit head's sign-off): it settles a reply (确定答复意见)
 * within 5 working days, not a publication online.
 */
const ONLINE = ['release', 'initialResponse'] as const
const online = (a: ApprovalRequirement): ApprovalRequirement => ({ ...a, purposes: ONLINE })
const groupChain = [unitSignOff, online(sectionReview), online(officeReview), online(groupApproval)]
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [unitSignOff, online(officeReview), online(leaderApproval)],
  major: groupChain,
  critical: groupChain,
}
/** Who may send the events every open phase accepts. */
export const common: CommonEventMeta = {
  monitor: {
    roles: ['monitor', 'office', 'unit'],
    meta: clause('四(一)、四(四)', '密切关注事态发展，更新监测数据'),
  },
  // A monitor never lowers a grade: regrading is the office's (四(三)) or the group's (三(一)).
  regrade: { roles: ['office', 'group'], meta: clause('四(三)、五(二)', '研判调整舆情等级') },
  categorize: { roles: ['office', 'group'], meta: clause('五(二)', '认定网民意见、建议或诉求类别') },
  escalate: {
    roles: ['office', 'group'],
    meta: clause('五(四)', '贻误时机、未及时上报的，超时上报并追究责任'),
  },
  draft: {
    roles: ['unit', 'office'],
    meta: clause('三(二)3', '提出以市局名义发布的内容（稿件）'),
  },
  waive: {
    roles: ['group'],
    meta: {
      clause: null,
      policy: '预案未规定免除应办事项；本地政策：由领导小组决定免除，并说明理由',
      label: '免除应办事项',
    },
  },
  decide: { roles: ['group'], meta: clause('四(四)、四(五)', '领导小组作出决定') },
}

export const waivers: PlanDefinition['waivers'] = {
  roles: common.waive.roles,
  clause: null,
  policy: common.waive.meta.policy,
}
