/**
 * The data of the Neixiang plan (內政辦〔2017〕156號): grades, the category 第二條4 adds,
 * report recipients and who may report to each, the obligations the text imposes, the
 * approvals a release needs, and the roles of the common events.
 * Clause refs use the text's own numbering and script: `第四條`, `第二條3`, `第七條1`.
 *
 * Roles in this plan: monitor 舆情评论员、公安网监; office 信息公开办; group 网络舆情应急处置
 * 工作领导小组; principal 县委办、县政府办 (for the 县委、政府主要领导); leader 县委宣传部
 * (统一协调指导 第二條3, 牵头负责 第二條4); spokesperson 新闻发言人 (第三條3); unit 舆情主体单位.
 */
import type { CommonEventMeta } from '../kit/common.js'
import type { ApprovalRequirement, Classification, ObligationRule } from '../kit/types.js'
import {
  CATEGORIES,
  type Category,
  clause,
  type Facts,
  policy,
  type Role,
  type Severity,
} from '../vocabulary.js'

export const PLAN_ID = 'neixiang-2017'

/** The grades this plan uses; `general` is local policy (the text names no lower grade). */
export const GRADES = [
  { code: 'general', label: '一般（本地政策）' },
  { code: 'major', label: '重大' },
  { code: 'critical', label: '特別重大' },
] as const satisfies ReadonlyArray<{ code: Severity; label: string }>
export const GRADE_CODES = ['general', 'major', 'critical'] as const

/** The text names no criteria: a person grades (第二條1, 第二條3). */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本办法未规定量化标准，由人工定级（第二條1、第二條3）',
})

/**
 * 第二條4: 涉及重大政治性、群体性事件 — led by 县委宣传部. Not yet in the shared vocabulary
 * (machines/vocabulary.ts adds `political_mass: '重大政治性或群体性事件'`); until then the plan
 * accepts it through its own category schema (events.ts) and names it with a cast.
 */
export const POLITICAL_MASS = 'political_mass' as Category
export const PLAN_CATEGORIES = [...new Set<string>([...CATEGORIES, POLITICAL_MASS])] as [string, ...string[]]

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

const FIRST_MOMENT = '“第一时间”未给出时长；本地政策默认：发现后 30 分钟内'
const AGAIN =
  '级别升高即影响扩大，须再次报告（第三條5 及时向主要领导汇报、第三條6 及时上报进展；本地政策：升级后 30 分钟内续报）'

const STANCE_POLICY_V2 = '“第一时间”未给出时长；本地政策默认：发现后 2 小时内'
const STANCE_POLICY = `${STANCE_POLICY_V2}，稿件审定的时间计入其中；表态稿与发布稿分别起草、分别审定，表态稿经审定不视为发布口径已定（本办法未作区分，本地政策）`

/** What a draft is for (DRAFT `purpose`): the stance (第七條1) and the release of facts (第七條1、第七條3). */
export const PURPOSES = ['release', 'stance'] as const

const report = (to: Recipient, clauseRef: string, extra: Partial<ObligationRule> = {}): ObligationRule => ({
  id: `report:${to}`,
  kind: 'report',
  label: `向${RECIPIENT_LABELS[to]}报告`,
  clause: clauseRef,
  policy: null,
  owedBy: REPORTERS[to],
  recipient: { code: to, label: RECIPIENT_LABELS[to] },
  discharge: { type: 'REPORT', fields: { to: [to] } },
  ...extra,
})

/**
 * The obligations of the text (PLANS.md, second reading). Where the second reading and the
 * text differ, the text stands and the rule says so.
 */
