/** 四(三)、三(一) 评估与决策: the group decides the measures, or (一般) no public response. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { read, step } from './helpers.js'

export const consultation = {
  meta: clause('四(三)、三(一)', '评估与决策'),
  initial: 'deciding',
  states: {
    deciding: {
      meta: clause('三(一)', '领导小组查清真相、确定性质、决定处置措施'),
      on: {
        DECIDE_MEASURES: {
          target: `#${PLAN_ID}.phase.response`,
          actions: step('measures'),
          meta: clause('三(一)', '领导小组决定处置措施'),
        },
        DECIDE_NO_RESPONSE: {
          target: `#${PLAN_ID}.phase.response.following`,
          guard: { type: 'severityBelow', params: { min: 'major' } },
          actions: step('noResponse'),
          meta: read(
            '四(三)、三(一)',
            '重大舆情须24小时内发布（五(二)），故仅一般舆情可决定不作公开回应、持续关注（本地政策）',
            '决定不作公开回应',
          ),
        },
      },
    },
  },
} as const
