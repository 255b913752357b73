/**
 * What the phase region accepts in every open phase: the events every plan shares, waivers
 * (but of an approval), evidence, reports, notifications, 源头化解, the approvals of a draft,
 * the releases and the answers of 五(二) — a rise during disposal or review owes them there.
 */
import { and, or } from 'xstate'
import { commonTransitions } from '../../kit/kit.js'
import { type ClauseMeta, clause } from '../../vocabulary.js'
import { common, commonV10, commonV12, commonV13, LEVEL_WAIVED } from '../rules.js'
import { releasesOf, step, type Version } from './helpers.js'

const approve = (code: string, meta: ClauseMeta) => ({
  guard: and(['isOpen', { type: 'canApprove', params: { code } }]),
  actions: { type: 'approve', params: { code } } as const,
  meta,
})

const owes = (rule: string) => ({ type: 'owes', params: { rule } }) as const

/**
 * Version 10, 四(四) 未经领导小组授权，任何单位与个人不得擅自发布信息: an approved release goes out
 * while one is owed (一般 once the group decided the measures, 重大 within 24 h, 五(二)) or the
 * group's latest decision ordered a response (`measuresOrdered`: its order is the 授权 of the
 * releases that response needs — 通过多种渠道向社会公布，随时关注事态的发展变化). A relapse of an
 * incident the group decided not to answer publicly authorises none (chart/response.ts uses it too).
 */
export const releaseAuthorised = (releases: (purpose: string) => ReturnType<typeof releasesOf>) =>
  and([releases('release'), or([owes('release'), owes('release:publish'), 'measuresOrdered'])])

/**
 * Version 10's transitions (review of version 9). 四(四) 未经领导小组授权，任何单位与个人不得擅自
 * 发布信息: outside the response the group ordered (chart/response.ts), a release goes out only
 * while one is owed — 一般 once the group decided the measures, 重大 within 24 h (五(二)); version 9
 * published an approved 一般 text at the opening, or after the group decided no public response.
 * 不得擅自接受记者采访: one interview per outlet the group's yes authorised, in any open phase (the
 * yes may come after the subsiding: version 9 then refused the interview it authorised).
 * 五(四): HOLD_ACCOUNTABLE records the 追究责任 a late report owes.
 */
function v10(releases: (purpose: string) => ReturnType<typeof releasesOf>) {
  return {
    RELEASE: {
      guard: releaseAuthorised(releases),
      actions: ['release', step('release')],
      meta: clause('四(四)、五(二)', '应发布时，审定后统一发布权威信息（未经授权不得发布）'),
    },
    INTERVIEW: {
      guard: and(['isOpen', 'outletAuthorized']),
      actions: step('interview'),
      meta: clause('四(四)、三(二)1', '经领导小组授权，让当事人接受所提请媒体的采访（每次授权一次）'),
    },
    HOLD_ACCOUNTABLE: {
      guard: 'isOpen',
      actions: step('accountability'),
      meta: clause('五(四)、三(一)', '对信息隐瞒不报或未及时上报的部门及人员追究责任'),
    },
    SIGN_OFF: approve(
      'unitSignOff',
      clause('三(二)3、五(二)', '单位主要负责人签署意见（答复意见：部门领导审定）'),
    ),
    SECTION_REVIEW: approve(
      'sectionReview',
      clause('三(二)3、四(四)', '重大舆情：业务股室主要负责人审核（即单位主要负责人签署意见）'),
    ),
  } as const
}

/**
 * Version 11, 四(四) 视情况与…部门及时沟通…直至事态平息: the liaison the group's yes orders
 * (rules/version11.ts) is owed until done or waived, whatever the phase: a yes given late, or
 * an incident subsided before the liaison, must still be able to take it (version 10 took
 * LIAISE in the response alone).
 */
const v11 = {
  LIAISE: {
    guard: 'isOpen',
    actions: step('liaison'),
    meta: clause('四(四)', '视情况与宣传部、应急办、维稳办、综治办、公安机关等部门及时沟通'),
  },
} as const

/**
 * Version 12: 三(二)1、三(二)3 the comment work a yes orders, and 三(二)2 the legal support owed once
 * the group decided the measures, are owed until done or waived, whatever the phase (version 11
 * took both in the response alone: a yes given after the subsiding, or support owed when the
 * incident subsided, could only be waived); the legal opinion on 定性 may come before the
 * group's decision too (三(一) 确定事件性质).
 */
const v12 = {
  GUIDE_COMMENTS: {
    guard: 'isOpen',
    actions: step('commentGuidance'),
    meta: clause('三(二)1、三(二)3', '根据需要通报网上评论引导信息、提出引导口径，组织开展网上评论'),
  },
  LEGAL_OPINION: {
    guard: 'isOpen',
    actions: step('legalOpinion'),
    meta: clause('三(二)2', '法制科对舆情危机处置提供法律支持'),
  },
} as const

