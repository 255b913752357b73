/**
 * A small plan that exercises every part of the obligations kit, for the kit's and
 * the engine's own tests (the five real plans have their own suites): a report per
 * recipient with a rise that owes a new report (续报), an upper report owed level by
 * level, an answer owed for one category, approvals bound to drafts in order (the
 * second separated from the author), a release, a decision, and a review.
 *
 * The plan is made here from its parts in toy-plan/: rules.ts (obligations, approvals, the
 * escalation), machine.ts (the chart) and plan-data.ts (id, grades, events).
 */
import { createKit } from '../../machines/kit/kit.js'
import type { KitOptions } from '../../machines/kit/options.js'
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import { toyMachineOf } from './toy-plan/machine.js'
import { planData } from './toy-plan/plan-data.js'
import { approvalsTable, escalation, toyRules } from './toy-plan/rules.js'

export { toyRules }

/**
 * The toy plan at `version`, owing `extra` obligations besides its own (a later release
 * of it), with the kit `options` it opts into (kit/options.ts).
 */
export function makeToyPlan(
  version = 1,
  extra: readonly ObligationRule[] = [],
  options?: KitOptions,
): PlanDefinition {
  const obligations = [...toyRules, ...extra]
  const kit = createKit({
    classify: () => ({ severity: null, rule: '人工定级' }),
    obligations,
    approvals: approvalsTable,
    escalation,
    ...(options ? { options } : {}),
  })
  return { ...planData, version, obligations, machine: toyMachineOf(kit) }
}

export const toyPlan: PlanDefinition = makeToyPlan()

/** A later toy version that opts into both kit options of plan version 5 (kit/options.ts). */
export const toyPlanStrict: PlanDefinition = makeToyPlan(5, [], {
  waiveApprovals: false,
  supersededDrafts: 'refused',
})

/** A registry that serves the toy plan (and nothing else), for the engine's own tests. */
export const toyRegistry = {
  getPlan: (id: string, version?: number) =>
    id === toyPlan.id && (version === undefined || version === toyPlan.version) ? toyPlan : undefined,
}
