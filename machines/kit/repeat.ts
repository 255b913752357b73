/**
 * The ledger's repeat check. The ledger runs after every transition an event takes, so an
 * event the chart follows with automatic moves (eventless `always`) is tracked again in the
 * same step: that run records no new act, begins nothing again, and (`dischargeOne`) resolves
 * no further instance — the event met its one already. Pure.
 */
import { actFields } from './begin.js'
import type { LedgerOptions } from './options.js'
import type { IncidentContext, IncidentEvent } from './types.js'

/**
 * Whether `event` is the last act run again. Option `repeats: 'sameEvent'`: only when that act
 * was recorded from this very event object (its fields are the object `actFields` keeps for
 * the event; XState hands the automatic moves of one step the same event object), so two
 * events alike at one instant are two acts. Absent: when the last act has the event's type,
 * instant and act fields (two such events count as one: versions before the option).
 */
export function repeatOfLast(ctx: IncidentContext, event: IncidentEvent, options?: LedgerOptions): boolean {
  const last = ctx.acts.at(-1)
  if (last === undefined || last.type !== event.type) return false
  const fields = actFields(event)
  if (options?.repeats === 'sameEvent') return last.fields === fields
  return last.at === event.at && JSON.stringify(last.fields) === JSON.stringify(fields)
}
