/**
 * The context of a version 8 incident as version 9 reads it (`migratesFrom: { from: 8 }`): the
 * ledger mark keeps the spread facts it saw (三第二步, rules/version9.ts: `report:group`'s
 * `again.factsTurned`), so that a fact turning true after the migration owes its report, and one
 * already true at the migration owes none (version 8 owed none for it; a report owed after the
 * fact would breach for a time no one was told of). What else changes is the kit's rederive
 * under version 9's rules. Pure.
 */
import type { IncidentContext } from '../../kit/types.js'

const SPREAD_FACTS = ['crossRegion', 'foreignMedia'] as const

export function contextFromV8(old: IncidentContext): IncidentContext {
  const facts: Record<string, unknown> = {}
  for (const f of SPREAD_FACTS) if (old.facts[f] !== undefined) facts[f] = old.facts[f]
  return { ...old, ledger: { ...old.ledger, facts } }
}
