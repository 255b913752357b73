/**
 * The data of the HRSS city plan: grades, deadlines, report recipients, the
 * who-leads table (四) as approvals, and the common events' roles.
 * Clause refs follow the text's own numbering: `一(二)`, `二2`, `三第三步`, `四(二)`, `五(三)3`, `六`.
 */
import type { ApprovalRequirement, Classification, DeadlineRule } from '../kit/types.js'
import { clause, type Facts, policy, type Severity } from '../vocabulary.js'

export const PLAN_ID = 'hrss-city'

/** The four grades of 三第一步 / 四, lowest first, in the text's own words. */
export const GRADES = [
  { code: 'minor', label: '影响较小' },
  { code: 'general', label: '一般' },
  { code: 'major', label: '重大或较大' },
  { code: 'critical', label: '特别重大' },
] as const satisfies ReadonlyArray<{ code: Severity; label: string }>
export const GRADE_CODES = ['minor', 'general', 'major', 'critical'] as const

/** 四 describes each grade qualitatively (关注度、传播速度、影响范围): the monitor grades by hand. */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本预案四(一)至四(四)仅作定性描述，无量化标准：由舆情监控员分类定级（三第一步）',
})

export const deadlines: DeadlineRule[] = [
  {
    id: 'report',
    name: 'report',
    clause: '三第三步',
    policy: null,
    text: '发现舆情后第一时间（半小时内）上报局领导小组；重大以上同时上报市委办、市政府办、市委网信办；级别升高后自升级时起重新计算',
    anchor: 'discoveredAt',
    amount: 30,
    unit: 'minutes',
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
  {
    id: 'reply',
    name: 'reply',
    clause: '三第四步',
    policy: null,
    text: '舆情发生后 12 小时内，新闻发言人根据通稿通过媒体渠道正面回复',
    anchor: 'occurredAt',
    amount: 12,
    unit: 'hours',
    startsOn: 'open',
    metBy: 'reply',
  },
]

/** Report recipients (REPORT `to`). */
export const RECIPIENTS = ['group', 'cityPartyOffice', 'cityGovOffice', 'cityCac'] as const
export const RECIPIENT_LABELS: Record<(typeof RECIPIENTS)[number], string> = {
  group: '局网络舆情应急处置领导小组',
  cityPartyOffice: '市委办',
  cityGovOffice: '市政府办',
  cityCac: '市委网信办',
}

/**
 * Who must hear the fast report, by grade (三第三步). The text names 重大 only;
 * 特别重大 is reported at least as widely (三第一步 特重大和重大先报、早报).
 */
export const reportRecipients = {
  minor: ['group'],
  general: ['group'],
  major: ['group', 'cityPartyOffice', 'cityGovOffice', 'cityCac'],
  critical: ['group', 'cityPartyOffice', 'cityGovOffice', 'cityCac'],
} as const satisfies Partial<Record<Severity, readonly string[]>>

/** 四: who leads each grade, as the approvals the release waits for. */
export const approvals = {
  minor: [
    {
      code: 'groupConsent',
      label: '领导小组同意由办公室牵头（办公室请示）',
      event: 'CONSENT_OFFICE_LEAD',
      clause: '四(四)',
    },
  ],
  general: [
    {
      code: 'groupLead',
      label: '领导小组直接领导、办公室具体负责',
      event: 'DIRECT_GROUP_LEAD',
      clause: '四(三)',
    },
  ],
  major: [
    {
      code: 'cityLeaderBriefed',
      label: '领导小组上报市政府分管领导、市委网信办',
      event: 'BRIEF_CITY_LEADER',
      clause: '四(二)',
    },
  ],
  critical: [
    { code: 'cityRequested', label: '组长向市委、市政府请示', event: 'REQUEST_CITY_LEAD', clause: '四(一)' },
    { code: 'cityLead', label: '市委、市政府领导应急工作', event: 'CITY_DIRECT', clause: '四(一)' },
  ],
} as const satisfies Partial<Record<Severity, readonly ApprovalRequirement[]>>

/** Roles of the four events every open phase accepts. */
export const common = {
  monitor: {
    roles: ['monitor', 'office'] as const,
    meta: clause('三第二步', '时刻监测舆情发展动向'),
  },
  regrade: {
    roles: ['office', 'group'] as const,
    meta: clause('三第二步、五(一)1', '舆情恶化或缓和时调整级别'),
  },
  categorize: {
    roles: ['monitor', 'office'] as const,
    meta: clause('三第一步', '筛选舆情、分类'),
  },
  escalate: {
    roles: ['office', 'group'] as const,
    meta: policy('预案未规定超时处理；本地政策：超时须向上级报告', '超时上报'),
  },
}
