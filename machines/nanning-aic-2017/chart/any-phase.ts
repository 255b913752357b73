/**
 * What the phase region accepts in every open phase: the events every plan shares, waivers
 * (but of an approval), evidence, reports, notifications, 源头化解, the approvals of a draft,
 * the releases and the answers of 五(二) — a rise during disposal or review owes them there.
 */
import { and } from 'xstate'
import { commonTransitions } from '../../kit/kit.js'
import { type ClauseMeta, clause } from '../../vocabulary.js'
import { common, LEVEL_WAIVED } from '../rules.js'
import { releasesOf, step, type Version } from './helpers.js'

const approve = (code: string, meta: ClauseMeta) => ({
  guard: and(['isOpen', { type: 'canApprove', params: { code } }]),
  actions: { type: 'approve', params: { code } } as const,
  meta,
})

/** The `on` of the phase region. */
export function anyPhase(version: Version) {
  const releases = (purpose: string) => releasesOf(purpose, version >= 3)
  const waivedLevel = version >= 4 ? { policy: LEVEL_WAIVED } : {}
  return {
    ...commonTransitions(common),
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
  } as const
}
