/**
 * 南充市人大常委会机关网络舆情应急处置预案 (2022-08-05): the plan definition. Version 2:
 * obligations as data (rules.ts), approvals bound to drafts, the second reading of PLANS.md.
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { escalation, machine } from './machine.js'
import { approvals, classify, GRADE_LABELS, obligations, PLAN_ID, waivers } from './rules.js'

export { machine, PLAN_ID }

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '南充市人大常委会机关网络舆情应急处置预案',
  issuer: '南充市人大常委会机关',
  severities: GRADE_LABELS,
  hasCriteria: false,
  classify,
  obligations: [...obligations, escalation],
  approvals,
  waivers,
  events,
  clauses,
  machine,
}
