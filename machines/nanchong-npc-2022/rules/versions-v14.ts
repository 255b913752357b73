/**
 * What version 14 owes differently from version 13 (a clause review of three doubts about it),
 * derived from its list (rules/versions-v13.ts `obligationsV13`).
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { act, rule } from './obligations.js'
import { DEPARTMENTS_V14, OTHER_DEPARTMENTS, ROLES } from './roles.js'
import { CONFERENCE_CRITICAL, CONFERENCE_ORDERED, obligationsV13 } from './versions-v13.js'

/**
 * 三(四)3 对于重大突发事件或特别重大舆情，可以召开新闻发布会: two grounds — a 重大突发事件 (what the 舆情 concerns:
 * 一(二) cites 突发事件应对法, whose 突发事件 are events in the world, graded apart from the 舆情) or 特别重大舆情
 * (三(一)'s grade). 重大网络舆情, the grade, is neither; versions 2–13 asked at 重大 and 特别重大. The text gives
 * no criteria for the 突发事件: the monitor or the office states it (fact `majorEmergency`, at the opening or
 * by METRICS_UPDATED, 三(一) 判断).
 */
export const MAJOR_EMERGENCY = 'majorEmergency'
export const CONFERENCE_GROUND: Condition = {
  any: [{ grade: ['critical'] }, { fact: MAJOR_EMERGENCY }],
}
export const CONFERENCE_GROUND_POLICY =
  '三(四)3 “重大突发事件或特别重大舆情”：特别重大网络舆情，或舆情涉及重大突发事件（事实“涉及重大突发事件”，' +
  '由舆情监控员或小组办公室在立案或监测时填报；特别重大突发事件亦属之，本地解读）；重大网络舆情本身不属召开新闻发布会的情形；' +
  '降级后两种情形均不成立的，尚未决定的撤回（规则 5）；事实改填为“否”不撤回已应办的决定'
const CONFERENCE = 'decide:pressConference'

/**
 * 二(三)5's asking again at a rise to 特别重大 (version 13): the no it follows may now be given at any grade
 * where the 重大突发事件 was stated.
 */
const CONFERENCE_AGAIN_POLICY =
  '升为特别重大舆情前决定不召开或已免除的，升为特别重大时再行决定（二(三)5 针对新情况及时调整）；已决定召开的，不再决定'

/**
 * The 及时、尽快、迅速 ("promptly") duties, undated until version 13 (OBLIGATIONS.md: a due time is the plan's
 * or a named local policy's). Each default in its `policy`; 立即 and 第一时间 are version 13's.
 */
export const PROMPT_POLICY = '原文“及时”“尽快”“迅速”未给时长；本地政策默认'
const PROMPT: Record<string, { due: NonNullable<ObligationRule['due']>; policy: string }> = {
  // 三(三) 接到舆情报送后，网络舆情应急管理小组要及时召开网络舆情分析研判会.
  'step:convene': {
    due: { anchor: 'start', amount: 2, unit: 'hours' },
    policy: `${PROMPT_POLICY}：自小组收到报告时起 2 小时内召开分析研判会（三(三) 及时召开）`,
  },
  // 三(三) 如为特别重大网络舆情、重大或较大网络舆情，要及时听取市网信办意见.
  'opinion:cac': {
    due: { anchor: 'start', amount: 2, unit: 'hours' },
    policy: `${PROMPT_POLICY}：自分析研判会（级别再升的，自升级）时起 2 小时内听取（三(三) 及时听取）`,
  },
  // 三(三) 确定最终处理措施，以便及时有效地对舆情加以引导和回复; 二(三)5 及时调整处置办法 (a rise).
  measures: {
    due: { anchor: 'start', amount: 4, unit: 'hours' },
    policy: `${PROMPT_POLICY}：自分析研判会（级别上升的，自升级）时起 4 小时内确定，听取市网信办意见的时间计入其中（三(三)、二(三)5 及时调整）`,
  },
  // 三(四)4 对涉举报类的，要尽快调查核实.
  'offline:investigate': {
    due: { anchor: 'start', amount: 5, unit: 'workingDays' },
    policy: `${PROMPT_POLICY}：自认定为举报类时起 5 个工作日内调查核实（三(四)4 尽快）`,
  },
  // 三(四)4 对于属实的…迅速查出责任人员.
  'offline:accountability': {
    due: { anchor: 'start', amount: 5, unit: 'workingDays' },
    policy: `${PROMPT_POLICY}：自核实属实时起 5 个工作日内查出责任人员（三(四)4 迅速）`,
  },
}

/**
 * 三(四)4 对咨询类的，应及时回复 — the offline handling of an inquiry, beside 三(四)1's answer by its route (as
 * 诉求 owes `offline:demand` beside it): the same reply meets both; this one is dated.
 */
