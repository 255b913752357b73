/**
 * The data of 南充市人大常委会机关网络舆情应急处置预案 (../../../shared/seeds/nanchong-npc-2022.txt):
 * grades (set by a person), recipients, who may act, what every incident owes (obligation
 * rules) and the approvals every public text needs. The chart (machine.ts) reads it.
 *
 * Where ../shared/PLANS.md and the text disagree the text wins: the staged responses for
 * wide and complex cases are in 三(四)1 (second paragraph), not 三(四)2 (评论引导).
 */
import { z } from 'zod'
import type { CommonEventMeta } from '../kit/kit.js'
import type { ApprovalRequirement, Classification, Condition, ObligationRule } from '../kit/types.js'
import { type Category, clause, type Facts, policy, type Role, type Severity } from '../vocabulary.js'

export const PLAN_ID = 'nanchong-npc-2022'

/** The plan's own grades (三(一)): 特别重大、重大、较大、一般. */
export const GRADES = ['general', 'large', 'major', 'critical'] as const satisfies readonly Severity[]
export type Grade = (typeof GRADES)[number]
export const GradeSchema = z.enum(GRADES).describe('舆情级别')
export const GRADE_LABELS = [
  { code: 'general', label: '一般网络舆情' },
  { code: 'large', label: '较大网络舆情' },
  { code: 'major', label: '重大网络舆情' },
  { code: 'critical', label: '特别重大网络舆情' },
] as const
const LARGE_UP: readonly Severity[] = ['large', 'major', 'critical']

/** The text names four grades but no criteria: the monitor grades by judgement (三(一)). */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本预案未规定分级标准，由舆情监控员判断分类（三(一)）',
})

/** Recipient codes of a report (三(二)): the group first, then, level by level, 市网信办. */
export const RECIPIENTS = ['group', 'cac'] as const
export const GROUP = { code: 'group', label: '网络舆情应急管理小组' } as const
export const CAC = { code: 'cac', label: '市网信办' } as const

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

/** What a draft is for: each release names the purpose of the draft it publishes. */
export const PURPOSES = ['reply', 'explanation', 'refutation', 'stance', 'progress', 'conclusion'] as const
/** Version 4 adds what a press conference says (三(四)3), a draft like any public text (二(三)2). */
export const PURPOSES_V4 = [...PURPOSES, 'conference'] as const
/** 三(四)1 回应方式; version 4 adds 新闻发布会 (三(四)3), the channel of a conference text. */
export const CHANNELS = ['online', 'pressRelease', 'emergencyMessage', 'officialAccount'] as const
export const CHANNELS_V4 = [...CHANNELS, 'pressConference'] as const

/** 三(四)1 routes by category: who answers and how. */
export const ROUTES = {
  reply: ['inquiry', 'doubt', 'demand', 'criticism', 'suggestion'],
  explain: ['misreading'],
  refute: ['rumor', 'malicious'],
  investigate: ['tip_off'],
} as const satisfies Record<string, readonly Category[]>

const act = (type: string, fields?: Record<string, unknown>): Condition => ({ act: type, fields })
const COMPLEX: Condition = { step: 'complex' }
const TIP_OFF_TRUE = act('INVESTIGATE', { substantiated: true })
const act0 = (type: string) => ({ type, fields: {} })

const rule = (r: Omit<ObligationRule, 'policy' | 'clause'> & { clause?: string; policy?: string }) =>
  ({ ...r, clause: r.clause ?? null, policy: r.policy ?? null }) as ObligationRule

