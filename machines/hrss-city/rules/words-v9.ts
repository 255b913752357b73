/**
 * Version 9's words that its chart and its event table share (one text each, so `GET /plans`'s
 * event table, the diagrams and the chart never say two things): 五(一)2's organising, in the
 * text's words ("组织职能科室监控员对网络舆情进行24小时不间断监控。加强与市委网信办、市公安网安办等部门对接"),
 * and `RELAPSE` (三第二步 的及时上报 and 六 的持续关注; the new reply after it is local policy, the reply
 * rule's). The approval's policy is rules/approvals.ts `APPROVAL_POLICY_V9`.
 */
import type { ClauseMeta } from '../../vocabulary.js'

export const ORGANIZE_MONITORING_V9 =
  '组织职能科室监控员对网络舆情进行24小时不间断监控，加强与市委网信办、市公安网安办等部门对接'

export const RELAPSE_V9: ClauseMeta = {
  clause: '三第二步、六',
  policy: '舆情反复后须重新回复（本地政策，见正面回复）',
  label: '舆情反复：及时上报领导小组（持续关注舆情趋势）',
}
