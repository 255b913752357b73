/**
 * What an incident owes, as version 3 has it, in the order of the text: 三(二) reports,
 * 三(三) the analysis meeting, 三(四) the response and offline handling, 三(五) blocking,
 * 三(六) after it subsides (versions.ts derives versions 2 and 4 from it); and the
 * escalation a breach owes, which every version adds.
 */
import { escalationRule } from '../../kit/kit.js'
import type { Condition, ObligationRule } from '../../kit/types.js'
import { LARGE_UP } from './grading.js'
import { CAC, common, GROUP, ROLES } from './roles.js'
import { ROUTES } from './routes.js'

export const act = (type: string, fields?: Record<string, unknown>): Condition => ({ act: type, fields })
const COMPLEX: Condition = { step: 'complex' }
const TIP_OFF_TRUE = act('INVESTIGATE', { substantiated: true })
export const act0 = (type: string) => ({ type, fields: {} })

export const rule = (r: Omit<ObligationRule, 'policy' | 'clause'> & { clause?: string; policy?: string }) =>
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

export const escalation = escalationRule(common)
