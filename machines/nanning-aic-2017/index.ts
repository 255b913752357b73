/**
 * 南宁市工商局突发事件舆情应对预案 (南宁市工商行政管理局, 2017-12-29). Clause references
 * use the text's own numbering (四(二), 三(二)1, 五(二)). See ../shared/seeds/nanning-aic-2017.txt.
 * Version 2: obligations (OBLIGATIONS.md) replace the deadline regions of version 1.
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { machine, obligations } from './machine.js'
import { approvals, classify, PLAN_ID, severities, waivers } from './rules.js'

export { clauses } from './clauses.js'
export { machine } from './machine.js'
export * from './rules.js'

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '南宁市工商局突发事件舆情应对预案',
  issuer: '南宁市工商行政管理局',
  severities,
  hasCriteria: true,
  classify,
  obligations,
  approvals,
  waivers,
  events,
  clauses,
  machine,
}
