/** 三(六)、二(三)7: the review (总结评估) closes the incident. */
import { clause } from '../../vocabulary.js'
import { relapse, step, type Version } from './helpers.js'
import { laterOf } from './response.js'

export function review(version: Version) {
  return {
    meta: clause('三(六)、二(三)7', '总结评估，表扬与责任追究，修改完善'),
    on: {
      ...laterOf(version),
      WATCH_TREND: { actions: step('trendWatch'), meta: clause('三(六)', '关注舆情趋势') },
      REVIEW: {
        target: 'closed',
        actions: step('review'),
        meta: clause('三(六)、二(三)7', '总结评估完成'),
      },
      RELAPSE: relapse,
    },
  } as const
}
