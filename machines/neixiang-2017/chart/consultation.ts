/**
 * 第三條4 the group settles the handling and what is to be said; 第五條 the response starts
 * once the line is agreed (straight to following when the facts are already out).
 * Version 7: facts already released start the response whatever newer text is being drafted,
 * facts a mainstream release put out before the release was owed count (its `priorSteps`),
 * and a release the group waived frees it (rule 2).
 */
import { and } from 'xstate'
import { clause, policy } from '../../vocabulary.js'
import type { Version } from './helpers.js'

const FOLLOWING = '#neixiang-2017.phase.response.following'

/** `stancePurpose`: the stance rule's draft purpose (version 3 on), none in version 2. */
export function consultation(version: Version, stancePurpose: string | undefined) {
  const released = { type: 'holds', params: { when: { act: 'RELEASE' } } } as const
  // Version 7: or met by a mainstream release made before it was owed (rules/version7.ts `release`).
  const releasedV7 = {
    type: 'holds',
    params: { when: { any: [{ act: 'RELEASE' }, { met: 'release' }] } },
  } as const
  /** 第三條4 / 第五條: the line is agreed (version 3: on a draft of the release, not the stance's). */
  const lineAgreed = { type: 'responseReady', params: { purpose: 'release' } } as const
  const responseReady = stancePurpose === undefined ? ('responseReady' as const) : lineAgreed
  const readyAndReleased =
    stancePurpose === undefined ? and(['responseReady', released]) : and([lineAgreed, released])
  const start =
    version >= 7
      ? [
          // A release is published only with every approval (rule 8): the line was agreed on
          // it. A newer draft (a follow-up text) owes its own approvals, and does not hold
          // the response back (第五條 第一时间启动响应机制; version 6 refused it).
          { target: FOLLOWING, guard: releasedV7, meta: clause('第五條', '启动响应机制（已公布事实）') },
          {
            target: '#neixiang-2017.phase.response',
            guard: responseReady,
            meta: clause('第五條', '启动响应机制'),
          },
          {
            target: FOLLOWING,
            guard: { type: 'waived', params: { rule: 'release' } } as const,
            meta: policy(
              '发布已由领导小组免除：启动响应并转入跟踪引导（免除即放行，规则2；本地政策）',
              '发布已免除',
            ),
          },
        ]
      : [
          {
            target: FOLLOWING,
            guard: readyAndReleased,
            meta: clause('第五條', '启动响应机制（已公布事实）'),
          },
          {
            target: '#neixiang-2017.phase.response',
            guard: responseReady,
            meta: clause('第五條', '启动响应机制'),
          },
        ]
  return {
    meta: clause('第三條4', '领导小组审定处置预案'),
    initial: 'deciding',
    states: {
      deciding: {
        meta: clause('第三條4', '审定处置预案、确定宣传报道内容'),
        on: {
          // Version 7 takes HANDLE_EARLY in every open phase (any-phase-v7.ts).
          ...(version >= 7
            ? {}
            : ({
                HANDLE_EARLY: {
                  actions: { type: 'completeStep', params: { step: 'earlyHandling' } },
                  meta: clause('第四條', '研判期间继续及时处理'),
                },
              } as const)),
          START_RESPONSE: start,
        },
      },
    },
  } as const
}
