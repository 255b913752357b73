/**
 * The upgrade to obligations (README "Upgrading to obligations"): an open incident whose
 * plan version the service no longer has is re-read from its journal under the plan's
 * current version. Its obligations are derived from what was done (done before owed
 * counts, due times from its own anchors), due times already passed breach when the
 * scheduler next runs (at their original due times), and the entries the new version
 * does not accept are listed, never dropped from the journal. The engine writes one
 * UPGRADED entry with all of it, in the same transaction as the new snapshot, view and
 * timers (engine.upgrade); replay reproduces the result from that entry.
 */
import type { Kysely } from 'kysely'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Calendar } from '../calendar/index.js'
import type { Database } from '../store/schema.js'
import { quoteRules } from './quotes.js'
import { eventAt, type JournalEntry, rebuild } from './rebuild.js'

export interface UpgradeOutcome {
  id: string
  planId: string
  fromVersion: number
  toVersion: number
  phaseBefore: string
  phaseAfter: string
  /** The journal entries the current version does not accept (seq and type). */
  skipped: Array<{ seq: number; type: string }>
  owed: number
}

type Registry = { getPlan(id: string, version?: number): PlanDefinition | undefined }

/** Open incidents on a plan version the registry no longer has (and whose plan it still has). */
export async function incidentsToUpgrade(db: Kysely<Database>, plans: Registry): Promise<string[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'plan_id', 'plan_version'])
    .where('closed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows
    .filter((r) => !plans.getPlan(r.plan_id, r.plan_version) && plans.getPlan(r.plan_id))
    .map((r) => r.id)
}

/** Every entry re-read under `plan` with quotes computed now (the recorded ones name rules that are gone). */
export function reread(
  plan: PlanDefinition,
  entries: readonly JournalEntry[],
  calendar: Pick<Calendar, 'addDuration'>,
) {
  let anchors = { discoveredAt: '', knownAt: '', occurredAt: '' }
  return rebuild(plan, entries, {
    quotesOf: (e, payload) => {
      if (e.type === 'OPENED') {
        const a = payload as typeof anchors
        anchors = { discoveredAt: a.discoveredAt, knownAt: a.knownAt, occurredAt: a.occurredAt }
        return quoteRules(plan.obligations, calendar, anchors, a.discoveredAt)
      }
      return quoteRules(plan.obligations, calendar, anchors, eventAt(e, payload))
    },
  })
}
