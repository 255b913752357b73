/**
 * Quotes every obligation rule of a plan that has a due time, for one event: the due
 * time counted from the rule's own anchor and from the event's time. The ledger picks
 * the quote of a rule when an obligation begins; the journal keeps the quotes, so a
 * replay never recomputes a due time with a calendar that may since have changed.
 */
import type { ObligationRule, Quotes } from '../../machines/kit/types.js'
import type { Calendar } from '../calendar/index.js'

export interface Anchors {
  discoveredAt: string
  knownAt: string
  occurredAt: string
}

export function quoteRules(
  rules: readonly ObligationRule[],
  calendar: Pick<Calendar, 'addDuration'>,
  anchors: Anchors,
  eventAt: string,
): Quotes {
  const quotes: Quotes = {}
  for (const rule of rules) {
    const due = rule.due
    if (!due) continue
    const quote = (from: string) => {
      const d = calendar.addDuration(new Date(from), due.amount, due.unit)
      return { dueAt: d.at.toISOString(), certain: d.certain }
    }
    const own = due.anchor === 'start' ? eventAt : anchors[due.anchor]
    quotes[rule.id] = quote(own)
    quotes[`${rule.id}@event`] = own === eventAt ? (quotes[rule.id] as Quotes[string]) : quote(eventAt)
  }
  return quotes
}
