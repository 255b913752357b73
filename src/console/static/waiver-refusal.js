/**
 * A WAIVE refused because the reader's role may not waive that obligation (a 409's
 * `waiver`: README "Errors"), in the reader's language: which obligation and who may waive it.
 */
import { addStrings, listOf, t, term } from './i18n.js'

addStrings({
  zh: { 'err.waiverNotEntitled': '「{label}」只能由{roles}免除，您的角色不能免除此项。' },
  en: { 'err.waiverNotEntitled': '“{label}” may be waived only by {roles}, not by your role.' },
})

/** The sentence for a 409's `waiver` (`{ id, label, why, waivableBy }`); '' when there is none. */
export function waiverRefusedText(w) {
  if (!w || typeof w !== 'object' || w.why !== 'notEntitled' || !Array.isArray(w.waivableBy)) return ''
  return t('err.waiverNotEntitled', {
    label: w.label ?? w.id,
    roles: listOf(w.waivableBy.map((r) => term('role', r))),
  })
}