/** Every obligation of the plan, as data (OBLIGATIONS.md; PLANS.md second reading). */
export const obligations: readonly ObligationRule[] = [
  // 三(二): the 10-minute limit is the group's only (one recipient, one obligation).
  rule({
    id: 'report:group',
    kind: 'report',
    label: '第一时间（10分钟内）报告网络舆情应急管理小组',
    clause: '三(二)',
    policy: '级别上升须重新报告小组（续报），自上升时起 10 分钟（本地政策，依三(一)时刻监测）',
    owedBy: ['monitor', 'office'],
    recipient: GROUP,
    due: { anchor: 'discoveredAt', amount: 10, unit: 'minutes' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['group'] } },
    again: { raise: true },
  }),
  // 三(二) 及时逐级: the group reports on, once it has the report. After a rise the new
  // report to 市网信办 is owed once the group has the new grade's report, and counts from
  // then (as the guard `mayReport` allows it; OBLIGATIONS.md rule 7). Version 2 began it
  // at the rise: see `obligationsV2` below.
  rule({
    id: 'report:cac',
    kind: 'report',
    label: '及时逐级报送市网信办',
    clause: '三(二)',
    policy:
      '“及时”未给时长：自小组收到报告起 1 小时；级别再升须续报，自小组收到新级别的报告起 1 小时（本地政策）',
    owedBy: ROLES.reportToCac,
    recipient: CAC,
    severities: LARGE_UP,
    when: { settled: 'report:group' },
    due: { anchor: 'start', amount: 1, unit: 'hours' },
    discharge: { type: 'REPORT', fields: { to: ['cac'] } },
    again: { raise: 'whenHolds' },
    prior: 'sameGrade',
  }),
  // 三(三): the group convenes once it has the report.
  rule({
    id: 'step:convene',
    kind: 'step',
    label: '及时召开网络舆情分析研判会',
    clause: '三(三)',
    owedBy: ['group', 'office'],
    when: { met: 'report:group' },
    discharge: { type: 'CONVENE', fields: {} },
  }),
  rule({
    id: 'opinion:cac',
    kind: 'step',
    label: '及时听取市网信办意见',
    clause: '三(三)',
    policy: '级别再升须重新听取（本地政策）',
    owedBy: ['office', 'group'],
    severities: LARGE_UP,
    when: act('CONVENE'),
    discharge: { type: 'HEAR_CAC_OPINION', fields: {} },
    again: { raise: true },
  }),
  rule({
    id: 'measures',
    kind: 'step',
    label: '确定最终处理措施',
    clause: '三(三)',
    policy: '级别上升须重新确定处理措施（本地政策，依二(三)5 针对新情况及时调整处置办法）',
    owedBy: ['group'],
    when: act('CONVENE'),
    discharge: { type: 'DECIDE_MEASURES', fields: {} },
    again: { raise: true },
  }),
  // 三(四)1: 原则上均予正面回应, by category.
  rule({
    id: 'answer:reply',
    kind: 'answer',
    label: '责任单位办理、拟定答复意见，报请审定后正面回应',
    clause: '三(四)1、三(四)4',
    policy: '属实批评未单列：按诉求类答复（本地政策）',
    owedBy: ['unit', 'office', 'spokesperson'],
    categories: ROUTES.reply,
    discharge: { type: 'REPLY', fields: {} },
    draftPurpose: 'reply',
  }),
  rule({
    id: 'answer:explain',
    kind: 'answer',
    label: '法工委、法制委会同起草部门正面解释',
    clause: '三(四)1',
    owedBy: ['legal'],
    categories: ROUTES.explain,
    discharge: { type: 'EXPLAIN_REGULATION', fields: {} },
    draftPurpose: 'explanation',
  }),
  rule({
    id: 'answer:refute',
    kind: 'answer',
    label: '通过权威渠道公开辟谣',
    clause: '三(四)1',
    policy: '恶意炒作未单列于正面回应：通过权威渠道澄清（本地政策）',
    owedBy: ['spokesperson', 'office'],
    categories: ROUTES.refute,
    discharge: { type: 'REFUTE', fields: {} },
    draftPurpose: 'refutation',
  }),
  rule({
    id: 'answer:tipOff',
    kind: 'answer',
    label: '纪检监察组或机关纪委调查核实后回应',
    clause: '三(四)1',
    owedBy: ['unit', 'office', 'spokesperson'],
    categories: ROUTES.investigate,
    when: act('INVESTIGATE'),
    discharge: { type: 'REPLY', fields: {} },
    draftPurpose: 'reply',
    // 调查核实后回应: a reply given before the investigation is not this answer (rule 6 does not apply).
    prior: 'none',
  }),
  // 三(四)1 second paragraph: wide and complex cases answer in stages.
  rule({
    id: 'answer:stance',
    kind: 'answer',
    label: '第一时间表态性回应',
    clause: '三(四)1',
    owedBy: ['spokesperson', 'office'],
    when: COMPLEX,
    discharge: { type: 'STANCE', fields: {} },
    draftPurpose: 'stance',
  }),
  rule({
    id: 'answer:conclusion',
    kind: 'answer',
    label: '处置结束后进行结论性回应（平息前）',
    clause: '三(四)1',
    policy: '舆情反复后再次平息前须再作结论性回应（本地政策）',
    owedBy: ['spokesperson', 'office'],
    when: COMPLEX,
    discharge: { type: 'CONCLUDE', fields: {} },
    draftPurpose: 'conclusion',
    again: { events: ['RELAPSE'] },
  }),
  // 三(四)3: 可以召开新闻发布会 — decided on the record.
  rule({
    id: 'decide:pressConference',
    kind: 'decision',
    label: '是否召开新闻发布会',
    clause: '三(四)3',
    owedBy: ['group'],
    severities: ['major', 'critical'],
    discharge: { type: 'DECIDE', fields: { decision: 'decide:pressConference' } },
  }),
  rule({
    id: 'step:pressConference',
    kind: 'step',
    label: '召开新闻发布会',
    clause: '三(四)3',
    owedBy: ['spokesperson', 'group'],
    severities: ['major', 'critical'],
    when: { decided: 'decide:pressConference' },
    discharge: { type: 'PRESS_CONFERENCE', fields: {} },
  }),
  // 三(四)4: offline handling.
  rule({
    id: 'offline:investigate',
    kind: 'step',
    label: '涉举报类尽快调查核实',
    clause: '三(四)1、三(四)4',
    owedBy: ['unit'],
    categories: ROUTES.investigate,
    discharge: { type: 'INVESTIGATE', fields: {} },
  }),
  rule({
    id: 'offline:rectify',
    kind: 'step',
    label: '举报属实的立即主动整改',
    clause: '三(四)4',
    owedBy: ['unit'],
    categories: ROUTES.investigate,
    when: TIP_OFF_TRUE,
    discharge: { type: 'RECTIFY', fields: {} },
  }),
  rule({
    id: 'offline:accountability',
    kind: 'step',
    label: '举报属实的迅速查出责任人员',
    clause: '三(四)4',
    owedBy: ['group', 'unit'],
    categories: ROUTES.investigate,
    when: TIP_OFF_TRUE,
    discharge: { type: 'HOLD_ACCOUNTABLE', fields: {} },
  }),
  rule({
    id: 'offline:demand',
    kind: 'step',
    label: '诉求依法依规解决；一时不能解决的真诚说明原因',
    clause: '三(四)4',
    owedBy: ['unit'],
    categories: ['demand'],
    discharge: { type: 'RESOLVE_DEMAND', fields: {} },
  }),
  rule({
    id: 'offline:police',
    kind: 'step',
    label: '恶意炒作、煽动闹事的寻求网信办和公安机关落地找人、依法处理',
    clause: '三(四)4',
    owedBy: ['group', 'office'],
    categories: ['malicious'],
    discharge: { type: 'REFER_TO_POLICE', fields: {} },
  }),
  // 三(五): a consented block is done at once (立即报经市网信办同意后进行封堵处理).
  rule({
    id: 'block',
    kind: 'step',
    label: '经市网信办同意后封堵处理',
    clause: '三(五)',
    owedBy: ['office'],
    when: act('CAC_CONSENT_BLOCK'),
    discharge: { type: 'BLOCK_CONTENT', fields: {} },
  }),
  // 三(六): after it subsides.
  rule({
    id: 'step:trendWatch',
    kind: 'step',
    label: '小组办公室关注舆情趋势',
    clause: '三(六)',
    owedBy: ['office', 'monitor'],
    when: act('SUBSIDE'),
    discharge: { type: 'WATCH_TREND', fields: {} },
  }),
  rule({
    id: 'review',
    kind: 'review',
    label: '全面总结和评估，提出表扬与责任追究意见建议，修改完善工作方案',
    clause: '三(六)、二(三)7',
    owedBy: ['group'],
    when: act('SUBSIDE'),
    discharge: { type: 'REVIEW', fields: {} },
  }),
]

