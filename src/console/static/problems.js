/**
 * Problems (RFC 9457 bodies) in the reader's language. The server speaks English
 * (zod issue messages, "role group may not open incidents"); the console shows each
 * field error as the field's own label with a sentence in the chosen language, and
 * 403/409/4xx titles and details as sentences of its own. Nothing the server says in
 * English reaches a zh-CN page: an unknown message becomes a generic sentence.
 */
import { decisionNotOwedText } from './decision-refusal.js'
import { draftRefusedText } from './draft-refusal.js'
import { factName } from './fact-names.js'
import { addStrings, clausesOf, lang, listOf, paren, t, term } from './i18n.js'
import { formatTime } from './time.js'
import { waiverRefusedText } from './waiver-refusal.js'

addStrings({
  zh: {
    'v.required': '必填',
    'v.tooShort': '至少 {n} 个字',
    'v.empty': '不能为空',
    'v.tooLong': '最多 {n} 个字',
    'v.fewItems': '至少选择 {n} 项',
    'v.manyItems': '最多选择 {n} 项',
    'v.min': '不能小于 {n}',
    'v.max': '不能大于 {n}',
    'v.number': '应为数字',
    'v.integer': '应为整数',
    'v.type': '填写的类型不对',
    'v.option': '请从列表中选择',
    'v.optionOf': '请从以下选项中选择：{options}',
    'v.url': '不是有效的网址（以 http:// 或 https:// 开头）',
    'v.time': '不是有效的时间',
    'v.future': '不能晚于现在',
    'v.beforePrevious': '不能早于上一步的时间',
    'v.beforePreviousAt': '不能早于上一步的时间：最早可填 {time}（北京时间，已记录的最近一项的时间）',
    'v.unknownField': '本预案的这一步没有此项',
    'v.unknownEvent': '本预案没有这个操作',
    'v.unknownPlan': '没有这个预案',
    'v.pattern': '格式不对',
    'v.json': '内容不是有效的 JSON',
    'v.emptyFile': '文件为空',
    'v.invalid': '填写有误',
    'v.noteMissing': '所更正的记录不存在',
    'v.reasonNeeded': '人工定级与计算结果不同，需填写定级理由',
    'v.severityNotUsed': '本预案没有这个级别',
    'v.relatedMissing': '关联的事件不存在',
    'v.ifMatch': '版本号不对',
    'err.fields': '请修改以下内容：{fields}',
    'err.forbidden': '您的角色（{role}）无权执行此操作。',
    'err.forbiddenOpen': '您的角色（{role}）不能新建事件；舆情监测、办公室和管理员可以新建。',
    'err.forbiddenEvent': '您的角色（{role}）无权执行「{event}」；可执行的角色：{roles}。',
    'err.forbiddenAuditor': '审计角色只能查看，不能修改。',
    'err.forbiddenAssign': '您的角色（{role}）不能指派负责人。',
    'err.notAllowed': '当前阶段（{phase}）不接受「{event}」。',
    'err.missingApprovals': '稿件 {draft} 尚缺审批：{approvals}。审批齐全后才能进行「{event}」。',
    'err.owed': '尚有应办事项未办结：{items}。须先办结或由有权人员免除，才能进行「{event}」。',
    'err.decisions': '须先就{decisions}作出同意的决定，才能进行「{event}」。',
    'err.decisionsOr': '或者先就{decisions}作出同意的决定，也可进行。',
    'err.conditions': '「{event}」现在不能办理，预案的条件尚不满足：{conditions}。',
    'err.acceptedIn': '当前阶段（{phase}）不接受「{event}」；可在以下环节办理：{states}。',
    'err.decision': '「{label}」',
    'err.decisionBy': '「{label}」（{roles}）',
    'err.decisionJoin': '或',
    'err.versionConflict': '事件已被他人更新（现为第 {version} 版），请刷新后再操作。',
    'err.notFound': '没有找到，或您无权查看。',
    'err.tooLarge': '提交的内容过大。',
    'err.mediaType': '提交的格式不对。',
    'err.idempotency': '这次提交与之前的同一提交内容不同，未执行。',
    'err.unauthorized': '登录已失效，请重新登录。',
    'err.other': '请求未成功（{status}）。',
    'err.request': '提交的内容',
  },
  en: {
    'v.required': 'required',
    'v.tooShort': 'at least {n} characters',
    'v.empty': 'must not be empty',
    'v.tooLong': 'at most {n} characters',
    'v.fewItems': 'choose at least {n}',
    'v.manyItems': 'choose at most {n}',
    'v.min': 'must be at least {n}',
    'v.max': 'must be at most {n}',
    'v.number': 'must be a number',
    'v.integer': 'must be a whole number',
    'v.type': 'wrong kind of value',
    'v.option': 'choose one of the list',
    'v.optionOf': 'choose one of: {options}',
    'v.url': 'not a valid URL (http:// or https://)',
    'v.time': 'not a valid time',
    'v.future': 'must not be in the future',
    'v.beforePrevious': 'must not be before the previous step',
    'v.beforePreviousAt':
      'must not be before the previous step: {time} (Beijing time, that of the latest entry recorded) at the earliest',
    'v.unknownField': 'this step of the plan has no such field',
    'v.unknownEvent': 'the plan has no such action',
    'v.unknownPlan': 'no such plan',
    'v.pattern': 'wrong format',
    'v.json': 'not valid JSON',
    'v.emptyFile': 'the file is empty',
    'v.invalid': 'invalid',
    'v.noteMissing': 'the note to correct does not exist',
    'v.reasonNeeded': 'a grade other than the computed one needs a reason',
    'v.severityNotUsed': 'the plan has no such grade',
    'v.relatedMissing': 'the related incident does not exist',
    'v.ifMatch': 'wrong version',
    'err.fields': 'Please correct: {fields}',
    'err.forbidden': 'Your role ({role}) may not do this.',
    'err.forbiddenOpen': 'Your role ({role}) may not open incidents; monitor, office and admin may.',
    'err.forbiddenEvent': 'Your role ({role}) may not send “{event}”; roles that may: {roles}.',
    'err.forbiddenAuditor': 'Auditors read and never write.',
    'err.forbiddenAssign': 'Your role ({role}) may not assign incidents.',
    'err.notAllowed': 'The current phase ({phase}) does not accept “{event}”.',
    'err.missingApprovals':
      'Draft {draft} still lacks approval: {approvals}. “{event}” needs every approval first.',
    'err.owed': 'Still owed: {items}. Do them, or have someone entitled waive them, before “{event}”.',
    'err.decisions': 'Decide {decisions} yes first; then “{event}” can be sent.',
    'err.decisionsOr': 'Or decide {decisions} yes first; that lets it through too.',
    'err.conditions': '“{event}” cannot be sent now; the plan’s conditions do not hold: {conditions}.',
    'err.acceptedIn': 'The current phase ({phase}) does not accept “{event}”; it is taken in: {states}.',
    'err.decision': '“{label}”',
    'err.decisionBy': '“{label}” ({roles})',
    'err.decisionJoin': ' or ',
    'err.versionConflict': 'Another officer updated the incident (now version {version}); refresh first.',
    'err.notFound': 'Not found, or you may not see it.',
    'err.tooLarge': 'The request is too large.',
    'err.mediaType': 'The request has the wrong format.',
    'err.idempotency': 'This retry differs from the first request with the same key; nothing was done.',
    'err.unauthorized': 'Your session has ended; please sign in again.',
    'err.other': 'The request failed ({status}).',
    'err.request': 'the request',
  },
})

