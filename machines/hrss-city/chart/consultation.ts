/** 三第三步、五(三)2 会商措施: who leads is settled by grade (四(一)–四(四)) before the response. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'

export const consultation = {
  meta: clause('三第三步、五(三)2', '会商措施'),
  initial: 'deciding',
  states: {
    deciding: {
      meta: clause('四(一)、四(二)、四(三)、四(四)', '分级响应：按级别确定领导和牵头'),
      on: {
        START_RESPONSE: {
          target: `#${PLAN_ID}.phase.response`,
          guard: 'whoLeadsSettled',
          meta: clause('四(一)、四(二)、四(三)、四(四)', '按分级响应开展应急工作'),
        },
      },
    },
  },
} as const
