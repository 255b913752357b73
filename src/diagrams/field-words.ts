/**
 * The fields of a journal entry in the plan's words: a label for every field, and
 * codes (recipients, grades, categories, obligations, decisions, roles) named by their
 * labels; times in Beijing time. Used by the review report and the documents, so a
 * printed 简报 never shows `to | leader` or `characterisation`.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS, type Category, PHASE_LABELS, type Phase } from '../../machines/vocabulary.js'
import { purposeWord } from '../console/static/purpose-words.js'
import { withoutCodes } from '../console/static/value-names.js'
import { ROLE_LABELS } from './role-words.js'
import { beijing } from './time.js'
import { eventProps, valueName } from './value-words.js'

export const FIELD_LABELS: Record<string, string> = {
  to: '报送对象',
  proposal: '处置建议',
  note: '备注',
  reason: '理由',
  severity: '级别',
  severityReason: '定级理由',
  category: '涉事原因',
  source: '出处',
  statement: '表态',
  content: '内容',
  draftId: '稿件',
  purpose: '稿件用途',
  channel: '发布渠道',
  obligation: '应办事项',
  decision: '决定事项',
  answer: '决定',
  line: '口径',
  facts: '事实',
  title: '标题',
  characterisation: '定性',
  summary: '总结',
  findings: '评估意见',
  improvements: '改进意见',
  instruction: '批示',
  url: '网址',
  platform: '平台',
  result: '结果',
  recipients: '报送对象',
  deadline: '时限',
  dueAt: '到期时间',
  at: '时间',
  share: '已用时间',
  discoveredAt: '发现时间',
  knownAt: '获知时间',
  occurredAt: '发生时间',
  planVersion: '预案版本',
  relatedTo: '关联事件',
  phase: '阶段',
  role: '角色',
}

/**
 * A draft purpose (DRAFT `purpose`) of `plan` by its name: the one table the console reads too
 * (src/console/static/purpose-words.js), so a document names a draft as the console does.
 */
export const purposeLabel = (plan: Pick<PlanDefinition, 'id'>, code: string): string =>
  purposeWord(plan.id, code, 'zh')

const OB_KEYS: Record<string, string> = {
  begun: '开始应办',
  met: '办结',
  late: '超时后补办',
  breached: '记为超时',
  waived: '免除',
  withdrawn: '撤销',
  escalated: '已上报',
  requoted: '重算到期时间',
}

/**
 * The plan's own labels for an event's fields, read from its schema's descriptions less the codes
 * they list and what they add in brackets: `报送方式（bulletin=舆情动态，phone=电话，written=书面）`
 * gives 报送方式, `报送对象：group 领导小组；…` 报送对象. Fields without a description keep FIELD_LABELS;
 * the codes are named by value-words.ts.
 */
export function schemaLabels(plan: PlanDefinition, type: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, prop] of Object.entries(eventProps(plan, type))) {
    const d = prop.description ?? prop.items?.description
    if (!d) continue
    const title = withoutCodes(d, prop.enum ?? prop.items?.enum).trim()
    out.set(k, (/^([^（(]+)/.exec(title)?.[1] ?? title).trim())
  }
  return out
}

export interface Words {
  recipient: (code: string) => string
  obligation: (id: string) => string
  rule: (id: string) => string
}

export function wordsOf(plan: PlanDefinition, labels: Record<string, string> = {}): Words {
  const ruleLabel = (id: string) =>
    plan.obligations.find((r) => r.id === id)?.label ??
    (id.startsWith('approval:')
      ? Object.values(plan.approvals)
          .flatMap((l) => l ?? [])
          .find((a) => a.code === id.slice('approval:'.length).split(':')[0])?.label
      : undefined) ??
    id
  return {
    recipient: (code) => plan.obligations.find((r) => r.recipient?.code === code)?.recipient?.label ?? code,
    obligation: (id) => labels[id] ?? ruleLabel(id.replace(/#\d+$/, '').replace(/:d\d+$/, '')),
    rule: ruleLabel,
  }
}

const isIso = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)

/** One field's value in words. */
export function valueWords(plan: PlanDefinition, w: Words, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—'
  if (Array.isArray(v)) return v.map((x) => valueWords(plan, w, key, x)).join('、')
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'object') {
    if (Object.keys(v).length === 0) return '—'
    if (key === 'obligations')
      return Object.entries(v as Record<string, unknown>)
        .map(
          ([k, ids]) =>
            `${OB_KEYS[k] ?? k}：${(Array.isArray(ids) ? ids : [ids]).map((id) => w.obligation(String(id))).join('、')}`,
        )
        .join('；')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${FIELD_LABELS[k] ?? k}：${valueWords(plan, w, k, x)}`)
      .join('；')
  }
  const s = String(v)
  if (key === 'to' || key === 'recipients') return w.recipient(s)
  if (key === 'severity') return plan.severities.find((x) => x.code === s)?.label ?? s
  if (key === 'category') return CATEGORY_LABELS[s as Category] ?? s
  if (key === 'obligation' || key === 'instance') return w.obligation(s)
  if (key === 'decision') return w.rule(s)
  if (key === 'answer') return s === 'yes' ? '是' : s === 'no' ? '否' : s
  if (key === 'purpose' || key === 'purposes') return purposeLabel(plan, s)
  if (key === 'phase') return PHASE_LABELS[s as Phase] ?? s
  if (key === 'role') return ROLE_LABELS[s] ?? s
  if (key === 'share' && typeof v === 'number') return `${Math.round(v * 100)}%`
  if (isIso(s)) return beijing(s)
  return s.length > 300 ? `${s.slice(0, 300)}…` : s
}

/** Every field of a payload as `[label, value]`, in the payload's order. */
export function payloadRows(
  plan: PlanDefinition,
  payload: Record<string, unknown>,
  w = wordsOf(plan),
  type?: string,
): Array<[string, string]> {
  const own = type ? schemaLabels(plan, type) : new Map<string, string>()
  return Object.entries(payload)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => {
      const label = k === 'obligations' ? '应办事项变化' : (own.get(k) ?? FIELD_LABELS[k] ?? k)
      // A code by the plan's one name for it (value-words.ts), as the console names it.
      const coded = (x: unknown) =>
        typeof x === 'string' && type ? (valueName(plan, type, k, x) ?? null) : null
      const text = Array.isArray(v)
        ? v.map((x) => coded(x) ?? valueWords(plan, w, k, x)).join('、')
        : (coded(v) ?? valueWords(plan, w, k, v))
      return [label, text]
    })
}
