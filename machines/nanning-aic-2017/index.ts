/**
 * 南宁市工商局突发事件舆情应对预案 (南宁市工商行政管理局, 2017-12-29). Clause references
 * use the text's own numbering (四(二), 三(二)1, 五(二)). See ../shared/seeds/nanning-aic-2017.txt.
 */
import type { PlanDefinition } from '../kit/types.js'
import { events } from './events.js'
import { machine } from './machine.js'
import { approvals, classify, clauses, deadlines, PLAN_ID, severities } from './rules.js'

export { machine } from './machine.js'
export * from './rules.js'

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 1,
  title: '南宁市工商局突发事件舆情应对预案',
  issuer: '南宁市工商行政管理局',
  severities,
  hasCriteria: true,
  classify,
  deadlines,
  approvals,
  events,
  clauses,
  machine,
}
