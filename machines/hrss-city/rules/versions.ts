/**
 * Each version's obligation list: version 4's (obligations.ts, its publications fresh
 * drafts), and what versions 3 and 2 owed differently, derived from it.
 */
import type { ObligationRule } from '../../kit/types.js'
import { escalation, rules } from './obligations.js'

/** Version 4: a publication's text is a draft not published before (the chart's guard), and the view never offers a published one. */
export const obligations: readonly ObligationRule[] = [...rules, escalation].map((r) =>
  r.draftPurpose === undefined ? r : { ...r, freshDraft: true },
)

/**
 * Version 3's rules, kept for the incidents opened on it: the commentary was owed only
 * once the reply was met (a waived reply owed none), and a report to 市委网信办 made at
 * 重大 did not count for the filing owed after a lowering to 一般.
 */
export const obligationsV3: readonly ObligationRule[] = obligations.map(({ freshDraft: _fresh, ...r }) => {
  if (r.id === 'commentary') return { ...r, when: { met: 'reply' } }
  if (r.id !== 'report:filing') return r
  const { prior: _prior, priorSteps: _steps, ...rest } = r
  return { ...rest, policy: null }
})

/**
 * Version 2's rules, kept for the incidents opened on it: a yes to a decision asked again
 * after a rise owed nothing new (the request to the city, the conference and its report
 * had been met once), and a report to the city's leader made at 特别重大 did not count
 * after a lowering to 重大.
 */
export const obligationsV2: readonly ObligationRule[] = obligationsV3.map((r) => {
  if (r.prior === 'sameGradeOrAbove') return { ...r, prior: 'sameGrade' }
  if (r.again?.raise !== 'whenHolds') return r
  const { again: _again, ...rest } = r
  return rest
})
