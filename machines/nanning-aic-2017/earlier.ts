/**
 * What versions 2 and 3 of 南宁市工商局预案 did differently, derived from the current
 * version's data (rules.ts) and kept for the incidents opened on them.
 */
import type { ApprovalRequirement, ObligationRule } from '../kit/types.js'
import type { Severity } from '../vocabulary.js'
import { approvals, LEVEL_WAIVED, rules } from './rules.js'

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

/**
 * Versions 2 and 3: 三(二)3 then 四(四), in order, for every public text (the formal reply
 * too, which needed the whole chain of its grade); no 审核 by the office (三(二)1).
 */
export const approvalsV3: Partial<Record<Severity, readonly ApprovalRequirement[]>> = Object.fromEntries(
  Object.entries(approvals).map(([grade, list]) => [
    grade,
    (list ?? []).filter((a) => a.code !== 'officeReview').map(({ purposes: _all, ...a }) => a),
  ]),
)
