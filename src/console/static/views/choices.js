/**
 * The choices of the fields that name something on the incident rather than a code of
 * the plan: which owed obligation to waive (WAIVE `obligation`), which owed decision to
 * take (DECIDE `decision`), which draft to approve or release (`draftId`). Shown by
 * their words (the obligation's label, the draft's opening words and, once chosen, its
 * whole text), sent by their ids.
 */
import { addStrings, t } from '../i18n.js'

addStrings({
  zh: {
    'choice.draft': '{id}：{excerpt}',
    'choice.missing': '（尚缺：{approvals}）',
    'choice.approved': '（审批齐全）',
    'choice.released': '（已发布）',
  },
  en: {
    'choice.draft': '{id}: {excerpt}',
    'choice.missing': ' (lacks: {approvals})',
    'choice.approved': ' (fully approved)',
    'choice.released': ' (released)',
  },
})

const EXCERPT = 20

/** An obligation in words: its label, its recipient, its draft. */
export function obligationText(o) {
  const parts = [o.label]
  if (o.recipient) parts.push(`→ ${o.recipient.label}`)
  if (o.draftId) parts.push(`（${o.draftId}）`)
  return parts.join(' ')
}

function draftText(d) {
  const text = d.content.replace(/\s+/g, ' ').trim()
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text
  const missing = d.missingApprovals ?? []
  let state = ''
  if (missing.length) state = t('choice.missing', { approvals: missing.map((a) => a.label).join(' → ') })
  else if (d.approvals?.length) state = t('choice.approved')
  if (d.releasedAt) state += t('choice.released')
  return `${t('choice.draft', { id: d.id, excerpt })}${state}`
}

/** field name → [{ value, label }] for the incident `view` (newest draft first). */
export function fieldChoices(view) {
  const owed = (view?.obligations ?? []).filter((o) => o.status === 'owed')
  return {
    obligation: owed.map((o) => ({ value: o.id, label: obligationText(o) })),
    decision: owed.filter((o) => o.kind === 'decision').map((o) => ({ value: o.rule, label: o.label })),
    draftId: (view?.drafts ?? [])
      .filter((d) => !d.withdrawn)
      .reverse()
      .map((d) => ({ value: d.id, label: draftText(d), detail: d.content })),
  }
}
