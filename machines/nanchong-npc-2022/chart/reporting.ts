/** 三(二) 快报事实: the group has the report; it convenes the analysis meeting. */
import { clause } from '../../vocabulary.js'
import { step } from './helpers.js'

export const reporting = {
  meta: clause('三(二)', '快报事实：小组已收到报告；较大及以上由小组逐级报送市网信办'),
  on: {
    CONVENE: {
      target: 'consultation',
      guard: 'groupHasReport',
      actions: step('meeting'),
      meta: clause('二(三)1、三(三)', '启动预案，召开网络舆情分析研判会'),
    },
  },
} as const
