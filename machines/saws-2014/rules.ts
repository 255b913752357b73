/**
 * The rules of 安全生产网络舆情应对预案 as data: the grading criteria (二(三)), what
 * each grade owes and to whom (五(一)–五(五), 六), the approvals a draft needs before
 * it goes out, and who may waive. See ../../shared/seeds/saws-2014.txt and
 * ../../shared/PLANS.md "Obligations per plan (second reading)", saws-2014.
 *
 * Roles (三): monitor = 通信信息中心网络舆情处; office = 人事司(宣教办); unit = 相关单位 /
 * 相关业务司局; leader = 总局分管领导; principal = 总局主要领导; spokesperson = 政府网站处
 * and the units' authorised posters; legal = the unit's legal staff (法律声明).
 */
import type { CommonEventMeta } from '../kit/kit.js'
import type { ApprovalRequirement, Classification, Condition, ObligationRule } from '../kit/types.js'
import { type Category, clause, type Facts, policy, type Role, type Severity } from '../vocabulary.js'
import { FactsRefused } from './facts.js'

export const PLAN_ID = 'saws-2014'
export const GRADES = ['general', 'large', 'major', 'critical'] as const satisfies readonly Severity[]

/** Thresholds of 二(三)2–4, all "超过" (strictly greater). */
export const THRESHOLDS = {
  critical: { clicks: 50_000, reposts: 500 },
  major: { clicks: 10_000, reposts: 300 },
  large: { clicks: 1_000, reposts: 100 },
} as const

const GRADE_CLAUSE = { critical: '二(三)4', major: '二(三)3', large: '二(三)2' } as const
const GRADE_LABEL = { critical: '特别重大', major: '重大', large: '较大' } as const

/** 二(三): clicks count only with the number of sites they appeared on (同一言论在不同网站). */
export const CLICKS_NEED_SITES =
  '二(三)：点击次数须同时给出出现的网站数（sites），点击标准以“同一言论在不同网站出现”为前提'

/**
 * 二(三): one day's figures for the same statement. The click criterion needs the
 * statement on different sites (不同网站, read as at least two); the repost criterion
 * (微博、博客转发) stands alone. Everything else is 一般 (二(三)1). Clicks without a site
 * count are refused (a 400 at every edge), never silently graded 一般.
 */
