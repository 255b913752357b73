/**
 * 舆情应急预案 of a city human-resources and social-security bureau (effective 4-13,
 * year redacted). Clause references use the text's own numbering: `一(二)`, `二2`,
 * `三第三步` (三 舆情响应程序, 第三步), `四(二)`, `五(三)3`, `六`.
 * See ../shared/seeds/hrss-city.txt (the first document in that file).
 */
import { clauses } from './hrss-city/clauses.js'
import { events } from './hrss-city/events.js'
import { machine } from './hrss-city/machine.js'
import { approvals, classify, deadlines, GRADES, PLAN_ID } from './hrss-city/rules.js'
import type { PlanDefinition } from './kit/types.js'

export { machine, PLAN_ID }

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 1,
  title: '舆情应急预案（市人力资源和社会保障局）',
  issuer: '某市人力资源和社会保障局',
  severities: GRADES,
  hasCriteria: false,
  classify,
  deadlines,
  approvals,
  events,
  clauses,
  machine,
}
