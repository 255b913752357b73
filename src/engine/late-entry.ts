/**
 * An incident recorded after the fact (discovered, say, forty minutes before it is
 * opened): a deadline that had already passed when it was opened would fire at once, its
 * breach journaled before the duty team could record what they did offline meanwhile (a
 * phone report five minutes after discovery), and an event is never stamped before the
 * entry before it. So such a deadline's timer is held until `graceMs` after the opening:
 * a step recorded meanwhile with its own earlier time meets the obligation on time; if
 * it is still owed then, the breach is journaled: its `breachedAt` its own due time, as
 * always, its entry stamped then or at the entry before it if later (timers.ts fireIn),
 * and a step or waiver settling it meanwhile journals it first (breach-first.ts). A
 * due-soon warning whose time had passed when the incident was opened is not kept (it
 * would warn of what is already due). Timers due after the opening are left as they are.
 */
import type { PendingTimer } from '../store/timers.js'
import { iso } from './core.js'

const isWarning = (p: PendingTimer) => p.instance.includes('~w')

/** The timer rows to write for an incident opened at `createdAt`, given the rows its obligations want. */
export function lateEntryTimers(createdAt: string, graceMs: number) {
  if (graceMs <= 0) return (rows: PendingTimer[]) => rows
  const opened = Date.parse(createdAt)
  const until = iso(new Date(opened + graceMs))
  return (rows: PendingTimer[]): PendingTimer[] => {
    if (rows.every((p) => Date.parse(p.dueAt) > opened)) return rows
    return rows.flatMap((p) =>
      Date.parse(p.dueAt) > opened ? [p] : isWarning(p) ? [] : [{ ...p, dueAt: until }],
    )
  }
}
