/**
 * Version 9's obligation list, from a review of version 8: what it changes of `obligationsV8`
 * (rules/versions.ts), each with the clause it reads.
 */
import type { ObligationRule } from '../../kit/types.js'
import { obligationsV8, ROUND_THE_CLOCK } from './versions.js'
import { ORGANIZE_MONITORING_V9 } from './words-v9.js'

/**
 * 五(一)2 "当发生群体性突发事件时，组织职能科室监控员对网络舆情进行24小时不间断监控。加强与市委网信办、
 * 市公安网安办等部门对接": the text gives the organising no time of its own. "当…时" starts it when the
 * incident happens, and every hour unorganised is an hour without the monitoring the text wants
 * unbroken. Local policy: 1 hour from the mark — longer than 三第三步's 30-minute 快报 (one
 * person's report), since the office must set the monitors of several sections on shifts and
 * reach 市委网信办、市公安网安办等部门; short enough that a late organising is on the record and the due-soon
 * warnings reach the office. Version 8 set none (owed only before closing). Its label names the
 * text's 等部门 (version 8 dropped it).
 */
const ROUND_THE_CLOCK_V9: ObligationRule = {
  ...ROUND_THE_CLOCK,
  label: `群体性突发事件：${ORGANIZE_MONITORING_V9}`,
  policy:
    '五(一)2 未规定组织时限；本地政策：自记录发生群体性突发事件时起 1 小时内组织到位（“当发生…时”即须开始；多于三第三步半小时的快报，因须安排多个职能科室监控员轮值并与市委网信办、市公安网安办等部门对接）',
  due: { anchor: 'start', amount: 1, unit: 'hours' },
}

/**
 * 三第四步 "新闻发言人…根据通稿，通过媒体渠道进行正面回复。领导小组办公室会同承办科室根据通稿撰写网络评论
 * 文章对舆情正面回复": the commentary is a public 正面回复 of its own, written from the 通稿, and a waived
 * reply frees the spokesperson only (version 4): the commentary is still owed, and still written
 * from the 通稿. So the 通稿 is still used after the reply is waived, and its approval (local policy,
 * rules/approvals.ts: the group 审定s it before it goes out) is owed while the commentary is
 * (kit `usesDraft`, read with `approvalsWhile: 'releaseOwed'`), until the group approves it or the
 * draft is withdrawn; the commentary needs a 通稿 approved or published since the latest relapse
 * (chart/guards.ts `commentaryFromDraft`; none: the group waives the commentary). Once
 * the reply went out, the commentary uses the 通稿 published: a later draft owes nothing, as in
 * version 8. Version 8 withdrew the approval at the waiver ("发布已免除"), and the commentary went
 * out from a 通稿 nobody approved.
 */
const COMMENTARY_FROM_DRAFT: Pick<ObligationRule, 'usesDraft'> = { usesDraft: 'pressRelease' }

/**
 * 三第二步 "在监测过程中发现舆情恶化、影响面扩大等不良发展趋势时要及时上报局网络舆情应急处置领导小组":
 * 恶化 is more than a rise of grade. A relapse owed the report already (`again.events`). The
 * spreading (影响面扩大) has facts the monitoring records (`METRICS_UPDATED`): `crossRegion` (the
 * impact beyond the region: 四 measures it as 影响局限在一定范围内 / 扩散到了很大范围 / 扩大到了整个社会)
 * and `foreignMedia` (境外媒体开始关注, 四(二)'s mark of the higher grades). Either turning true owes
 * the group a report (30 minutes, the 续报's policy), met at once by a report to the group made in
 * the 30 minutes before (kit `raiseTold`: the monitor who saw it reported first). The plan grades by
 * hand, so neither raises the grade. Not encoded, with the reason: a rise in `reposts` or `sites`
 * (the text gives no figure: every update would owe a report) and 等不良发展趋势 (no fact; the
 * monitor reports it with `REPORT`, and the office or group raises the grade, which owes it).
 * Version 8 owed nothing for a spread the grade did not follow.
 */
const SPREAD_FACTS = ['crossRegion', 'foreignMedia'] as const
function reportsSpread(r: ObligationRule): ObligationRule {
  return {
    ...r,
    label: '第一时间（半小时内）上报局领导小组；舆情恶化、影响面扩大时及时上报',
    policy:
      '三第二步的上报（级别升高、舆情反复，或监测到跨地区传播、境外媒体关注）未定时限；本地政策：自恶化时起 30 分钟',
    again: { ...r.again, factsTurned: SPREAD_FACTS },
  }
}

export const obligationsV9: readonly ObligationRule[] = obligationsV8.map((r) => {
  if (r.id === ROUND_THE_CLOCK.id) return ROUND_THE_CLOCK_V9
  if (r.id === 'commentary') return { ...r, ...COMMENTARY_FROM_DRAFT }
  return r.id === 'report:group' ? reportsSpread(r) : r
})
