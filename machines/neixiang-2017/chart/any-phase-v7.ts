/**
 * Version 7: what version 6 accepted in one phase only, accepted in every open phase where the
 * text allows it (a review of version 6). PLANS.md (second reading): a report, an approval and
 * a release stay possible in every open phase where the plan can still require them — a rise
 * in reporting, disposal or review owes the mainstream release (第六條, 第五條) there, and a
 * 梯度发布 the group ordered (第七條3) is still owed after the incident subsides. It also takes
 * what version 7 adds: a principal leader's 批示 and its carrying out (第三條1).
 */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'
import { releaseActions, type releaseGuardOf, type Version } from './helpers.js'

const step = (name: string) => ({ type: 'completeStep', params: { step: name } }) as const

/** The transitions version 7 adds to the phase region's `on`; `releaseGuard` is RELEASE's. */
export function anyPhaseV7(releaseGuard: ReturnType<typeof releaseGuardOf>, version: Version) {
  return {
    MAINSTREAM_RELEASE: {
      guard: releaseGuard,
      actions: [...releaseActions, step('mainstream')],
      meta: clause('第六條、第五條', '负面影响增大、有重大影响时在主流媒体发布（任一阶段）'),
    },
    RELEASE_STAGE: {
      guard: releaseGuard,
      actions: [...releaseActions, step('stagedRelease')],
      meta: clause('第七條3', '梯度发布信息（任一阶段）'),
    },
    /**
     * 第四條 在报告的同时采用“及时处理、组织跟帖”: from discovery on (the first report may carry it);
     * 第五條 有针对性地解答及跟帖 (the `answer` it discharges).
     */
    HANDLE_EARLY: {
      guard: 'isOpen',
      actions: step('earlyHandling'),
      meta: clause('第四條、第五條', '及时处理、有针对性地解答及跟帖'),
    },
    /** 第七條2 迅速…协助工作人员及时处理违法信息: not only during the response. */
    REMOVE_ILLEGAL: {
      guard: 'isOpen',
      actions: step('removal'),
      meta: clause('第七條2', '迅速协助处理违法信息'),
    },
    /** 第六條 同时组织舆情主体单位和评论员，对负面质疑进行反驳 (第三條5 批驳谣言). */
    REBUT: {
      guard: 'isOpen',
      actions: step('rebuttal'),
      meta: clause('第六條', '组织主体单位和评论员反驳质疑'),
    },
    /** 第三條1: a principal leader's 批示, recorded by 县委办、县政府办 (it owes the group its carrying out). */
    INSTRUCT: { guard: 'isOpen', meta: clause('第三條1', '主要领导作出批示') },
    /**
     * 第三條1 及时落实主要领导的批示要求: while a 批示 is owed. Version 8: one 批示 each, the one
     * named in `obligation` (kit `namesOwed`: an owed one) or the oldest owed.
     */
    CARRY_OUT:
      version >= 8
        ? {
            guard: and(['isOpen', { type: 'owes', params: { rule: 'instruction' } }, 'namesOwed']),
            meta: clause('第三條1', '落实主要领导的一项批示要求'),
          }
        : {
            guard: and(['isOpen', { type: 'owes', params: { rule: 'instruction' } }]),
            meta: clause('第三條1', '落实主要领导的批示要求'),
          },
  } as const
}
