/**
 * The toy plan's description (see ../toy-plan.ts): id, grades, approvals, waivers and the
 * events it accepts, with who may send each, its clause and its payload schema.
 */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../../../machines/kit/kit.js'
import type { PlanDefinition } from '../../../machines/kit/types.js'
import { clause, policy } from '../../../machines/vocabulary.js'
import { approvalsTable, common } from './rules.js'

const schema = (shape: z.ZodRawShape = {}) => z.object({ ...shape, note: fields.note }).strict()
const grades = ['general', 'major', 'critical'] as const

export const planData: Omit<PlanDefinition, 'machine' | 'version' | 'obligations'> = {
  id: 'toy',
  title: '测试预案',
  issuer: '测试',
  severities: grades.map((code) => ({ code, label: code })),
  hasCriteria: false,
  classify: () => ({ severity: null, rule: '人工定级' }),
  approvals: approvalsTable,
  waivers: { roles: common.waive.roles, clause: null, policy: common.waive.meta.policy },
  events: [
    ...commonEventSpecs(common, grades),
    {
      type: 'CLASSIFY',
      label: '定级',
      roles: ['office'],
      meta: clause('1', '定级'),
      schema: schema({ severity: z.enum(grades) }),
    },
    {
      type: 'REPORT',
      label: '报告',
      roles: ['monitor', 'office', 'group'],
      meta: clause('2', '报告'),
      schema: schema({ to: fields.to }),
    },
    {
      type: 'ANSWER',
      label: '答复',
      roles: ['unit'],
      meta: clause('3', '答复'),
      schema: schema({ content: fields.content }),
    },
    { type: 'CONVENE', label: '会商', roles: ['group'], meta: clause('3', '会商'), schema: schema() },
    {
      type: 'REVIEW_DRAFT',
      label: '审核',
      roles: ['unit'],
      meta: clause('4', '审核'),
      schema: schema({ draftId: fields.draftId }),
    },
    {
      type: 'APPROVE',
      label: '审定',
      roles: ['leader', 'group'],
      meta: clause('4', '审定'),
      schema: schema({ draftId: fields.draftId }),
    },
    {
      type: 'RELEASE',
      label: '发布',
      roles: ['office'],
      meta: clause('4', '发布'),
      schema: schema({ draftId: fields.draftId }),
    },
    { type: 'SUBSIDE', label: '平息', roles: ['office'], meta: clause('4', '平息'), schema: schema() },
    { type: 'RELAPSE', label: '反复', roles: ['office'], meta: clause('4', '反复'), schema: schema() },
    { type: 'FINISH', label: '处置结束', roles: ['office'], meta: clause('5', '处置结束'), schema: schema() },
    {
      type: 'REVIEW',
      label: '总结评估',
      roles: ['office'],
      meta: clause('5', '总结'),
      schema: schema({ summary: fields.content }),
    },
    { type: 'CLOSE', label: '结案', roles: ['group'], meta: policy('结案', '结案'), schema: schema() },
  ],
  clauses: [],
}
