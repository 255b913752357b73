/**
 * What an incident owes under the Neixiang plan, as version 3 has it (versions.ts gives
 * what versions 2 and 4 owe differently, and each version's list): the reports of 第四條,
 * 第二條1 and 第二條3, the coordination (第二條3), the source (第六條), the stance and the
 * release (第七條1, 第五條), the press conference (第五條), 宣传部's lead (第二條4) and the
 * closing record; and the escalation a breach owes.
 */
import { escalationRule } from '../../kit/kit.js'
import type { ObligationRule } from '../../kit/types.js'
import { POLITICAL_MASS } from './grading.js'
import { common, RECIPIENT_LABELS, REPORTERS, type Recipient } from './roles.js'

export const FIRST_MOMENT = '“第一时间”未给出时长；本地政策默认：发现后 30 分钟内'
const AGAIN =
  '级别升高即影响扩大，须再次报告（第三條5 及时向主要领导汇报、第三條6 及时上报进展；本地政策：升级后 30 分钟内续报）'

export const STANCE_POLICY_V2 = '“第一时间”未给出时长；本地政策默认：发现后 2 小时内'
const STANCE_POLICY = `${STANCE_POLICY_V2}，稿件审定的时间计入其中；表态稿与发布稿分别起草、分别审定，表态稿经审定不视为发布口径已定（本办法未作区分，本地政策）`

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
  // filter), published by STATE_POSITION { draftId }. Version 2 took free text: see versions.ts `rulesV2`.
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

export const escalation = escalationRule(common)