export function classify(facts: Facts): Classification {
  if (facts.clicksPerDay !== undefined && facts.sites === undefined)
    throw new FactsRefused(CLICKS_NEED_SITES, [
      { path: 'facts.sites', message: CLICKS_NEED_SITES, expected: 'integer ≥ 0' },
    ])
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

/** Report recipients (REPORT `to`, SUBMIT_SPECIAL_REPORT `to`). */
export const RECIPIENT_LABELS = {
  office: '人事司(宣教办)',
  principal: '总局主要领导',
  leader: '总局分管领导',
} as const
export type Recipient = keyof typeof RECIPIENT_LABELS
const recipient = (code: Recipient) => ({ code, label: RECIPIENT_LABELS[code] })

const POLICY_SOON = '原文只写“立即”“及时”，未给时长；本地政策默认值'
const HIGH = ['major', 'critical'] as const satisfies readonly Severity[]
const subsided = { step: 'subsided' } as const
const disposed = { step: 'disposalDone' } as const

/** Rule ids the chart's guards name. */
export const R = {
  reportGeneral: 'report:office:general',
  reportLarge: 'report:office:large',
  reportMajor: 'report:office:major',
  assignUnit: 'assign:unit',
  propose: 'propose',
  approveProposal: 'approve:proposal',
  brief: 'brief:leaders',
  activate: 'activate',
  specialPrincipal: 'specialReport:principal',
  specialLeader: 'specialReport:leader',
  instructPrincipal: 'instruct:principal',
  instructLeader: 'instruct:leader',
  decideUnits: 'decide:notifyUnits',
  notifyUnits: 'notify:units',
  meeting: 'meeting',
  dutyRoom: 'notify:dutyRoom',
  answer: 'answer',
  solve: 'solve:criticism',
  investigate: 'investigate:tipOff',
  result: 'publish:result',
  takedown: 'takedown:rumor',
  contain: 'contain:malicious',
  contactPoster: 'contact:poster',
  decideDefames: 'decide:defames',
  legalRumor: 'legalStatement:rumor',
  legalMalicious: 'legalStatement:malicious',
  clearance: 'clearance:local',
  track: 'followup:track',
  guide: 'followup:guide',
  talk: 'followup:talk',
  review: 'review',
} as const

/**
 * 五(一)3 逐级: the special report follows the phone report to 人事司 — once 人事司 had one
 * (met or met late), or the latest was waived (OBLIGATIONS.md rule 2: a waiver frees what
 * waits for it; rule 3: nothing is silently skipped). Version 2 asked for a met one only,
 * so a waived phone report left the special report and both 批示 never owed.
 */
export const PHONE_REPORT_SETTLED: Condition = { any: [{ met: R.reportMajor }, { settled: R.reportMajor }] }

/** The same reading for a leader's 批示 on the special report: it was met once, or the latest is settled. */
const specialSettled = new Map<string, Condition>(
  [R.specialPrincipal, R.specialLeader].map((r) => [r, { any: [{ met: r }, { settled: r }] }]),
)
const settledOnce = (rule: string): Condition => specialSettled.get(rule) as Condition

/**
 * Version 4, 五(一)1 "由人事司(宣教办)通知相关单位": 人事司 tells the unit once it had the
 * report, or once the report was waived (rule 2: a waiver frees what waits for it).
 */
const GENERAL_REPORT_SETTLED: Condition = { any: [{ met: R.reportGeneral }, { settled: R.reportGeneral }] }

/** The reports to 人事司(宣教办), one rule per grade band (五(一)1–3, 五(二)). */
export const OFFICE_REPORTS = [R.reportGeneral, R.reportLarge, R.reportMajor] as const

/**
 * What 五(一)3 and 五(三)3 owe at 重大以上 before any public step — also after a rise
 * to 重大 during the response (the phone report, the activation, the special report to
 * both leaders, both 批示 and the response meeting). Waived or met ones do not block.
 */
export const BEFORE_PUBLIC = [
  // Version 4 (only it has the rule): at 较大 the leader's 批准 of the proposal (五(一)2、五(三)2).
  R.approveProposal,
  R.reportMajor,
  R.activate,
  R.specialPrincipal,
  R.specialLeader,
  R.instructPrincipal,
  R.instructLeader,
  R.meeting,
] as const

/** What must be done before the response starts (五(一), 五(三)). */
export const BEFORE_RESPONSE = [...OFFICE_REPORTS, R.propose, ...BEFORE_PUBLIC] as const

/** What 五(四) and 五(一)2 owe before the incident may subside. */
export const BEFORE_SUBSIDE = [
  R.brief,
  R.answer,
  R.solve,
  R.investigate,
  R.result,
  R.takedown,
  R.contain,
] as const

/** What 五(五) owes before the aftercare is done. */
export const BEFORE_REVIEW = [
  R.contactPoster,
  R.decideDefames,
  R.legalRumor,
  R.legalMalicious,
  R.clearance,
] as const

type Rule = Omit<ObligationRule, 'policy'> & { policy?: string | null }
const rule = (r: Rule): ObligationRule => ({ ...r, policy: r.policy ?? null })

export const obligationRules: readonly ObligationRule[] = [
  // 五(一)1–3, 五(二): the monitoring division reports to 人事司(宣教办); each grade is its
  // own obligation from the moment it applies (a rise owes a new report, 五(二)). A report
  // made at a higher grade counts after a lowering: 人事司 already has it (五(二) asks for
  // another report only when the incident worsens; OBLIGATIONS.md rules 5 and 6).
  rule({
    id: R.reportGeneral,
    kind: 'report',
    label: '通过舆情动态报送人事司(宣教办)',
    // A relapse is 五(二)'s 发酵: its new report rests on 五(二), not on 五(一)1 alone.
    clause: '五(一)1、五(二)',
    policy: `${POLICY_SOON}：一般 24 小时；舆情反复（发酵）时再次报送，自反复时起 24 小时`,
    owedBy: ['monitor'],
    recipient: recipient('office'),
    severities: ['general'],
    due: { anchor: 'start', amount: 24, unit: 'hours' },
    deadline: 'report',
    // The bulletin is the usual route; any report to 人事司 tells it (a phone report after a rise too).
    discharge: { type: 'REPORT', fields: { to: ['office'] } },
    again: { events: ['RELAPSE'] },
    prior: 'sameGradeOrAbove',
  }),
  rule({
    id: R.reportLarge,
    kind: 'report',
    label: '及时报告人事司(宣教办)',
    clause: '五(一)2、五(二)',
    policy: `${POLICY_SOON}：较大 2 小时`,
    owedBy: ['monitor'],
    recipient: recipient('office'),
    severities: ['large'],
    due: { anchor: 'start', amount: 2, unit: 'hours' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['office'] } },
    again: { events: ['RELAPSE'] },
    prior: 'sameGradeOrAbove',
  }),
  rule({
    id: R.reportMajor,
    kind: 'report',
    label: '立即电话报告人事司(宣教办)',
    clause: '五(一)3、五(二)',
    policy: `${POLICY_SOON}：重大以上 30 分钟`,
    owedBy: ['monitor'],
    recipient: recipient('office'),
    severities: HIGH,
    due: { anchor: 'start', amount: 30, unit: 'minutes' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['office'], channel: 'phone' } },
    // 重大 → 特别重大 is a further 发酵 (五(二)): tell 人事司 again.
    again: { raise: true, events: ['RELAPSE'] },
    prior: 'sameGradeOrAbove',
  }),
  // 五(一)1: 人事司 tells the responsible unit (policy 24 h once it has the report).
  rule({
    id: R.assignUnit,
    kind: 'step',
    label: '人事司(宣教办)通知相关单位依职能办理',
    clause: '五(一)1',
    policy: '原文未给时长；本地政策：收到报送后 24 小时内通知',
    owedBy: ['office'],
    severities: ['general'],
    when: { met: R.reportGeneral },
    due: { anchor: 'start', amount: 24, unit: 'hours' },
    discharge: { type: 'CONVENE', fields: {} },
  }),
  // 五(一)2、五(三)1–2: characterise (作出定性, the category) and propose the response.
  rule({
    id: R.propose,
    kind: 'step',
    label: '会商研判，作出定性并提出应对意见',
    clause: '五(一)2、五(三)1、五(三)2',
    owedBy: ['office', 'unit'],
    severities: ['general', 'large'],
    discharge: { type: 'PROPOSE', fields: {} },
  }),
  // 五(一)2: the outcome goes to the leaders as a briefing, before the incident may subside.
  rule({
    id: R.brief,
    kind: 'report',
    label: '应对情况以简报形式报总局领导',
    clause: '五(一)2',
    owedBy: ['office'],
    recipient: { code: 'leaders', label: '总局领导' },
    severities: ['large'],
    discharge: { type: 'BRIEF_LEADERS', fields: {} },
  }),
  // 五(一)3: activation, the special report through 人事司 to both leaders, both 批示.
  rule({
    id: R.activate,
    kind: 'step',
    label: '启动舆情应急预案',
    clause: '五(一)3',
    owedBy: ['monitor', 'office'],
    severities: HIGH,
    discharge: { type: 'ACTIVATE_PLAN', fields: {} },
  }),
  ...(['principal', 'leader'] as const).map((who) =>
    rule({
      id: who === 'principal' ? R.specialPrincipal : R.specialLeader,
      kind: 'report',
      label: `舆情专报经人事司(宣教办)报${RECIPIENT_LABELS[who]}`,
      clause: '五(一)3',
      owedBy: ['office'],
      recipient: recipient(who),
      severities: HIGH,
      // 逐级: the special report goes through 人事司, once 人事司 has the phone report (or it
      // was waived: the special report is still owed, rules 2 and 3).
      when: PHONE_REPORT_SETTLED,
      discharge: { type: 'SUBMIT_SPECIAL_REPORT', fields: { to: [who] } },
    }),
  ),
  ...(['principal', 'leader'] as const).map((who) =>
    rule({
      id: who === 'principal' ? R.instructPrincipal : R.instructLeader,
      kind: 'step',
      label: `${RECIPIENT_LABELS[who]}批示舆情专报`,
      clause: '五(一)3',
      owedBy: [who],
      severities: HIGH,
      // On the special report — or once it was waived: the 批示 authorises the response at
      // 重大以上 and is owed still (rules 2 and 3; it may be waived in its turn, on the record).
      when: settledOnce(who === 'principal' ? R.specialPrincipal : R.specialLeader),
      discharge: { type: who === 'principal' ? 'PRINCIPAL_INSTRUCT' : 'LEADER_INSTRUCT', fields: {} },
    }),
  ),
  // 五(一)3 "需要请其他单位配合支持的，应当同时通报相关单位": decided on the record.
  rule({
    id: R.decideUnits,
    kind: 'decision',
    label: '是否需要请其他单位配合支持（需要的同时通报相关单位）',
    clause: '五(一)3',
    owedBy: ['office'],
    severities: HIGH,
    discharge: { type: 'DECIDE', fields: { decision: R.decideUnits } },
  }),
  rule({
    id: R.notifyUnits,
    kind: 'report',
    label: '同时通报相关单位',
    clause: '五(一)3',
    owedBy: ['office'],
    recipient: { code: 'units', label: '相关单位' },
    severities: HIGH,
    when: { decided: R.decideUnits },
    discharge: { type: 'NOTIFY_UNITS', fields: {} },
  }),
  // 五(三)3: the response meeting led by the leader in charge adopts the response plan.
  rule({
    id: R.meeting,
    kind: 'step',
    label: '分管领导牵头召开舆情应对会，拟定应对方案',
    clause: '五(三)3',
    owedBy: ['leader'],
    severities: HIGH,
    discharge: { type: 'HOLD_MEETING', fields: {} },
  }),
  // 五(一)4: an accident of 较大 or worse seen in the opinion (NOTE_ACCIDENT) owes the duty room.
  rule({
    id: R.dutyRoom,
    kind: 'report',
    label: '立即通知总局总值班室',
    clause: '五(一)4',
    policy: '原文“立即”，未给时长；本地政策：记录事故后 30 分钟',
    owedBy: ['monitor'],
    recipient: { code: 'dutyRoom', label: '总局总值班室' },
    when: { act: 'NOTE_ACCIDENT' },
    due: { anchor: 'start', amount: 30, unit: 'minutes' },
    discharge: { type: 'NOTIFY_DUTY_ROOM', fields: {} },
    again: { events: ['NOTE_ACCIDENT'] },
  }),
  // 五(四): every incident is answered; a relapse (六(一)、六(二)) owes a new answer.
  rule({
    id: R.answer,
    kind: 'answer',
    label: '回应舆情（跟帖答复、专家访谈、新闻发布等）',
    clause: '五(四)',
    owedBy: ['spokesperson', 'unit', 'office'],
    discharge: { type: 'RESPOND', fields: {} },
    draftPurpose: 'answer',
    again: { events: ['RELAPSE'] },
  }),
  rule({
    id: R.solve,
    kind: 'step',
    label: '以解决反映的问题为重点',
    clause: '五(四)2',
    owedBy: ['unit'],
    categories: ['criticism'],
    discharge: { type: 'SOLVE_PROBLEM', fields: {} },
  }),
  rule({
    id: R.investigate,
    kind: 'step',
    label: '跟踪深挖线索，严查违法违规行为',
    clause: '五(四)3',
    owedBy: ['unit'],
    categories: ['tip_off'],
    discharge: { type: 'INVESTIGATE', fields: {} },
  }),
  rule({
    id: R.result,
    kind: 'release',
    label: '公开处理结果',
    clause: '五(四)2、五(四)3',
    owedBy: ['unit', 'spokesperson'],
    categories: ['criticism', 'tip_off'],
    discharge: { type: 'PUBLISH_RESULT', fields: {} },
    draftPurpose: 'result',
  }),
  rule({
    id: R.takedown,
    kind: 'step',
    label: '提请有关网站删除、覆盖不实信息',
    clause: '五(四)4、四(三)',
    owedBy: ['office', 'unit'],
    categories: ['rumor'],
    discharge: { type: 'REQUEST_TAKEDOWN', fields: {} },
  }),
  rule({
    id: R.contain,
    kind: 'step',
    label: '从源头上控制信息进一步传播',
    clause: '五(四)5',
    owedBy: ['office', 'unit'],
    categories: ['malicious'],
    discharge: { type: 'CONTROL_SOURCE', fields: {} },
  }),
  // 五(五), once the incident has subsided.
  rule({
    id: R.contactPoster,
    kind: 'step',
    label: '与网站或首发信息人沟通，促成主动删帖',
    clause: '五(五)1',
    owedBy: ['unit'],
    severities: ['general'],
    when: subsided,
    discharge: { type: 'CONTACT_POSTER', fields: {} },
  }),
  rule({
    id: R.decideDefames,
    kind: 'decision',
    label: '是否属恶意诋毁的信息（是则发表法律声明）',
    clause: '五(五)2',
    owedBy: ['office', 'legal'],
    categories: ['malicious'],
    when: subsided,
    discharge: { type: 'DECIDE', fields: { decision: R.decideDefames } },
  }),
  // 五(五)2 恶意诋毁: the rumor route (五(四)4 恶意中伤) always, the malicious route when it defames.
  rule({
    id: R.legalRumor,
    kind: 'release',
    label: '发表法律声明，敦促删除不实信息',
    clause: '五(五)2、五(四)4',
    owedBy: ['legal', 'unit'],
    categories: ['rumor'],
    when: subsided,
    discharge: { type: 'LEGAL_STATEMENT', fields: {} },
    draftPurpose: 'statement',
  }),
  rule({
    id: R.legalMalicious,
    kind: 'release',
    label: '发表法律声明，敦促删除不实信息',
    clause: '五(五)2',
    owedBy: ['legal', 'unit'],
    categories: ['malicious'],
    when: { all: [subsided, { decided: R.decideDefames }] },
    discharge: { type: 'LEGAL_STATEMENT', fields: {} },
    draftPurpose: 'statement',
  }),
  rule({
    id: R.clearance,
    kind: 'step',
    label: '请当地相关部门协助处理清除',
    clause: '五(五)2',
    owedBy: ['unit', 'office'],
    severities: HIGH,
    categories: ['malicious'],
    when: subsided,
    discharge: { type: 'LOCAL_CLEARANCE', fields: {} },
  }),
  // 六: follow-up after the aftercare, then the summary that closes the incident.
  rule({
    id: R.track,
    kind: 'report',
    label: '继续跟踪，向人事司(宣教办)汇总报告网民质疑',
    clause: '六(一)',
    owedBy: ['monitor'],
    recipient: recipient('office'),
    when: disposed,
    discharge: { type: 'TRACK', fields: {} },
  }),
  rule({
    id: R.guide,
    kind: 'step',
    label: '继续引导：研究后续回应意见',
    clause: '六(二)',
    owedBy: ['office'],
    when: disposed,
    discharge: { type: 'GUIDE', fields: {} },
  }),
  rule({
    id: R.talk,
    kind: 'step',
    label: '继续沟通：保持与首发信息人的沟通',
    clause: '六(三)',
    owedBy: ['unit'],
    when: disposed,
    discharge: { type: 'KEEP_TALKING', fields: {} },
  }),
  rule({
    id: R.review,
    kind: 'review',
    label: '总结评估，提出改进工作意见',
    clause: '六(四)',
    owedBy: ['office'],
    when: disposed,
    discharge: { type: 'SUMMARISE', fields: {} },
  }),
]

