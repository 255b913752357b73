/**
 * What an incident owes under the HRSS city plan (OBLIGATIONS.md, PLANS.md "second
 * reading"), as version 4 has it (versions.ts gives each version's list): the reports of
 * 三第三步、三第二步、四(二), 四(三)'s filing, who leads each grade (四), the reply and the
 * commentary (三第四步), the answer to a referred query (三第五步), 五(三)'s removal and
 * press conference, 六's review; the escalation a breach owes; and who may report to each
 * recipient (`REPORTERS`, from the report rules).
 */
import { escalationRule } from '../../kit/kit.js'
import type { ObligationRule } from '../../kit/types.js'
import type { Role, Severity } from '../../vocabulary.js'
import { common, GROUP, OFFICE, RECIPIENT_LABELS, RECIPIENTS, to } from './roles.js'

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
