/**
 * The owed list's words (views/owed.js): its strings in both languages, an obligation named as
 * the list names it (`what`), a finished one's status (`doneText`), and why one's own duty has
 * no button yet (`notYet`: the duties it waits for, the step that comes first, the approvals a
 * draft lacks, or the flow not at the step yet).
 */
import { addStrings, lang, listOf, paren, t, term } from '../i18n.js'
import { formatTime } from '../time.js'

addStrings({
  zh: {
    'owed.title': '应办事项',
    'owed.none': '当前没有待办事项。',
    'owed.caption': '应办事项（北京时间）',
    'owed.what': '事项',
    'owed.by': '应办者',
    'owed.due': '截止',
    'owed.countdown': '倒计时',
    'owed.clause': '依据',
    'owed.act': '办理',
    'owed.noDue': '预案未规定时限',
    'owed.uncertain': '（不确定：节假日数据未覆盖）',
    'owed.breached': '已超时',
    'owed.dueBeforeOpened': '立案前已到期：线下已办的请补录并填写实际办理时间，否则将记为超时',
    'owed.doneTitle': '已办结事项（{count}）',
    'owed.status.met': '已办 {time}',
    'owed.status.late': '已超时 · 已补办 {time}',
    'owed.status.waived': '已免除：{who}，{reason}',
    'owed.status.withdrawn': '已撤销：{who}，{reason}',
    'owed.decided': '决定：{answer}（{who}：{reason}）',
    'owed.yes': '是',
    'owed.no': '否',
    'owed.notMine': '需由{roles}办理',
    'owed.alsoInActions': '；您的角色也可在「可执行的操作」中发送「{event}」，是否受理由预案决定',
    'owed.notYet': '当前尚不能办理：流程还未到这一步',
    'owed.waitsFor': '当前尚不能办理：须先办结{labels}',
    'owed.awaitApproval': '待审批：稿件 {id} 尚缺{approvals}',
    'owed.awaitDraft': '需先起草稿件',
    'owed.firstStep': '先由{roles}「{event}」',
    'owed.firstAct': '先{event}',
    'owed.draft': '稿件 {id}',
    'owed.waive': '免除',
  },
  en: {
    'owed.title': 'Owed',
    'owed.none': 'Nothing is owed now.',
    'owed.caption': 'What the incident owes (Beijing time)',
    'owed.what': 'Obligation',
    'owed.by': 'Owed by',
    'owed.due': 'Due',
    'owed.countdown': 'Countdown',
    'owed.clause': 'Clause',
    'owed.act': 'Do it',
    'owed.noDue': 'no time limit in the plan',
    'owed.uncertain': ' (uncertain: holiday data missing)',
    'owed.breached': 'Overdue',
    'owed.dueBeforeOpened':
      'due before the incident was recorded: if done offline, record it with the time it was done, or it will be recorded as overdue',
    'owed.doneTitle': 'Done ({count})',
    'owed.status.met': 'met {time}',
    'owed.status.late': 'overdue · done late {time}',
    'owed.status.waived': 'waived: {who}, {reason}',
    'owed.status.withdrawn': 'withdrawn: {who}, {reason}',
    'owed.decided': 'decided: {answer} ({who}: {reason})',
    'owed.yes': 'yes',
    'owed.no': 'no',
    'owed.notMine': 'to be done by {roles}',
    'owed.alsoInActions':
      '; your role may also send “{event}” from Actions: the plan decides whether it is taken',
    'owed.notYet': 'not possible yet: the flow has not reached this step',
    'owed.waitsFor': 'not possible yet: first settle {labels}',
    'owed.awaitApproval': 'awaiting approval: draft {id} lacks {approvals}',
    'owed.awaitDraft': 'a draft is needed first',
    'owed.firstStep': 'first “{event}” by {roles}',
    'owed.firstAct': 'First: {event}',
    'owed.draft': 'draft {id}',
    'owed.waive': 'Waive',
  },
})

export const who = (r) => `${r.by.name}${paren(term('role', r.by.role))}`
export const rolesText = (roles) => listOf(roles.map((r) => term('role', r)))

/**
 * An obligation in words: its label, recipient and draft; an escalation (超时上报: each
 * breach owes its own) names the duty whose breach it reports, begun at that breach.
 */
export function what(o, all = []) {
  const parts = [o.label]
  if (o.recipient) parts.push(`→ ${o.recipient.label}`)
  if (o.draftId) parts.push(paren(t('owed.draft', { id: o.draftId })))
  if (o.rule === 'escalate') {
    const breached = all.filter((x) => x !== o && x.rule !== 'escalate' && x.breachedAt === o.startedAt)
    if (breached.length > 0) parts.push(paren(listOf(breached.map((x) => x.label))))
  }
  return parts.join(' ')
}

/** The status line of a finished obligation, in words. */
export function doneText(o) {
  if (o.status === 'met') return t('owed.status.met', { time: formatTime(o.metAt) })
  if (o.status === 'late') return t('owed.status.late', { time: formatTime(o.metAt) })
  if (o.status === 'waived') return t('owed.status.waived', { who: who(o.waived), reason: o.waived.reason })
  if (o.status === 'withdrawn')
    return t('owed.status.withdrawn', { who: who(o.withdrawn), reason: o.withdrawn.reason })
  return ''
}

/** A duty's words in quotes, as the language quotes a plan's words: 「…」, “…”. */
const quoted = (text) => (lang() === 'en' ? `“${text}”` : `「${text}」`)

/** A step that comes first and is no approval (owed on a row of its own): a DRAFT, a CLASSIFY. */
export const ownStep = (first) => first !== undefined && !('draftId' in first.fields)

/**
 * Why one's own duty has no button yet: the other duties the plan holds its step for
 * (`waitsFor`, named as this list names them), the step that comes first (`firstStep`: who
 * drafts it, who grades the incident, `firstStepText`), the draft it would publish lacks
 * approvals or there is none, or the flow has not reached the step.
 */
export function notYet(view, o, takesDraft, firstStepText) {
  const waits = (o.waitsFor ?? [])
    .map((id) => view.obligations.find((x) => x.id === id))
    .filter((x) => x !== undefined)
  if (waits.length > 0)
    return t('owed.waitsFor', { labels: listOf(waits.map((x) => quoted(what(x, view.obligations)))) })
  if (ownStep(o.firstStep)) return firstStepText(o.firstStep)
  if (o.firstStep || takesDraft(o.discharge.type)) {
    const drafts = (view.drafts ?? []).filter((d) => !d.withdrawn)
    const d = drafts.find((x) => x.id === o.draftId) ?? drafts.at(-1)
    if (!d) return t('owed.awaitDraft')
    if (d.missingApprovals?.length)
      return t('owed.awaitApproval', {
        id: d.id,
        approvals: d.missingApprovals.map((a) => a.label).join(' → '),
      })
  }
  return t('owed.notYet')
}
