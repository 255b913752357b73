/**
 * An event naming an obligation (`obligation`: WAIVE's, a `dischargeOne` step's) or a decision
 * (DECIDE's `decision`) that nothing could be: no rule of the incident's plan version makes it
 * and the incident has none by it (one a migration carried over from a rule the version dropped
 * still counts). Such a body fails validation (400 on the field, API.md "Errors"), as a value
 * outside an event's schema does: the rules are the plan's, published by `GET /plans/:planId`.
 * One of a rule that exists but is not owed now stays a matter of state (409: obligations.ts
 * refusalDetail). Pure.
 */
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { FieldError } from '../errors.js'

/** `<rule>#<n>`, or `<rule>:<draft>#<n>` for a rule bound to a draft (kit/begin.ts). */
const INSTANCE = /^(.+)#[1-9][0-9]*$/
const DRAFT = /^d[1-9][0-9]*$/

/** A rule of the version makes instances by this id. */
function madeByARule(plan: PlanDefinition, id: string): boolean {
  const base = INSTANCE.exec(id)?.[1]
  if (base === undefined) return false
  return plan.obligations.some(
    (r) => base === r.id || (base.startsWith(`${r.id}:`) && DRAFT.test(base.slice(r.id.length + 1))),
  )
}

/** The field errors of what `fields` name that nothing on this incident could be; empty when none. */
export function unknownReferences(
  plan: PlanDefinition,
  ctx: IncidentContext,
  type: string,
  fields: Readonly<Record<string, unknown>>,
): FieldError[] {
  const errors: FieldError[] = []
  const { obligation, decision } = fields
  if (
    typeof obligation === 'string' &&
    !ctx.obligations.some((o) => o.id === obligation) &&
    !madeByARule(plan, obligation)
  )
    errors.push({
      path: 'obligation',
      message: `${plan.id} version ${plan.version} has no obligation ${obligation}`,
      expected:
        'the id of one of the incident’s obligations, `<rule>#<n>` (GET /plans/:planId lists the rules)',
    })
  if (
    type === 'DECIDE' &&
    typeof decision === 'string' &&
    !plan.obligations.some((r) => r.id === decision && r.kind === 'decision') &&
    !ctx.obligations.some((o) => o.rule === decision && o.kind === 'decision')
  )
    errors.push({
      path: 'decision',
      message: `${plan.id} version ${plan.version} has no decision ${decision}`,
      expected:
        'the id of one of the plan’s decision rules (GET /plans/:planId: obligations of kind decision)',
    })
  return errors
}
