/**
 * Who is who in the Neixiang plan: the recipients of a report and who may report to each,
 * who may send the events every plan shares (`common`) and who may waive.
 *
 * Roles in this plan: monitor 舆情评论员、公安网监; office 信息公开办; group 网络舆情应急处置
 * 工作领导小组; principal 县委办、县政府办 (for the 县委、政府主要领导); leader 县委宣传部
 * (统一协调指导 第二條3, 牵头负责 第二條4); spokesperson 新闻发言人 (第三條3); unit 舆情主体单位.
 */
import type { CommonEventMeta } from '../../kit/common.js'
import { clause, policy, type Role } from '../../vocabulary.js'

/** Who a report can reach: 领导小组 (第四條), 县委、政府主要领导 (第二條1), 上级有关部门 (第二條3). */
export const RECIPIENTS = ['group', 'principal', 'higher'] as const
export type Recipient = (typeof RECIPIENTS)[number]
export const RECIPIENT_LABELS: Record<Recipient, string> = {
  group: '县网络舆情应急处置工作领导小组',
  principal: '县委、政府主要领导',
  higher: '上级有关部门',
}

/**
 * Who may report to whom (offices act only for themselves): the commentators, 公安网监 and
 * 信息公开办 report to the group (第四條) and to the principal leaders (第二條1); the group
 * also reports to the principal leaders (第三條5); only 县委办/县政府办 report a critical
 * incident to higher authorities (第二條3).
 */
export const REPORTERS: Record<Recipient, readonly Role[]> = {
  group: ['monitor', 'office'],
  principal: ['monitor', 'office', 'group'],
  higher: ['principal'],
}

/**
 * Version 7 adds 有关单位和部门 (第三條5 并向有关单位和部门通报舆情进展情况, 第三條6 向相关领导和部门
 * 及时上报舆情信息处理进展情况): a recipient, not a role — only the group reports to them.
 * Versions 2–6 take `RECIPIENTS` and `REPORTERS` as they were.
 */
export const RECIPIENTS_V7 = [...RECIPIENTS, 'units'] as const
export type RecipientV7 = (typeof RECIPIENTS_V7)[number]
export const UNITS_LABEL = '有关单位和部门'
export const REPORTERS_V7: Record<RecipientV7, readonly Role[]> = { ...REPORTERS, units: ['group'] }

export const common: CommonEventMeta = {
  monitor: { roles: ['monitor', 'office'], meta: clause('第四條', '舆情评论员收集苗头动向') },
  regrade: { roles: ['office', 'group'], meta: clause('第二條1', '研判调整级别') },
  categorize: { roles: ['office', 'group'], meta: clause('第二條4', '分类处理') },
  escalate: { roles: ['office', 'group'], meta: policy('超时须向上级报告，本地政策', '超时上报') },
  draft: { roles: ['office', 'spokesperson', 'unit'], meta: clause('第七條3', '起草发布内容') },
  waive: {
    roles: ['group'],
    meta: policy('本办法未规定免除；本地政策：由领导小组免除应办事项并说明理由', '免除应办事项'),
  },
  decide: { roles: ['group'], meta: policy('本地政策：由领导小组作出决定', '作出决定') },
}

/**
 * Version 7: grading cites 第二條1 and 第二條3 (重大、特别重大 are named there), not 第二條1
 * alone; 县委办、县政府办 (role principal) waive too, but only what is owed to the principal
 * leaders or upward (the rules' `waivableBy`, rules/version7.ts); the rest as `common`.
 */
export const commonV7: CommonEventMeta = {
  ...common,
  regrade: { roles: common.regrade.roles, meta: clause('第二條1、第二條3', '研判调整级别') },
  waive: {
    roles: ['group', 'principal'],
    meta: policy(
      '本办法未规定免除；本地政策：由领导小组免除应办事项并说明理由；向主要领导、上级的报告和主要领导的批示只由县委办、县政府办（主要领导一方）免除',
      '免除应办事项',
    ),
  },
}

export const waivers = { roles: common.waive.roles, clause: null, policy: common.waive.meta.policy }
/** Version 7's (GET /plans): the group, and 县委办、县政府办 for what is owed to the principal leaders and upward. */
export const waiversV7 = { roles: commonV7.waive.roles, clause: null, policy: commonV7.waive.meta.policy }

/**
 * Version 10: 县委办、县政府办 also waive what is theirs of 第二條3 (the coordination, as their report
 * to 上级) and the progress reports to the principal leaders (rules/version10.ts); the rest as `commonV7`.
 */
export const commonV10: CommonEventMeta = {
  ...commonV7,
  waive: {
    roles: commonV7.waive.roles,
    meta: policy(
      '本办法未规定免除；本地政策：由领导小组免除应办事项并说明理由；向主要领导、上级的报告（含平息、反复后的进展汇报）、特别重大舆情的组织协调和主要领导的批示只由县委办、县政府办（主要领导一方）免除',
      '免除应办事项',
    ),
  },
}
/** Version 10's (GET /plans): the group, and 县委办、县政府办 for what is theirs (`commonV10`). */
export const waiversV10 = { roles: commonV10.waive.roles, clause: null, policy: commonV10.waive.meta.policy }
