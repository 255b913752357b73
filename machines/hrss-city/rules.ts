/**
 * The data of the HRSS city plan: grades, report recipients, the obligations each grade
 * owes (OBLIGATIONS.md, PLANS.md "second reading"), the approval of the press release
 * (通稿), and the roles of the common events.
 * Clause refs follow the text's own numbering: `一(二)`, `二2`, `三第三步`, `四(二)`, `五(三)3`, `六`.
 */

import { type CommonEventMeta, escalationRule } from '../kit/kit.js'
import type { ApprovalRequirement, Classification, ObligationRule } from '../kit/types.js'
import { clause, type Facts, policy, type Role, type Severity } from '../vocabulary.js'

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

/** Report recipients (REPORT `to`), each its own obligation (OBLIGATIONS.md rule 7). */
export const RECIPIENTS = [
  'group',
  'cityPartyOffice',
  'cityGovOffice',
  'cityCac',
  'cityLeader',
  'cityLeadership',
] as const
export type Recipient = (typeof RECIPIENTS)[number]
export const RECIPIENT_LABELS: Record<Recipient, string> = {
  group: '局网络舆情应急处置领导小组',
  cityPartyOffice: '市委办',
  cityGovOffice: '市政府办',
  cityCac: '市委网信办',
  cityLeader: '市政府分管领导',
  cityLeadership: '市委、市政府',
}
const to = (code: Recipient) => ({ code, label: RECIPIENT_LABELS[code] })

/** Draft purposes (DRAFT `purpose`): the press release of 三第四步 and the message of a press conference. */
export const PURPOSES = ['pressRelease', 'conference'] as const

/**
 * 三第三步 says "重大网络舆情要上报市委办、市政府办、市委网信办". PLANS.md reads it as
 * 重大 and 特别重大; the text names 重大 only but ranks 特别重大 above it and sends both
 * "先报、早报" (三第一步), and 四(一) puts 特别重大 under 市委、市政府 — a critical incident
 * told to fewer city offices than a major one would contradict both. So: major and
 * critical (重大 read as 重大及以上), not a disagreement with the text.
 */
const CITY_GRADES = ['major', 'critical'] as const satisfies readonly Severity[]
const CITY_DUE_POLICY =
  '三第三步未规定向市委办、市政府办、市委网信办报告的时限；本地政策：自定级或升级时起 2 小时内'

/** 四: who leads each grade, as the acts that settle it (四(一) is a decision, below). */
export const WHO_LEADS = ['lead:officeConsent', 'lead:groupDirect'] as const
/** What must be done before the incident may subside (三第四步 评论文章, 三第五步 会商方案). */
export const BEFORE_SUBSIDE = ['commentary', 'answer:query'] as const

export const DECISIONS = {
  cityLead: 'decide:cityLead',
  pressConference: 'decide:pressConference',
} as const

/** Roles of the events every open phase accepts. */
export const common = {
  monitor: { roles: ['monitor', 'office'], meta: clause('三第二步', '时刻监测舆情发展动向') },
  regrade: { roles: ['office', 'group'], meta: clause('三第二步、五(一)1', '舆情恶化或缓和时调整级别') },
  categorize: { roles: ['monitor', 'office'], meta: clause('三第一步', '筛选舆情、分类') },
  escalate: {
    roles: ['office', 'group'],
    meta: policy('预案未规定超时处理；本地政策：超时须向上级报告', '超时上报'),
  },
  draft: {
    roles: ['office', 'unit'],
    meta: policy(
      '预案未规定通稿由谁起草；本地政策：领导小组办公室会同承办科室起草（参照三第四步）',
      '起草稿件',
    ),
  },
  waive: {
    roles: ['group'],
    meta: policy('预案未规定免除；本地政策：由领导小组组长免除应办事项，须说明理由', '免除应办事项'),
  },
  decide: {
    roles: ['group'],
    meta: clause('四(一)、五(三)3', '根据需要、必要时：由领导小组（组长）决定'),
  },
} as const satisfies CommonEventMeta

const OFFICE: readonly Role[] = ['office', 'group']
const GROUP: readonly Role[] = ['group']

