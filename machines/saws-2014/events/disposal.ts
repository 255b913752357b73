/** 五(五) disposal (善后): the first poster, local clearance, the legal statement, aftercare done. */
import { z } from 'zod'
import { fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { published, spec, text } from './helpers.js'

export const disposal: EventSpec[] = [
  spec({
    type: 'CONTACT_POSTER',
    label: '与网站或首发信息人沟通',
    roles: ['unit'],
    meta: clause('五(五)1', '了解发布原由，化解矛盾，促成主动删帖'),
  }),
  spec({
    type: 'LOCAL_CLEARANCE',
    label: '请当地部门协助清除',
    roles: ['unit', 'office'],
    meta: clause('五(五)2', '重大的恶意网络负面信息，请当地相关部门协助处理清除'),
    schema: z.object({ authority: text('协助部门', 200), note: fields.note }).strict(),
  }),
  spec({
    type: 'LEGAL_STATEMENT',
    label: '发表法律声明',
    roles: ['legal', 'unit'],
    meta: clause('五(五)2', '恶意诋毁的，发表法律声明，敦促删除不实信息（发布已审定的稿件）'),
    schema: published,
  }),
  spec({
    type: 'DISPOSAL_DONE',
    label: '善后完毕',
    roles: ['unit', 'office'],
    meta: clause('五(五)', '善后工作完成'),
  }),
]
