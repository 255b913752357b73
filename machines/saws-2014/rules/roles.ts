/**
 * Who is who in 安全生产网络舆情应对预案 (三): the recipients of a report, who may send the
 * events every plan shares (`common`), who may lower a grade and who may waive.
 *
 * Roles (三): monitor = 通信信息中心网络舆情处; office = 人事司(宣教办); unit = 相关单位 /
 * 相关业务司局; leader = 总局分管领导; principal = 总局主要领导; spokesperson = 政府网站处
 * and the units' authorised posters; legal = the unit's legal staff (法律声明).
 */
import type { CommonEventMeta } from '../../kit/kit.js'
import { clause, policy, type Role } from '../../vocabulary.js'

/** Report recipients (REPORT `to`, SUBMIT_SPECIAL_REPORT `to`). */
export const RECIPIENT_LABELS = {
  office: '人事司(宣教办)',
  principal: '总局主要领导',
  leader: '总局分管领导',
} as const
export type Recipient = keyof typeof RECIPIENT_LABELS
export const recipient = (code: Recipient) => ({ code, label: RECIPIENT_LABELS[code] })

/** Policy (the text is silent): the leader in charge or the principal leader may waive. */
export const WAIVERS: { roles: readonly Role[]; clause: null; policy: string } = {
  roles: ['leader', 'principal'],
  clause: null,
  policy: '预案未规定免除；本地政策：总局分管领导或主要领导可免除应办事项，须说明理由',
}

/** Version 4: the same, but a principal leader's 批示 is waived by the principal only (五(一)3). */
export const WAIVERS_V4: typeof WAIVERS = {
  ...WAIVERS,
  policy: `${WAIVERS.policy}；总局主要领导的批示仅主要领导本人可免除（五(一)3，分管领导不得免除上级的批示）`,
}

/**
 * Version 5: the same, and a draft's approval is not waived (OBLIGATIONS.md rule 8: a
 * release needs every approval; the way out is withdrawing the draft).
 */
export const WAIVERS_V5: typeof WAIVERS = {
  ...WAIVERS_V4,
  policy: `${WAIVERS_V4.policy}；稿件的审定、批准不得免除（不再发布的稿件应撤回）`,
}

/** Roles that may lower a grade (policy): the monitoring division grades by the figures only. */
export const LOWERERS: readonly Role[] = ['office', 'leader', 'principal']

/** Who may send the events every plan shares, and the clause or policy behind each. */
export const common: CommonEventMeta = {
  monitor: { roles: ['monitor', 'office'], meta: clause('五(二)', '持续跟踪监测舆情发展动向') },
  // A monitor grades by the figures (METRICS_UPDATED); setting a grade by hand, and above
  // all lowering it, is for 人事司(宣教办) and the leaders (policy).
  regrade: {
    roles: LOWERERS,
    meta: {
      clause: '二(三)、五(一)',
      policy:
        '原文未规定人工调整级别；本地政策：人事司(宣教办)或总局领导可调整（须说明理由），舆情处按数据定级',
      label: '调整舆情等级',
    },
  },
  categorize: {
    roles: ['monitor', 'office'],
    meta: clause('二(一)、五(四)', '对事件予以准确定性（涉事原因）'),
  },
  escalate: {
    roles: ['office', 'monitor'],
    meta: policy('预案未规定超时处理；本地政策：超时须向上报告', '超时上报'),
  },
  draft: {
    roles: ['unit', 'office'],
    meta: clause('五(一)1、五(三)、五(四)', '相关单位提供澄清释惑内容，起草回应稿'),
  },
  waive: { roles: WAIVERS.roles, meta: policy(WAIVERS.policy, '免除应办事项') },
  decide: {
    roles: ['office', 'legal'],
    meta: clause('五(一)3、五(五)2', '研判是否需要其他单位配合、是否属恶意诋毁'),
  },
}