/**
 * Version 2's rules, kept for the incidents opened on it: its report to 市网信办 began
 * again at a rise (due an hour from the rise, though the group did not have the new
 * report yet) and at any grade once the group had some report; a reply given before a
 * tip-off's investigation counted as the answer 调查核实后.
 */
export const obligationsV2: readonly ObligationRule[] = obligations.map((r) => {
  if (r.id === 'report:cac')
    return {
      ...r,
      policy: '“及时”未给时长：自小组收到报告起 1 小时；级别再升须续报（本地政策）',
      when: { met: 'report:group' },
      again: { raise: true },
    }
  if (r.id === 'answer:tipOff') {
    const { prior: _prior, ...rest } = r
    return rest
  }
  return r
})

/**
 * Rule 3: a conditional duty of the text is the group's decision (the analysis meeting
 * decides the measures, 三(三)); yes owes the step, no records who and why.
 */
const decision = (
  id: string,
  label: string,
  ref: string,
  scope: Pick<ObligationRule, 'when' | 'categories'>,
  then: Pick<ObligationRule, 'label' | 'owedBy' | 'discharge'>,
): ObligationRule[] => [
  rule({
    id: `decide:${id}`,
    kind: 'decision',
    label,
    clause: ref,
    owedBy: ['group'],
    ...scope,
    discharge: { type: 'DECIDE', fields: { decision: `decide:${id}` } },
  }),
  rule({ id: `step:${id}`, kind: 'step', clause: ref, when: { decided: `decide:${id}` }, ...then }),
]

