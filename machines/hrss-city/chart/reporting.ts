/** 三第三步 快报事实: reported, the measures are consulted on. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'

export const reporting = {
  meta: clause('三第三步', '快报事实'),
  initial: 'reported',
  states: {
    reported: {
      meta: clause('三第三步', '舆情上报真实、客观'),
      on: {
        CONVENE: {
          target: `#${PLAN_ID}.phase.consultation`,
          meta: clause('三第三步', '上报后会商措施'),
        },
      },
    },
  },
} as const
