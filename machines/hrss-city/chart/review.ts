/** 六 事后跟踪及总结: the review closes the incident. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { relapse, type Version } from './helpers.js'

export function review(version: Version) {
  return {
    meta: clause('六', '事后跟踪及总结'),
    initial: 'evaluating',
    states: {
      evaluating: {
        meta: clause('六', '持续关注舆情趋势，全面总结评估'),
        on: {
          REVIEW: {
            target: `#${PLAN_ID}.phase.closed`,
            actions: { type: 'completeStep', params: { step: 'review' } },
            meta: clause('六', '总结评估、责任考评、修改完善方案'),
          },
          RELAPSE: relapse(version),
        },
      },
    },
  } as const
}
