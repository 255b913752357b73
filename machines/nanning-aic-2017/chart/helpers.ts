/** What the chart's files share: reading the context and the event, the step action, a release's guard, a relapse. */
import { and } from 'xstate'
import type { IncidentContext, IncidentEvent } from '../../kit/types.js'
import type { ClauseMeta } from '../../vocabulary.js'
import { PLAN_ID, RECIPIENTS, type Recipient } from '../rules.js'

export type Args = { context: IncidentContext; event: IncidentEvent }
export const open = (c: IncidentContext) => c.closedAt === null
export const acted = (c: IncidentContext, type: string) => c.acts.some((a) => a.type === type)
export const owedNow = (c: IncidentContext, rule: string) =>
  c.obligations.find((o) => o.rule === rule && o.status === 'owed')
export const recipients = (e: IncidentEvent): string[] =>
  Array.isArray(e.to) ? e.to.filter((x): x is string => typeof x === 'string') : []
export const isRecipient = (r: string): r is Recipient => (RECIPIENTS as readonly string[]).includes(r)

/** A clause that the machine applies with a local reading the text leaves open. */
export const read = (ref: string, why: string, label: string): ClauseMeta => ({
  clause: ref,
  policy: why,
  label,
})
export const step = (name: string) => ({ type: 'completeStep', params: { step: name } }) as const
/**
 * The named draft, of this purpose, carries every approval the grade requires (rule 8);
 * `unpublished` (version 3): and was not published already (再次发布须为新稿).
 */
export const releasesOf = (purpose: string, unpublished: boolean) =>
  and([
    'isOpen',
    {
      type: 'approvalsComplete',
      params: unpublished ? { purposes: [purpose], unpublished } : { purposes: [purpose] },
    },
  ])
export const relapse = {
  target: `#${PLAN_ID}.phase.response`,
  meta: read('四(四)', '事态反复回到处置；再次发布须为新稿并重新审批（本地政策）', '事态反复，重新处置'),
} as const

/** The plan versions this chart serves. */
export type Version = 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15
