/**
 * A transition's guard in words (zh-CN): the kit's guards by their type and parameters, a plan's
 * own by guards.ts, `and`/`or`/`not` combined; a guard not named shows its code.
 */
import type { Condition, PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS, type Category } from '../../machines/vocabulary.js'
import { conditionWords } from './condition-words.js'
import { purposeLabel } from './field-words.js'
import { guardWord } from './guards.js'
import {
  approvalLabel,
  recipientLabel,
  routeLabel,
  ruleLabel,
  severityLabel,
  stepWords,
} from './plan-names.js'

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
