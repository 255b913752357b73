/**
 * The whole proof of one incident, as GET /incidents/:id/verify and `cli verify` give
 * it: the hash chain (bound to the incident's identity), the evidence files, the read
 * model rebuilt from the journal, and the external witness when there is one.
 */
import type { Kysely } from 'kysely'
import { MissingSnapshot } from '../store/errors.js'
import { selectIncidents, type WithSnapshot, withSnapshot } from '../store/repo.js'
import type { Database, IncidentRow, JournalRow } from '../store/schema.js'
import { checkAgainstWitnesses, type WitnessCoverage } from '../witness/check.js'
import type { Witness } from '../witness/file.js'
import type { PlanRegistry } from './core.js'
import { compareReadModel, type Mismatch, type Replayed } from './read-model.js'
import { type EvidenceChecker, type VerifyResult, verifyIncident } from './verify.js'

export interface Audit extends VerifyResult {
  readModel: { ok: boolean; mismatches: Mismatch[] }
  /** null: no witness is kept (WITNESS_FILE unset). */
  witness: (Omit<WitnessCoverage, 'findings' | 'fileProblems'> & { ok: boolean; problems: string[] }) | null
}

export interface AuditDeps {
  db: Kysely<Database>
  /** Rebuilds the incident from its journal alone (engine.replay). */
  replay: (id: string) => Promise<Replayed>
  /** The plan versions, to read the stored snapshot with its own. */
  plans: PlanRegistry
  evidence?: EvidenceChecker
  /** The witness files to check against (none: no witness). */
  witnesses?: readonly Witness[]
}

/**
 * An incident without its snapshot row (a storage fault, README "Database maintenance") is
 * audited too: its chain and witness as any other's, and the fault as its read model's
 * finding (not ok), so `cli verify` and GET /incidents/:id/verify report it and go on.
 */
export async function auditIncident(deps: AuditDeps, id: string): Promise<Audit> {
  const { db } = deps
  const chain = await verifyIncident(db, id, deps.evidence)
  const read = await selectIncidents(db).where('incidents.id', '=', id).executeTakeFirst()
  if (!read) throw new Error(`no incident ${id}`)
  const entries = await db
    .selectFrom('journal')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('seq')
    .execute()

  const { mismatches, missing } = await readModelOf(deps, read, entries)

  const witnesses = deps.witnesses ?? []
  const coverage =
    witnesses.length > 0
      ? checkAgainstWitnesses(read, new Map(entries.map((e) => [e.seq, e.hash])), witnesses)
      : null
  const witness = coverage && {
    checkpoint: coverage.checkpoint,
    from: coverage.from,
    to: coverage.to,
    lines: coverage.lines,
    ok: coverage.findings.length === 0 && coverage.fileProblems.length === 0,
    problems: [...coverage.findings.map((f) => f.reason), ...coverage.fileProblems],
  }

  let firstBad = chain.firstBad
  const finding = coverage?.findings[0]
  if (!firstBad && finding) firstBad = finding
  if (!firstBad && coverage && coverage.fileProblems.length > 0)
    firstBad = {
      seq: coverage.checkpoint?.seq ?? 0,
      reason: `the witness itself: ${coverage.fileProblems[0]}`,
    }
  if (!firstBad && mismatches.length > 0)
    firstBad = {
      seq: entries.length,
      reason:
        missing?.message ??
        `the stored read model does not match the journal (${mismatches.map((m) => m.field).join(', ')})`,
    }
  return {
    ...chain,
    ok: firstBad === null,
    firstBad,
    readModel: { ok: mismatches.length === 0, mismatches },
    witness,
  }
}

/**
 * The stored read model compared with the journal replayed; a journal that does not replay
 * is a finding, and so is a missing snapshot row (`missing`), with nothing else compared:
 * the stored view is read through the snapshot.
 */
async function readModelOf(
  deps: AuditDeps,
  read: WithSnapshot<IncidentRow>,
  entries: JournalRow[],
): Promise<{ mismatches: Mismatch[]; missing: MissingSnapshot | null }> {
  if (read.snapshot === null || read.snapshot_version === null) {
    const missing = new MissingSnapshot(read.id)
    const stored = '(none: no row in table snapshots)'
    return {
      missing,
      mismatches: [{ field: 'snapshot', stored, journal: `(the state as of entry ${entries.length})` }],
    }
  }
  const row = withSnapshot(read)
  try {
    const replayed = await deps.replay(row.id)
    const plan = deps.plans.getPlan(row.plan_id, row.plan_version)
    return { missing: null, mismatches: compareReadModel(row, entries, replayed, plan) }
  } catch (e) {
    const journal = `does not replay: ${(e as Error).message}`
    return { missing: null, mismatches: [{ field: 'journal', stored: '(the journal)', journal }] }
  }
}
