/**
 * The rules of 安全生产网络舆情应对预案 as data: the grading criteria (二(三)), the
 * report deadlines (五(一), local durations), the report recipients, the approvals
 * each grade needs before the response (五(一)、五(三)) and the response route each
 * category (涉事原因) takes (五(四)). See ../../shared/seeds/saws-2014.txt.
 */
import type { ApprovalRequirement, Classification, DeadlineRule } from '../kit/types.js'
import type { Category, Facts, Severity } from '../vocabulary.js'

export const PLAN_ID = 'saws-2014'

/** Thresholds of 二(三)2–4, all "超过" (strictly greater). */
export const THRESHOLDS = {
  critical: { clicks: 50_000, reposts: 500 },
  major: { clicks: 10_000, reposts: 300 },
  large: { clicks: 1_000, reposts: 100 },
} as const

const GRADE_CLAUSE = { critical: '二(三)4', major: '二(三)3', large: '二(三)2' } as const
const GRADE_LABEL = { critical: '特别重大', major: '重大', large: '较大' } as const

/**
 * 二(三): one day's figures for the same statement. The click criterion needs the
 * statement on different sites (不同网站, read as at least two); the repost criterion
 * (微博、博客转发) stands alone. Everything else is 一般 (二(三)1).
 */
export function classify(facts: Facts): Classification {
  const clicks = facts.clicksPerDay ?? 0
  const reposts = facts.reposts ?? 0
  const multiSite = (facts.sites ?? 0) >= 2
  for (const grade of ['critical', 'major', 'large'] as const) {
    const t = THRESHOLDS[grade]
    const where = `${GRADE_CLAUSE[grade]} ${GRADE_LABEL[grade]}网络舆情`
    if (multiSite && clicks > t.clicks)
      return { severity: grade, rule: `${where}：同一言论在不同网站出现，1天内点击超过${t.clicks}次` }
    if (reposts > t.reposts) return { severity: grade, rule: `${where}：微博、博客转发超过${t.reposts}次` }
  }
  return { severity: 'general', rule: '二(三)1 一般网络舆情：未达较大标准（仅有少量围观）' }
}

const REPORT_POLICY = '原文只写“立即”“及时”，未给时长；本地政策默认值'

/** 五(一)1–3: the monitoring division reports; the window is local policy. */
export const deadlines: DeadlineRule[] = [
  {
    id: 'report-major',
    name: 'report',
    clause: '五(一)3',
    policy: `${REPORT_POLICY}：重大以上 30 分钟`,
    text: '重大、特别重大：发现后 30 分钟内电话报告人事司(宣教办)（本地政策，原文“立即”）',
    anchor: 'discoveredAt',
    amount: 30,
    unit: 'minutes',
    severities: ['major', 'critical'],
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
  {
    id: 'report-large',
    name: 'report',
    clause: '五(一)2',
    policy: `${REPORT_POLICY}：较大 2 小时`,
    text: '较大：发现后 2 小时内报告人事司(宣教办)（本地政策，原文“及时”）',
    anchor: 'discoveredAt',
    amount: 2,
    unit: 'hours',
    severities: ['large'],
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
  {
    id: 'report-general',
    name: 'report',
    clause: '五(一)1',
    policy: `${REPORT_POLICY}：一般 24 小时`,
    text: '一般：发现后 24 小时内通过舆情动态反映（本地政策，原文“及时”）',
    anchor: 'discoveredAt',
    amount: 24,
    unit: 'hours',
    severities: ['general'],
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
]

/** Report recipients (REPORT `to`). */
export const RECIPIENTS = ['office', 'principal', 'leader', 'units'] as const
export type Recipient = (typeof RECIPIENTS)[number]
export const RECIPIENT_LABELS: Record<Recipient, string> = {
  office: '人事司(宣教办)',
  principal: '总局主要领导',
  leader: '总局分管领导',
  units: '相关单位',
}

/**
 * Who the first report must reach, by grade: every grade reports to 人事司(宣教办)
 * (五(一)1 through the bulletin, 五(一)2 in writing, 五(一)3 by phone). The special
 * report to both leaders at 重大以上 is its own step (SUBMIT_SPECIAL_REPORT).
 */
export const reportRecipients: Partial<Record<Severity, readonly Recipient[]>> = {
  general: ['office'],
  large: ['office'],
  major: ['office'],
  critical: ['office'],
}

const unitHead: ApprovalRequirement = {
  code: 'unitHead',
  label: '本单位负责人审定答复',
  event: 'APPROVE_ANSWER',
  clause: '五(一)1',
}
const leaderApproval: ApprovalRequirement = {
  code: 'leaderApproval',
  label: '总局分管领导批准应对意见',
  event: 'LEADER_APPROVE',
  clause: '五(一)2、五(三)2',
}
const principalInstruction: ApprovalRequirement = {
  code: 'principalInstruction',
  label: '总局主要领导批示舆情专报',
  event: 'PRINCIPAL_INSTRUCT',
  clause: '五(一)3',
}
const leaderInstruction: ApprovalRequirement = {
  code: 'leaderInstruction',
  label: '总局分管领导批示舆情专报',
  event: 'LEADER_INSTRUCT',
  clause: '五(一)3',
}

/** Approvals each grade needs before the response starts and before the release. */
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [unitHead],
  large: [leaderApproval],
  major: [principalInstruction, leaderInstruction],
  critical: [principalInstruction, leaderInstruction],
}

export const approvalNeeded = (severity: Severity | null, code: string): boolean =>
  severity !== null && (approvals[severity] ?? []).some((a) => a.code === code)

/** The grade bands the reporting and consultation steps differ by (五(一)1–3, 五(三)1–3). */
export type Band = 'general' | 'large' | 'major'
export const bandOf = (s: Severity | null): Band =>
  s === 'major' || s === 'critical' ? 'major' : s === 'large' ? 'large' : 'general'

/** The response routes of 五(四)1–5; `answering` for the causes it does not single out. */
export type Route =
  | 'categorising'
  | 'replying'
  | 'owningUp'
  | 'investigating'
  | 'refuting'
  | 'containing'
  | 'answering'
export const routeOf = (c: Category | null): Route => {
  switch (c) {
    case null:
      return 'categorising'
    case 'suggestion':
      return 'replying'
    case 'criticism':
      return 'owningUp'
    case 'tip_off':
      return 'investigating'
    case 'rumor':
      return 'refuting'
    case 'malicious':
      return 'containing'
    default:
      return 'answering'
  }
}

/** Response channels named in 五(四). */
export const CHANNELS = [
  'followPost',
  'expertInterview',
  'commentary',
  'pressConference',
  'pressRelease',
  'mediaInterview',
] as const
export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  followPost: '跟帖答复',
  expertInterview: '专家访谈',
  commentary: '网络评论',
  pressConference: '新闻发布会或通报会',
  pressRelease: '新闻通稿',
  mediaInterview: '接受记者采访',
}
