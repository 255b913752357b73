/**
 * The words every diagram, table and report uses for states, transitions, guards,
 * delays and deadline rules. Local policy (a rule the plan's text does not give) is
 * always marked with POLICY_MARK, never shown as if it were the plan's.
 */
import type { DeadlineRule, PlanDefinition } from '../../machines/kit/types.js'
import {
  CATEGORY_LABELS,
  type Category,
  type ClauseMeta,
  DEADLINE_LABELS,
  type DeadlineName,
  PHASE_LABELS,
  type Phase,
} from '../../machines/vocabulary.js'
import type { PlanModel, StateInfo, TransitionInfo } from './model.js'

export const POLICY_MARK = '【本地政策】'

const REGION_STATUS_LABELS: Record<string, string> = {
  idle: '未起算',
  pending: '计时中',
  met: '按时完成',
  missed: '已超时',
  escalated: '已超时并上报',
  cancelled: '已取消',
}

/** `第四條【本地政策】`, `五(二)`, or `【本地政策】` alone. */
export function citation(meta: ClauseMeta | null): string {
  if (!meta) return '（未注明）'
  const parts = [meta.clause ?? '', meta.policy !== null ? POLICY_MARK : '']
  return parts.join('') || '（未注明）'
}

/** The full citation for tables: clause, then the policy's own words. */
export function citationLong(meta: ClauseMeta | null): string {
  if (!meta) return '（未注明）'
  const clause = meta.clause ?? ''
  const pol = meta.policy !== null ? `${POLICY_MARK}${meta.policy}` : ''
  return [clause, pol].filter((x) => x !== '').join(' ') || '（未注明）'
}

export const isPolicy = (meta: ClauseMeta | null): boolean => meta !== null && meta.policy !== null

/** The 中文 label of a state: its meta label, else the vocabulary's phase label, else the key. */
export function stateLabel(s: StateInfo): string {
  if (s.meta?.label && s.meta.label !== s.key) return s.meta.label
  if (s.parent === 'phase' && s.key in PHASE_LABELS) return PHASE_LABELS[s.key as Phase]
  if (s.parent === 'deadlines' && s.key in DEADLINE_LABELS) return DEADLINE_LABELS[s.key as DeadlineName]
  if (s.region === 'deadlines' && s.key in REGION_STATUS_LABELS) return REGION_STATUS_LABELS[s.key]!
  return s.meta?.label ?? s.key
}

const severityLabel = (plan: PlanDefinition, code: unknown): string => {
  const s = plan.severities.find((x) => x.code === code)
  return s ? `${s.label}(${String(code)})` : String(code)
}

const NAMED_GUARDS: Record<string, string> = {
  isOpen: '未结束',
  isUnclassified: '未定级',
  isClassified: '已定级',
  approvalsComplete: '本级审批齐全',
  hasUnescalatedBreach: '有未上报的超时',
}