export const rules: readonly ObligationRule[] = [
  {
    id: 'report:group',
    kind: 'report',
    label: '第一时间（半小时内）上报局领导小组；舆情恶化时及时续报',
    clause: '三第三步、三第二步',
    policy: '三第二步的续报（级别升高或舆情反复）未定时限；本地政策：自恶化时起 30 分钟',
    owedBy: ['monitor', 'office'],
    recipient: to('group'),
    due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['group'] } },
    again: { raise: true, events: ['RELAPSE'] },
  },
  ...(['cityPartyOffice', 'cityGovOffice', 'cityCac'] as const).map(
    (code): ObligationRule => ({
      id: `report:${code}`,
      kind: 'report',
      label: `上报${RECIPIENT_LABELS[code]}`,
      clause: code === 'cityCac' ? '三第三步、四(二)' : '三第三步',
      policy: CITY_DUE_POLICY,
      owedBy: OFFICE,
      recipient: to(code),
      severities: CITY_GRADES,
      due: { anchor: 'start', amount: 2, unit: 'hours' },
      deadline: 'report',
      discharge: { type: 'REPORT', fields: { to: [code] } },
      prior: 'sameGrade',
    }),
  ),
  {
    id: 'report:cityLeader',
    kind: 'report',
    label: '领导小组上报市政府分管领导',
    clause: '四(二)',
    policy: '四(二)未规定时限；本地政策：自定级或升级时起 2 小时内',
    owedBy: GROUP,
    recipient: to('cityLeader'),
    severities: ['major'],
    due: { anchor: 'start', amount: 2, unit: 'hours' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['cityLeader'] } },
    // Told at 特别重大, the leader owes no new report after a lowering to 重大 (rules 5, 6).
    prior: 'sameGradeOrAbove',
  },
  {
    id: 'report:filing',
    kind: 'report',
    label: '报告市委网信办备案',
    clause: '四(三)',
    policy:
      '已在重大或特别重大时上报市委网信办（三第三步、四(二)）的，降为一般后不再另行备案（OBLIGATIONS.md 第6条）',
    owedBy: OFFICE,
    recipient: { code: 'cityCacFiling', label: '市委网信办（备案）' },
    severities: ['general'],
    discharge: { type: 'FILE_RECORD', fields: {} },
    // Version 4: 市委网信办 told of a higher grade already has it on record (rules 5, 6).
    prior: 'sameGradeOrAbove',
    priorSteps: [{ type: 'REPORT', fields: { to: ['cityCac'] } }],
  },
  {
    id: 'lead:officeConsent',
    kind: 'step',
    label: '经办公室请示，领导小组同意由办公室会同相关科室开展',
    clause: '四(四)',
    policy: null,
    owedBy: GROUP,
    severities: ['minor'],
    discharge: { type: 'CONSENT_OFFICE_LEAD', fields: {} },
  },
  {
    id: 'lead:groupDirect',
    kind: 'step',
    label: '领导小组直接领导、办公室具体负责',
    clause: '四(三)',
    policy: null,
    owedBy: GROUP,
    severities: ['general'],
    discharge: { type: 'DIRECT_GROUP_LEAD', fields: {} },
  },
  {
    id: DECISIONS.cityLead,
    kind: 'decision',
    label: '根据需要：是否经组长向市委、市政府请示，在市委、市政府领导下开展',
    clause: '四(一)',
    policy: null,
    owedBy: GROUP,
    severities: ['critical'],
    discharge: { type: 'DECIDE', fields: { decision: DECISIONS.cityLead } },
    again: { raise: true },
  },
  {
    id: 'request:cityLead',
    kind: 'report',
    label: '组长向市委、市政府请示',
    clause: '四(一)',
    policy: null,
    owedBy: GROUP,
    recipient: to('cityLeadership'),
    severities: ['critical'],
    when: { decided: DECISIONS.cityLead },
    discharge: { type: 'REQUEST_CITY_LEAD', fields: {} },
    // Asked again after a rise, a yes owes a new request (rule 3), from that answer.
    again: { raise: 'whenHolds' },
  },
  {
    id: 'reply',
    kind: 'release',
    label: '新闻发言人根据通稿通过媒体渠道正面回复',
    clause: '三第四步',
    policy: '舆情反复后须重新回复（本地政策：自反复时起 12 小时内）',
    owedBy: ['spokesperson'],
    due: { anchor: 'occurredAt', amount: 12, unit: 'hours' },
    deadline: 'reply',
    discharge: { type: 'REPLY', fields: {} },
    draftPurpose: 'pressRelease',
    again: { events: ['RELAPSE'] },
  },
  {
    id: 'commentary',
    kind: 'step',
    label: '领导小组办公室会同承办科室根据通稿撰写网络评论文章',
    clause: '三第四步',
    policy: null,
    owedBy: ['office', 'unit'],
    // Version 4: from the 通稿's step settled — replied, or the reply waived, which frees the spokesperson only.
    when: { settled: 'reply' },
    discharge: { type: 'COMMENTARY', fields: {} },
  },
  {
    id: 'answer:query',
    kind: 'answer',
    label: '领导小组会商后拿出合理方案加以回复',
    clause: '三第五步',
    policy: null,
    owedBy: GROUP,
    when: { act: 'REFER_QUERY' },
    discharge: { type: 'ANSWER_PLAN', fields: {} },
    again: { events: ['REFER_QUERY'] },
    prior: 'none',
  },
  {
    id: 'removeFalse',
    kind: 'step',
    label: '与刊登不实消息的网络媒体沟通，消除不利消息',
    clause: '五(三)1',
    policy: null,
    owedBy: ['group', 'office', 'unit'],
    categories: ['rumor', 'malicious'],
    discharge: { type: 'REMOVE_FALSE', fields: {} },
  },
  {
    id: DECISIONS.pressConference,
    kind: 'decision',
    label: '必要时：是否组织新闻发布会',
    clause: '五(三)3',
    policy: '级别升高后重新决定（本地政策：“根据网络舆情反映事件的程度”）',
    owedBy: GROUP,
    discharge: { type: 'DECIDE', fields: { decision: DECISIONS.pressConference } },
    again: { raise: true },
  },
  {
    id: 'report:cityLeadership',
    kind: 'report',
    label: '新闻发布会：领导小组上报市委、市政府指定专人发布',
    clause: '五(三)3',
    policy: null,
    owedBy: GROUP,
    recipient: to('cityLeadership'),
    when: { decided: DECISIONS.pressConference },
    discharge: { type: 'REPORT', fields: { to: ['cityLeadership'] } },
    again: { raise: 'whenHolds' },
  },
  {
    id: 'release:conference',
    kind: 'release',
    label: '新闻发布会：指定专人对外发布权威消息',
    clause: '五(三)3',
    policy: null,
    owedBy: ['spokesperson', 'group'],
    when: { decided: DECISIONS.pressConference },
    discharge: { type: 'PRESS_CONFERENCE', fields: {} },
    draftPurpose: 'conference',
    again: { raise: 'whenHolds' },
  },
  {
    id: 'review',
    kind: 'review',
    label: '持续关注、全面总结评估、责任考评、修改完善工作方案',
    clause: '六',
    policy: null,
    owedBy: ['office', 'unit'],
    when: { act: 'DISPOSAL_DONE' },
    discharge: { type: 'REVIEW', fields: {} },
  },
]

