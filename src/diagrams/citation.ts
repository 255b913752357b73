/**
 * Citations in words: the clause a state, transition or rule implements, and the mark of local
 * policy (a rule the plan's text does not give), never shown as if it were the plan's.
 */
import type { ObligationRule } from '../../machines/kit/types.js'
import type { ClauseMeta } from '../../machines/vocabulary.js'

/** Marks local policy wherever a rule, state or transition is cited. */
export const POLICY_MARK = '【本地政策】'

/** `第四條【本地政策】`, `五(二)`, or `【本地政策】` alone. */
export function citation(meta: ClauseMeta | null): string {
  if (!meta) return '（未注明）'
  const parts = [meta.clause ?? '', meta.policy !== null ? POLICY_MARK : '']
  return parts.join('') || '（未注明）'
}

/** The full citation for tables: clause, then the policy's own words. */
export function citationLong(meta: ClauseMeta | null): string {
  if (!meta) return '（未注明）'
  const clause = meta.clause ?? ''
  const pol = meta.policy !== null ? `${POLICY_MARK}${meta.policy}` : ''
  return [clause, pol].filter((x) => x !== '').join(' ') || '（未注明）'
}

export const isPolicy = (meta: ClauseMeta | null): boolean => meta !== null && meta.policy !== null

/** A rule's citation: its clause, marked if local policy sets it (the mark alone when it cites none). */
export function ruleCitation(r: Pick<ObligationRule, 'clause' | 'policy'>): string {
  return [r.clause ?? '', r.policy !== null ? POLICY_MARK : ''].join('') || POLICY_MARK
}
