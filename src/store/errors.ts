/**
 * Database errors that mean "the request's data cannot be stored as given", not "the
 * database is unavailable": a NUL or a byte sequence PostgreSQL refuses in text (22021,
 * 22P05), a value of the wrong form or out of range (the rest of class 22), a value too
 * large for an index or a tsvector (54000), a SQLite value over its size limit. These
 * answer 400 (the request, not the service, is at fault); retrying would fail alike.
 *
 * The HTTP edge refuses such text before it reaches the store (src/http/schemas/text.ts
 * textProblem); this is the backstop for whatever slips past it.
 */
import { ValidationError } from '../errors.js'

const PG_INVALID_DATA = /^(22[0-9A-Z]{3}|54000)$/
const SQLITE_INVALID_DATA = /^SQLITE_(TOOBIG|MISMATCH)$/

/** A 400 for a database error caused by the data sent, or null for any other error. */
export function invalidDataError(e: unknown): ValidationError | null {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined
  if (typeof code !== 'string') return null
  if (!PG_INVALID_DATA.test(code) && !SQLITE_INVALID_DATA.test(code)) return null
  return new ValidationError(`the database cannot store a value of this request as sent (${code})`, [
    { path: '(body)', message: 'a value the database refuses (a NUL, invalid text, or out of range)' },
  ])
}

/**
 * An incident's row without its row in `snapshots` (migration 0009): a storage fault (a
 * partial restore, a hand-made DELETE), not a missing incident. Every read and change of
 * it fails so, on both stores: a 500 that is logged, never a 404 or a list that leaves the
 * incident out as if it did not exist; `cli verify` reports it (README "Database maintenance").
 */
export class MissingSnapshot extends Error {
  constructor(readonly incidentId: string) {
    super(`incident ${incidentId} has no snapshot (no row in table snapshots): a storage fault`)
    this.name = 'MissingSnapshot'
  }
}
