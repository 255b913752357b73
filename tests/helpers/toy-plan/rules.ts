/**
 * The toy plan's rules as data (see ../toy-plan.ts): the roles and clauses its shared events
 * carry, the obligations it owes, the approvals each grade requires, and the escalation a breach owes.
 */
import { escalationRule } from '../../../machines/kit/kit.js'
import type { ApprovalRequirement, ObligationRule } from '../../../machines/kit/types.js'
import { clause, policy, type Severity } from '../../../machines/vocabulary.js'

/** Who sends the events every plan shares, and the clause or policy each implements. */
export const common = {
  monitor: { roles: ['monitor', 'office'] as const, meta: clause('1', '监测') },
  regrade: { roles: ['office', 'group'] as const, meta: clause('1', '调整级别') },
  categorize: { roles: ['monitor', 'office'] as const, meta: clause('1', '分类') },
  escalate: { roles: ['office', 'group'] as const, meta: policy('超时须上报', '超时上报') },
  draft: { roles: ['office', 'unit'] as const, meta: clause('4', '起草') },
  waive: { roles: ['group'] as const, meta: policy('领导小组可免除', '免除') },
  decide: { roles: ['group'] as const, meta: clause('5', '决定') },
}
/** The obligation a breach begins (local policy: 超时须上报). */
export const escalation = escalationRule(common)

export const toyRules: ObligationRule[] = [
  {
    id: 'report:group',
    kind: 'report',
    label: '向领导小组报告',
    clause: '2',
    policy: null,
    owedBy: ['monitor', 'office'],
    recipient: { code: 'group', label: '领导小组' },
    due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['group'] } },
    again: { raise: true, events: ['RELAPSE'] },
    prior: 'sameGrade',
  },
  {
    id: 'report:city',
    kind: 'report',
    label: '向市里报告',
    clause: '2',
    policy: null,
    owedBy: ['office'],
    recipient: { code: 'city', label: '市委办' },
    severities: ['major', 'critical'],
    due: { anchor: 'discoveredAt', amount: 2, unit: 'hours' },
    discharge: { type: 'REPORT', fields: { to: ['city'] } },
    prior: 'sameGrade',
  },
  {
    id: 'report:higher',
    kind: 'report',
    label: '领导小组逐级上报',
    clause: '2',
    policy: '逐级：领导小组收到报告后 1 小时内',
    owedBy: ['group'],
    recipient: { code: 'higher', label: '上级' },
    severities: ['major', 'critical'],
    when: { met: 'report:group' },
    due: { anchor: 'start', amount: 60, unit: 'minutes' },
    discharge: { type: 'REPORT', fields: { to: ['higher'] } },
  },
  {
    id: 'answer',
    kind: 'answer',
    label: '答复网民',
    clause: '3',
    policy: null,
    owedBy: ['unit'],
    categories: ['doubt', 'demand'],
    due: { anchor: 'knownAt', amount: 3, unit: 'workingHours' },
    deadline: 'initialResponse',
    discharge: { type: 'ANSWER', fields: {} },
  },
  {
    id: 'release',
    kind: 'release',
    label: '发布权威信息',
    clause: '4',
    policy: null,
    owedBy: ['office'],
    when: { step: 'convened' },
    discharge: { type: 'RELEASE', fields: {} },
    draftPurpose: 'release',
  },
  {
    id: 'decision:review',
    kind: 'decision',
    label: '是否总结评估',
    clause: '5',
    policy: null,
    owedBy: ['group'],
    when: { step: 'subsided' },
    discharge: { type: 'DECIDE', fields: { decision: 'decision:review' } },
  },
  {
    id: 'review',
    kind: 'review',
    label: '总结评估',
    clause: '5',
    policy: null,
    owedBy: ['office'],
    when: { decided: 'decision:review' },
    discharge: { type: 'REVIEW', fields: {} },
  },
  escalation,
]

/** The approvals a draft owes at each grade (the second separated from the author). */
export const approvalsTable: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [{ code: 'leader', label: '分管领导审定', event: 'APPROVE', clause: '4', owedBy: ['leader'] }],
  major: [
    { code: 'section', label: '科室负责人审核', event: 'REVIEW_DRAFT', clause: '4', owedBy: ['unit'] },
    {
      code: 'group',
      label: '领导小组审定',
      event: 'APPROVE',
      clause: '4',
      owedBy: ['group'],
      separate: true,
    },
  ],
}