export const rules: readonly ObligationRule[] = [
  // 第四條: 对发现的舆情，须第一时间向领导小组汇报，并提出舆情处置建议.
  report('group', '第四條', {
    policy: `${FIRST_MOMENT}；${AGAIN}`,
    due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
    deadline: 'report',
    again: { raise: true },
  }),
  // 第二條1: 第一时间作出反应，向县委、政府主要领导报送准确信息. The clause opens with
  // 重大网络舆情发生后, but 第三條5 (及时向主要领导汇报情况) covers every incident, and the
  // second reading owes it at every grade: one rule, every grade.
  report('principal', '第二條1、第三條5', {
    policy: `${FIRST_MOMENT}；${AGAIN}`,
    due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
    deadline: 'report',
    again: { raise: true },
  }),
  // 第二條3: 特别重大 — 县委办、县政府办 … 及时上报上级有关部门 (no time given: no due time).
  report('higher', '第二條3', { severities: ['critical'] }),
  {
    id: 'coordinate',
    kind: 'step',
    label: '县委办、县政府办组织协调',
    clause: '第二條3',
    policy: null,
    owedBy: ['principal'],
    severities: ['critical'],
    discharge: { type: 'COORDINATE', fields: {} },
  },
  {
    id: 'source',
    kind: 'step',
    label: '了解并记录舆情出处（首次发布前）',
    clause: '第六條',
    policy: null,
    owedBy: ['monitor', 'office'],
    discharge: { type: 'RECORD_SOURCE', fields: {} },
  },
  // 第七條1 names no approver of the stance, but it is public text like any release: the
  // group 確定宣傳報道內容 (第三條4) and 拿出統一的解釋口徑 (第七條3), and a 第二條4 case is
  // led by 县委宣传部. 第一時間 is about timing, not authority: the stance is a draft of
  // purpose `stance` with the approvals a release owes (the table below has no purpose
  // filter), published by STATE_POSITION { draftId }. Version 2 took free text: see `rulesV2`.
  {
    id: 'stance',
    kind: 'release',
    label: '第一时间表明态度',
    clause: '第七條1',
    policy: STANCE_POLICY,
    owedBy: ['office', 'spokesperson'],
    due: { anchor: 'discoveredAt', amount: 2, unit: 'hours' },
    deadline: 'initialResponse',
    discharge: { type: 'STATE_POSITION', fields: {} },
    draftPurpose: 'stance',
  },
  {
    id: 'release',
    kind: 'release',
    label: '公布事实（按统一口径发布）',
    clause: '第五條、第七條1',
    policy: null,
    owedBy: ['spokesperson', 'office'],
    // Owed from the consultation on: the line agreed there (第三條4) is the draft released.
    when: { any: [{ act: 'CONVENE' }, { act: 'START_RESPONSE' }] },
    discharge: { type: 'RELEASE', fields: {} },
    draftPurpose: 'release',
  },
  {
    id: 'press',
    kind: 'step',
    label: '以新闻发布会、通气会等形式迅速反应',
    clause: '第五條',
    policy: null,
    owedBy: ['group', 'spokesperson'],
    severities: ['major', 'critical'],
    discharge: { type: 'PRESS_CONFERENCE', fields: {} },
  },
  {
    id: 'lead:propaganda',
    kind: 'step',
    label: '县委宣传部牵头审定发布内容（每一稿发布前须经宣传部审定）',
    clause: '第二條4',
    policy: null,
    owedBy: ['leader'],
    categories: [POLITICAL_MASS],
    discharge: { type: 'APPROVE_LEAD', fields: {} },
  },
  {
    id: 'review',
    kind: 'review',
    label: '简短结案记录',
    clause: null,
    policy: '本办法未规定总结评估；本地政策：消除影响完毕后作简短结案记录',
    owedBy: ['office', 'group'],
    when: { act: 'DISPOSAL_DONE' },
    discharge: { type: 'REVIEW', fields: {} },
  },
]

/**
 * Version 2's rules, kept for the incidents opened on it: its stance was a step of free
 * text (STATE_POSITION { statement }), stated without a draft or any approval.
 */
export const rulesV2: readonly ObligationRule[] = rules.map((r) => {
  if (r.id !== 'stance') return r
  const { draftPurpose: _, ...v2 } = r
  return { ...v2, policy: STANCE_POLICY_V2 }
})

/**
 * 第七條3 / 第三條4: the group agrees the one line (统一解释口径) on every draft to be
 * published, the release's and (version 3) the stance's: no `purposes` filter.
 */
const line: ApprovalRequirement = {
  code: 'line',
  label: '领导小组审定统一解释口径',
  event: 'AGREE_LINE',
  clause: '第七條3、第三條4',
  owedBy: ['group'],
  separate: true,
}
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [line],
  major: [line],
  critical: [line],
}

/**
 * 第二條4: a political or mass incident's release (version 3: its stance too) also needs
 * 县委宣传部's approval of that draft. It is not in the approval table (version 2 kept it
 * out, when the table was per grade only): the machine's guards check it (`ledByPropaganda`;
 * version 3 `releasable`), the draft carrying approval code `propaganda`.
 */
export const LEAD_APPROVAL = {
  code: 'propaganda',
  label: '县委宣传部审定（重大政治性、群体性事件由宣传部牵头）',
  event: 'APPROVE_LEAD',
  clause: '第二條4',
  owedBy: ['leader'],
  separate: true,
} as const satisfies ApprovalRequirement

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

export const waivers = { roles: common.waive.roles, clause: null, policy: common.waive.meta.policy }
