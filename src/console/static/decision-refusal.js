/**
 * A DECIDE refused because its decision is not owed now (a 409's `decision`: README
 * "Errors"), in the reader's language: which decision (its label, the plan's words) and
 * why — not asked yet (the condition it is asked on), answered (yes or no, when), waived
 * (when), no such decision in the plan, or owed by other roles than the reader's (whose it
 * is: `owedBy`, API.md's 409 for a role among DECIDE's that does not owe it). Times in
 * Beijing time, as the console shows them.
 */
import { addStrings, listOf, t, term } from './i18n.js'
import { formatTime } from './time.js'

addStrings({
  zh: {
    'err.decisionNotAsked': '「{label}」尚未到询问条件，现在不能作出决定。询问条件：{when}。',
    'err.decisionNotAskedYet': '「{label}」尚未询问，现在不能作出决定。',
    'err.decisionAnswered': '「{label}」已作出决定：{answer}（{at}），现在无需再决定。',
    'err.decisionWaived': '「{label}」已于 {at} 免除，现在无需作出决定。',
    'err.decisionWaivedSome': '「{label}」已免除，现在无需作出决定。',
    'err.decisionUnknown': '预案无此决定：{id}。',
    'err.decisionOwedByOthers': '「{label}」需由{roles}作出，您的角色不能作出此决定。',
  },
  en: {
    'err.decisionNotAsked':
      '“{label}” is not asked yet, so it cannot be decided now. It is asked when: {when}.',
    'err.decisionNotAskedYet': '“{label}” is not asked yet, so it cannot be decided now.',
    'err.decisionAnswered': '“{label}” was decided already: {answer} ({at}); it is not asked again now.',
    'err.decisionWaived': '“{label}” was waived at {at}; it is not decided now.',
    'err.decisionWaivedSome': '“{label}” was waived; it is not decided now.',
    'err.decisionUnknown': 'The plan has no decision {id}.',
    'err.decisionOwedByOthers': '“{label}” is for {roles} to decide, not for your role.',
  },
})

/** The sentence for a 409's `decision` (`{ id, label, why, answer, at, askedWhen, owedBy }`); '' when there is none. */
export function decisionNotOwedText(d) {
  if (!d || typeof d !== 'object') return ''
  const label = d.label ?? d.id
  if (d.why === 'unknown') return t('err.decisionUnknown', { id: d.id })
  if (d.why === 'answered')
    return t('err.decisionAnswered', {
      label,
      answer: t(d.answer === 'yes' ? 'common.yes' : 'common.no'),
      at: formatTime(d.at),
    })
  if (d.why === 'waived')
    return d.at
      ? t('err.decisionWaived', { label, at: formatTime(d.at) })
      : t('err.decisionWaivedSome', { label })
  if (d.why === 'notAsked')
    return d.askedWhen
      ? t('err.decisionNotAsked', { label, when: d.askedWhen })
      : t('err.decisionNotAskedYet', { label })
  if (d.why === 'owedByOthers' && Array.isArray(d.owedBy))
    return t('err.decisionOwedByOthers', {
      label,
      roles: listOf(d.owedBy.map((r) => term('role', r))),
    })
  return ''
}
