/**
 * Each version's obligation list (with the escalation): version 4's (and 5's) from
 * obligations.ts; what versions 6, 7 and 8 add to it, and what versions 2 and 3 did differently,
 * derived from it and kept for the incidents opened on them.
 */
import type { ObligationRule } from '../../kit/types.js'
import { escalation, LEVEL_WAIVED, rules } from './obligations.js'

/** Version 4: a publication's text is a draft not published before (the chart's guard), and the view never offers a published one. */
export const obligations = [
  ...rules.map((r) => (r.draftPurpose === undefined ? r : { ...r, freshDraft: true })),
  escalation,
]

/**
 * Version 6, 四(五) 领导小组可根据需要，确定人员对舆情处置回顾总结: a review the group orders is
 * owed from its order — ordered again after a relapse, once the review ordered before was
 * waived, it is owed anew (kit `again.onYes`; OBLIGATIONS.md rule 3). Version 5 owed it
 * without showing it: CLOSE stayed refused with nothing owed, and only REVIEW closed.
 */
export const obligationsV6: ObligationRule[] = obligations.map((r) =>
  r.id === 'review' ? { ...r, again: { onYes: true } } : r,
)

/**
 * Version 7, 四(五) 领导小组可根据需要，确定人员对舆情处置回顾总结: whether to review is asked
 * again at a subsiding only once the asking before it was answered or waived — asked while
 * still owed (relapsed and subsided again without a decision), it stays the one question
 * (kit `again.whileOwed: false`). Version 6 asked it a second time: the group's yes went to
 * the older asking while the later one (waived, or still owed) stayed the latest, so the
 * review the yes ordered was not owed, not shown, and CLOSE in review named nothing.
 */
export const obligationsV7: ObligationRule[] = obligationsV6.map((r) =>
  r.id === 'decision:review' && r.again ? { ...r, again: { ...r.again, whileOwed: false } } : r,
)

/**
 * Version 8, 四(四) 必要时，可联系有信誉的媒体，让当事人接受采访。未经领导小组授权，…不得擅自接受记者采访:
 * whether to authorize an interview is asked again at a proposal only once the asking before
 * it was answered or waived — proposed again while still owed, it stays the one question
 * (kit `again.whileOwed: false`, as version 7 for the review). Version 7 asked it a second
 * time: with the later asking waived, the group's yes went to the older asking while the
 * guard read the latest (no answer), so INTERVIEW was refused with nothing owed or named.
 */
export const obligationsV8: ObligationRule[] = obligationsV7.map((r) =>
  r.id === 'decision:interview' && r.again ? { ...r, again: { ...r.again, whileOwed: false } } : r,
)

/** Version 3: an upper report (四(二)) waited for the level below to be told; a waiver never settled it. */
export const rulesV3: ObligationRule[] = rules.map((r) =>
  r.policy === LEVEL_WAIVED && r.when && 'settled' in r.when
    ? { ...r, policy: null, when: { met: r.when.settled } }
    : r,
)

/**
 * Version 2: an initial response begun by a category set late was due three working hours
 * from knownAt, already past (a breach the moment its timer fired).
 */
export const rulesV2: ObligationRule[] = rulesV3.map((r) =>
  r.id === 'answer:initial' && r.due
    ? { ...r, policy: null, due: { anchor: r.due.anchor, amount: r.due.amount, unit: r.due.unit } }
    : r,
)

export const obligationsV3 = [...rulesV3, escalation]
export const obligationsV2 = [...rulesV2, escalation]
