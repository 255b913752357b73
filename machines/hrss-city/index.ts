/**
 * 舆情应急预案 of a city human-resources and social-security bureau (effective 4-13,
 * year redacted). Clause references use the text's own numbering: `一(二)`, `二2`,
 * `三第三步` (三 舆情响应程序, 第三步), `四(二)`, `五(三)3`, `六`.
 * See ../shared/seeds/hrss-city.txt (the first document in that file).
 * Layout: rules.ts (grades, obligations, approvals, roles as data), machine.ts (the chart),
 * events.ts (payload schemas), clauses.ts (the numbered items of the text).
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { machine } from './machine.js'
import { approvals, classify, GRADES, obligations, PLAN_ID, waivers } from './rules.js'

export { machine, PLAN_ID }

export const plan: PlanDefinition = {
  id: PLAN_ID,
  // 2: obligations (OBLIGATIONS.md) and the second reading of PLANS.md.
  version: 2,
  title: '舆情应急预案（市人力资源和社会保障局）',
  issuer: '某市人力资源和社会保障局',
  severities: GRADES,
  hasCriteria: false,
  classify,
  obligations,
  approvals,
  waivers,
  events,
  clauses,
  machine,
}
