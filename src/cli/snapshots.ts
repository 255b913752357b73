/**
 * `npm run cli -- snapshots [--batch <n>] [--dry-run]`: writes every incident's snapshot
 * that is behind its version up to it (README "Database maintenance"). A change to an
 * incident kept in memory writes its snapshot only every SNAPSHOT_EVERY versions, and
 * one that is never changed again (a closed incident) keeps it behind for good; migration
 * 0009's down refuses while any is. Safe while the service runs: each snapshot is brought
 * up from the journal (src/engine/tail.ts) outside any lock, then written in one
 * transaction per batch only where it is still at the version read (repo.advanceSnapshot).
 */
import { parseArgs } from 'node:util'
import * as registry from '../../machines/index.js'
import type { PlanRegistry } from '../engine/core.js'
import { upToDate } from '../engine/tail.js'
import type { Store } from '../store/connection.js'
import { advanceSnapshot, incidentsBehind, incidentsWithoutSnapshot, withSnapshot } from '../store/repo.js'
import { stopRequested, UsageError } from './common.js'

export interface CatchUp {
  /** Snapshots found behind. */
  behind: number
  written: number
  /** Found behind, but a change wrote a later snapshot before this could (theirs stays). */
  movedOn: number
  /** Not brought up: why (a plan version this build lacks, a journal that does not restore). */
  skipped: Array<{ id: string; reason: string }>
  /** Incidents without a snapshot row at all (a storage fault: `cli verify`). */
  missing: string[]
  stopped: boolean
}

/** A deadlock with a change (PostgreSQL) rolls the batch back: it is written again. */
const RETRIED = new Set(['40P01', '40001'])
const ATTEMPTS = 3

type Write = Parameters<typeof advanceSnapshot>[1]

async function writeBatch(store: Store, writes: readonly Write[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        let n = 0
        for (const w of writes) if (await advanceSnapshot(trx, w)) n++
        return n
      })
    } catch (e) {
      if (attempt >= ATTEMPTS || !RETRIED.has(String((e as { code?: unknown }).code))) throw e
    }
  }
}

export async function catchUpSnapshots(
  store: Store,
  plans: PlanRegistry,
  opts: {
    batch: number
    dryRun?: boolean
    shouldStop?: () => boolean
    onBatch?: (r: CatchUp) => void
    /** Between a batch's reads and its writes (tests make a change there). */
    beforeWrite?: () => Promise<void>
  },
): Promise<CatchUp> {
  const r: CatchUp = { behind: 0, written: 0, movedOn: 0, skipped: [], missing: [], stopped: false }
  let after = ''
  for (;;) {
    if (opts.shouldStop?.()) {
      r.stopped = true
      break
    }
    const rows = await incidentsBehind(store.db, after, opts.batch)
    const last = rows.at(-1)
    if (!last) break
    after = last.id
    r.behind += rows.length
    const writes: Write[] = []
    for (const read of rows) {
      const row = withSnapshot(read)
      const plan = plans.getPlan(row.plan_id, row.plan_version)
      if (!plan) {
        r.skipped.push({
          id: row.id,
          reason: `plan ${row.plan_id} version ${row.plan_version} is not in this build`,
        })
        continue
      }
      try {
        const up = await upToDate(store.db, store, plan, row)
        writes.push({ id: row.id, from: row.snapshot_version, version: row.version, snapshot: up.snapshot })
      } catch (e) {
        r.skipped.push({ id: row.id, reason: (e as Error).message })
      }
    }
    if (!opts.dryRun && writes.length > 0) {
      await opts.beforeWrite?.()
      const n = await writeBatch(store, writes)
      r.written += n
      r.movedOn += writes.length - n
    }
    opts.onBatch?.(r)
  }
  r.missing = await incidentsWithoutSnapshot(store.db)
  return r
}

const summary = (r: CatchUp, dryRun: boolean) =>
  `snapshots behind: ${r.behind}` +
  (dryRun ? ' (dry run: nothing written)' : `, written ${r.written}, moved on meanwhile ${r.movedOn}`) +
  `, skipped ${r.skipped.length}; incidents without a snapshot row: ${r.missing.length}`

/** Exit 0 when every snapshot found behind is at its version now (or would be) and none is missing. */
export async function snapshotsCommand(
  store: Store,
  args: string[],
  plans: PlanRegistry = registry,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { batch: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length > 0)
    throw new UsageError('snapshots takes no arguments, only --batch <n> and --dry-run')
  const batch = values.batch === undefined ? 100 : Number(values.batch)
  if (!Number.isInteger(batch) || batch < 1) throw new UsageError('--batch must be a positive whole number')
  const dryRun = values['dry-run'] === true
  const tty = process.stderr.isTTY === true
  const r = await catchUpSnapshots(store, plans, {
    batch,
    dryRun,
    shouldStop: () => stopRequested() !== null,
    onBatch: (x) => {
      if (tty) process.stderr.write(`\r${summary(x, dryRun)}`)
    },
  })
  for (const s of r.skipped) process.stdout.write(`skipped\t${s.id}\t${s.reason}\n`)
  for (const id of r.missing) process.stdout.write(`missing\t${id}\tno snapshot row (see cli verify)\n`)
  process.stderr.write(
    `${tty ? '\r' : ''}${summary(r, dryRun)}${r.stopped ? ' · stopped: run it again to go on' : ''}\n`,
  )
  return r.skipped.length > 0 || r.missing.length > 0 ? 1 : 0
}
