/**
 * Version 9's obligation list, from a review of version 8: what it changes of `obligationsV8`
 * (rules/versions.ts), each with the clause it reads.
 */
import type { ObligationRule } from '../../kit/types.js'
import { obligationsV8, ROUND_THE_CLOCK } from './versions.js'

/**
 * 五(一)2 "当发生群体性突发事件时，组织职能科室监控员对网络舆情进行24小时不间断监控。加强与市委网信办、
 * 市公安网安办等部门对接": the text gives the organising no time of its own. "当…时" starts it when the
 * incident happens, and every hour unorganised is an hour without the monitoring the text wants
 * unbroken. Local policy: 1 hour from the mark — longer than 三第三步's 30-minute 快报 (one
 * person's report), since the office must set the monitors of several sections on shifts and
 * reach two other offices; short enough that a late organising is on the record and the due-soon
 * warnings reach the office. Version 8 set none (owed only before closing). Its label names the
 * text's 等部门 (version 8 dropped it).
 */
const ROUND_THE_CLOCK_V9: ObligationRule = {
  ...ROUND_THE_CLOCK,
  label:
    '群体性突发事件：组织职能科室监控员对网络舆情进行24小时不间断监控，加强与市委网信办、市公安网安办等部门对接',
  policy:
    '五(一)2 未规定组织时限；本地政策：自记录发生群体性突发事件时起 1 小时内组织到位（“当发生…时”即须开始；多于三第三步半小时的快报，因须安排多个职能科室监控员轮值并与两个部门对接）',
  due: { anchor: 'start', amount: 1, unit: 'hours' },
}

/**
 * 三第四步 "新闻发言人…根据通稿，通过媒体渠道进行正面回复。领导小组办公室会同承办科室根据通稿撰写网络评论
 * 文章对舆情正面回复": the commentary is a public 正面回复 of its own, written from the 通稿, and a waived
 * reply frees the spokesperson only (version 4): the commentary is still owed, and still written
 * from the 通稿. So the 通稿 is still used after the reply is waived, and its approval (local policy,
 * rules/approvals.ts: the group 审定s it before it goes out) is owed while the commentary is
 * (kit `usesDraft`, read with `approvalsWhile: 'releaseOwed'`), until the group approves it or the
 * draft is withdrawn; the commentary waits for it (chart/guards.ts `commentaryFromApproved`). Once
 * the reply went out, the commentary uses the 通稿 published: a later draft owes nothing, as in
 * version 8. Version 8 withdrew the approval at the waiver ("发布已免除"), and the commentary went
 * out from a 通稿 nobody approved.
 */
const COMMENTARY_FROM_DRAFT: Pick<ObligationRule, 'usesDraft'> = { usesDraft: 'pressRelease' }

export const obligationsV9: readonly ObligationRule[] = obligationsV8.map((r) =>
  r.id === ROUND_THE_CLOCK.id
    ? ROUND_THE_CLOCK_V9
    : r.id === 'commentary'
      ? { ...r, ...COMMENTARY_FROM_DRAFT }
      : r,
)
