/**
 * A plan condition in words (zh-CN), naming events, recipients and rules by their labels, and when
 * a rule applies (its grades, categories, condition and `again`) in one line.
 */
import type { Condition, ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS } from '../../machines/vocabulary.js'
import { ruleAgainWords } from './again-words.js'
import { factLabel } from './criteria.js'
import { payloadRows, wordsOf } from './field-words.js'
import { recipientLabel, ruleLabel, severityLabel, stepWords } from './plan-names.js'
import { rolesWords } from './role-words.js'
import { valueName } from './value-words.js'

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

/** When a rule applies, in one line: its grades, categories, condition and `again` (or 所有级别). */
export function appliesText(plan: PlanDefinition, r: ObligationRule): string {
  const parts: string[] = []
  if (r.severities) parts.push(`级别 ${r.severities.map((s) => severityLabel(plan, s)).join('、')}`)
  if (r.categories) parts.push(`涉事原因 ${r.categories.map((c) => CATEGORY_LABELS[c]).join('、')}`)
  if (r.when) parts.push(`条件：${conditionWords(plan, r.when)}`)
  parts.push(...ruleAgainWords(plan, r))
  return parts.join('；') || '所有级别'
}
