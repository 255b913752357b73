/**
 * The words every diagram, table and report uses for states, transitions, guards,
 * delays and deadline rules. Local policy (a rule the plan's text does not give) is
 * always marked with POLICY_MARK, never shown as if it were the plan's.
 *
 * This file holds a state's label, the kinds of rule and the `again` sentences, and is the one
 * place importers take the words from; the rest is beside it, by concern: citation.ts (clauses
 * and the policy mark), role-words.ts, guard-text.ts, condition-words.ts (conditions, and when a
 * rule applies), transition-words.ts (events and transitions), due-text.ts (due times),
 * plan-names.ts (a plan's rules, recipients, approvals, grades and steps by their labels).
 */
import { PHASE_LABELS, type Phase } from '../../machines/vocabulary.js'
import { ruleSay } from './again-words.js'
import type { StateInfo } from './model.js'

export { citation, citationLong, isPolicy, POLICY_MARK, ruleCitation } from './citation.js'
export { appliesText, conditionWords } from './condition-words.js'
export { ANCHOR_TEXT, amountText, clockText, countsWorkingTime } from './due-text.js'
export { guardText } from './guard-text.js'
export { ROLE_LABELS, rolesWords } from './role-words.js'
export { eventSpec, eventText, rolesText, transitionLines } from './transition-words.js'

/** `again.onYes` in words: a decision answered yes again (after a relapse) owes it anew once settled. */
export const ON_YES_TEXT = ruleSay('plans.againOnYes')

/** `again.whileOwed: false` in words: a rise or `events` ask it again only once the asking before is settled. */
export const ONCE_SETTLED_TEXT = ruleSay('plans.againOnceSettled')

/** `again.afterBreach` in words: a breached instance still owed does not hold a rise back. */
export const AFTER_BREACH_TEXT = ruleSay('plans.againAfterBreach')

/** `again.told: 'sameGrade'` in words: risen again to a grade reported, a recipient told of it is owed nothing new. */
export const TOLD_SAME_GRADE_TEXT = ruleSay('plans.againToldSameGrade')

/** `again.breached` in words: a breach of a rule its condition lists, after it was settled, owes it anew. */
export const BREACHED_TEXT = ruleSay('plans.againBreached')

/** `dischargeOne` in words: one step meets one owed instance, the one it names or the oldest. */
export const DISCHARGE_ONE_TEXT = ruleSay('plans.dischargeOne')

export const KIND_LABELS: Record<string, string> = {
  report: '报告',
  approval: '审批',
  release: '发布',
  answer: '答复',
  decision: '决定',
  step: '步骤',
  review: '总结评估',
}

/** The 中文 label of a state: its meta label, else the vocabulary's phase label, else the key. */
export function stateLabel(s: StateInfo): string {
  if (s.meta?.label && s.meta.label !== s.key) return s.meta.label
  if (s.parent === 'phase' && s.key in PHASE_LABELS) return PHASE_LABELS[s.key as Phase]
  return s.meta?.label ?? s.key
}
