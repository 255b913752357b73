/**
 * Recomputes an incident's journal hash chain (and, given an evidence store, the
 * hashes of its evidence files) and names the first entry that does not match. The
 * chain starts from the incident's identity (id, organisation, plan: genesisHash), so
 * an incident moved to another organisation fails at entry 1; an incident opened
 * before that binding chains to GENESIS_HASH and is reported as a "legacy" chain.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import { entryHash, GENESIS_HASH, genesisHash } from './hash.js'

export interface VerifyResult {
  ok: boolean
  /** The hash of the last entry as recomputed (the chain's head). */
  head: string
  firstBad: { seq: number; reason: string } | null
  entries: number
  /**
   * `bound`: entry 1 chains to the incident's id, organisation and plan; `legacy`: it
   * chains to the all-zero hash (opened before the binding), so the organisation and
   * plan columns are not covered by the chain.
   */
  chain: 'bound' | 'legacy'
}

export interface EvidenceChecker {
  /** Recomputes the SHA-256 of a stored evidence file; null when the file is missing. */
  hashOf(sha256: string): Promise<string | null>
}

export async function verifyIncident(
  db: Kysely<Database>,
  id: string,
  evidence?: EvidenceChecker,
): Promise<VerifyResult> {
  const incident = await db
    .selectFrom('incidents')
    .select(['id', 'organisation', 'plan_id', 'plan_version', 'version', 'head_hash'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('journal')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('seq')
    .execute()
  // The chain is bound to the plan version the incident was opened on (its OPENED entry says
  // which); an upgrade or a migration moves the column since, and the read model checks that.
  const opened = rows[0] ? (JSON.parse(rows[0].payload) as { planVersion?: unknown }).planVersion : undefined
  const bound = genesisHash({
    ...incident,
    plan_version: typeof opened === 'number' ? opened : incident.plan_version,
  })
  const chain = rows[0]?.prev_hash === GENESIS_HASH ? 'legacy' : 'bound'
  let prev = chain === 'legacy' ? GENESIS_HASH : bound
  let expectedSeq = 1
  const bad = (seq: number, reason: string): VerifyResult => ({
    ok: false,
    head: prev,
    firstBad: { seq, reason },
    entries: rows.length,
    chain,
  })
  for (const row of rows) {
    if (row.seq !== expectedSeq) return bad(expectedSeq, `entry ${expectedSeq} is missing`)
    if (row.seq === 1 && row.prev_hash !== prev)
      return bad(
        1,
        `the incident's id, organisation (${incident.organisation}) or plan (${incident.plan_id} v${incident.plan_version}) is not the one its journal was opened with`,
      )
    if (row.prev_hash !== prev) return bad(row.seq, 'does not point at the entry before it')
    const hash = entryHash(prev, row)
    if (hash !== row.hash) return bad(row.seq, 'content does not match its hash')
    if (evidence && row.type === 'EVIDENCE_ADDED') {
      const sha = String((JSON.parse(row.payload) as { sha256?: unknown }).sha256)
      const actual = await evidence.hashOf(sha)
      if (actual === null) return bad(row.seq, `evidence file ${sha} is missing`)
      if (actual !== sha) return bad(row.seq, `evidence file ${sha} was altered (now ${actual})`)
    }
    prev = hash
    expectedSeq++
  }
  if (incident.version !== rows.length)
    return bad(rows.length + 1, `entries after ${rows.length} are missing`)
  if (incident.head_hash !== prev) return bad(rows.length, 'the incident head does not match the last entry')
  return { ok: true, head: prev, firstBad: null, entries: rows.length, chain }
}
