import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { machine } from './machine.js'
import { approvals, classify, deadlines, GRADE_LABELS, PLAN_ID } from './rules.js'

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 1,
  title: '南充市人大常委会机关网络舆情应急处置预案',
  issuer: '南充市人大常委会机关',
  severities: GRADE_LABELS,
  hasCriteria: false,
  classify,
  deadlines,
  approvals,
  events,
  clauses,
  machine,
}
