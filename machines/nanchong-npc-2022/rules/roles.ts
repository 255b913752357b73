/**
 * Who is who in the plan (二(二), 二(三)): the recipients of a report, who may act, who may
 * send the events every plan shares (`common`, and version 4's `commonV4`) and who may waive.
 */
import type { CommonEventMeta } from '../../kit/kit.js'
import { clause, policy, type Role } from '../../vocabulary.js'

/** Recipient codes of a report (三(二)): the group first, then, level by level, 市网信办. */
export const RECIPIENTS = ['group', 'cac'] as const
export const GROUP = { code: 'group', label: '网络舆情应急管理小组' } as const
export const CAC = { code: 'cac', label: '市网信办' } as const
/**
 * Version 13, 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况: the departments concerned, whom the text
 * does not name (the group's decision names them, rules/versions-v13.ts).
 */
export const DEPARTMENTS = { code: 'departments', label: '相关部门' } as const
export const RECIPIENTS_V13 = [...RECIPIENTS, DEPARTMENTS.code] as const
/**
 * Version 14, 二(三)6's 相关部门 one by one (OBLIGATIONS.md rule 7): those 四(一) names beside 市网信办
 * (与市委宣传部、市网信办、市公安部门及其他有关部门要保持密切的沟通联系), and the others, whom the group's
 * yes names in its reason (`departments`, version 13's code).
 */
export const PROPAGANDA = { code: 'propaganda', label: '市委宣传部' } as const
export const POLICE = { code: 'police', label: '市公安部门' } as const
export const OTHER_DEPARTMENTS = { code: DEPARTMENTS.code, label: '其他有关部门' } as const
export const DEPARTMENTS_V14 = [PROPAGANDA, POLICE, OTHER_DEPARTMENTS] as const
export const RECIPIENTS_V14 = [...RECIPIENTS_V13, PROPAGANDA.code, POLICE.code] as const

/** Who may act (二(二), 二(三)): the monitors are the office's staff; the group decides. */
export const ROLES = {
  /** 三(二): who may send REPORT (versions 2–3 let the group report to itself: see `reportFromBelow`). */
  reportToGroup: ['monitor', 'office', 'group'],
  /** 三(二) from version 4: the report to the group comes from below (舆情监控员, or the office they staff). */
  reportFromBelow: ['monitor', 'office'],
  /** 三(二)、二(三)6: only the group reports on to 市网信办 (逐级). */
  reportToCac: ['group'],
  /** 三(一): a monitor grades; lowering a grade is the office's or the group's (second reading). */
  lower: ['office', 'group'],
  /** 三(四)1、二(三)2: the responsible unit drafts, the office submits, the group 审定. */
  draft: ['unit', 'legal', 'office', 'spokesperson'],
  signOff: ['group'],
  /** Version 13, 三(四)1 属举报的，按照干部监督权限，由纪检监察组或机关纪委调查核实 (versions 2–12: the unit). */
  investigate: ['discipline'],
} as const satisfies Record<string, readonly Role[]>

/** Who may send the events every open phase accepts, and what they cite. */
export const common: CommonEventMeta = {
  monitor: { roles: ['monitor', 'office'], meta: clause('三(一)', '时刻监测舆情发展动向') },
  regrade: {
    roles: ['monitor', 'office', 'group'],
    meta: clause('三(一)', '判断分类（调整级别；监控员不得降级）'),
  },
  categorize: { roles: ['office', 'group'], meta: clause('三(四)1', '认定信息类别') },
  escalate: {
    roles: ['office', 'group'],
    meta: policy('预案未规定超时处理：超时须向应急管理小组上报（本地政策）', '超时上报'),
  },
  draft: { roles: ROLES.draft, meta: clause('三(四)1', '责任单位办理、拟定答复意见') },
  waive: {
    roles: ['group'],
    meta: policy('预案未规定免除应办事项：由网络舆情应急管理小组免除（本地政策）', '免除应办事项'),
  },
  decide: { roles: ['group'], meta: clause('三(四)3', '网络舆情应急管理小组决定') },
}

/** Version 4: the group's decisions are those of 三(四)2, 三(四)3, 三(五) and 三(六) (rule 3). */
export const commonV4: CommonEventMeta = {
  ...common,
  decide: { roles: ['group'], meta: clause('三(四)2、三(四)3、三(五)、三(六)', '网络舆情应急管理小组决定') },
}

export const waivers = {
  roles: common.waive.roles,
  clause: common.waive.meta.clause,
  policy: common.waive.meta.policy,
}