/** Server messages (zod v4 and the engine's own) → a sentence key with its numbers. */
const RULES = [
  [/^required: the plan computes/, () => t('v.reasonNeeded')],
  [/received undefined|^required$/i, () => t('v.required')],
  [/expected string to have >=1 characters/, () => t('v.empty')],
  [/expected string to have >=(\d+)/, (m) => t('v.tooShort', { n: m[1] })],
  [/expected string to have <=(\d+)/, (m) => t('v.tooLong', { n: m[1] })],
  [/expected array to have >=(\d+)/, (m) => t('v.fewItems', { n: m[1] })],
  [/expected array to have <=(\d+)/, (m) => t('v.manyItems', { n: m[1] })],
  [/expected number to be >=?(-?[\d.]+)/, (m) => t('v.min', { n: m[1] })],
  [/expected number to be <=?(-?[\d.]+)/, (m) => t('v.max', { n: m[1] })],
  [/expected int\b/, () => t('v.integer')],
  [/expected number/, () => t('v.number')],
  [/Invalid option|Invalid input: expected "/, () => t('v.option')],
  [/Invalid input: expected/, () => t('v.type')],
  [/Invalid URL/i, () => t('v.url')],
  [/datetime|ISO-8601|not a valid time/i, () => t('v.time')],
  [/must not be in the future/, () => t('v.future')],
  [/before the previous event/, () => t('v.beforePrevious')],
  [/unknown field|Unrecognized key/i, () => t('v.unknownField')],
  [/unknown event type/, () => t('v.unknownEvent')],
  [/^no plan /, () => t('v.unknownPlan')],
  [/must match pattern/, () => t('v.pattern')],
  [/not valid JSON/, () => t('v.json')],
  [/empty file/, () => t('v.emptyFile')],
  [/names no note/, () => t('v.noteMissing')],
  [/not a grade of this plan/, () => t('v.severityNotUsed')],
  [/no such incident|names no incident/, () => t('v.relatedMissing')],
  [/not a version|differs from If-Match/, () => t('v.ifMatch')],
]

const hasHan = (s) => /[\u4e00-\u9fff]/.test(s)

/**
 * One field error in the chosen language. `options(path)` may give the labels of the
 * field's allowed values (the plan's own names), shown with an invalid choice; `expected`
 * (the 400's) gives the earliest time allowed where a time is before the previous entry's.
 */
export function fieldMessage(message, { path = '', options, expected } = {}) {
  const text = String(message ?? '')
  // A time before the previous entry's: the earliest one allowed (the 400's `expected`).
  const earliest = /before the previous event/.test(text) && /at or after (\S+)/.exec(String(expected ?? ''))
  if (earliest) return t('v.beforePreviousAt', { time: formatTime(earliest[1]) })
  for (const [re, say] of RULES) {
    const m = re.exec(text)
    if (!m) continue
    const said = say(m)
    if (said === t('v.option') && options) {
      const labels = options(path)
      if (labels?.length) return t('v.optionOf', { options: listOf(labels) })
    }
    return said
  }
  // A message of the plan's own (Chinese) passes; English the console does not know does not.
  if (lang() === 'zh' && !hasHan(text)) return t('v.invalid')
  return text || t('v.invalid')
}

/** "Unrecognized key: "too"" names the key: the error belongs to that path. */
export function errorPath(err) {
  const path = String(err?.path ?? '')
  const key = /Unrecognized key: "([^"]+)"/.exec(String(err?.message ?? ''))?.[1]
  if (key && (path === '' || path === '(body)')) return key
  return path
}