export const escalation = escalationRule(common)
/** Version 4: a publication's text is a draft not published before (the chart's guard), and the view never offers a published one. */
export const obligations: readonly ObligationRule[] = [...rules, escalation].map((r) =>
  r.draftPurpose === undefined ? r : { ...r, freshDraft: true },
)

/**
 * Version 3's rules, kept for the incidents opened on it: the commentary was owed only
 * once the reply was met (a waived reply owed none), and a report to 市委网信办 made at
 * 重大 did not count for the filing owed after a lowering to 一般.
 */
export const obligationsV3: readonly ObligationRule[] = obligations.map(({ freshDraft: _fresh, ...r }) => {
  if (r.id === 'commentary') return { ...r, when: { met: 'reply' } }
  if (r.id !== 'report:filing') return r
  const { prior: _prior, priorSteps: _steps, ...rest } = r
  return { ...rest, policy: null }
})

/**
 * Version 2's rules, kept for the incidents opened on it: a yes to a decision asked again
 * after a rise owed nothing new (the request to the city, the conference and its report
 * had been met once), and a report to the city's leader made at 特别重大 did not count
 * after a lowering to 重大.
 */
export const obligationsV2: readonly ObligationRule[] = obligationsV3.map((r) => {
  if (r.prior === 'sameGradeOrAbove') return { ...r, prior: 'sameGrade' }
  if (r.again?.raise !== 'whenHolds') return r
  const { again: _again, ...rest } = r
  return rest
})

/**
 * 三第四步: the spokesperson replies "根据通稿"; the text names no approver of the 通稿.
 * Local policy: the leading group (组长或副组长) approves it (审定) — 二1 puts the work under the
 * group, 三第五步 has the group settle replies (会商后拿出合理方案) — and not its author.
 */
const groupApproval: ApprovalRequirement = {
  code: 'groupApproval',
  label: '领导小组审定稿件（通稿、发布会权威消息）',
  event: 'APPROVE_RELEASE',
  clause: null,
  policy: '预案未规定通稿由谁审定；本地政策：由领导小组审定（参照二1、三第五步），审定人不得为起草人',
  owedBy: GROUP,
  separate: true,
}
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  minor: [groupApproval],
  general: [groupApproval],
  major: [groupApproval],
  critical: [groupApproval],
}

export const waivers = { roles: common.waive.roles, clause: null, policy: common.waive.meta.policy }

/** Who may report to each recipient: the owers of the report rules naming it (offices act for themselves). */
export const REPORTERS: Record<string, readonly Role[]> = Object.fromEntries(
  RECIPIENTS.map((r) => [
    r,
    [
      ...new Set(
        rules
          .filter((x) => x.discharge.type === 'REPORT' && x.recipient?.code === r)
          .flatMap((x) => x.owedBy),
      ),
    ],
  ]),
)
