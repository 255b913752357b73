/**
 * 南充市人大常委会机关网络舆情应急处置预案 (2022-08-05): the plan definition.
 * Version 3: after a rise the report to 市网信办 is owed once the group has the new grade's
 * report, and counts from then (逐级, OBLIGATIONS.md rule 7). Version 2 (obligations as
 * data, approvals bound to drafts, the second reading of PLANS.md) began it at the rise;
 * it stays for the incidents opened on it, which move to version 3 by migration (the same
 * states; nothing met, breached or due moves).
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { escalation, machine, machineV2 } from './machine.js'
import { approvals, classify, GRADE_LABELS, obligations, obligationsV2, PLAN_ID, waivers } from './rules.js'

export { machine, PLAN_ID }

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '南充市人大常委会机关网络舆情应急处置预案',
  issuer: '南充市人大常委会机关',
  severities: GRADE_LABELS,
  hasCriteria: false,
  classify,
  obligations: [...obligationsV2, escalation],
  approvals,
  waivers,
  events,
  clauses,
  machine: machineV2,
}

export const plan: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations: [...obligations, escalation],
  machine,
  migratesFrom: { from: 2 },
}