/**
 * The sentence for a failed request. `ctx`: `{ role, eventLabel(type), labelFor(path),
 * obligations }` gives the names the console knows (the event's label, a field's label,
 * the incident's obligations: who owes a decision a 409 names).
 */
export function problemMessage(e, ctx = {}) {
  const status = e?.status ?? -1
  const p = e?.problem ?? {}
  const detail = String(p.detail ?? e?.message ?? '')
  const role = term('role', ctx.role ?? /role (\w+)/.exec(detail)?.[1] ?? '')
  const eventLabel = (type) => ctx.eventLabel?.(type) ?? type
  if (status === 0) return t('err.network')
  if (status === 503) return t(p.outcome === 'unknown' ? 'err.storageFailed' : 'err.storage')
  if (status >= 500)
    return t('err.server', { status, detail: lang() === 'zh' ? '' : detail }).replace(/[：:]\s*$/, '')
  if (status === 400) {
    const errors = Array.isArray(p.errors) ? p.errors : []
    const labels = [...new Set(errors.map((x) => ctx.labelFor?.(errorPath(x)) ?? fieldName(errorPath(x))))]
    return labels.length ? t('err.fields', { fields: listOf(labels) }) : t('v.invalid')
  }
  if (status === 401) return t('err.unauthorized')
  if (status === 403) {
    if (/auditor/.test(detail)) return t('err.forbiddenAuditor')
    if (/may not open incidents/.test(detail)) return t('err.forbiddenOpen', { role })
    if (/may not assign/.test(detail)) return t('err.forbiddenAssign', { role })
    const send = /may not send (\w+) \(allowed: ([^)]*)\)/.exec(detail)
    if (send)
      return t('err.forbiddenEvent', {
        role,
        event: eventLabel(send[1]),
        roles: send[2]
          .split(/,\s*/)
          .map((r) => term('role', r))
          .join('、'),
      })
    return t('err.forbidden', { role })
  }
  if (status === 404) return t('err.notFound')
  if (status === 409) {
    if (isVersionConflict(p)) return t('err.versionConflict', { version: p.version ?? '?' })
    const type = /^(\w+) is (?:not accepted|refused)/.exec(detail)?.[1] ?? ctx.eventType ?? ''
    const event = eventLabel(type)
    // A DECIDE of a decision not owed now: which decision, and why (answered, waived, not asked yet).
    const notOwed = decisionNotOwedText(p.decision)
    if (notOwed) return notOwed
    // An event refused because of the draft it names: what became of that draft.
    const draft = draftRefusedText(p.draft)
    if (draft) return draft
    // A waiver the reader's role may not give: who may (rule 2).
    const waiver = waiverRefusedText(p.waiver)
    if (waiver) return waiver
    // A release refused for approvals, a close refused for what is owed (OBLIGATIONS.md rules 2, 8).
    const missing = Array.isArray(p.missingApprovals) ? p.missingApprovals : []
    if (missing.length)
      return t('err.missingApprovals', {
        draft: missing[0].draftId ?? '',
        approvals: missing.map((a) => a.label).join(' → '),
        event,
      })
    const owed = Array.isArray(p.owed) ? p.owed : []
    // An event that follows a yes, refused while that decision is owed (rule 3): which to answer first.
    const decisions = decisionsText(p.decisions, ctx.obligations)
    if (owed.length) {
      const said = t('err.owed', { items: owed.map((o) => o.label).join('；'), event })
      return decisions ? `${said}${t('err.decisionsOr', { decisions })}` : said
    }
    if (decisions) return t('err.decisions', { decisions, event })
    // Else the plan's chart says why (its conditions, in the plan's words, with their clauses,
    // each named once by the server), or where the event is taken (README "Errors").
    const conditions = Array.isArray(p.conditions) ? p.conditions : []
    if (conditions.length)
      return t('err.conditions', {
        event,
        conditions: clausesOf(conditions.map((c) => (c.clause ? `${c.words}${paren(c.clause)}` : c.words))),
      })
    const acceptedIn = Array.isArray(p.acceptedIn) ? p.acceptedIn : []
    if (acceptedIn.length)
      return t('err.acceptedIn', {
        phase: term('phase', p.phase),
        event,
        states: acceptedIn.map((a) => a.label).join('；'),
      })
    return t('err.notAllowed', { phase: term('phase', p.phase), event })
  }
  if (status === 413) return t('err.tooLarge')
  if (status === 415) return t('err.mediaType')
  if (status === 422) return t('err.idempotency')
  return t('err.other', { status })
}

