/** 三(六) 后期处置: after it subsides, the trend is watched until the review starts. */
import { clause } from '../../vocabulary.js'
import { relapse, step, type Version } from './helpers.js'
import { laterOf } from './response.js'

export function disposal(version: Version) {
  return {
    meta: clause('三(六)', '后期处置：关注舆情趋势'),
    on: {
      ...laterOf(version),
      WATCH_TREND: { actions: step('trendWatch'), meta: clause('三(六)', '关注舆情趋势') },
      START_REVIEW: { target: 'review', meta: clause('三(六)', '组织有关单位总结评估') },
      RELAPSE: relapse,
    },
  } as const
}
