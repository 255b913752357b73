/**
 * Version 15's obligations (README "Version 15"): version 14's, with 四(四)'s liaison owed by
 * 新闻宣传分管领导 at 重大 and above only.
 *
 * 四(四) 视情况与南宁市宣传部、应急办、维稳办、综治办、公安机关等部门及时沟通 has no subject. Version 13
 * named the office (三(二)1 办公室…加强与当地宣传部门和相关媒体的联络; 五(一) 领导小组办公室负责网络舆情
 * 的日常联络工作) and 新闻宣传分管领导, the latter because 四(四) 对重大舆情，由新闻宣传分管领导牵头 makes
 * that leader lead the 重大 handling the liaison is part of — and owed it at every grade. At 一般 the
 * same clause names another lead: 对一般舆情，由办公室牵头，协同法制科及各业务股室，经新闻宣传分管领导审定
 * 并统一发布权威信息 — 新闻宣传分管领导 only approves the release. No clause asks that leader to liaise at
 * 一般 (version 13 read 源头化解 the same way: `alsoOwedAt`). So the liaison is the office's at every
 * grade, and 新闻宣传分管领导's beside it at 重大 and above (kit `alsoOwedAt`; a change of grade re-reads
 * who owes an owed instance, kit/ledger.ts). The chart refuses LIAISE from 新闻宣传分管领导 at 一般
 * (chart/guards.ts `liaisesAtGrade`), as version 13's RESOLVE_SOURCE.
 *
 * 四(二) 办公室负责向分管新闻宣传工作的局领导报告 (`report:newsLeader`) is not graded (the grade is set
 * after the report, 四(三)): owed at every grade, unchanged; so is 一般's 新闻宣传分管领导审定
 * (LEADER_APPROVE, 四(四)).
 */
import type { ObligationRule } from '../../kit/types.js'
import type { Role } from '../../vocabulary.js'
import { MAJOR_UP } from './grading.js'
import { LIAISE_POLICY } from './version11.js'
import { obligationsV14 } from './version14.js'

/** Who owes the liaison at every grade (三(二)1、五(一)): the office. */
export const LIAISE_ROLES_V15: readonly Role[] = ['office']

export const LIAISE_POLICY_V15 = `办公室各等级均应办（三(二)1、五(一)）；重大及以上由新闻宣传分管领导牵头（四(四)），一并应办；一般舆情由办公室牵头，新闻宣传分管领导仅审定发布，不办理沟通；${LIAISE_POLICY}`

/** Version 15's form of version 14's liaison. */
export const liaiseV15 = (r: ObligationRule): ObligationRule => ({
  ...r,
  clause: '四(四)、三(二)1、五(一)',
  policy: LIAISE_POLICY_V15,
  owedBy: LIAISE_ROLES_V15,
  alsoOwedAt: { severities: MAJOR_UP, by: ['newsLeader'] },
})

/** Version 15: version 14's rules, the liaison owed by 新闻宣传分管领导 at 重大 and above only. */
export const obligationsV15: ObligationRule[] = obligationsV14.map((r) =>
  r.id === 'step:liaise' ? liaiseV15(r) : r,
)