const paramText = (params: unknown): string =>
  params && typeof params === 'object'
    ? Object.entries(params as Record<string, unknown>)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : String(v)}`)
        .join(', ')
    : ''

/** A guard in words: named guards of the kit in 中文, others by name with their parameters. */
export function guardText(plan: PlanDefinition, guard: unknown): string | null {
  if (guard === undefined || guard === null) return null
  if (typeof guard === 'string') return NAMED_GUARDS[guard] ?? guard
  if (typeof guard === 'function') {
    const g = guard as { name: string; guards?: unknown[]; stateValue?: unknown }
    const parts = (g.guards ?? []).map((x) => guardText(plan, x) ?? '?')
    if (g.name === 'and') return parts.join(' 且 ')
    if (g.name === 'or') return `(${parts.join(' 或 ')})`
    if (g.name === 'not') return `非(${parts[0] ?? '?'})`
    return g.name || 'inline'
  }
  if (typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: Record<string, unknown> }
    const p = params ?? {}
    switch (type) {
      case 'severityAtLeast':
        return `级别≥${severityLabel(plan, p.min)}`
      case 'severityBelow':
        return `级别低于${severityLabel(plan, p.min)}`
      case 'categoryIn':
        return `涉事原因∈{${((p.categories as string[] | undefined) ?? [])
          .map((c) => CATEGORY_LABELS[c as Category] ?? c)
          .join('、')}}`
      case 'stepDone':
        return `已完成步骤 ${String(p.step)}`
      case 'deadlineIs':
        return `${String(p.name)} 最近一次为 ${String(p.status)}`
      default: {
        if (NAMED_GUARDS[type] && !params) return NAMED_GUARDS[type]!
        const args = paramText(params)
        return args ? `${type}(${args})` : type
      }
    }
  }
  return String(guard)
}

export function eventSpec(plan: PlanDefinition, type: string) {
  return plan.events.find((e) => e.type === type)
}

/** `REPORT 汇报` for events, `always（自动）`, `after reportDue（…）` for timed ones. */
export function eventText(plan: PlanDefinition, t: TransitionInfo): string {
  if (t.kind === 'always') return 'always（条件满足即自动）'
  if (t.kind === 'after') return `after ${t.delay ?? ''}（${delayText(plan, t.delay)}）`
  const spec = eventSpec(plan, t.event)
  return spec ? `${t.event} ${spec.label}` : t.event
}

/** Who may send the event, from the plan's event specs (`‹office/group›`). */
export function rolesText(plan: PlanDefinition, t: TransitionInfo): string | null {
  if (t.kind !== 'event') return null
  const spec = eventSpec(plan, t.event)
  return spec ? spec.roles.join('/') : null
}

/** The rules behind a named delay `<deadline>Due`. */
export const rulesOfDelay = (plan: PlanDefinition, delay: string | null): DeadlineRule[] =>
  delay?.endsWith('Due') ? plan.deadlines.filter((r) => `${r.name}Due` === delay) : []

const UNIT_TEXT: Record<DeadlineRule['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}

export const amountText = (r: DeadlineRule): string => `${r.amount} ${UNIT_TEXT[r.unit]}`

export const countsWorkingTime = (r: DeadlineRule): boolean =>
  r.unit === 'workingHours' || r.unit === 'workingDays'

export const clockText = (r: DeadlineRule): string =>
  countsWorkingTime(r) ? '工作时间（非工作时间顺延）' : '自然时间（不扣除非工作时间）'

export const ANCHOR_TEXT: Record<DeadlineRule['anchor'], string> = {
  discoveredAt: '发现时 discoveredAt',
  knownAt: '获知时 knownAt',
  occurredAt: '发生时 occurredAt',
  event: '起算步骤发生时',
}

export function appliesText(plan: PlanDefinition, r: DeadlineRule): string {
  const parts: string[] = []
  if (r.severities) parts.push(`级别 ${r.severities.map((s) => severityLabel(plan, s)).join('、')}`)
  if (r.categories) parts.push(`涉事原因 ${r.categories.map((c) => CATEGORY_LABELS[c]).join('、')}`)
  parts.push(
    r.startsOn === 'open' ? '开案（或级别、原因使其适用时）起算' : `步骤 ${r.startsOn.step} 完成时起算`,
  )
  if (r.restartOnRaise) parts.push('升级时重新起算')
  if (r.supersedes?.length) parts.push(`取代 ${r.supersedes.join('、')}`)
  return parts.join('；')
}

export function ruleCitation(r: DeadlineRule): string {
  return [r.clause ?? '', r.policy !== null ? POLICY_MARK : ''].join('') || POLICY_MARK
}

/** `30 分钟，自然时间【本地政策】`; per grade when the rules of one name differ. */
export function delayText(plan: PlanDefinition, delay: string | null): string {
  const rules = rulesOfDelay(plan, delay)
  if (rules.length === 0) return delay ?? ''
  const one = (r: DeadlineRule) =>
    `${amountText(r)}，${countsWorkingTime(r) ? '工作时间' : '自然时间'}${r.policy !== null ? POLICY_MARK : ''}`
  if (rules.length === 1) return one(rules[0]!)
  return rules
    .map((r) => `${r.severities?.join('/') ?? r.categories?.join('/') ?? r.id} ${one(r)}`)
    .join('；')
}

/** The one-line label of a transition as the diagrams show it. */
export function transitionLines(model: PlanModel, t: TransitionInfo): string[] {
  const plan = model.plan
  const lines = [eventText(plan, t)]
  const guard = guardText(plan, t.guard)
  const roles = rolesText(plan, t)
  const cond = [guard ? `[${guard}]` : '', roles ? `‹${roles}›` : ''].filter((x) => x).join(' ')
  if (cond) lines.push(cond)
  lines.push(citation(t.meta))
  return lines
}
