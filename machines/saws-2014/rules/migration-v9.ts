/**
 * Migration 9 → 10, the context as version 10 reads it (MigrationSpec `context`). Version 10 owes
 * 三's 协调跟踪办理 again when the monitoring turns the fact `coalOrLocalBureau` true after the duty was
 * waived (rules/version10.ts, kit `again.factsTurned`), a turn judged against the fact the ledger mark
 * last saw. Version 9 kept no such mark, and with none the kit sees no turn (kit/facts-turned.ts), so an
 * incident moved as it is would owe nothing at its next update: the mark gets the fact as it is at the
 * migration (a fact false or unset now and ticked after the migration owes the waived duty again; one
 * true now is no turn).
 *
 * Policy (第9版记录不保留该事实的变化，迁移时不补记): a turn made on version 9 after the waiver (unticked,
 * then ticked again there, owing nothing) is not owed at the migration: the record keeps no history of
 * the facts (an act keeps no `facts`), so it cannot be told from a waiver given with the fact ticked
 * all along. The next turn on version 10 owes it. Then the kit's rederive by 10's rules. Pure.
 */
import type { IncidentContext } from '../../kit/types.js'
import { COAL_OR_LOCAL_FACT } from './version10.js'

export function contextFromV9(old: IncidentContext): IncidentContext {
  const value = (old.facts as Record<string, unknown>)[COAL_OR_LOCAL_FACT]
  const facts = value === undefined ? {} : { [COAL_OR_LOCAL_FACT]: value }
  return { ...old, ledger: { ...old.ledger, facts } }
}
