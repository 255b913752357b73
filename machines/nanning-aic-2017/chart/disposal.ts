/** 四(五) 后续: the handling has ended; the group decides whether to review. */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { relapse } from './helpers.js'

export const disposal = {
  meta: clause('四(五)', '后续：处置结束'),
  initial: 'handlingEnded',
  states: {
    handlingEnded: {
      meta: clause('四(五)', '处置工作视为结束，待领导小组决定是否回顾总结'),
      on: {
        DECIDE: {
          target: `#${PLAN_ID}.phase.review`,
          guard: and(['canDecide', 'ordersReview']),
          meta: clause('四(五)', '领导小组根据需要确定人员回顾总结'),
        },
        CLOSE: {
          target: `#${PLAN_ID}.phase.closed`,
          guard: 'reviewDeclined',
          meta: clause('四(五)', '领导小组决定不作回顾总结，处置工作结束'),
        },
        RELAPSE: relapse,
      },
    },
  },
} as const
