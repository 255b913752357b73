/**
 * Quotes every obligation rule of a plan that has a due time, for one event: the due
 * time counted from the rule's own anchor and from the event's time. The ledger picks
 * the quote of a rule when an obligation begins; the journal keeps the quotes, so a
 * replay never recomputes a due time with a calendar that may since have changed.
 *
 * `lazyQuotes` prices on demand: an event carries a quote book that computes a rule's
 * quote the first time the ledger asks for it, and the journal keeps exactly the quotes
 * that were asked (replay asks for the same ones, since it takes the same transitions).
 * Most events begin no obligation and so price nothing.
 */
import type { ObligationRule, Quotes } from '../../machines/kit/types.js'
import type { Calendar } from '../calendar/index.js'

export interface Anchors {
  discoveredAt: string
  knownAt: string
  occurredAt: string
}

function quoteOf(
  rule: ObligationRule,
  calendar: Pick<Calendar, 'addDuration'>,
  from: string,
): Quotes[string] | undefined {
  if (!rule.due) return undefined
  const d = calendar.addDuration(new Date(from), rule.due.amount, rule.due.unit)
  return { dueAt: d.at.toISOString(), certain: d.certain }
}

export function quoteRules(
  rules: readonly ObligationRule[],
  calendar: Pick<Calendar, 'addDuration'>,
  anchors: Anchors,
  eventAt: string,
): Quotes {
  const quotes: Quotes = {}
  for (const rule of rules) {
    if (!rule.due) continue
    const own = rule.due.anchor === 'start' ? eventAt : anchors[rule.due.anchor]
    const q = quoteOf(rule, calendar, own) as Quotes[string]
    quotes[rule.id] = q
    quotes[`${rule.id}@event`] = own === eventAt ? q : (quoteOf(rule, calendar, eventAt) as Quotes[string])
  }
  return quotes
}

/** A plan's rules by id, kept per rules list (a plan version's, asked with every event). */
const rulesById = new WeakMap<readonly ObligationRule[], Map<string, ObligationRule>>()
function byIdOf(rules: readonly ObligationRule[]): Map<string, ObligationRule> {
  let m = rulesById.get(rules)
  if (!m) {
    m = new Map(rules.map((r) => [r.id, r]))
    rulesById.set(rules, m)
  }
  return m
}

/**
 * A quote book priced on demand (see above): `quotes` reads like `quoteRules`' result,
 * `asked()` is what was read, the part the journal keeps.
 */
export function lazyQuotes(
  rules: readonly ObligationRule[],
  calendar: Pick<Calendar, 'addDuration'>,
  anchors: Anchors,
  eventAt: string,
): { quotes: Quotes; asked: () => Quotes } {
  const byId = byIdOf(rules)
  const asked: Quotes = {}
  const price = (key: string): Quotes[string] | undefined => {
    if (Object.hasOwn(asked, key)) return asked[key]
    const atEvent = key.endsWith('@event')
    const rule = byId.get(atEvent ? key.slice(0, -'@event'.length) : key)
    if (!rule?.due) return undefined
    const from = atEvent || rule.due.anchor === 'start' ? eventAt : anchors[rule.due.anchor]
    const q = quoteOf(rule, calendar, from)
    if (q) asked[key] = q
    return q
  }
  const quotes = new Proxy(asked, {
    get: (_t, key) => (typeof key === 'string' ? price(key) : undefined),
    has: (_t, key) => typeof key === 'string' && price(key) !== undefined,
  })
  return { quotes, asked: () => ({ ...asked }) }
}
