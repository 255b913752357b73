/**
 * 第五條 舆情引导: facts released on the agreed line (第七條1; from version 3 a waived release
 * lets the response follow), then clarifying, rebutting and guiding until it subsides (第六條).
 * Version 7 takes the staged and the mainstream releases, illegal content and rebuttal in every
 * open phase (any-phase-v7.ts), and cites 第二條4 新闻宣传工作服从现场处置工作 on the phase.
 */
import { clause, policy } from '../../vocabulary.js'
import { releaseActions, releaseGuardOf, type Version } from './helpers.js'

/** `stancePurpose`: the stance rule's draft purpose (version 3 on), none in version 2. */
export function response(version: Version, stancePurpose: string | undefined) {
  const releaseGuard = releaseGuardOf(stancePurpose)
  const v7 = version >= 7
  /** What following alone accepts up to version 6 (version 7: any-phase-v7.ts). */
  const followingOnly = {
    RELEASE_STAGE: {
      guard: releaseGuard,
      actions: [...releaseActions, { type: 'completeStep', params: { step: 'stagedRelease' } }],
      meta: clause('第七條3', '梯度发布信息'),
    },
    MAINSTREAM_RELEASE: {
      guard: releaseGuard,
      actions: [...releaseActions, { type: 'completeStep', params: { step: 'mainstream' } }],
      meta: clause('第六條', '负面影响增大时在主流媒体发布'),
    },
    REBUT: {
      actions: { type: 'completeStep', params: { step: 'rebuttal' } },
      meta: clause('第六條', '组织主体单位和评论员反驳质疑'),
    },
  } as const
  const removeIllegal = {
    REMOVE_ILLEGAL: {
      actions: { type: 'completeStep', params: { step: 'removal' } },
      meta: clause('第七條2', '回应期间协助处理违法信息'),
    },
  } as const
  return {
    meta: v7
      ? clause('第五條、第二條4', '舆情引导（新闻宣传工作服从现场处置工作）')
      : clause('第五條', '舆情引导'),
    initial: 'releasing',
    on: v7 ? {} : removeIllegal,
    states: {
      releasing: {
        meta: clause('第七條1', '快讲事实，按口径发布'),
        ...(version >= 3
          ? {
              always: {
                target: 'following',
                guard: { type: 'waived', params: { rule: 'release' } } as const,
                meta: policy('发布已由领导小组免除：转入跟踪引导（免除即放行，本地政策）', '发布已免除'),
              },
            }
          : {}),
        on: {
          RELEASE: {
            target: 'following',
            guard: releaseGuard,
            actions: [...releaseActions],
            meta: clause('第七條1', '快讲事实，慎讲原因'),
          },
        },
      },
      following: {
        meta: clause('第六條', '澄清、反驳、引导'),
        on: {
          ...(v7 ? {} : followingOnly),
          SUBSIDE: { target: '#neixiang-2017.phase.disposal', meta: clause('第六條', '早平息') },
        },
      },
    },
  } as const
}