/**
 * Version 2's rules, kept for the incidents opened on it: only a report made at the same
 * grade counted, so a lowering owed 人事司 a new report of the lower grade (and a breach
 * when nobody made it) though it had been told of the higher one; and the special report
 * began only once the phone report was met (never after a waiver), and a leader's 批示
 * only once the special report to them was met.
 */
export const obligationRulesV2: readonly ObligationRule[] = obligationRules.map((r) => {
  // Its citation too, as version 2 gave it (a label, but copied into each obligation).
  if (r.id === R.reportGeneral)
    return { ...r, prior: 'sameGrade', clause: '五(一)1', policy: `${POLICY_SOON}：一般 24 小时` }
  if (r.prior === 'sameGradeOrAbove') return { ...r, prior: 'sameGrade' }
  if (r.when === PHONE_REPORT_SETTLED) return { ...r, when: { met: R.reportMajor } }
  if (r.id === R.instructPrincipal) return { ...r, when: { met: R.specialPrincipal } }
  if (r.id === R.instructLeader) return { ...r, when: { met: R.specialLeader } }
  return r
})

/**
 * Version 4's rules: at 较大 the leader in charge approves the proposal before the
 * response (五(一)2 "报总局分管领导批准后实施有效应对", 五(三)2 "报总局分管领导审定后实施");
 * only the principal leader waives their own 批示 (五(一)3: a subordinate does not waive
 * the superior's authorisation); 人事司 tells the unit once the report is met or waived.
 */
