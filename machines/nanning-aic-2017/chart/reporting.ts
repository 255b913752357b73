/** 四(二) 报告: reported level by level; the office assesses once it has the report. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { step } from './helpers.js'

export const reporting = {
  meta: clause('四(二)', '报告'),
  initial: 'upward',
  states: {
    upward: {
      meta: clause('四(二)', '逐级报告分管领导、主要领导，同时报送市局办公室'),
      on: {
        ASSESS: {
          target: `#${PLAN_ID}.phase.consultation`,
          guard: 'officeHasReport',
          actions: step('assessment'),
          meta: clause('四(三)、三(二)1', '办公室评估态势，对是否应对及应对程度提出意见'),
        },
      },
    },
  },
} as const
