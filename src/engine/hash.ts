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
