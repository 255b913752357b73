/** `npm run cli -- upgrade [--dry-run]`: see README "Upgrading to obligations". */
import { parseArgs } from 'node:util'
import * as registry from '../../machines/index.js'
import { createCalendar } from '../calendar/index.js'
import { config } from '../config.js'
import { createEngine } from '../engine/engine.js'
import { upgradeAll } from '../engine/upgrade-all.js'
import type { Store } from '../store/connection.js'

/** Open incidents of a plan version this release no longer has, re-read under the current one. */
export async function upgradeCommand(store: Store, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, strict: true })
  const dryRun = values['dry-run'] === true
  const engine = createEngine({
    store,
    plans: registry,
    clock: { now: () => new Date() },
    calendar: createCalendar({ workingHours: config().workingHours }),
  })
  const done = await upgradeAll(engine, {
    dryRun,
    onIncident: (u) =>
      process.stdout.write(
        `${dryRun ? 'would upgrade' : 'upgraded'}\t${u.id}\t${u.planId} v${u.fromVersion} → v${u.toVersion}\t` +
          `${u.phaseBefore} → ${u.phaseAfter}\towed ${u.owed}\t` +
          `not accepted by v${u.toVersion}: ${u.skipped.map((x) => `#${x.seq} ${x.type}`).join(', ') || 'none'}\n`,
      ),
  })
  process.stderr.write(`${dryRun ? 'Would upgrade' : 'Upgraded'} ${done.length} open incident(s).\n`)
  return 0
}