export const obligationRulesV4: readonly ObligationRule[] = obligationRules.flatMap((r) => {
  if (r.id === R.assignUnit) return [{ ...r, when: GENERAL_REPORT_SETTLED }]
  if (r.id === R.instructPrincipal) return [{ ...r, waivableBy: ['principal'] as const }]
  if (r.id !== R.propose) return [r]
  return [
    r,
    rule({
      id: R.approveProposal,
      kind: 'step',
      label: '应急处置意见报总局分管领导批准（审定）后实施',
      clause: '五(一)2、五(三)2',
      owedBy: ['leader'],
      severities: ['large'],
      // After a lowering from 重大, the leader's 批示 of the special report already authorised
      // the response (rule 6: done before owed counts); nothing to approve again.
      when: { all: [{ met: R.propose }, { not: { met: R.instructLeader } }] },
      discharge: { type: 'APPROVE_PROPOSAL', fields: {} },
    }),
  ]
})

/** Draft purposes: the answer (五(四)), the published result (五(四)2–3), the legal statement (五(五)2). */
export const PURPOSES = ['answer', 'result', 'statement'] as const
export type Purpose = (typeof PURPOSES)[number]

const unitHead: ApprovalRequirement = {
  code: 'unitHead',
  label: '本单位负责人审定',
  event: 'APPROVE_ANSWER',
  clause: '五(一)1',
  owedBy: ['unit'],
  separate: true,
}
const leaderApproval: ApprovalRequirement = {
  code: 'leaderApproval',
  label: '总局分管领导批准（审定）',
  event: 'LEADER_APPROVE',
  clause: '五(一)2、五(三)2',
  owedBy: ['leader'],
  separate: true,
}

/**
 * Approvals a draft needs before it goes out. At 重大以上 the text asks no per-text
 * approval: both 批示 of the special report (五(一)3) and the meeting's response plan
 * (五(三)3) authorise the response, and they gate every public step (BEFORE_PUBLIC).
 */
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [unitHead],
  large: [leaderApproval],
}

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
