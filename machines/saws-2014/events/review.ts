/** 六 follow-up: a relapse, tracking, guiding, keeping in touch and the summary that closes it. */
import { z } from 'zod'
import { fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { spec, text } from './helpers.js'

export const review: EventSpec[] = [
  spec({
    type: 'RELAPSE',
    label: '舆情反复',
    roles: ['monitor', 'office'],
    meta: clause('六(一)、六(二)', '继续跟踪发现舆情反复，重新回应'),
    schema: z.object({ reason: fields.reason }).strict(),
  }),
  spec({
    type: 'TRACK',
    label: '继续跟踪',
    roles: ['monitor'],
    meta: clause('六(一)', '向人事司(宣教办)汇总报告网民对回复提出的质疑'),
    schema: z.object({ doubts: text('网民质疑').optional(), note: fields.note }).strict(),
  }),
  spec({
    type: 'GUIDE',
    label: '继续引导',
    roles: ['office'],
    meta: clause('六(二)', '研究后续回应意见，正面引导'),
  }),
  spec({
    type: 'KEEP_TALKING',
    label: '继续沟通',
    roles: ['unit'],
    meta: clause('六(三)', '保持与首发信息人的沟通'),
  }),
  spec({
    type: 'SUMMARISE',
    label: '总结评估',
    roles: ['office'],
    meta: clause('六(四)', '总结处置情况、经验教训，提出改进工作意见'),
    schema: z
      .object({ summary: text('总结评估', 20000), improvements: text('改进工作意见', 20000).optional() })
      .strict(),
  }),
]
