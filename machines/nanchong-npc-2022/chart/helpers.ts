/** What the chart's files share: reading an event's fields and the ledger, the step action, the plan versions. */
import { owedBesides } from '../../kit/kit.js'
import { holds } from '../../kit/ledger.js'
import type { IncidentContext, IncidentEvent } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'

export type Args = { context: IncidentContext; event: IncidentEvent }
export const list = (event: IncidentEvent, field: string): string[] => {
  const v = event[field]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
export const str = (event: IncidentEvent, field: string): string | undefined =>
  typeof event[field] === 'string' ? (event[field] as string) : undefined
/** Nothing of these rules is owed, besides what `event` itself discharges. */
export const settled = (context: IncidentContext, event: IncidentEvent | undefined, ...rules: string[]) =>
  owedBesides(context, event, rules).length === 0
export const met = (context: IncidentContext, rule: string) => holds(context, { met: rule })
export const owes = (context: IncidentContext, rule: string) =>
  context.obligations.some((o) => o.rule === rule && o.status === 'owed')
export const did = (context: IncidentContext, type: string) => holds(context, { act: type })
/** A report reached `recipient` (whatever became of the duty to send it). */
export const told = (context: IncidentContext, recipient: string) =>
  holds(context, { act: 'REPORT', fields: { to: [recipient] } })
/** The group's sign-offs of draft `id` (二(三)2: each names the channel it fixed). */
export const signOffsOf = (context: IncidentContext, id: string) =>
  context.acts.filter((a) => a.type === 'SIGN_OFF' && a.fields.draftId === id)
export const roleIn = (event: IncidentEvent, roles: readonly string[]) => roles.includes(event.actor.role)

export const step = (name: string) => ({ type: 'completeStep' as const, params: { step: name } })
export const publish = (name: string) => ['release' as const, step(name)]

export type Version = 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14

/** 三(一): a relapse goes back to the response (from disposal or review). */
export const relapse = {
  target: 'response',
  actions: step('relapse'),
  meta: clause('三(一)', '舆情反复：继续监测、重新处置'),
}
