/**
 * 三(四) 应急处置: the response, and what it can do that stays possible after it while the
 * plan can still require it (the measures of 三(三), the releases of 三(四)1, offline
 * handling 三(四)4, the press conference 三(四)3, and from version 4 what a decision owes).
 */
import { and, not } from 'xstate'
import { clause } from '../../vocabulary.js'
import { CONFERENCE_ORDERED, ROUTES } from '../rules.js'
import { publish, step, type Version } from './helpers.js'

/** 二(三)2 from version 4: the release goes out on the channel the group's sign-off fixed (审定发布方式). */
const onChannel = (v: Version) => (v >= 4 ? ['channelSignedOff' as const] : [])

/** A public response: the named draft, of this purpose, carries its approvals, after the final measures. */
const releaseOf = (v: Version, purpose: string, route: string | null, label: string, first = false) => ({
  guard: and([
    'isOpen',
    { type: 'approvalsComplete', params: { purposes: [purpose] } },
    { type: 'releasable', params: { purpose } },
    ...onChannel(v),
    // 第一时间表态性回应: a stance may go out before the measures are final.
    ...(first ? [] : ['measuresFinal' as const, 'stanceFirst' as const]),
    ...(route ? [route] : []),
  ]),
  actions: publish(purpose),
  meta: clause('三(四)1', label),
})
const releasesOf = (v: Version) =>
  ({
    REPLY: releaseOf(v, 'reply', 'replyRoute', '正面回应（答复意见经审定）'),
    EXPLAIN_REGULATION: releaseOf(v, 'explanation', 'explainRoute', '法工委、法制委会同起草部门正面解释'),
    REFUTE: releaseOf(v, 'refutation', 'refuteRoute', '通过权威渠道公开辟谣'),
    STANCE: releaseOf(v, 'stance', 'isComplex', '第一时间表态性回应', true),
    PROGRESS: releaseOf(v, 'progress', 'isComplex', '之后进行动态性回应（可多次）'),
    CONCLUDE: releaseOf(v, 'conclusion', 'isComplex', '结束后进行结论性回应'),
  }) as const

/** 三(三), 二(三)5: the opinion of 市网信办 and the final measures, also after a rise. */
export const measures = {
  HEAR_CAC_OPINION: {
    guard: 'opinionDue',
    actions: step('cacOpinion'),
    meta: clause('三(三)', '较大及以上：听取市网信办意见（市网信办已收到报告）'),
  },
  DECIDE_MEASURES: {
    guard: 'measuresDue',
    actions: step('measures'),
    meta: clause('三(三)', '确定最终处理措施（较大及以上须先听取市网信办意见）'),
  },
} as const
const adjust = {
  ADJUST_MEASURES: {
    guard: 'isOpen',
    actions: step('adjustment'),
    meta: clause('二(三)5', '针对新情况及时调整处置办法'),
  },
} as const

/** 三(四)4: offline handling, from the response on, until it is done. */
const offline = {
  INVESTIGATE: {
    guard: { type: 'categoryIn', params: { categories: ROUTES.investigate } },
    actions: step('investigation'),
    meta: clause('三(四)1、三(四)4', '涉举报类：调查核实'),
  },
  VERIFY_OFFLINE: { actions: step('verification'), meta: clause('三(四)4', '线下调查核实') },
  RECTIFY: { actions: step('rectification'), meta: clause('三(四)4', '属实的立即主动整改') },
  HOLD_ACCOUNTABLE: { actions: step('accountability'), meta: clause('三(四)4', '迅速查出责任人员') },
  RESOLVE_DEMAND: { actions: step('demandResolved'), meta: clause('三(四)4', '诉求依法依规解决或说明原因') },
  REFER_TO_POLICE: {
    actions: step('policeReferral'),
    meta: clause('三(四)4', '寻求网信办和公安机关落地找人，依法处理'),
  },
} as const
const decidedConference = { type: 'holds', params: { when: { decided: 'decide:pressConference' } } } as const
/** Version 13, 三(四)3: a yes at 重大 or, asked again at 特别重大 after a no, a yes there (rules/versions-v13.ts). */
const orderedConference = { type: 'holds', params: { when: CONFERENCE_ORDERED } } as const
const conferenceOrdered = (v: Version) => (v >= 13 ? orderedConference : decidedConference)
/** 三(四)3; from version 4 what it says is a conference text (purpose `conference`) the group signed off for it (二(三)2). */
const pressConference = (v: Version) =>
  v < 4
    ? {
        guard: conferenceOrdered(v),
        actions: step('pressConference'),
        meta: clause('三(四)3', '重大、特别重大：经决定召开新闻发布会'),
      }
    : {
        // `releasable` checks the named draft's approvals (or, naming none, that one is ready:
        // what allowedEvents asks), as for every other publication.
        guard: and([
          conferenceOrdered(v),
          { type: 'releasable', params: { purpose: 'conference' } },
          'conferenceSignedOff',
        ]),
        actions: publish('pressConference'),
        meta: clause('三(四)3、二(三)2', '经决定召开新闻发布会，通报经审定的发布稿'),
      }
/** Version 4: what a yes to 三(四)2 or 三(六)'s decision owes stays possible until it is done. */
export const decidedSteps = {
  GUIDE_COMMENTS: { actions: step('commentGuidance'), meta: clause('三(四)2', '评论引导') },
  INVITE_TO_REVIEW: {
    actions: step('reviewInvite'),
    meta: clause('三(六)', '必要时邀请相关人员参加总结评估'),
  },
} as const

/** What stays possible after the response while the plan can still require it. */
export const laterOf = (v: Version) => ({
  ...measures,
  ...adjust,
  ...releasesOf(v),
  ...offline,
  PRESS_CONFERENCE: pressConference(v),
  ...(v >= 4 ? decidedSteps : {}),
})

/** What the response's end waits for; version 11 adds the category (三(四)1, local policy). */
const SUBSIDES = ['复杂舆情须已作结论性回应', '复杂舆情须已作结论性回应；信息类别须已认定'] as const

export function response(version: Version) {
  const later = laterOf(version)
  return {
    meta: clause('三(四)', '应急处置'),
    on: {
      ...later,
      MARK_COMPLEX: {
        guard: not('isComplex'),
        actions: step('complex'),
        meta: clause('三(四)1', '认定为网络广泛关注、情况复杂的舆情'),
      },
      GUIDE_COMMENTS: decidedSteps.GUIDE_COMMENTS,
      RECEIVE_MEDIA: { actions: step('mediaVisit'), meta: clause('二(三)4', '媒体来访服务管理') },
      SUBSIDE: {
        target: 'disposal',
        guard: version >= 11 ? ('responseEnds' as const) : ('concluded' as const),
        actions: step('subsided'),
        meta: clause(
          '三(一)、三(四)1、三(六)',
          `舆情平息，应急处置结束（${SUBSIDES[version >= 11 ? 1 : 0]}）`,
        ),
      },
    },
  } as const
}
