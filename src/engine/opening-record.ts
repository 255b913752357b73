/**
 * What an incident's `OPENED` entry recorded that a plan version's migration may read and its context
 * does not keep (machines/kit `MigrationOpening`: the opening's `source`, API.md "Open an incident").
 * The migration (migrate.ts) and its replay (replay.ts) read it from the same entry, so a migration
 * replays as it was taken; nothing of it is journaled again.
 */
import type { MigrationOpening, OpeningSource } from '../../machines/kit/types.js'
import type { Db } from '../store/statements.js'

/** The opening of an `OPENED` entry's payload (JSON text). */
export function openingOf(payload: string): MigrationOpening {
  const p = JSON.parse(payload) as { source?: OpeningSource | null }
  return { source: p.source ?? null }
}

/** The opening of incident `id`, from its journal; undefined when it has no `OPENED` entry. */
export async function readOpening(db: Db, id: string): Promise<MigrationOpening | undefined> {
  const entry = await db
    .selectFrom('journal')
    .select('payload')
    .where('incident_id', '=', id)
    .where('type', '=', 'OPENED')
    .executeTakeFirst()
  return entry ? openingOf(entry.payload) : undefined
}
