/**
 * Idempotency keys: a replayed key answers the first result; a different request under
 * the same key is refused (422).
 */
import { IdempotencyMismatch } from '../errors.js'
import type { Db } from '../store/statements.js'
import { type Core, iso } from './core.js'
import type { IncidentView } from './view.js'

export function createIdempotency(core: Core) {
  const { clock } = core

  async function idempotent(
    trx: Db,
    scope: string,
    key: string | undefined,
    requestHash: string,
  ): Promise<IncidentView | null> {
    if (!key) return null
    const hit = await trx
      .selectFrom('idempotency')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!hit) return null
    if (hit.request_hash !== requestHash) throw new IdempotencyMismatch()
    return JSON.parse(hit.response) as IncidentView
  }

  const remember = (
    trx: Db,
    scope: string,
    key: string | undefined,
    requestHash: string,
    /** The answer remembered (built only when there is a key). */
    view: () => IncidentView,
  ) =>
    key
      ? trx
          .insertInto('idempotency')
          .values({
            scope,
            key,
            request_hash: requestHash,
            status: 200,
            response: JSON.stringify(view()),
            created_at: iso(clock.now()),
          })
          .execute()
      : Promise.resolve()

  return { idempotent, remember }
}
