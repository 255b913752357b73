/**
 * Migration 6 → 7, the context as version 7 reads it (MigrationSpec `context`): version 7
 * owes a block at every consent of 市网信办 (三(五), rules/versions.ts `obligationsV7`); an
 * incident of version 6 owed one at the first consent only. The blocks version 7's ledger
 * would have begun at the later consents are added as it would have begun them — at each
 * consent, owed, met by the next block on the record (which, as in the ledger, meets every
 * block then owed). Everything else is left to the kit's migration (kit/migration.ts): the
 * follow-ups a lowering left owed are withdrawn there when version 7's rule no longer holds
 * and they are not yet due, as version 7 would have withdrawn them. Pure.
 */
import { discharged } from '../kit/begin.js'
import { begin } from '../kit/ledger.js'
import type { Act, IncidentContext, Obligation, ObligationRule } from '../kit/types.js'

const CONSENT = 'CAC_CONSENT_BLOCK'
const BLOCK = 'BLOCK_CONTENT'

/** `old` with the blocks version 7 owes at its consents after the first. */
export function blocksPerConsent(rule: ObligationRule, old: IncidentContext): IncidentContext {
  const consents = old.acts.flatMap((a, i) => (a.type === CONSENT ? [i] : []))
  // The first consent began the one block version 6 owes (if it did: otherwise leave it to the kit).
  if (consents.length < 2 || !old.obligations.some((o) => o.rule === rule.id)) return old
  let ctx = old
  for (const i of consents.slice(1)) {
    const consent = old.acts[i] as Act
    let o = begin(ctx, rule, consent.at, undefined, { fromEvent: true, repeat: true })
    const block = old.acts.slice(i + 1).find((a) => a.type === BLOCK)
    if (block !== undefined) o = discharged(o, block.at)
    ctx = { ...ctx, obligations: inserted(ctx.obligations, o) }
  }
  return ctx
}

/** `o` after the last obligation begun at or before it (the ledger keeps them in order of begin). */
export function inserted(list: readonly Obligation[], o: Obligation): Obligation[] {
  const at = Date.parse(o.startedAt)
  const after = list.findLastIndex((x) => Date.parse(x.startedAt) <= at)
  return [...list.slice(0, after + 1), o, ...list.slice(after + 1)]
}
