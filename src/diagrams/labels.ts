/**
 * The words every diagram, table and report uses for states, transitions, guards,
 * delays and deadline rules. Local policy (a rule the plan's text does not give) is
 * always marked with POLICY_MARK, never shown as if it were the plan's.
 */
import type { Condition, ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import {
  CATEGORY_LABELS,
  type Category,
  type ClauseMeta,
  PHASE_LABELS,
  type Phase,
} from '../../machines/vocabulary.js'
import { clockWords, countsWorkingTime } from '../console/static/due-words.js'
import { ruleAgainWords, ruleSay } from './again-words.js'
import { factLabel } from './criteria.js'
import { payloadRows, purposeLabel, wordsOf } from './field-words.js'
import { guardWord } from './guards.js'
import { type PlanModel, planModel, type StateInfo, type TransitionInfo } from './model.js'
import { valueName } from './value-words.js'

export const POLICY_MARK = '【本地政策】'

/** `again.onYes` in words: a decision answered yes again (after a relapse) owes it anew once settled. */
export const ON_YES_TEXT = ruleSay('plans.againOnYes')

/** `again.whileOwed: false` in words: a rise or `events` ask it again only once the asking before is settled. */
export const ONCE_SETTLED_TEXT = ruleSay('plans.againOnceSettled')

/** `again.afterBreach` in words: a breached instance still owed does not hold a rise back. */
export const AFTER_BREACH_TEXT = ruleSay('plans.againAfterBreach')

/** `again.told: 'sameGrade'` in words: risen again to a grade reported, a recipient told of it is owed nothing new. */
export const TOLD_SAME_GRADE_TEXT = ruleSay('plans.againToldSameGrade')

/** `again.breached` in words: a breach of a rule its condition lists, after it was settled, owes it anew. */
export const BREACHED_TEXT = ruleSay('plans.againBreached')

/** `dischargeOne` in words: one step meets one owed instance, the one it names or the oldest. */
export const DISCHARGE_ONE_TEXT = ruleSay('plans.dischargeOne')

/** Roles in the console's words (src/console/static/i18n.js). */
export const ROLE_LABELS: Record<string, string> = {
  monitor: '舆情监测',
  office: '办公室',
  unit: '业务单位',
  legal: '法制部门',
  spokesperson: '新闻发言人',
  leader: '分管领导',
  principal: '主要领导',
  group: '领导小组',
  auditor: '审计（只读）',
  admin: '管理员',
  newsLeader: '分管新闻宣传的领导',
  unitHead: '股室主要负责人',
  discipline: '纪检监察组或机关纪委',
  system: '系统',
}
export const rolesWords = (roles: readonly string[]): string =>
  roles.map((r) => ROLE_LABELS[r] ?? r).join('、')

export const KIND_LABELS: Record<string, string> = {
  report: '报告',
  approval: '审批',
  release: '发布',
  answer: '答复',
  decision: '决定',
  step: '步骤',
  review: '总结评估',
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
  return s.meta?.label ?? s.key
}

const severityLabel = (plan: PlanDefinition, code: unknown): string => {
  const s = plan.severities.find((x) => x.code === code)
  return s ? `${s.label}(${String(code)})` : String(code)
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
  if (typeof guard === 'string') return guardWord(plan.id, guard) ?? guard
  if (typeof guard === 'function') {
    const g = guard as { name: string; guards?: unknown[]; stateValue?: unknown }
    const parts = (g.guards ?? []).map((x) => guardText(plan, x) ?? '?')
    if (g.name === 'and') return parts.join(' 且 ')
    if (g.name === 'or') return `(${parts.join(' 或 ')})`
    if (g.name === 'not') return `非(${parts[0] ?? '?'})`
    return guardWord(plan.id, g.name) ?? (g.name || 'inline')
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
        return stepWords(plan, String(p.step))
      case 'holds':
        return conditionWords(plan, p.when as Condition)
      case 'owes':
        return `“${ruleLabel(plan, String(p.rule))}”待办`
      case 'waived':
        return `“${ruleLabel(plan, String(p.rule))}”已免除（免除即放行）`
      case 'canApprove':
        return `可作“${approvalLabel(plan, String(p.code))}”（顺序已到，审批人有权）`
      case 'settled':
        return Array.isArray(p.rules)
          ? `${(p.rules as string[]).map((r) => `“${ruleLabel(plan, r)}”`).join('、')}已办结或免除`
          : '无待办的应办事项'
      case 'approvalsComplete': {
        const fresh = p.unpublished === true ? '（未曾发布）' : ''
        return Array.isArray(p.purposes)
          ? `${(p.purposes as string[]).map((x) => purposeLabel(plan, x)).join('、')}稿件${fresh}已取得本级全部审批`
          : `稿件${fresh}已取得本级全部审批`
      }
      default: {
        const word = guardWord(plan.id, type)
        if (word && !params) return word
        if (word) {
          const said = Object.entries(params ?? {}).map(([k, v]) => {
            const x = String(v)
            if (k === 'purpose') return `稿件用途：${purposeLabel(plan, x)}`
            if (k === 'route') return `回应方式：${plan.events.length ? routeLabel(plan, x) : x}`
            if (k === 'unpublished') return v === true ? '稿件未曾发布' : '稿件可曾发布'
            if (k === 'to' && Array.isArray(v))
              return `报送对象：${(v as string[]).map((r) => recipientLabel(plan, r)).join('、')}`
            return `${k}=${x}`
          })
          return `${word}（${said.join('，')}）`
        }
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
  if (t.kind === 'after') return `after ${t.delay ?? ''}`
  const spec = eventSpec(plan, t.event)
  return spec ? `${t.event} ${spec.label}` : t.event
}

/** Who may send the event, from the plan's event specs (`‹office/group›`). */
export function rolesText(plan: PlanDefinition, t: TransitionInfo): string | null {
  if (t.kind !== 'event') return null
  const spec = eventSpec(plan, t.event)
  return spec ? spec.roles.join('/') : null
}

/** A step in words: the label of the event whose transition records it. */
function stepWords(plan: PlanDefinition, step: string): string {
  const t = planModel(plan).transitions.find((x) => x.steps.includes(step))
  const label = t ? plan.events.find((e) => e.type === t.event)?.label : undefined
  return label ? `已${label}` : `已完成步骤 ${step}`
}

/** A route's words: the label of the state of that name, if the machine has one. */
function routeLabel(plan: PlanDefinition, route: string): string {
  const node = (plan.machine.root as unknown as { states: Record<string, unknown> }).states
  const phase = node.phase as {
    states?: Record<string, { states?: Record<string, { meta?: { label?: string } }> }>
  }
  for (const p of Object.values(phase?.states ?? {})) {
    const hit = p.states?.[route]?.meta?.label
    if (hit) return hit
  }
  return route
}

const ruleLabel = (plan: PlanDefinition, id: string): string =>
  plan.obligations.find((r) => r.id === id)?.label ?? id
const approvalLabel = (plan: PlanDefinition, code: string): string =>
  Object.values(plan.approvals)
    .flatMap((l) => l ?? [])
    .find((a) => a.code === code)?.label ?? code

type Due = NonNullable<ObligationRule['due']>
const UNIT_TEXT: Record<Due['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}

export const amountText = (d: Due): string => `${d.amount} ${UNIT_TEXT[d.unit]}`

export { countsWorkingTime }

/** What the due time's clock counts (one table of words with the console: due-words.js). */
export const clockText = (d: Due): string => clockWords(d, 'zh')

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
  if (r.when) parts.push(`条件：${conditionWords(plan, r.when)}`)
  parts.push(...ruleAgainWords(plan, r))
  return parts.join('；') || '所有级别'
}

export function ruleCitation(r: Pick<ObligationRule, 'clause' | 'policy'>): string {
  return [r.clause ?? '', r.policy !== null ? POLICY_MARK : ''].join('') || POLICY_MARK
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

const recipientLabel = (plan: PlanDefinition, code: string): string =>
  plan.obligations.find((r) => r.recipient?.code === code)?.recipient?.label ?? code

/** The fields an act names, in the plan's words: recipients, rules, and others by the event's own (field-words.ts). */
const fieldWords = (plan: PlanDefinition, type: string, fields: Record<string, unknown>): string =>
  Object.entries(fields)
    .map(([k, v]) => {
      const list = Array.isArray(v) ? v.map(String) : [String(v)]
      if (k === 'to')
        return `报送${list.map((x) => valueName(plan, type, k, x) ?? recipientLabel(plan, x)).join('、')}`
      if (k === 'decision') return list.map((x) => ruleLabel(plan, x)).join('、')
      const [label, text] = payloadRows(plan, { [k]: v }, wordsOf(plan), type)[0] ?? [k, list.join('、')]
      return `${label}：${text}`
    })
    .join('，')

/** `since` in words: after the latest event of that type (by its label). */
const sinceWords = (plan: PlanDefinition, since: string | undefined) =>
  since === undefined ? '' : `，最近一次${plan.events.find((e) => e.type === since)?.label ?? since}之后`

/** A plan condition in words (zh-CN), naming events, recipients and rules by their labels. */
export function conditionWords(plan: PlanDefinition, c: Condition): string {
  if ('act' in c) {
    const label = plan.events.find((e) => e.type === c.act)?.label ?? c.act
    const fields = c.fields && Object.keys(c.fields).length ? `（${fieldWords(plan, c.act, c.fields)}）` : ''
    return `已${label}${fields}${sinceWords(plan, c.since)}`
  }
  if ('met' in c) return `“${ruleLabel(plan, c.met)}”已办结`
  if ('settled' in c) return `“${ruleLabel(plan, c.settled)}”已办结或免除`
  if ('decided' in c) return `已决定“${ruleLabel(plan, c.decided)}”为是`
  if ('fact' in c) return `${factLabel(plan.id, c.fact)}为“是”`
  if ('step' in c) return stepWords(plan, c.step)
  if ('risen' in c) return '级别最近一次变动为升高'
  if ('actAtGrade' in c)
    return `${conditionWords(plan, { act: c.actAtGrade, fields: c.fields })}（在当前或更高级别时${sinceWords(plan, c.since)}）`
  if ('waivedAtGrade' in c)
    return `“${ruleLabel(plan, c.waivedAtGrade)}”已免除（在当前或更高级别时${sinceWords(plan, c.since)}）`
  if ('uncategorised' in c) return '尚未认定涉事原因'
  if ('breached' in c) return `“${ruleLabel(plan, c.breached)}”已超时`
  if ('owed' in c) return `“${ruleLabel(plan, c.owed)}”尚待办理且未超时`
  if ('gradedBy' in c) return `${rolesWords(c.gradedBy)}自上次低于当前级别以来曾定为当前或更高级别`
  if ('grade' in c) return `级别为${c.grade.map((s) => severityLabel(plan, s)).join('、')}`
  if ('owedBegunBy' in c) {
    const label = plan.events.find((e) => e.type === c.owedBegunBy)?.label ?? c.owedBegunBy
    return `因${label}而起的“${ruleLabel(plan, c.rule)}”尚待办理且未超时`
  }
  if ('all' in c) return c.all.map((x) => conditionWords(plan, x)).join(' 且 ')
  if ('any' in c) return `（${c.any.map((x) => conditionWords(plan, x)).join(' 或 ')}）`
  return `非（${conditionWords(plan, c.not)}）`
}
