/** 第四條 报告: reported, it is handled alongside until the group convenes (第三條4). */
import type { Condition } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import type { Version } from './helpers.js'

/**
 * Version 8: the group convenes once it has the report (第四條 第一时间向领导小组汇报) or has
 * waived it (the project's reading of rule 2, which says who may waive and that a waived
 * breach stays breached: a waiver by someone entitled settles the duty, and the group that
 * waives the report to itself has what it needs to convene). Up to version 7 a
 * waived report:group#1 left CONVENE refused for good. Version 9 asks it in discovery too
 * (discovery.ts).
 */
export const reportedOrWaived: Condition = {
  any: [{ act: 'REPORT', fields: { to: ['group'] } }, { settled: 'report:group' }],
}

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
          CONVENE:
            version >= 8
              ? ({
                  target: '#neixiang-2017.phase.consultation',
                  guard: { type: 'holds', params: { when: reportedOrWaived } },
                  // Version 9 names the waiver's local policy beside the clause, as its
                  // discovery CONVENE does; version 8's meta stays as it was released.
                  meta:
                    version >= 9
                      ? {
                          ...clause('第四條、第三條4', '领导小组已获汇报（或已免除向其汇报），研判'),
                          policy:
                            '已免除的：本办法未规定免除；本地政策：向领导小组的汇报（第四條）已由领导小组免除，领导小组即可研判、审定处置预案（第三條4）',
                        }
                      : clause('第三條4', '领导小组已获汇报（或已免除向其汇报），研判'),
                } as const)
              : ({
                  target: '#neixiang-2017.phase.consultation',
                  guard: {
                    type: 'holds',
                    params: { when: { act: 'REPORT', fields: { to: ['group'] } } },
                  },
                  meta: clause('第三條4', '领导小组已获汇报，研判'),
                } as const),
        },
      },
    },
  } as const
}
