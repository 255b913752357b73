/**
 * Upgrading every open incident of a plan version this release no longer has (upgrade.ts),
 * one transaction each: at the server's start (before the scheduler fires anything), and
 * from the CLI (`npm run cli -- upgrade [--dry-run]`).
 */
import type { Engine } from './engine.js'
import type { UpgradeOutcome } from './upgrade.js'

interface Log {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
}

export async function upgradeAll(
  engine: Pick<Engine, 'upgrade' | 'incidentsToUpgrade'>,
  opts: { dryRun?: boolean; onIncident?: (u: UpgradeOutcome) => void } = {},
): Promise<UpgradeOutcome[]> {
  const out: UpgradeOutcome[] = []
  for (const id of await engine.incidentsToUpgrade()) {
    const u = await engine.upgrade(id, { dryRun: opts.dryRun ?? false })
    if (!u) continue
    out.push(u)
    opts.onIncident?.(u)
  }
  return out
}

export async function upgradeAtStart(engine: Pick<Engine, 'upgrade' | 'incidentsToUpgrade'>, log: Log) {
  try {
    const done = await upgradeAll(engine, {
      onIncident: (u) =>
        log.info('incident upgraded', {
          id: u.id,
          plan: u.planId,
          from: u.fromVersion,
          to: u.toVersion,
          skipped: u.skipped.length,
        }),
    })
    if (done.length > 0) log.info('incidents upgraded to the current plan versions', { count: done.length })
  } catch (e) {
    log.warn('upgrade at start failed; run npm run cli -- upgrade', { error: String(e) })
  }
}
