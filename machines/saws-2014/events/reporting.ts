/**
 * 五(一)、五(二) reporting: the monitoring division's report to 人事司(宣教办), an accident
 * just happened and the duty room, the activation, the special report, the notice to the
 * units and both leaders' 批示.
 */
import { z } from 'zod'
import { fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { RECIPIENT_LABELS } from '../rules.js'
import { spec, text } from './helpers.js'

export const reporting: EventSpec[] = [
  spec({
    type: 'REPORT',
    label: '报送人事司(宣教办)',
    roles: ['monitor'],
    meta: clause('五(一)1、五(一)2、五(一)3、五(二)', '舆情处按等级报送人事司(宣教办)'),
    schema: z
      .object({
        to: z
          .array(z.enum(['office']))
          .min(1)
          .describe(`报送对象（office=${RECIPIENT_LABELS.office}）`),
        channel: z
          .enum(['bulletin', 'phone', 'written'])
          .describe('报送方式（bulletin=舆情动态，phone=电话，written=书面）'),
        summary: text('舆情概况').optional(),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'NOTE_ACCIDENT',
    label: '记录舆情所涉刚发生的生产安全事故',
    roles: ['monitor'],
    meta: clause('五(一)4', '舆情处发现刚发生的较大以上生产安全事故'),
    schema: z
      .object({
        grade: z.enum(['large', 'major', 'critical']).describe('事故等级（较大、重大、特别重大）'),
        accident: text('事故概况'),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'NOTIFY_DUTY_ROOM',
    label: '通知总局总值班室',
    roles: ['monitor'],
    meta: clause('五(一)4', '立即通知总局总值班室'),
  }),
  spec({
    type: 'ACTIVATE_PLAN',
    label: '启动舆情应急预案',
    roles: ['monitor', 'office'],
    meta: clause('五(一)3', '同时启动舆情应急预案'),
  }),
  spec({
    type: 'SUBMIT_SPECIAL_REPORT',
    label: '报送舆情专报',
    roles: ['office'],
    meta: clause('五(一)3', '舆情专报经人事司(宣教办)报总局主要领导和分管领导'),
    schema: z
      .object({
        to: z
          .array(z.enum(['principal', 'leader']))
          .min(1)
          .describe(`报送对象（principal=${RECIPIENT_LABELS.principal}，leader=${RECIPIENT_LABELS.leader}）`),
        content: text('专报内容', 20000),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'NOTIFY_UNITS',
    label: '通报相关单位',
    roles: ['office'],
    meta: clause('五(一)3', '需要其他单位配合支持的，同时通报相关单位'),
    schema: z
      .object({ units: z.array(text('单位', 200)).min(1).max(50).describe('通报单位'), note: fields.note })
      .strict(),
  }),
  spec({
    type: 'PRINCIPAL_INSTRUCT',
    label: '主要领导批示',
    roles: ['principal'],
    meta: clause('五(一)3', '总局主要领导批示舆情专报'),
    schema: z.object({ instruction: text('批示内容') }).strict(),
  }),
  spec({
    type: 'LEADER_INSTRUCT',
    label: '分管领导批示',
    roles: ['leader'],
    meta: clause('五(一)3', '总局分管领导批示舆情专报'),
    schema: z.object({ instruction: text('批示内容') }).strict(),
  }),
]
