/** 五(三) 会商措施: the consultation, until the response may start. */
import { clause } from '../../vocabulary.js'
import { step, type Version } from './helpers.js'

export const consultation = {
  meta: clause('五(三)', '会商措施：按级别会商，提出应对意见或拟定应对方案'),
  on: {
    START_RESPONSE: {
      target: 'response',
      guard: 'readyToRespond',
      actions: step('responseStarted'),
      meta: clause('五(一)1、五(一)2、五(一)3、五(三)', '审定、批准或批示后组织开展应对'),
    },
  },
} as const

/**
 * Version 7 (review finding 2): the consultation is where the 定性 is proposed (五(一)2、五(三)1–2;
 * 五(三)3 at 重大以上, where no proposal is owed), whether or not one is owed; elsewhere only
 * while it is owed (chart/any-phase.ts).
 */
export const consultationOf = (version: Version) =>
  version >= 7
    ? {
        ...consultation,
        on: {
          ...consultation.on,
          PROPOSE: {
            guard: 'isOpen' as const,
            actions: ['setCategory' as const, step('opinion')],
            meta: clause('五(一)2、五(三)1、五(三)2', '会商研判，作出定性，提出应对意见'),
          },
        },
      }
    : consultation
