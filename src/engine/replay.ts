/**
 * Replaying an incident's whole journal, across its migrations: the entries before the
 * first MIGRATED run under the version it was opened on (or upgraded to: rebuild.ts),
 * each MIGRATED re-applies the new version's declared mapping with the time, actor,
 * reason and quotes it recorded and the opening the OPENED entry recorded (opening-record.ts;
 * machines/kit/migration.ts is pure, so it gives the same snapshot), and the entries after it
 * run under the new version.
 */
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { UnknownPlanVersion } from '../errors.js'
import { restore } from './actor.js'
import type { PlanRegistry } from './core.js'
import type { MigratedPayload } from './migrate.js'
import { openingOf } from './opening-record.js'
import { type JournalEntry, rebuild, type UpgradeRecord } from './rebuild.js'

export function replayJournal(
  plans: PlanRegistry,
  incident: { plan_id: string; plan_version: number },
  entries: readonly JournalEntry[],
) {
  const planAt = (version: number): PlanDefinition => {
    const p = plans.getPlan(incident.plan_id, version)
    if (!p) throw new UnknownPlanVersion(incident.plan_id, version)
    return p
  }
  const upgraded = entries.findLast((e) => e.type === 'UPGRADED')
  const upgrade = upgraded ? { upgrade: JSON.parse(upgraded.payload) as UpgradeRecord } : {}
  // An upgrade re-read the whole journal under its version: migrations before it are inside that.
  const migrations = entries.filter((e) => e.type === 'MIGRATED' && e.seq > (upgraded?.seq ?? 0))
  const first = migrations[0]
  // What the opening recorded, as the migration read it (opening-record.ts).
  const opened = entries.find((e) => e.type === 'OPENED')
  const opening = opened ? { opening: openingOf(opened.payload) } : {}
  let plan = planAt(first ? (JSON.parse(first.payload) as MigratedPayload).from : incident.plan_version)
  let { actorRef } = rebuild(
    plan,
    entries.filter((e) => !first || e.seq < first.seq),
    upgrade,
  )
  for (const [i, m] of migrations.entries()) {
    if (!actorRef) break
    const p = JSON.parse(m.payload) as MigratedPayload
    const to = planAt(p.to)
    const actor: Actor = { name: m.actor_name, role: m.actor_role as Actor['role'] }
    const persisted = actorRef.getPersistedSnapshot() as unknown as PersistedSnapshot
    const r = migrateSnapshot(plan, to, persisted, {
      ...opening,
      at: m.occurred_at,
      actor,
      reason: p.reason,
      quotes: p.quotes,
      settle: p.settled === true,
      rejudge: p.rejudged === true,
      keepRisen: p.keptRisen === true,
    })
    if (!r.ok) throw new Error(`MIGRATED #${m.seq} does not replay: ${r.reason}`)
    plan = to
    const next = migrations[i + 1]
    const segment = entries.filter((e) => e.seq > m.seq && (!next || e.seq < next.seq))
    actorRef = rebuild(plan, segment, { start: restore(plan.machine, r.snapshot) }).actorRef
  }
  return { actorRef, plan }
}
