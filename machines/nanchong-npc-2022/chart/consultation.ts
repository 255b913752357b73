/** 三(三) 会商研判: 市网信办's opinion and the final measures; a stance may go out first. */
import { not } from 'xstate'
import { clause } from '../../vocabulary.js'
import { step, type Version } from './helpers.js'
import { laterOf, measures } from './response.js'

export function consultation(version: Version) {
  const later = laterOf(version)
  return {
    meta: clause('三(三)、二(三)2', '会商研判：研究处置办法，审定发布内容及方式'),
    on: {
      ...measures,
      // 第一时间表态性回应: a signed-off stance may go out before the measures are final.
      STANCE: later.STANCE,
      MARK_COMPLEX: {
        guard: not('isComplex'),
        actions: step('complex'),
        meta: clause('三(四)1', '认定为网络广泛关注、情况复杂的舆情'),
      },
      START_RESPONSE: {
        target: 'response',
        guard: 'measuresFinal',
        meta: clause('三(四)', '按研判会意见开展处置'),
      },
    },
  } as const
}
