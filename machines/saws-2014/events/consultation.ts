/**
 * 五(三) consultation: convening, the proposal with its 定性, the approvals of 五(一)1–2 and
 * 五(三)2, the response meeting; version 4's approval of the proposal (五(一)2, 五(三)2).
 */
import { z } from 'zod'
import { fields } from '../../kit/kit.js'
import type { EventSpec } from '../../kit/types.js'
import { CategorySchema, clause } from '../../vocabulary.js'
import { published, spec, text } from './helpers.js'

export const consultation: EventSpec[] = [
  spec({
    type: 'CONVENE',
    label: '通知相关单位办理、组织会商',
    roles: ['office', 'leader'],
    meta: clause('五(一)1、五(三)2、五(三)3', '通知相关单位办理／组织会商／召开舆情应对会'),
  }),
  spec({
    type: 'PROPOSE',
    label: '定性并提出应对意见',
    roles: ['unit', 'office'],
    meta: clause('五(三)1、五(三)2、五(一)2', '研判风险，作出定性，提出应对意见'),
    schema: z
      .object({
        category: CategorySchema.describe('定性（涉事原因）'),
        proposal: text('应对意见'),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'APPROVE_ANSWER',
    label: '本单位负责人审定',
    roles: ['unit'],
    meta: clause('五(一)1', '经本单位负责人审定后答复'),
    schema: published,
  }),
  spec({
    type: 'LEADER_APPROVE',
    label: '分管领导批准',
    roles: ['leader'],
    meta: clause('五(一)2、五(三)2', '报总局分管领导批准（审定）后实施'),
    schema: published,
  }),
  spec({
    type: 'HOLD_MEETING',
    label: '召开舆情应对会',
    roles: ['leader'],
    meta: clause('五(三)3', '分管领导牵头召开舆情应对会，拟定应对方案'),
    schema: z.object({ plan: text('应对方案', 20000), note: fields.note }).strict(),
  }),
]

/** Version 4 only (events.ts `eventsV4`): the leader in charge approves the proposal at 较大 (五(一)2, 五(三)2). */
export const approveProposal: EventSpec = spec({
  type: 'APPROVE_PROPOSAL',
  label: '分管领导批准应急处置意见',
  roles: ['leader'],
  meta: clause('五(一)2、五(三)2', '应急处置意见报总局分管领导批准（审定）后实施'),
  schema: z.object({ note: fields.note }).strict(),
})
