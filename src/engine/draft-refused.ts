/**
 * Why the draft an event names stops it (README "Errors": a 409's `draft`), for refusalDetail:
 * a withdrawn draft is named as withdrawn — when, by whom, why — where the event would be taken
 * were the draft not withdrawn (its missing approvals given), so the refusal does not send the
 * reader to approvals or conditions the draft had. No plan is named here.
 */
import type { AnyMachineSnapshot } from 'xstate'
import { missingApprovalsOf } from '../../machines/kit/drafts.js'
import type { Draft, IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import type { DraftRefused, RefusalDetail } from '../errors.js'

/** The refusal detail for `draft`, `why` and the words of `reason`. */
export const draftRefused = (
  reason: string,
  draft: Omit<DraftRefused, 'id'> & { id: string },
): RefusalDetail => ({ reason, draft })

/**
 * `draft` was withdrawn and the event would be taken were it not (and given the approvals it
 * lacks): the withdrawal, with its time, who and why. null otherwise.
 */
export function withdrawnDraft(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  event: IncidentEvent,
  ctx: IncidentContext,
  draft: Draft,
): RefusalDetail | null {
  const w = draft.withdrawn
  if (w === null) return null
  const current: Draft = { ...draft, withdrawn: null }
  const given = missingApprovalsOf(plan.approvals, ctx, current).map((a) => ({
    code: a.code,
    by: event.actor,
    at: event.at,
  }))
  const restored = (approve: boolean): IncidentContext => ({
    ...ctx,
    drafts: ctx.drafts.map((d) =>
      d === draft ? { ...current, approvals: approve ? [...d.approvals, ...given] : d.approvals } : d,
    ),
  })
  const taken = (c: IncidentContext) => plan.machine.resolveState({ value: s.value, context: c }).can(event)
  if (!taken(restored(false)) && !taken(restored(true))) return null
  return draftRefused(
    `draft ${draft.id} was withdrawn (${w.at}, by ${w.by.name}: ${w.reason}): a text to publish is a new draft (DRAFT), approved anew`,
    { id: draft.id, why: 'withdrawn', at: w.at, by: w.by.name, reason: w.reason },
  )
}