const inquiryReply = rule({
  id: 'offline:inquiry',
  kind: 'answer',
  label: '咨询类应及时回复',
  clause: '三(四)4',
  policy: `${PROMPT_POLICY}：自认定为咨询类时起 24 小时内回复（三(四)4 及时回复；答复意见经审定后回应，三(四)1）`,
  owedBy: ['unit', 'office', 'spokesperson'],
  categories: ['inquiry'],
  due: { anchor: 'start', amount: 24, unit: 'hours' },
  discharge: { type: 'REPLY', fields: {} },
  draftPurpose: 'reply',
})

/**
 * 二(三)6 向市网信办及相关部门报告 — 相关部门 are several: 四(一) names 市委宣传部、市公安部门 (beside 市网信办) and
 * 其他有关部门. Version 13 owed one report to one recipient 相关部门 (the departments in the yes's reason), met by
 * any report to it; each department is its own recipient and its own obligation (rule 7), each asked on
 * the record (rule 3: 相关, only those the handling concerned).
 */
export const DEPARTMENT_POLICY_V14 =
  '二(三)6 “相关部门”：四(一)所列市委宣传部、市公安部门及其他有关部门，各为一个报告对象（规则 7）；应急处置结束（舆情平息）时起，' +
  '由小组逐一决定是否报告处置工作情况（是：报告；否：说明未涉及的理由，规则 3；其他有关部门：理由中列明部门）；' +
  '舆情反复后再次平息的，再行决定（所报尚在办的，不另决定）'
const DEPARTMENT_REPORT_POLICY =
  '“报告舆情应急处置工作情况”未给时长：自小组决定报告时起 24 小时（本地政策，同向市网信办报告）；只有最近一次平息后的报告算作此项'

/** The decision and the report of 二(三)6 for one department (`departments`: version 13's ids). */
function toDepartment(d: (typeof DEPARTMENTS_V14)[number]): ObligationRule[] {
  const suffix = d.code === OTHER_DEPARTMENTS.code ? '' : `:${d.code}`
  const decision = `decide:departments${suffix}`
  const report = `report:departments${suffix}`
  return [
    rule({
      id: decision,
      kind: 'decision',
      label: `是否向${d.label}报告舆情应急处置工作情况${suffix === '' ? '（列明哪些部门）' : ''}`,
      clause: '二(三)6、四(一)、三(六)',
      policy: DEPARTMENT_POLICY_V14,
      owedBy: ['group'],
      when: { all: [act('SUBSIDE'), { not: { owed: report } }] },
      discharge: { type: 'DECIDE', fields: { decision } },
      again: { events: ['SUBSIDE'], whileOwed: false },
    }),
    rule({
      id: report,
      kind: 'report',
      label: `向${d.label}报告舆情应急处置工作情况`,
      clause: '二(三)6、四(一)',
      policy: DEPARTMENT_REPORT_POLICY,
      owedBy: ROLES.reportToCac,
      recipient: d,
      when: { decided: decision },
      due: { anchor: 'start', amount: 24, unit: 'hours' },
      discharge: { type: 'REPORT', fields: { to: [d.code], subject: 'handling' } },
      again: { onYes: true },
      prior: { after: 'SUBSIDE', latest: true },
    }),
  ]
}

function amended(r: ObligationRule): ObligationRule {
  const prompt = PROMPT[r.id]
  if (prompt !== undefined)
    return {
      ...r,
      due: prompt.due,
      policy: r.policy === null ? prompt.policy : `${r.policy}；${prompt.policy}`,
    }
  if (r.id === CONFERENCE) {
    const { severities: _grades, ...rest } = r
    return {
      ...rest,
      label: '是否召开新闻发布会（重大突发事件或特别重大舆情）',
      policy: CONFERENCE_GROUND_POLICY,
      when: CONFERENCE_GROUND,
    }
  }
  if (r.id === CONFERENCE_CRITICAL)
    return {
      ...r,
      label: '特别重大舆情：是否召开新闻发布会（此前决定不召开或已免除的）',
      policy: CONFERENCE_AGAIN_POLICY,
    }
  if (r.id === 'step:pressConference') {
    const { severities: _grades, ...rest } = r
    return { ...rest, when: { all: [CONFERENCE_ORDERED, CONFERENCE_GROUND] } }
  }
  return r
}

/**
 * Version 14 (three doubts about version 13, each read against the text): the press conference asked
 * only on 三(四)3's grounds; the 及时/尽快/迅速 duties dated by `PROMPT_POLICY`, and 咨询's 及时回复 owed; the
 * 相关部门 of 二(三)6 told one by one.
 */
export const obligationsV14: readonly ObligationRule[] = obligationsV13.flatMap((r) => {
  if (r.id === 'decide:departments') return DEPARTMENTS_V14.flatMap(toDepartment)
  if (r.id === 'report:departments') return []
  if (r.id === 'offline:demand') return [inquiryReply, amended(r)]
  return [amended(r)]
})
