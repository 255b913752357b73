/**
 * 三第一步 "记录其出处" with OBLIGATIONS.md rule 6 (done before owed): a source given at the opening (API.md
 * `source: { url, platform }`, a url or a platform; an empty one is none) is the source recorded, at the
 * opening (`steps.source` = `discoveredAt`). Version 12 reads it from the machine's input
 * (machine.ts); version 13's migration from 12 from the incident's `OPENED` entry (migration-v13.ts).
 * Pure.
 */
import type { IncidentContext, OpeningSource } from '../../kit/types.js'

/** A source was given: a url or a platform, not blank. */
export const sourceGiven = (s: OpeningSource | null | undefined): boolean =>
  s != null && [s.url, s.platform].some((x) => typeof x === 'string' && x.trim() !== '')

/** `ctx` with the opening's source recorded at the opening, when one was given and none is recorded yet. */
export function sourceAtOpening(
  ctx: IncidentContext,
  source: OpeningSource | null | undefined,
): IncidentContext {
  if (!sourceGiven(source) || ctx.steps.source !== undefined) return ctx
  return { ...ctx, steps: { ...ctx.steps, source: ctx.discoveredAt } }
}
