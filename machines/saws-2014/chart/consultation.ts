/** 五(三) 会商措施: the consultation, until the response may start. */
import { clause } from '../../vocabulary.js'
import { step } from './helpers.js'

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
