/**
 * The words every diagram, table and report uses for states, transitions, guards,
 * delays and deadline rules. Local policy (a rule the plan's text does not give) is
 * always marked with POLICY_MARK, never shown as if it were the plan's.
 */
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import {
  CATEGORY_LABELS,
  type Category,
  type ClauseMeta,
  DEADLINE_LABELS,
  type DeadlineName,
  PHASE_LABELS,
  type Phase,
} from '../../machines/vocabulary.js'
import { conditionText } from '../http/plan-obligations.js'
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

/** Timed transitions are gone: obligations own the due times (the ledger, not the chart). */
export const rulesOfDelay = (_plan: PlanDefinition, _delay: string | null): ObligationRule[] => []

type Due = NonNullable<ObligationRule['due']>
const UNIT_TEXT: Record<Due['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}

export const amountText = (d: Due): string => `${d.amount} ${UNIT_TEXT[d.unit]}`

export const countsWorkingTime = (d: Due): boolean => d.unit === 'workingHours' || d.unit === 'workingDays'

export const clockText = (d: Due): string =>
  countsWorkingTime(d) ? '工作时间（非工作时间顺延）' : '自然时间（不扣除非工作时间）'

export const ANCHOR_TEXT: Record<Due['anchor'], string> = {
  discoveredAt: '发现时',
  knownAt: '获知时',
  occurredAt: '发生时',
  start: '开始应办时',
}

export function appliesText(plan: PlanDefinition, r: ObligationRule): string {
  const parts: string[] = []
  if (r.severities) parts.push(`级别 ${r.severities.map((s) => severityLabel(plan, s)).join('、')}`)
  if (r.categories) parts.push(`涉事原因 ${r.categories.map((c) => CATEGORY_LABELS[c]).join('、')}`)
  if (r.when) parts.push(`条件：${conditionText(r.when)}`)
  if (r.again?.raise) parts.push('升级后再次应办（续报）')
  if (r.again?.events?.length) parts.push(`${r.again.events.join('、')} 后再次应办`)
  return parts.join('；') || '所有级别'
}

export function ruleCitation(r: Pick<ObligationRule, 'clause' | 'policy'>): string {
  return [r.clause ?? '', r.policy !== null ? POLICY_MARK : ''].join('') || POLICY_MARK
}

/** Timed transitions are gone; kept for the label code that still asks. */
export function delayText(_plan: PlanDefinition, delay: string | null): string {
  return delay ?? ''
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
