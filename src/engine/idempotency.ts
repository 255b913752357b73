/**
 * Idempotency keys: a replayed key answers the first result; a different request under
 * the same key is refused (422).
 */
import { IdempotencyMismatch } from '../errors.js'
import type { Db } from '../store/statements.js'
import { type Core, iso, type SendRequest } from './core.js'
import { canonicalJson, sha256 } from './hash.js'
import type { IncidentView } from './view.js'

/**
 * What a key compares of an event sent (API.md: "the same key with a different body →
 * 422"): its body — type, fields, `occurredAt`, the body's `expectedVersion` — and not the
 * `If-Match` header, which another caller, or a retry after a fresh read, sends with
 * another version. `former`: the hash of the same request as a release before this one
 * remembered it (the header's version counted as the body's), so a retry across an upgrade
 * still answers the first result; none where the two are the same.
 */
export function requestHashes(req: SendRequest): { hash: string; former?: string } {
  const { ifMatch, ...body } = req
  const hash = sha256(canonicalJson(body))
  if (ifMatch === undefined || body.expectedVersion !== undefined) return { hash }
  return { hash, former: sha256(canonicalJson({ ...body, expectedVersion: ifMatch })) }
}

export function createIdempotency(core: Core) {
  const { clock } = core

  async function idempotent(
    trx: Db,
    scope: string,
    key: string | undefined,
    requestHash: string,
    /** Also the same request (requestHashes `former`). */
    formerHash?: string,
  ): Promise<IncidentView | null> {
    if (!key) return null
    const hit = await trx
      .selectFrom('idempotency')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!hit) return null
    if (hit.request_hash !== requestHash && hit.request_hash !== formerHash) throw new IdempotencyMismatch()
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
