/**
 * `npm run cli -- migrate --plan <id> [--from N] --to M [--dry-run] [--org <organisation>]
 * [--reason <text>] [--batch <n>]`: moves every open incident of a plan version to the
 * next (README "Migrating open incidents"). One line per incident on stdout; a progress
 * line on stderr. Stopped (SIGINT, SIGTERM) after the incident in hand; run it again to
 * go on. Exit 0 when nothing was refused, 1 otherwise.
 */
import { parseArgs } from 'node:util'
import * as registry from '../../machines/index.js'
import { requireOrganisation } from '../auth/organisations.js'
import { createCalendar } from '../calendar/index.js'
import { config } from '../config.js'
import { createEngine, type PlanRegistry } from '../engine/engine.js'
import type { MigrationOutcome } from '../engine/migrate.js'
import { type BulkProgress, migrateAll } from '../engine/migrate-all.js'
import type { Store } from '../store/connection.js'
import { operator, stopRequested, UsageError } from './common.js'

const positive = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive whole number`)
  return n
}

/** One line per incident: what happened (or would), where its state went, what its obligations did. */
export function outcomeLine(o: MigrationOutcome): string {
  const head = `${o.status}\t${o.id}\t${o.planId} v${o.fromVersion} → v${o.toVersion}`
  if (o.status === 'refused' || o.status === 'skipped') return `${head}\t${o.reason ?? ''}`
  const moved = o.mapping.filter((m) => m.from !== m.to).map((m) => `${m.from} → ${m.to}`)
  const list = (xs: string[]) => xs.join(', ') || 'none'
  return (
    `${head}\tstate: ${moved.length ? moved.join(', ') : 'unchanged'}` +
    `\tbegun: ${list(o.obligations.begun)}\tmet: ${list(o.obligations.met)}` +
    `\twithdrawn: ${list(o.obligations.withdrawn)}` +
    `\ttimers +${o.timers.added.length} -${o.timers.removed.length}`
  )
}

export const progressLine = (p: BulkProgress, dryRun: boolean) =>
  `${p.done}/${p.total} · ${dryRun ? `would migrate ${p.wouldMigrate}` : `migrated ${p.migrated}`} · ` +
  `refused ${p.refused} · skipped ${p.skipped}`

export async function migrateCommand(
  store: Store,
  args: string[],
  plans: PlanRegistry = registry,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      plan: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      org: { type: 'string' },
      reason: { type: 'string' },
      batch: { type: 'string' },
    },
    strict: true,
  })
  const planId = values.plan
  const toVersion = positive('--to', values.to)
  if (!planId || toVersion === undefined) throw new UsageError('migrate needs --plan <id> and --to <version>')
  const target = plans.getPlan(planId, toVersion)
  if (!target) throw new UsageError(`plan ${planId} has no version ${toVersion}`)
  const declared = target.migratesFrom?.from
  if (declared === undefined) throw new UsageError(`${planId} version ${toVersion} declares no migration`)
  const fromVersion = positive('--from', values.from) ?? declared
  if (fromVersion !== declared)
    throw new UsageError(
      `${planId} version ${toVersion} migrates from version ${declared}, not ${fromVersion}`,
    )
  if (values.org !== undefined) await requireOrganisation(store.db, values.org)
  const dryRun = values['dry-run'] === true
  const engine = createEngine({
    store,
    plans,
    clock: { now: () => new Date() },
    calendar: createCalendar({ workingHours: config().workingHours }),
  })
  const tty = process.stderr.isTTY === true
  const label = `${dryRun ? 'dry run: ' : ''}${planId} v${fromVersion} → v${toVersion}`
  const p = await migrateAll(engine, {
    planId,
    fromVersion,
    toVersion,
    reason: values.reason?.trim() || `迁移到预案第 ${toVersion} 版（命令行）`,
    actor: { name: operator(), role: 'admin' },
    dryRun,
    ...(values.org === undefined ? {} : { organisation: values.org }),
    batchSize: positive('--batch', values.batch) ?? 100,
    onOutcome: (o) => process.stdout.write(`${outcomeLine(o)}\n`),
    // One line rewritten in place on a terminal; one line per hundred incidents in a log.
    onProgress: (x) => {
      if (tty) process.stderr.write(`\r${label}: ${progressLine(x, dryRun)}`)
      else if (x.done % 100 === 0) process.stderr.write(`${label}: ${progressLine(x, dryRun)}\n`)
    },
    shouldStop: () => stopRequested() !== null,
  })
  process.stderr.write(
    `${tty ? '\r' : ''}${label}: ${progressLine(p, dryRun)}${p.stopped ? ' · stopped: run it again to go on' : ''}\n`,
  )
  return p.refused > 0 ? 1 : 0
}
