/** 第四條 发现: found, the incident is reported to the group. */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'

export const discovery = {
  meta: clause('第四條', '发现'),
  initial: 'found',
  states: {
    found: {
      meta: clause('第四條', '已发现，待汇报'),
      on: {
        REPORT: {
          target: '#neixiang-2017.phase.reporting',
          guard: and(['isOpen', 'reportsOwnRecipients']),
          actions: 'recordReport',
          meta: clause('第四條', '第一时间向领导小组汇报并提出处置建议'),
        },
      },
    },
  },
} as const
