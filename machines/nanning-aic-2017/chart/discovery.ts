/** 四(一) 发现: the finder keeps the evidence, then reports. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { step } from './helpers.js'

export const discovery = {
  meta: clause('四(一)', '发现'),
  initial: 'keepingEvidence',
  states: {
    keepingEvidence: {
      meta: clause('四(一)', '发现舆情，及时保存、固定证据'),
      on: {
        KEEP_EVIDENCE: {
          target: `#${PLAN_ID}.phase.reporting`,
          guard: 'isOpen',
          actions: step('evidence'),
          meta: clause('四(一)', '保存报纸文章、电视画面、广播声音、互联网网页，固定证据'),
        },
      },
    },
  },
} as const
