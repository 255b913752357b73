/**
 * 三第四步 正面回复 and 三第五步 跟踪引导: the spokesperson replies on an approved press release
 * (from version 3 a waived reply lets the guidance begin), then guides until it subsides.
 */
import { clause, policy } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import type { Version } from './helpers.js'

export function response(version: Version) {
  return {
    meta: clause('三第四步', '正面回复'),
    initial: 'replying',
    on: {
      COMMENTARY: {
        // Version 9: written from a 通稿 approved or published since the latest relapse (or the opening).
        ...(version >= 9 ? { guard: 'commentaryFromDraft' as const } : {}),
        actions: { type: 'completeStep', params: { step: 'commentary' } },
        meta: clause('三第四步', '根据通稿撰写网络评论文章正面回复'),
      },
    },
    states: {
      replying: {
        meta: clause('三第四步', '新闻发言人根据通稿通过媒体渠道正面回复'),
        ...(version >= 3
          ? {
              always: {
                target: 'guiding',
                guard: { type: 'waived', params: { rule: 'reply' } } as const,
                meta: policy('正面回复已由领导小组免除：进入跟踪引导（免除即放行，本地政策）', '回复已免除'),
              },
            }
          : {}),
        on: {
          REPLY: {
            target: 'guiding',
            guard: 'pressReleaseApproved',
            actions: ['release', { type: 'completeStep', params: { step: 'reply' } }],
            meta: clause('三第四步', '舆情发生后12小时内根据通稿正面回复'),
          },
        },
      },
      guiding: {
        meta: clause('三第五步', '跟踪引导'),
        on: {
          GUIDE: {
            actions: { type: 'completeStep', params: { step: 'guidance' } },
            meta: clause('三第五步', '网评员对疑问、质疑跟帖加以引导'),
          },
          REFER_QUERY: {
            meta: clause('三第五步', '不能正确引导时及时上报'),
          },
          SUBSIDE: {
            target: `#${PLAN_ID}.phase.disposal`,
            guard: 'readyToSubside',
            meta: clause('三第五步', '舆情缓退、平息'),
          },
        },
      },
    },
  } as const
}
