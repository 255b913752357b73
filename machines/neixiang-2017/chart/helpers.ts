/**
 * What the chart's files share: the guards' arguments, the drafts an event names, 宣传部's
 * approval of a draft, a release's guard and actions, the plan versions.
 */
import { and } from 'xstate'
import type { Draft, IncidentContext, IncidentEvent } from '../../kit/types.js'
import { LEAD_APPROVAL, POLITICAL_MASS } from '../rules.js'

export type Args = { context: IncidentContext; event: IncidentEvent }

/**
 * The draft an event names; asked without one (allowedEvents: "is this possible now?"),
 * every draft is a candidate.
 */
export const draftsOf = ({ context, event }: Args) =>
  typeof event.draftId === 'string' ? context.drafts.filter((d) => d.id === event.draftId) : context.drafts
/** 第二條4: outside a political or mass incident nothing; in one, 县委宣传部 approved the draft. */
export const leadApproved = (context: IncidentContext, d: Draft) =>
  context.category !== POLITICAL_MASS || d.approvals.some((a) => a.code === LEAD_APPROVAL.code)
export const releaseActions = ['release', { type: 'completeStep', params: { step: 'release' } }] as const

/** A draft of `purpose` may be published (the `releasable` guard). */
export const publishable = (purpose: string) => ({ type: 'releasable', params: { purpose } }) as const
/**
 * A release: the named draft, approved for the grade (第七條3) and, in a 第二條4 case, by 宣传部.
 * `stancePurpose` is the stance rule's draft purpose (version 3 on; none in version 2, where
 * the stance is a step and there is one kind of draft).
 */
export const releaseGuardOf = (stancePurpose: string | undefined) =>
  stancePurpose === undefined
    ? and(['isOpen', 'freshDraft', 'sourceKnown', 'approvalsComplete', 'ledByPropaganda'])
    : and(['isOpen', 'sourceKnown', publishable('release')])

/** The plan versions this chart serves. */
export type Version = 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13
