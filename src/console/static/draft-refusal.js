/**
 * An event refused because of the draft it names (a 409's `draft`: README "Errors"), in the
 * reader's language: no such draft, withdrawn (when, by whom, why), published already (when),
 * superseded by a newer draft, or written by the one approving it. Times in Beijing time, as
 * the console shows them.
 */
import { addStrings, t } from './i18n.js'
import { formatTime } from './time.js'

addStrings({
  zh: {
    'err.draftUnknown': '没有稿件 {id}。',
    'err.draftWithdrawn':
      '稿件 {id} 已于 {at} 由{by}撤回（{reason}），不能再审批或发布；须重新起草（拟稿）并重新审批。',
    'err.draftReleased': '稿件 {id} 已于 {at} 发布，不能再次发布；新的内容须重新起草（拟稿）并重新审批。',
    'err.draftSuperseded': '稿件 {id} 已被较新的稿件 {newer} 取代：请审批并发布 {newer}，或先撤回 {newer}。',
    'err.draftAuthor': '稿件 {id} 由{by}起草：预案要求「{approval}」由起草人以外的人作出。',
  },
  en: {
    'err.draftUnknown': 'There is no draft {id}.',
    'err.draftWithdrawn':
      'Draft {id} was withdrawn at {at} by {by} ({reason}); it is neither approved nor published now. A new text is a new draft (DRAFT), approved anew.',
    'err.draftReleased':
      'Draft {id} was published at {at}; it is not published again. A new text is a new draft (DRAFT), approved anew.',
    'err.draftSuperseded':
      'Draft {id} is superseded by the newer draft {newer}: approve and publish {newer}, or withdraw {newer} first.',
    'err.draftAuthor':
      'Draft {id} was written by {by}: the plan requires “{approval}” from someone other than its author.',
  },
})

/** The sentence for a 409's `draft` (`{ id, why, at, by, reason, newer, approval }`); '' when there is none. */
export function draftRefusedText(d) {
  if (!d || typeof d !== 'object' || typeof d.id !== 'string') return ''
  const at = d.at ? formatTime(d.at) : ''
  if (d.why === 'unknown') return t('err.draftUnknown', { id: d.id })
  if (d.why === 'withdrawn')
    return t('err.draftWithdrawn', { id: d.id, at, by: d.by ?? '', reason: d.reason ?? '' })
  if (d.why === 'released') return t('err.draftReleased', { id: d.id, at })
  if (d.why === 'superseded') return t('err.draftSuperseded', { id: d.id, newer: d.newer ?? '' })
  if (d.why === 'author')
    return t('err.draftAuthor', { id: d.id, by: d.by ?? '', approval: d.approval ?? '' })
  return ''
}
