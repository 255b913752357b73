/**
 * Quotes every deadline rule of a plan for one event: the due time counted from the
 * rule's own anchor and from the event's time. The machine picks the quote of a rule
 * when the rule starts; the journal keeps the quotes, so a replay never recomputes
 * a due time with a calendar that may since have changed.
 */
import type { DeadlineRule, Quotes } from '../../machines/kit/types.js'
import type { Calendar } from '../calendar/index.js'

export interface Anchors {
  discoveredAt: string
  knownAt: string
  occurredAt: string
}

export function quoteRules(
  rules: readonly DeadlineRule[],
  calendar: Pick<Calendar, 'addDuration'>,
  anchors: Anchors,
  eventAt: string,
): Quotes {
  const quotes: Quotes = {}
  const quote = (from: string, rule: DeadlineRule) => {
    const due = calendar.addDuration(new Date(from), rule.amount, rule.unit)
    return { dueAt: due.at.toISOString(), certain: due.certain }
  }
  for (const rule of rules) {
    const own = rule.anchor === 'event' ? eventAt : anchors[rule.anchor]
    quotes[rule.id] = quote(own, rule)
    quotes[`${rule.id}@event`] = quote(eventAt, rule)
  }
  return quotes
}
