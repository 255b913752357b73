/**
 * The context of a version 8 incident as version 9 reads it (`migratesFrom: { from: 8 }`):
 * - 三第二步 (rules/version9.ts: `report:group`'s `again.factsTurned`): the ledger mark keeps the
 *   spread facts it saw, so that a fact turning true after the migration owes its report, and one
 *   already true at the migration owes none (version 8 owed none for it; a report owed after the
 *   fact would breach for a time no one was told of).
 * - 五(一)2 (rules/version9.ts `ROUND_THE_CLOCK_V9`, due 1 hour, policy): a monitoring owed on
 *   version 8 has no due time, and a due time is set once, when a duty begins (rule 9). So the
 *   migration withdraws it on the record (by who migrates, at the migration: "第9版起限时组织：重新
 *   起算"), and the kit's rederive begins a new one at the migration, due 1 hour after it — a new
 *   obligation counted from the migration, not a due time moved back to the mark (it cannot
 *   breach at once).
 * What else changes is the kit's rederive under version 9's rules. Pure.
 */
import type { IncidentContext, Obligation } from '../../kit/types.js'
import type { Actor } from '../../vocabulary.js'
import { ROUND_THE_CLOCK } from './versions.js'

const SPREAD_FACTS = ['crossRegion', 'foreignMedia'] as const
/** Why version 8's monitoring, owed with no due time, gives way to version 9's. */
export const ROUND_THE_CLOCK_RESTARTED = '第9版起限时组织：重新起算（五(一)2，自迁移时起 1 小时内组织到位）'

export function contextFromV8(
  old: IncidentContext,
  migration: { at: string; actor: Actor },
): IncidentContext {
  const facts: Record<string, unknown> = {}
  for (const f of SPREAD_FACTS) if (old.facts[f] !== undefined) facts[f] = old.facts[f]
  const obligations = old.obligations.map((o) => restarted(o, migration))
  return { ...old, obligations, ledger: { ...old.ledger, facts } }
}

/** Version 8's monitoring, owed with no due time: withdrawn, so version 9's begins at the migration. */
function restarted(o: Obligation, { at, actor }: { at: string; actor: Actor }): Obligation {
  if (o.rule !== ROUND_THE_CLOCK.id || o.status !== 'owed' || o.dueAt !== null) return o
  return { ...o, status: 'withdrawn', withdrawn: { by: actor, reason: ROUND_THE_CLOCK_RESTARTED, at } }
}
