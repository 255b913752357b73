/** 三(一) 监测舆情: graded and reported to the group, or the group convenes at once. */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'
import { step } from './helpers.js'

export const discovery = {
  meta: clause('三(一)', '监测舆情：判断、筛选，记录出处并分类'),
  on: {
    CLASSIFY: {
      guard: 'isUnclassified',
      actions: 'setSeverity',
      meta: clause('三(一)', '分类定级'),
    },
    REPORT: {
      target: 'reporting',
      guard: and(['isClassified', 'mayReport', 'reportsToGroup']),
      actions: 'recordReport',
      meta: clause('三(二)', '第一时间（10分钟内）报告应急管理小组'),
    },
    CONVENE: {
      target: 'consultation',
      guard: 'groupHasReport',
      actions: step('meeting'),
      meta: clause('二(三)1、三(三)', '小组已收到报告：启动预案，召开分析研判会'),
    },
  },
} as const