/**
 * Version 4 (the text walked again): the decisions the text leaves conditional, each one
 * choice (三(四)2's three 可 are one choice: whether to guide comments; 三(五)'s block of
 * content found false, decided on the rumor routes; its 必要时 support once blocking is
 * asked; 三(六)'s 必要时 invitation once it subsides); a press conference publishes a
 * signed-off conference text; a tip-off's reply made after the investigation is its answer.
 */
export const obligationsV4: readonly ObligationRule[] = [
  ...obligations.map((r) => {
    if (r.id === 'answer:tipOff') return { ...r, prior: { after: 'INVESTIGATE' } }
    if (r.id === 'step:pressConference') return { ...r, draftPurpose: 'conference' }
    return r
  }),
  ...decision(
    'commentGuidance',
    '是否开展评论引导（跟帖引导、跟帖驳斥、组织扩散官方回应）',
    '三(四)2',
    { when: act('CONVENE') },
    {
      label: '组织跟帖引导、驳斥或扩散官方回应',
      owedBy: ['monitor', 'office'],
      discharge: act0('GUIDE_COMMENTS'),
    },
  ),
  ...decision(
    'block',
    '是否有经查证不属实等须封堵的信息',
    '三(五)',
    { categories: ROUTES.refute },
    {
      label: '立即报经市网信办同意封堵',
      owedBy: ['office', 'group'],
      discharge: act0('REQUEST_BLOCK_CONSENT'),
    },
  ),
  ...decision(
    'support',
    '是否协调公安机关协助处理或中省网信部门给予支持',
    '三(五)',
    { when: act('REQUEST_BLOCK_CONSENT') },
    { label: '协调公安机关或中省网信部门支持', owedBy: ['group', 'office'], discharge: act0('SEEK_SUPPORT') },
  ),
  ...decision(
    'reviewInvite',
    '总结评估是否邀请相关人员',
    '三(六)',
    { when: act('SUBSIDE') },
    { label: '邀请相关人员参加总结评估', owedBy: ['group', 'office'], discharge: act0('INVITE_TO_REVIEW') },
  ),
]

/** 三(四)1、二(三)2: every public text is 审定 by the group, not by its author. */
const signOff: ApprovalRequirement = {
  code: 'signOff',
  label: '网络舆情应急管理小组审定信息发布内容及发布方式',
  event: 'SIGN_OFF',
  clause: '三(四)1、二(三)2',
  owedBy: ROLES.signOff,
  separate: true,
}

export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [signOff],
  large: [signOff],
  major: [signOff],
  critical: [signOff],
}

/** Version 4: a conference text is signed off for the conference (三(四)3), and its owed sign-off says so. */
const signOffV4: ApprovalRequirement = {
  ...signOff,
  fieldsFor: { conference: { channel: 'pressConference' } },
}
export const approvalsV4: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [signOffV4],
  large: [signOffV4],
  major: [signOffV4],
  critical: [signOffV4],
}
