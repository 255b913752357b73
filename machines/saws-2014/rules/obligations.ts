/**
 * Every obligation of the plan, as version 3 owes it (versions.ts derives versions 2 and 4
 * from it), by phase: obligations-reporting.ts (五(一)–五(三)), obligations-response.ts
 * (五(四)), obligations-aftercare.ts (五(五), 六). And the escalation a breach owes, which
 * every version adds.
 */
import { escalationRule } from '../../kit/kit.js'
import type { ObligationRule } from '../../kit/types.js'
import { aftercareObligations } from './obligations-aftercare.js'
import { reportingObligations } from './obligations-reporting.js'
import { responseObligations } from './obligations-response.js'
import { common } from './roles.js'

export const obligationRules: readonly ObligationRule[] = [
  ...reportingObligations,
  ...responseObligations,
  ...aftercareObligations,
]

export const escalation = escalationRule(common)
