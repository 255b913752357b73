/** 第七條2、第七條4 消除负面报道危害: illegal content handled, a relapse goes back to following. */
import { clause } from '../../vocabulary.js'
import type { Version } from './helpers.js'

/** Version 7 takes REMOVE_ILLEGAL in every open phase (any-phase-v7.ts). */
export function disposal(version: Version) {
  return {
    meta: clause('第七條4', '消除负面报道危害'),
    initial: 'clearing',
    states: {
      clearing: {
        meta: clause('第七條2', '协助处理违法信息'),
        on: {
          ...(version >= 7
            ? {}
            : ({
                REMOVE_ILLEGAL: {
                  actions: { type: 'completeStep', params: { step: 'removal' } },
                  meta: clause('第七條2', '及时处理违法信息'),
                },
              } as const)),
          DISPOSAL_DONE: {
            target: '#neixiang-2017.phase.review',
            meta: clause('第七條5', '影响降到最低'),
          },
          RELAPSE: {
            target: '#neixiang-2017.phase.response.following',
            meta: clause('第七條4', '防止事态反复'),
          },
        },
      },
    },
  } as const
}
