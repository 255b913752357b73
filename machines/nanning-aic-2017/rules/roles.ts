/**
 * Who is who in the plan (三, 四(二)): the recipients of a report and who may report to each,
 * who may send the events every plan shares (`common`) and who may waive.
 */
import type { CommonEventMeta } from '../../kit/common.js'
import type { PlanDefinition } from '../../kit/types.js'
import { clause, type Role } from '../../vocabulary.js'

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

/**
 * Version 10, 五(四) 对信息隐瞒不报或未及时上报的部门及人员，要严肃追究责任: the text owes the
 * accountability (version 10's `step:accountability`), not a report of the breach itself, so the
 * escalation a breach owes cites 五(四) with a policy of its own (versions 2–9 cited 五(四) with
 * the kit's "预案未规定超时处理", as `clause()` sets no policy).
 */
export const ESCALATE_POLICY =
  '五(四)要求对未及时上报的部门及人员追究责任（另列应办事项），未规定时限届满后如何处理；本地政策：任一时限届满未办，须超时上报'
export const commonV10: CommonEventMeta = {
  ...common,
  escalate: {
    roles: common.escalate.roles,
    meta: { ...clause('五(四)', '时限届满未办的，超时上报'), policy: ESCALATE_POLICY },
  },
}

export const waivers: PlanDefinition['waivers'] = {
  roles: common.waive.roles,
  clause: null,
  policy: common.waive.meta.policy,
}
