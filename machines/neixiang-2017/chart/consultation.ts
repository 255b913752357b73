/**
 * 第三條4 the group settles the handling and what is to be said; 第五條 the response starts
 * once the line is agreed (straight to following when the facts are already out).
 */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'

/** `stancePurpose`: the stance rule's draft purpose (version 3 on), none in version 2. */
export function consultation(stancePurpose: string | undefined) {
  const released = { type: 'holds', params: { when: { act: 'RELEASE' } } } as const
  /** 第三條4 / 第五條: the line is agreed (version 3: on a draft of the release, not the stance's). */
  const lineAgreed = { type: 'responseReady', params: { purpose: 'release' } } as const
  const responseReady = stancePurpose === undefined ? ('responseReady' as const) : lineAgreed
  const readyAndReleased =
    stancePurpose === undefined ? and(['responseReady', released]) : and([lineAgreed, released])
  return {
    meta: clause('第三條4', '领导小组审定处置预案'),
    initial: 'deciding',
    states: {
      deciding: {
        meta: clause('第三條4', '审定处置预案、确定宣传报道内容'),
        on: {
          HANDLE_EARLY: {
            actions: { type: 'completeStep', params: { step: 'earlyHandling' } },
            meta: clause('第四條', '研判期间继续及时处理'),
          },
          START_RESPONSE: [
            {
              target: '#neixiang-2017.phase.response.following',
              guard: readyAndReleased,
              meta: clause('第五條', '启动响应机制（已公布事实）'),
            },
            {
              target: '#neixiang-2017.phase.response',
              guard: responseReady,
              meta: clause('第五條', '启动响应机制'),
            },
          ],
        },
      },
    },
  } as const
}
