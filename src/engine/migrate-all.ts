/**
 * Migrating every open incident of a plan version to the next (README "Migrating open
 * incidents"), in batches of ids, one transaction each (engine.migrate, under the row
 * lock). Resumable: a run stopped halfway leaves the rest on the old version, and the
 * next run picks them up. Safe with several nodes: two runs over the same incidents
 * each lock a row in turn; the second finds it on the new version and skips it.
 */
import type { Actor } from '../../machines/vocabulary.js'
import type { Engine } from './engine.js'
import type { MigrationOutcome } from './migrate.js'

export interface BulkMigration {
  planId: string
  fromVersion: number
  toVersion: number
  reason: string
  actor: Actor
  dryRun?: boolean
  /** Only this organisation's incidents (default: every organisation). */
  organisation?: string
  /** Incidents per batch (default 100). */
  batchSize?: number
  /** Told of each incident's outcome. */
  onOutcome?: (o: MigrationOutcome) => void
  /** Told after each incident: how far the run is. */
  onProgress?: (p: BulkProgress) => void
  /** Asked between incidents: stop now (the rest is left for the next run). */
  shouldStop?: () => boolean
}

export interface BulkProgress {
  /** Open incidents on `fromVersion` when the run began. */
  total: number
  done: number
  migrated: number
  wouldMigrate: number
  refused: number
  skipped: number
  stopped: boolean
}

type Migrating = Pick<Engine, 'migrate' | 'migrationCandidates' | 'countMigrationCandidates'>

export async function migrateAll(engine: Migrating, job: BulkMigration): Promise<BulkProgress> {
  const scope = {
    planId: job.planId,
    fromVersion: job.fromVersion,
    ...(job.organisation === undefined ? {} : { organisation: job.organisation }),
  }
  const p: BulkProgress = {
    total: await engine.countMigrationCandidates(scope),
    done: 0,
    migrated: 0,
    wouldMigrate: 0,
    refused: 0,
    skipped: 0,
    stopped: false,
  }
  const by = {
    actor: job.actor,
    ...(job.organisation === undefined ? {} : { organisation: job.organisation }),
  }
  let after: string | undefined
  for (;;) {
    const ids = await engine.migrationCandidates({
      ...scope,
      ...(after === undefined ? {} : { after }),
      limit: job.batchSize ?? 100,
    })
    if (ids.length === 0) break
    for (const id of ids) {
      if (job.shouldStop?.()) {
        p.stopped = true
        return p
      }
      const o = await engine.migrate(
        id,
        {
          toVersion: job.toVersion,
          fromVersion: job.fromVersion,
          reason: job.reason,
          dryRun: job.dryRun ?? false,
        },
        by,
      )
      after = id
      p.done++
      if (o.status === 'migrated') p.migrated++
      else if (o.status === 'would-migrate') p.wouldMigrate++
      else if (o.status === 'refused') p.refused++
      else p.skipped++
      job.onOutcome?.(o)
      job.onProgress?.({ ...p })
    }
  }
  return p
}
