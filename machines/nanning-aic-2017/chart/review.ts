/** 四(五)、三(一) 回顾总结: the review closes the incident. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { relapse, step } from './helpers.js'

export const review = {
  meta: clause('四(五)、三(一)', '回顾总结'),
  initial: 'reviewing',
  states: {
    reviewing: {
      meta: clause('四(五)、三(一)', '回顾总结，改进工作，提出处理意见'),
      on: {
        REVIEW: {
          target: `#${PLAN_ID}.phase.closed`,
          actions: step('review'),
          meta: clause('四(五)、三(一)', '完成回顾总结'),
        },
        RELAPSE: relapse,
      },
    },
  },
} as const
