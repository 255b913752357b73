/** 第四條 报告: reported, it is handled alongside until the group convenes (第三條4). */
import { clause } from '../../vocabulary.js'
import type { Version } from './helpers.js'

export function reporting(version: Version) {
  return {
    meta: clause('第四條', '报告'),
    initial: 'handlingAlongside',
    states: {
      handlingAlongside: {
        meta: clause('第四條', '报告的同时及时处理、组织跟帖、公布事实'),
        on: {
          // Version 7 takes HANDLE_EARLY in every open phase (any-phase-v7.ts).
          ...(version >= 7
            ? {}
            : ({
                HANDLE_EARLY: {
                  actions: { type: 'completeStep', params: { step: 'earlyHandling' } },
                  // Version 4: 公布事实 is public text, published by RELEASE of an approved draft.
                  meta: clause(
                    '第四條',
                    version >= 4 ? '及时处理、组织跟帖' : '及时处理、组织跟帖、公布事实',
                  ),
                },
              } as const)),
          CONVENE: {
            target: '#neixiang-2017.phase.consultation',
            guard: {
              type: 'holds',
              params: { when: { act: 'REPORT', fields: { to: ['group'] } } },
            },
            meta: clause('第三條4', '领导小组已获汇报，研判'),
          },
        },
      },
    },
  } as const
}
