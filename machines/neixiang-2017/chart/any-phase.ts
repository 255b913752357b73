/**
 * What the phase region accepts in every open phase: the events every plan shares, the
 * category (第二條4), grading, reports, coordination, the source, the stance, the approvals
 * of a draft, the release and the press conference (version 4: naming the spokesperson) —
 * a rise during disposal or review is reportable there. Version 5: the stance and the press
 * conference, like every release, wait for the source (第六條, `sourceKnown`). Version 7: the
 * mainstream and the staged releases, early handling, illegal content and rebuttal too
 * (any-phase-v7.ts).
 */
import { and } from 'xstate'
import { commonTransitions } from '../../kit/kit.js'
import { clause } from '../../vocabulary.js'
import { common, commonV7, commonV10, LEAD_APPROVAL } from '../rules.js'
import { anyPhaseV7 } from './any-phase-v7.js'
import { publishable, releaseActions, releaseGuardOf, type Version } from './helpers.js'

const position = { type: 'completeStep', params: { step: 'position' } } as const

/**
 * The `on` of the phase region. `stancePurpose`: the stance rule's draft purpose (version 3
 * on: the stance publishes an approved draft), none in version 2 (the stance is a step).
 */
export function anyPhase(version: Version, stancePurpose: string | undefined) {
  const releaseGuard = releaseGuardOf(stancePurpose)
  /**
   * 第六條 (version 5): every publication waits for the source, as RELEASE always did — the
   * stance and the press text are published drafts too, and may come first (source#1: 首次发布前).
   */
  const v5 = version >= 5
  /** 第七條1: 第一时间表明态度 — version 3 publishes an approved stance draft (第三條4、第七條3、第二條4). */
  const statePosition =
    stancePurpose === undefined
      ? { guard: 'isOpen' as const, actions: position, meta: clause('第七條1', '第一时间表明态度') }
      : {
          guard: v5
            ? and(['isOpen', 'sourceKnown', publishable(stancePurpose)])
            : and(['isOpen', publishable(stancePurpose)]),
          actions: ['release' as const, position],
          meta: v5
            ? clause('第七條1、第三條4、第七條3、第六條', '第一时间表明态度：出处已了解，发布经审定的表态稿')
            : clause('第七條1、第三條4、第七條3', '第一时间表明态度：发布经审定的表态稿'),
        }
  const pressStep = { type: 'completeStep', params: { step: 'pressConference' } } as const
  const convened = { type: 'holds', params: { when: { act: 'CONVENE' } } } as const
  /** 第五條: 有重大影响的舆情在领导小组的指导下以新闻发布会、通气会迅速反应 (version 4: what it says is approved text). */
  const pressConference =
    version < 4
      ? { guard: 'isOpen' as const, actions: pressStep, meta: clause('第五條', '新闻发布会、通气会') }
      : {
          guard: v5
            ? and(['isOpen', 'sourceKnown', convened, publishable('press')])
            : and(['isOpen', convened, publishable('press')]),
          actions: ['release' as const, pressStep],
          meta: v5
            ? clause(
                '第五條、第三條4、第六條',
                '在领导小组指导下召开新闻发布会、通气会：出处已了解，发布经审定的发布会稿',
              )
            : clause('第五條、第三條4', '在领导小组指导下召开新闻发布会、通气会：发布经审定的发布会稿'),
        }
  /** 第三條3 (version 4): the group names the spokesperson it decided, on the record, to name. */
  const nameSpokesperson = {
    NAME_SPOKESPERSON: {
      guard: and(['isOpen', { type: 'holds', params: { when: { decided: 'decision:spokesperson' } } }]),
      actions: { type: 'completeStep', params: { step: 'spokesperson' } },
      meta: clause('第三條3', '根据需要确定新闻发言人'),
    },
  } as const
  const v7 = version >= 7
  return {
    // Version 10: WAIVE's policy names what 县委办、县政府办 waive (the coordination too).
    ...commonTransitions(version >= 10 ? commonV10 : v7 ? commonV7 : common),
    SET_CATEGORY: {
      guard: 'isOpen',
      actions: 'setPlanCategory',
      meta: clause('第二條4', '分类处理'),
    },
    CLASSIFY: {
      guard: and(['isOpen', 'isUnclassified']),
      actions: 'setSeverity',
      meta: v7 ? clause('第二條1、第二條3', '研判定级') : clause('第二條1', '研判定级'),
    },
    REPORT: {
      guard: and(['isOpen', 'reportsOwnRecipients']),
      actions: 'recordReport',
      meta: v7
        ? clause('第四條、第二條1、第二條3', '向领导小组、主要领导、上级报告（任一阶段）')
        : clause('第四條', '汇报、补报、续报（任一阶段）'),
    },
    COORDINATE: {
      guard: and(['isOpen', { type: 'severityAtLeast', params: { min: 'critical' as const } }]),
      actions: { type: 'completeStep', params: { step: 'coordinate' } },
      meta: clause('第二條3', '县委办、县政府办组织协调'),
    },
    RECORD_SOURCE: {
      guard: 'isOpen',
      actions: { type: 'completeStep', params: { step: 'source' } },
      meta: clause('第六條', '及时了解舆情出处'),
    },
    STATE_POSITION: statePosition,
    AGREE_LINE: {
      guard: and(['isOpen', { type: 'canApprove', params: { code: 'line' } }]),
      actions: { type: 'approve', params: { code: 'line' } },
      meta: clause('第七條3', '拿出统一解释口径'),
    },
    APPROVE_LEAD: {
      guard: and(['isOpen', 'canApproveLead']),
      actions: { type: 'approve', params: { code: LEAD_APPROVAL.code } },
      meta: clause('第二條4', '县委宣传部牵头审定'),
    },
    RELEASE: {
      guard: releaseGuard,
      actions: [...releaseActions],
      meta: clause('第四條', '公布事实（报告的同时及时处理）'),
    },
    PRESS_CONFERENCE: pressConference,
    ...(version >= 4 ? nameSpokesperson : {}),
    ...(v7 ? anyPhaseV7(releaseGuard, version) : {}),
  } as const
}
