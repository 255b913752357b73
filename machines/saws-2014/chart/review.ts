/** 六 后续处理: the follow-up of 六(一)–(三), then 六(四)'s summary closes the incident. */
import { clause } from '../../vocabulary.js'
import { aftercare } from './disposal.js'
import { step, type Version } from './helpers.js'

export function review(version: Version) {
  return {
    meta: clause('六', '后续处理'),
    on: {
      ...aftercare(version),
      TRACK: {
        actions: step('followupTracking'),
        meta: clause('六(一)', '汇总报告网民对回复的质疑'),
      },
      GUIDE: {
        actions: step('followupGuidance'),
        meta: clause('六(二)', '研究后续回应意见，正面引导'),
      },
      KEEP_TALKING: {
        actions: step('posterDialogue'),
        meta: clause('六(三)', '保持与首发信息人的沟通'),
      },
      SUMMARISE: {
        target: 'closed',
        actions: step('review'),
        meta: clause('六(四)', '总结评估，提出改进工作意见'),
      },
      RELAPSE: { target: 'response', meta: clause('六(一)、六(二)', '舆情反复，重新回应') },
    },
  } as const
}
