/**
 * The events of 安全生产网络舆情应对预案: who may send each (roles mapped from the
 * plan's bodies, 三; see rules/roles.ts) and what it must carry. Public text is drafted
 * first (DRAFT, purposes in rules/approvals.ts) and the events that publish it name the
 * draft (`draftId`).
 *
 * One file per phase of the text, in events/ (in this order in the list):
 *   common.ts        the events every plan shares, METRICS_UPDATED checking 二(三)'s figures
 *   reporting.ts     五(一)、五(二): reports, the accident and duty room, activation, the
 *                    special report, the units' notice, both 批示
 *   consultation.ts  五(三) and the approvals of 五(一)1–2; version 4's APPROVE_PROPOSAL
 *   response.ts      五(四): the response, the route steps, the briefing, the subsiding
 *   disposal.ts      五(五): the aftercare
 *   review.ts        六: relapse, follow-up and the summary
 *   coordination.ts  三 (version 9): 人事司's 协调跟踪办理
 *   helpers.ts       what they share (`spec`, `text`, the note-only and published payloads)
 */
import type { EventSpec } from '../kit/types.js'
import { commonSpecs, withFactsV9 } from './events/common.js'
import { approveProposal, consultation } from './events/consultation.js'
import { coordinateTracking } from './events/coordination.js'
import { disposal } from './events/disposal.js'
import { reporting } from './events/reporting.js'
import { response } from './events/response.js'
import { review } from './events/review.js'

export { metricsSchema } from './events/common.js'

export const events: EventSpec[] = [
  ...commonSpecs,
  ...reporting,
  ...consultation,
  ...response,
  ...disposal,
  ...review,
]

/**
 * Version 4: the leader in charge approves (批准、审定) the proposal of 人事司(宣教办) and the
 * units at 较大 before the response (五(一)2, 五(三)2); versions 2 and 3 never owed it.
 */
export const eventsV4: EventSpec[] = [...events, approveProposal]

/**
 * 三 assigns the government website (政府网站处) and the official weibo and weixin (the units'
 * authorised staff); it names no one for a press conference, an interview or a commentary.
 * Version 7 keeps 人事司 from every channel by local policy (diff review 6), said in RESPOND's meta.
 */
const RESPOND_POLICY_V7 =
  '三只指定政府网站（政府网站处）和政务微博微信（相关单位获得授权的人员）的发布者，未指定新闻发布会或通报会、接受记者采访、网络评论、专家访谈、新闻通稿；本地政策：各种回应方式均由政府网站处或相关单位获得授权的人员发布，人事司(宣教办)组织协调、不直接发布'

/**
 * Version 7's roles (review findings 2 and 9): only 人事司(宣教办) sets the category (三: 人事司
 * organises; 五(一)2 人事司会同相关单位作出定性), and 人事司 does not publish the answer (三: the
 * site's answer by 政府网站处, weibo and weixin by the units' authorised staff; the channels 三
 * does not assign, by local policy: `RESPOND_POLICY_V7`).
 */
export const withRolesV7 = (specs: readonly EventSpec[]): EventSpec[] =>
  specs.map((s) => {
    if (s.type === 'SET_CATEGORY') return { ...s, roles: ['office'] }
    if (s.type === 'RESPOND')
      return {
        ...s,
        roles: s.roles.filter((r) => r !== 'office'),
        meta: { ...s.meta, clause: `${s.meta.clause}、三`, policy: RESPOND_POLICY_V7 },
      }
    return s
  })

/**
 * Version 9 (三 涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理):
 * METRICS_UPDATED takes the fact `coalOrLocalBureau`, and 人事司 records its 协调跟踪办理
 * (`COORDINATE_TRACKING`, with a `note` of how). Version 8's events otherwise.
 */
export const withCoordinationV9 = (specs: readonly EventSpec[]): EventSpec[] => [
  ...withFactsV9(specs),
  coordinateTracking,
]
