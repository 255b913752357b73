import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )
}

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex')

export interface ChainedEntry {
  incident_id: string
  seq: number
  type: string
  payload: string
  actor_name: string
  actor_role: string
  occurred_at: string
  recorded_at: string
}

/** A journal entry's hash covers its content and the hash of the entry before it. */
export const entryHash = (prev: string, e: ChainedEntry): string =>
  sha256(
    `${prev}\n${canonicalJson({
      incident_id: e.incident_id,
      seq: e.seq,
      type: e.type,
      payload: e.payload,
      actor_name: e.actor_name,
      actor_role: e.actor_role,
      occurred_at: e.occurred_at,
      recorded_at: e.recorded_at,
    })}`,
  )

/** What an incident is: its id, the organisation it belongs to, and the plan it runs. */
export interface IncidentIdentity {
  id: string
  organisation: string
  plan_id: string
  plan_version: number
}

/**
 * The hash an incident's first entry (OPENED) chains to. Binding the incident's id,
 * organisation and plan into the chain means that moving an incident to another
 * organisation (or plan) breaks its chain at entry 1. Incidents opened before this
 * binding chain to GENESIS_HASH ("legacy chain"): their organisation is not covered.
 */
export const genesisHash = (i: IncidentIdentity): string =>
  sha256(
    `yuqing-flow incident\n${canonicalJson({
      id: i.id,
      organisation: i.organisation,
      plan_id: i.plan_id,
      plan_version: i.plan_version,
    })}`,
  )
