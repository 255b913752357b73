/**
 * The security audit log: organisations created, tokens created and revoked, and every
 * refused request (401/403) with its route. Rows never hold a token, only its id.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'

export type SecurityEvent =
  | { kind: 'token.created'; tokenId: string; role: string; name: string; organisation: string; by: string }
  | { kind: 'token.revoked'; tokenId: string; by: string }
  | { kind: 'token.restored'; tokenId: string; by: string }
  | { kind: 'organisation.created'; organisation: string; name: string; by: string }
  | {
      kind: 'auth.unauthorized' | 'auth.forbidden'
      method: string
      route: string
      requestId?: string
      tokenId?: string
      role?: string
      reason: string
    }

export async function recordSecurityEvent(db: Kysely<Database>, e: SecurityEvent, at: Date): Promise<void> {
  const { kind, ...detail } = e
  await db
    .insertInto('security_log')
    .values({ id: randomUUID(), at: at.toISOString(), kind, detail: JSON.stringify(detail) })
    .execute()
}

export async function readSecurityLog(db: Kysely<Database>, limit = 100) {
  const rows = await db.selectFrom('security_log').selectAll().orderBy('at', 'desc').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, ...(JSON.parse(r.detail) as object) }))
}
