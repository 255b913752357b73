/**
 * 南宁市工商局突发事件舆情应对预案 (南宁市工商行政管理局, 2017-12-29). Clause references
 * use the text's own numbering (四(二), 三(二)1, 五(二)). See ../shared/seeds/nanning-aic-2017.txt.
 * Version 3: an initial response begun by a category set late, after its three working
 * hours from knownAt passed, counts from the category (no breach the moment it begins),
 * and a draft is never published twice (再次发布须为新稿并重新审批, as the relapse says).
 * Version 2 (obligations, OBLIGATIONS.md, replacing the deadline regions of version 1)
 * stays for the incidents opened on it, which move to version 3 by migration.
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { machine, machineV2, obligations, obligationsV2 } from './machine.js'
import { approvals, classify, PLAN_ID, severities, waivers } from './rules.js'

export { clauses } from './clauses.js'
export { machine } from './machine.js'
export * from './rules.js'

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '南宁市工商局突发事件舆情应对预案',
  issuer: '南宁市工商行政管理局',
  severities,
  hasCriteria: true,
  classify,
  obligations: obligationsV2,
  approvals,
  waivers,
  events,
  clauses,
  machine: machineV2,
}

export const plan: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations,
  machine,
  migratesFrom: { from: 2 },
}
