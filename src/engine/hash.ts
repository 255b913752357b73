import { hash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )
}

/** One-shot (no Hash object per call: the chain is hashed on every change). */
export const sha256 = (text: string | Buffer): string => hash('sha256', text, 'hex')

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
export const entryHash = (prev: string, e: ChainedEntry): string => sha256(`${prev}\n${entryJson(e)}`)

/**
 * canonicalJson of an entry's hashed fields, written out in their sorted order: the same
 * text (tests/engine/hash.test.ts), without sorting the keys of an object built per entry
 * (the chain is hashed on every change and every verification).
 */
export function entryJson(e: ChainedEntry): string {
  const { actor_name, actor_role, incident_id, occurred_at, payload, recorded_at, seq, type } = e
  if (
    typeof actor_name !== 'string' ||
    typeof actor_role !== 'string' ||
    typeof incident_id !== 'string' ||
    typeof occurred_at !== 'string' ||
    typeof payload !== 'string' ||
    typeof recorded_at !== 'string' ||
    typeof seq !== 'number' ||
    typeof type !== 'string'
  )
    return canonicalJson({
      incident_id,
      seq,
      type,
      payload,
      actor_name,
      actor_role,
      occurred_at,
      recorded_at,
    })
  const q = JSON.stringify
  return `{"actor_name":${q(actor_name)},"actor_role":${q(actor_role)},"incident_id":${q(incident_id)},"occurred_at":${q(occurred_at)},"payload":${q(payload)},"recorded_at":${q(recorded_at)},"seq":${q(seq)},"type":${q(type)}}`
}

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
