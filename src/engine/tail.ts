/**
 * An incident's state is its snapshot as of `snapshot_version` and the journal entries
 * after it. A change to an incident kept live (live.ts) appends its entry and moves the
 * row's columns but writes the snapshot only every SNAPSHOT_EVERY versions; a change to
 * one restored from its row writes it always (the next change will likely restore it
 * again). Whoever reads a row whose snapshot is behind its version brings it up here:
 * the entries after the snapshot re-sent to it, as they were recorded (rebuild.ts).
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { IncidentRow } from '../store/schema.js'
import { type Db, param, run, type Target, textOf } from '../store/statements.js'
import { type Running, restore } from './actor.js'
import type { Live } from './live.js'
import { type JournalEntry, rebuild } from './rebuild.js'
import { snapshotText, snapshotToChange } from './snapshot-text.js'

/** Rows written before their snapshot was counted in versions had it at their version. */
export type Behind = Pick<IncidentRow, 'id' | 'plan_id' | 'plan_version' | 'version' | 'snapshot'> & {
  snapshot_version?: number
}

/** Whether the row's snapshot is behind its version (its last entries are in the journal only). */
export const isBehind = (row: Behind): boolean =>
  row.snapshot_version !== undefined && row.snapshot_version < row.version

/** Entries a snapshot at `after` is behind, up to `upTo`: the only ones a change may have left there. */
async function entriesAfter(db: Db, to: Target, id: string, after: number, upTo: number) {
  const text = textOf(
    `tail:${to.dialect}`,
    () =>
      `select "seq", "type", "payload", "actor_name", "actor_role", "occurred_at" from "journal" ` +
      `where "incident_id" = ${param(to.dialect, 1)} and "seq" > ${param(to.dialect, 2)} and "seq" <= ${param(to.dialect, 3)} order by "seq"`,
  )
  return (await run<JournalEntry>(db, to, text, [id, after, upTo])).rows
}

/**
 * The row's machine at the row's version: its snapshot restored, and the entries after
 * it re-sent. A version's change (MIGRATED, UPGRADED) always writes the snapshot, so the
 * entries after it all run under the row's own plan version.
 */
export async function restoreRow(db: Db, to: Target, plan: PlanDefinition, row: Behind): Promise<Running> {
  if (!isBehind(row)) return restore(plan.machine, snapshotToChange(plan, row.snapshot))
  return restoreWith(plan, row, await entriesAfter(db, to, row.id, row.snapshot_version ?? 0, row.version))
}

/** restoreRow with the journal at hand (`entries`: any of the incident's; those after the snapshot are used). */
export function restoreWith(plan: PlanDefinition, row: Behind, entries: readonly JournalEntry[]): Running {
  const start = restore(plan.machine, snapshotToChange(plan, row.snapshot))
  const from = row.snapshot_version ?? row.version
  // Read apart from its row, a change committed between the two reads would show here.
  if (from > row.version)
    throw new Error(`incident ${row.id}: a snapshot of #${from} read with the row of #${row.version}`)
  const tail = entries.filter((e) => e.seq > from && e.seq <= row.version)
  const moved = tail.find((e) => e.type === 'MIGRATED' || e.type === 'UPGRADED')
  if (moved) throw new Error(`incident ${row.id}: ${moved.type} #${moved.seq} after its snapshot`)
  if (tail.length < row.version - from)
    throw new Error(`incident ${row.id}: the journal lacks entries after its snapshot (#${from})`)
  const { actorRef } = rebuild(plan, tail, { start })
  if (!actorRef) throw new Error(`incident ${row.id} does not restore`)
  return actorRef
}

/**
 * The row with its snapshot at its version, for a reader that parses it (a view, a
 * list, an audit, a migration): as read when it is, else from the incident kept live at
 * that version (`live`), else brought up from the journal. Writes nothing.
 */
export async function upToDate<R extends Behind>(
  db: Db,
  to: Target,
  plan: PlanDefinition,
  row: R,
  live?: Live,
): Promise<R> {
  if (!isBehind(row)) return row
  const actorRef = live?.version === row.version ? live.actorRef : await restoreRow(db, to, plan, row)
  return {
    ...row,
    snapshot: snapshotText(plan, actorRef.getSnapshot(), false),
    snapshot_version: row.version,
  }
}
