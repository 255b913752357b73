/**
 * 五(四) response: starting it, the answer by category (an approved draft), solving,
 * investigating and publishing the result, takedowns, source control, commentators, the
 * police, the briefing of 五(一)2, and the subsiding.
 */
import { z } from 'zod'
import { fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { CHANNEL_LABELS, CHANNELS } from '../rules.js'
import { labelled, published, spec, text } from './helpers.js'

export const response: EventSpec[] = [
  spec({
    type: 'START_RESPONSE',
    label: '组织开展应对',
    roles: ['office', 'unit'],
    meta: clause('五(一)、五(三)', '审定、批准或批示后实施应对'),
  }),
  spec({
    type: 'RESPOND',
    label: '回应',
    roles: ['spokesperson', 'unit', 'office'],
    meta: clause('五(四)、四(一)', '按涉事原因回应，权威发布（发布已审定的稿件）'),
    schema: z
      .object({
        draftId: fields.draftId,
        channel: z.enum(CHANNELS).describe(`回应方式（${labelled(CHANNEL_LABELS)}）`),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'SOLVE_PROBLEM',
    label: '解决反映的问题',
    roles: ['unit'],
    meta: clause('五(四)2', '以解决反映的问题为重点'),
  }),
  spec({
    type: 'INVESTIGATE',
    label: '深挖线索、严查',
    roles: ['unit'],
    meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为'),
    schema: z.object({ findings: text('查处情况').optional(), note: fields.note }).strict(),
  }),
  spec({
    type: 'PUBLISH_RESULT',
    label: '公开处理结果',
    roles: ['unit', 'spokesperson'],
    meta: clause('五(四)2、五(四)3', '公开事实真相和处理结果（发布已审定的稿件）'),
    schema: published,
  }),
  spec({
    type: 'REQUEST_TAKEDOWN',
    label: '提请网站删除、覆盖',
    roles: ['office', 'unit'],
    meta: clause('四(三)、五(四)4', '提请有关网站对不实信息进行删除、覆盖'),
    schema: z
      .object({ sites: z.array(text('网站', 200)).min(1).max(50).describe('网站'), note: fields.note })
      .strict(),
  }),
  spec({
    type: 'CONTROL_SOURCE',
    label: '源头控制',
    roles: ['office', 'unit'],
    meta: clause('五(四)5', '从源头上控制信息的进一步传播'),
  }),
  spec({
    type: 'MOBILISE_COMMENTATORS',
    label: '组织专家、评论员发声',
    roles: ['office'],
    meta: clause('四(二)', '组织相关专家或网络评论员发出正面声音'),
  }),
  spec({
    type: 'REFER_TO_POLICE',
    label: '报请网络安全监察机关',
    roles: ['office', 'legal'],
    meta: clause('四(四)、五(五)2', '涉嫌违法犯罪的，报请网络安全监察机关依法处置'),
  }),
  spec({
    type: 'BRIEF_LEADERS',
    label: '简报总局领导',
    roles: ['office'],
    meta: clause('五(一)2', '应对情况以简报形式报总局领导'),
    schema: z.object({ content: text('简报内容', 20000) }).strict(),
  }),
  spec({
    type: 'SUBSIDE',
    label: '舆情平息',
    roles: ['monitor', 'office'],
    meta: clause('五(二)、五(五)', '跟踪监测直至舆情平息'),
  }),
]
