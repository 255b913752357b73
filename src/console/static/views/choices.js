/**
 * The choices of the fields that name something on the incident rather than a code of
 * the plan: which owed obligation to waive (WAIVE `obligation`), which owed decision to
 * take (DECIDE `decision`), which draft to approve or release (`draftId`). Shown by
 * their words (the obligation's label, the draft's opening words and, once chosen, its
 * whole text), sent by their ids. A decision and a waiver are offered only to a role the
 * engine takes them from; where the role has none, the field's hint says so (its text box
 * stays, as it is where nothing is owed: a decision typed in is refused with the reason).
 */
import { addStrings, lang, listOf, paren, t, term } from '../i18n.js'

addStrings({
  zh: {
    'choice.draft': '{id}：{excerpt}',
    'choice.missing': '（尚缺：{approvals}）',
    'choice.approved': '（审批齐全）',
    'choice.released': '（已发布）',
    'choice.noDecision': '您的角色当前没有待作出的决定。',
    'choice.decidedBy': '「{label}」需由{roles}作出。',
    'choice.noWaiver': '您的角色当前没有可免除的应办事项。',
  },
  en: {
    'choice.draft': '{id}: {excerpt}',
    'choice.missing': ' (lacks: {approvals})',
    'choice.approved': ' (fully approved)',
    'choice.released': ' (released)',
    'choice.noDecision': 'Your role has no decision to take here right now.',
    'choice.decidedBy': '“{label}” is for {roles} to decide.',
    'choice.noWaiver': 'Your role has nothing it may waive here right now.',
  },
})

const EXCERPT = 20

/** An obligation in words: its label, its recipient, its draft. */
export function obligationText(o) {
  const parts = [o.label]
  if (o.recipient) parts.push(`→ ${o.recipient.label}`)
  if (o.draftId) parts.push(paren(o.draftId))
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

/** Whether `role` may send events of `type` under `plan` (GET /plans/:id of the incident's version). */
const sends = (plan, role, type) => plan?.events?.find((e) => e.type === type)?.roles.includes(role) ?? false

/**
 * Whether `role` may answer the owed decision `o` (the engine: the role may send DECIDE,
 * and the decision's `owedBy` names it, src/engine/obligations.ts `permits`; otherwise 403
 * outside DECIDE's roles, 409 within them, API.md).
 */
export const mayAnswer = (plan, role, o) => sends(plan, role, 'DECIDE') && o.owedBy.includes(role)

/**
 * Whether `role` may waive the owed obligation `o` (the engine: the role may send WAIVE, and
 * the obligation's rule does not narrow who may waive it to other roles, `waivableBy` in
 * GET /plans/:id, `[]` for an approval where approvals are not waived; kit `canWaive`).
 */
export function mayWaive(plan, role, o) {
  const only = plan?.obligations?.find((r) => r.id === o.rule)?.waivableBy
  return sends(plan, role, 'WAIVE') && (only === undefined || only.includes(role))
}

/** The owed decisions, one per decision (the first owed, as the engine reads a DECIDE's). */
const owedDecisions = (owed) =>
  owed.filter(
    (o, i) =>
      o.kind === 'decision' && owed.findIndex((x) => x.kind === 'decision' && x.rule === o.rule) === i,
  )

/**
 * Whether an event of `type` naming the owed obligation `o` (its field `obligation`) may name
 * it: WAIVE those the role may waive; any other event only those it discharges (a step naming
 * the one instance it does, kit `dischargeOne`: the engine refuses another with 409,
 * src/engine/obligations.ts `namedNotOwed`, kit `namesOwed`).
 */
export const mayName = (plan, role, type, o) =>
  type === 'WAIVE' ? mayWaive(plan, role, o) : o.discharge?.type === type

/**
 * field name → [{ value, label }] for the incident `view` (newest draft first), as the form
 * of event `type` offers them to `role` under `plan` (the incident's version's): DECIDE's
 * decisions only those the role may answer, WAIVE's obligations only those it may waive,
 * another event's obligations (CARRY_OUT's 批示) only the owed ones it discharges.
 */
export function fieldChoices(view, { type, role, plan } = {}) {
  const owed = (view?.obligations ?? []).filter((o) => o.status === 'owed')
  const obligations = owed.filter((o) => mayName(plan, role, type, o))
  return {
    obligation: obligations.map((o) => ({ value: o.id, label: obligationText(o) })),
    decision: owedDecisions(owed)
      .filter((o) => mayAnswer(plan, role, o))
      .map((o) => ({ value: o.rule, label: o.label })),
    draftId: (view?.drafts ?? [])
      .filter((d) => !d.withdrawn)
      .reverse()
      .map((d) => ({ value: d.id, label: draftText(d), detail: d.content })),
  }
}

/**
 * field name → a hint, for the fields of event `type` whose choices (`fieldChoices`) are none
 * for this role: that it has none now and, for a decision owed by others, whose it is.
 */
export function choiceHints(view, choices, type) {
  if (type === 'WAIVE' && choices.obligation.length === 0) return { obligation: t('choice.noWaiver') }
  if (type !== 'DECIDE' || choices.decision.length > 0) return {}
  const owed = (view?.obligations ?? []).filter((o) => o.status === 'owed')
  const others = owedDecisions(owed).map((o) =>
    t('choice.decidedBy', { label: o.label, roles: listOf(o.owedBy.map((r) => term('role', r))) }),
  )
  return { decision: [t('choice.noDecision'), ...others].join(lang() === 'en' ? ' ' : '') }
}
