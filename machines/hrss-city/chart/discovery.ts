/** 三第一步 发现舆情: the monitor records the source and grades; 特重大 and 重大 are reported first. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'

export const discovery = {
  meta: clause('三第一步', '发现舆情'),
  initial: 'capturing',
  states: {
    capturing: {
      meta: clause('三第一步', '捕获相关信息，筛选舆情'),
      on: {
        RECORD_SOURCE: {
          target: 'grading',
          actions: { type: 'completeStep', params: { step: 'source' } },
          meta: clause('三第一步', '记录舆情出处'),
        },
      },
    },
    grading: {
      meta: clause('三第一步', '分类'),
      always: { guard: 'isClassified', target: 'found', meta: clause('三第一步', '已分类') },
      on: {
        CLASSIFY: {
          guard: 'isUnclassified',
          target: 'found',
          actions: 'setSeverity',
          meta: clause('三第一步', '分类定级'),
        },
      },
    },
    found: {
      meta: clause('三第一步', '已分类，特重大和重大先报、早报'),
      always: {
        guard: 'groupReported',
        target: `#${PLAN_ID}.phase.reporting`,
        meta: clause('三第三步', '已第一时间上报领导小组'),
      },
    },
  },
} as const
