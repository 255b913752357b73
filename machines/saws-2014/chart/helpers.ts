/** What the chart's files share: the phase region's id, the plan versions, and the guard and action references they name. */
import { owedBesides } from '../../kit/kit.js'
import type { IncidentContext, IncidentEvent } from '../../kit/types.js'
import { PLAN_ID, type Purpose, type Route } from '../rules.js'

export type Args = { context: IncidentContext; event: IncidentEvent }
/** Nothing owed of `rules` but what this event itself discharges. */
export const clear = ({ context, event }: Args, rules: readonly string[]) =>
  owedBesides(context, event, rules).length === 0

export const ID = `#${PLAN_ID}.phase`
export const step = (name: string) => ({ type: 'completeStep' as const, params: { step: name } })
export const routeIs = (route: Route) => ({ type: 'routeIs' as const, params: { route } })
/**
 * The public step of a draft of `purpose`; `fresh` (version 5): of a draft not published
 * before (a text is published once; a new answer is a new draft, 六(一)、六(二), rule 8).
 */
export const publicStep = (purpose: Purpose, fresh = false) => ({
  type: 'publicStepAllowed' as const,
  params: fresh ? { purpose, unpublished: true } : { purpose },
})
export const owes = (rule: string) => ({ type: 'owes' as const, params: { rule } })
/** The latest instance of `rule` is met, met late or waived: nothing of it is owed now. */
export const settled = (rule: string) => ({ type: 'holds' as const, params: { when: { settled: rule } } })

/**
 * Who may convene (version 4: below 重大 only 人事司; version 6: nor the leader while 人事司's
 * notice to the unit, 五(一)1, is owed: a CONVENE meets it whoever sends it).
 */
export const convener = (version: Version) =>
  version >= 6 ? ('convenerEntitledV6' as const) : ('convenerEntitled' as const)

/** The plan versions this chart serves. */
export type Version = 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13