/**
 * Version 13: 三(二)1 (the office) and 三(二)3 (the units) are two parts of the comment work, each
 * performed by its own body — GUIDE_COMMENTS names its part and is accepted from that body alone
 * (still in every open phase, after a no too: the body may act; it meets only what is owed).
 * 四(四) 对重大舆情，由新闻宣传分管领导牵头，会同各单位落实源头化解工作: RESOLVE_SOURCE from 新闻宣传分管领导
 * only at 重大 and above (一般 由办公室牵头，协同法制科及各业务股室: the units do it).
 */
const v13 = {
  GUIDE_COMMENTS: {
    guard: and(['isOpen', 'commentPartOfSender']),
    actions: step('commentGuidance'),
    meta: clause(
      '三(二)1、三(二)3',
      '办公室通报网上评论引导信息、组织协调网上评论（三(二)1），有关单位提出引导口径、组织开展网上评论（三(二)3）：各办本部分',
    ),
  },
  RESOLVE_SOURCE: {
    guard: and(['isOpen', 'leadsSourceAtGrade']),
    actions: step('sourceResolution'),
    meta: clause('三(二)3、四(四)', '各有关单位快速调查，做好源头化解；重大舆情由新闻宣传分管领导牵头'),
  },
} as const

/**
 * Version 15: 四(四) 视情况…沟通 from 新闻宣传分管领导 only at 重大 and above (对重大舆情，由新闻宣传分管领导
 * 牵头); at 一般 (由办公室牵头) the office liaises (三(二)1、五(一)).
 */
const v15 = {
  LIAISE: {
    guard: and(['isOpen', 'liaisesAtGrade']),
    actions: step('liaison'),
    meta: clause(
      '四(四)、三(二)1、五(一)',
      '视情况与宣传部、应急办、维稳办、综治办、公安机关等部门及时沟通；重大舆情由新闻宣传分管领导牵头',
    ),
  },
} as const

/** The `on` of the phase region. */
export function anyPhase(version: Version) {
  const releases = (purpose: string) => releasesOf(purpose, version >= 3)
  const waivedLevel = version >= 4 ? { policy: LEVEL_WAIVED } : {}
  return {
    ...commonTransitions(
      version >= 13 ? commonV13 : version >= 12 ? commonV12 : version >= 10 ? commonV10 : common,
    ),
    WAIVE: {
      guard: 'mayWaive',
      actions: 'waive',
      meta: { ...common.waive.meta, label: '免除应办事项（审批除外）' },
    },
    KEEP_EVIDENCE: {
      guard: 'isOpen',
      actions: step('evidence'),
      meta: clause('四(一)', '补充保存证据'),
    },
    REPORT: {
      guard: 'reportInOrder',
      actions: 'recordReport',
      meta: {
        ...clause('四(二)、五(二)', '逐级报告；重大、特别重大敏感舆情向上级报告'),
        ...waivedLevel,
      },
    },
    NOTIFY_AUTHORITIES: {
      guard: 'majorOrAbove',
      actions: step('authoritiesNotified'),
      meta: clause('五(二)', '重大敏感舆情向宣传部门和公安部门通报'),
    },
    RESOLVE_SOURCE: {
      guard: 'isOpen',
      actions: step('sourceResolution'),
      meta: clause('三(二)3、四(四)', '快速调查，落实源头化解'),
    },
    SIGN_OFF: approve('unitSignOff', clause('三(二)3', '单位主要负责人签署意见')),
    LEADER_APPROVE: approve('leaderApproval', clause('四(四)', '一般舆情：新闻宣传分管领导审定')),
    SECTION_REVIEW: approve('sectionReview', clause('四(四)', '重大舆情：业务股室主要负责人审核')),
    GROUP_APPROVE: approve('groupApproval', clause('四(四)', '重大舆情：审核后由领导小组审定')),
    ...(version >= 4
      ? {
          OFFICE_REVIEW: approve('officeReview', clause('三(二)1', '办公室审核以市局名义发布的上网信息')),
        }
      : {}),
    RELEASE: {
      guard: releases('release'),
      actions: ['release', step('release')],
      meta: clause('四(四)、五(二)', '审定后统一发布权威信息（未经授权不得发布）'),
    },
    INITIAL_RESPONSE: {
      guard: releases('initialResponse'),
      actions: ['release', step('initialResponse')],
      meta: clause('五(二)、三(二)3', '签署、审定后的初步回应（知晓后3小时内）'),
    },
    FORMAL_HANDLING: {
      guard: 'formalNotStarted',
      actions: step('formalHandling'),
      meta: clause('五(二)', '需按程序办理'),
    },
    EXTEND: {
      guard: 'canExtend',
      actions: ['extendFormalReply', step('extension')],
      meta: clause('五(二)', '5个工作日届满前，确需延长办理时间并作出说明'),
    },
    FORMAL_REPLY: {
      guard: and(['replyOwed', releases('formalReply')]),
      actions: ['release', step('formalReply')],
      meta: clause('五(二)', '经部门领导审定，确定答复意见'),
    },
    ...(version >= 10 ? v10(releases) : {}),
    ...(version >= 11 ? v11 : {}),
    ...(version >= 12 ? v12 : {}),
    ...(version >= 13 ? v13 : {}),
    ...(version >= 15 ? v15 : {}),
  } as const
}
