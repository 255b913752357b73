/** 五(三)1 消除不利消息: sites are asked to remove what is false, until the handling ends (六). */
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { relapse, type Version } from './helpers.js'

export function disposal(version: Version) {
  return {
    meta: clause('五(三)1', '消除不利消息'),
    initial: 'clearing',
    states: {
      clearing: {
        meta: clause('五(三)1', '与网络媒体沟通，消除不利消息'),
        on: {
          DISPOSAL_DONE: {
            target: `#${PLAN_ID}.phase.review`,
            meta: clause('六', '网络舆情引导处置结束'),
          },
          RELAPSE: relapse(version),
        },
      },
    },
  } as const
}
