/**
 * The hot path's statements as named prepared statements on PostgreSQL: each connection
 * parses and plans them once, not on every call. statements.ts builds their SQL texts once
 * (`hotStatement`); a pooled client's `query` sends a text it knows by a name derived
 * from the text (node-pg prepares a name on a connection the first time it is used
 * there, and a new connection prepares it anew). Any other query goes as it came.
 */
import { createHash } from 'node:crypto'
import type pg from 'pg'

const names = new Map<string, string>()

/** Marks an SQL text of the hot path as one to prepare; returns it. */
export function hotStatement(text: string): string {
  if (!names.has(text)) names.set(text, `yf_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`)
  return text
}

type Query = (...args: unknown[]) => unknown

/** Wraps a pooled client's `query` so the hot path's texts go as named prepared statements. */
export function preparing(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query
  const named: Query = (text, values, ...rest) => {
    const name = typeof text === 'string' && Array.isArray(values) ? names.get(text) : undefined
    return name ? query({ name, text, values }, ...rest) : query(text, values, ...rest)
  }
  client.query = named as unknown as typeof client.query
}