/**
 * The owed decisions of a 409 (`decisions: [{ obligation, rule, label }]`), each with the
 * roles that owe it where the incident's `obligations` (its view) name that obligation;
 * any one's yes lets the event through. '' when there are none.
 */
function decisionsText(decisions, obligations) {
  if (!Array.isArray(decisions) || decisions.length === 0) return ''
  return decisions
    .map((d) => {
      const owedBy = (Array.isArray(obligations) ? obligations : []).find(
        (o) => o.id === d.obligation,
      )?.owedBy
      return owedBy?.length
        ? t('err.decisionBy', { label: d.label, roles: listOf(owedBy.map((r) => term('role', r))) })
        : t('err.decision', { label: d.label })
    })
    .join(t('err.decisionJoin'))
}

/** A 409 because the incident moved on (If-Match), not because the state refused the event. */
const isVersionConflict = (problem) =>
  /version-conflict/.test(String(problem?.type ?? '')) ||
  /expected version/.test(String(problem?.detail ?? ''))

/** A field's name when no form names it: the console's own label, else the path. */
export function fieldName(path) {
  if (path === '' || /^\(.*\)$/.test(path)) return t('err.request')
  const last =
    path
      .split('.')
      .filter((x) => !/^\d+$/.test(x))
      .pop() ?? path
  for (const key of [`payload.${last}`, `new.${last}`]) {
    const label = t(key)
    if (label !== key) return label
  }
  const fact = factName(last)
  return fact !== last ? fact : last
}
