/**
 * The events every open phase of every plan accepts, with their transitions and payload
 * schemas: monitoring, re-grading, categorising, escalating a breach, drafting public
 * text, waiving an owed obligation, answering a decision; plus the two the engine's
 * scheduler sends (a due time passed, a due time re-quoted).
 */
import { z } from 'zod'
import {
  CATEGORY_LABELS,
  type Category,
  CategorySchema,
  type ClauseMeta,
  FactsSchema,
  policy,
  type Role,
  type Severity,
  SeveritySchema,
} from '../vocabulary.js'
import type { ObligationRule } from './obligation-types.js'
import type { EventSpec } from './types.js'

export interface CommonEventMeta {
  monitor: { roles: readonly Role[]; meta: ClauseMeta }
  regrade: { roles: readonly Role[]; meta: ClauseMeta }
  categorize: { roles: readonly Role[]; meta: ClauseMeta }
  escalate: { roles: readonly Role[]; meta: ClauseMeta }
  /** Who may record public text as a draft. */
  draft: { roles: readonly Role[]; meta: ClauseMeta }
  /** Who may waive an owed obligation (the plan names them, or a local policy does). */
  waive: { roles: readonly Role[]; meta: ClauseMeta }
  /** Who may answer the plan's decisions (each decision's own `owedBy` is checked too). */
  decide: { roles: readonly Role[]; meta: ClauseMeta }
}

/** Events only the engine sends; never in `allowedEvents`, never accepted over HTTP. */
export const SYSTEM_EVENTS = ['DEADLINE_PASSED', 'REQUOTE'] as const

/** Local policy: a breach owes an escalation (超时须向上级报告), by the roles that may escalate. */
export const escalationRule = (m: CommonEventMeta): ObligationRule => ({
  id: 'escalate',
  kind: 'step',
  label: '超时上报',
  clause: m.escalate.meta.clause,
  policy: m.escalate.meta.policy ?? '预案未规定超时处理；本地政策：超时须向上级报告',
  owedBy: m.escalate.roles,
  discharge: { type: 'ESCALATE', fields: {} },
  prior: 'none',
})

/** Transitions every open phase accepts; put them in the `phase` region's `on`. */
export const commonTransitions = (m: CommonEventMeta) => ({
  METRICS_UPDATED: { guard: 'isOpen' as const, actions: 'applyFacts' as const, meta: m.monitor.meta },
  SET_SEVERITY: { guard: 'isOpen' as const, actions: 'setSeverity' as const, meta: m.regrade.meta },
  SET_CATEGORY: { guard: 'isOpen' as const, actions: 'setCategory' as const, meta: m.categorize.meta },
  ESCALATE: { guard: 'hasUnescalatedBreach' as const, actions: 'escalate' as const, meta: m.escalate.meta },
  DRAFT: { guard: 'isOpen' as const, actions: 'draft' as const, meta: m.draft.meta },
  WITHDRAW_DRAFT: {
    guard: 'canWithdrawDraft' as const,
    actions: 'withdrawDraft' as const,
    meta: m.draft.meta,
  },
  WAIVE: { guard: 'canWaive' as const, actions: 'waive' as const, meta: m.waive.meta },
  DECIDE: { guard: 'canDecide' as const, meta: m.decide.meta },
  DEADLINE_PASSED: {
    guard: 'duePassed' as const,
    actions: 'recordBreach' as const,
    meta: policy('时限届满仍未办理：记录超时（永久保留）', '超时'),
  },
  REQUOTE: {
    guard: 'canRequote' as const,
    actions: 'requote' as const,
    meta: policy('节假日数据补齐后，对按不确定日历计算的时限重新计算一次', '重新计算时限'),
  },
})

/** Field schemas shared by many events. */
export const fields = {
  note: z.string().trim().min(1).max(4000).optional().describe('说明'),
  reason: z.string().trim().min(1).max(4000).describe('理由'),
  to: z.array(z.string().trim().min(1).max(200)).min(1).max(50).describe('报送对象'),
  draftId: z
    .string()
    .regex(/^d\d{1,4}$/)
    .describe('稿件编号（如 d1）'),
  content: z.string().trim().min(1).max(20000).describe('内容'),
}

/**
 * The event specs with every `category` field (SET_CATEGORY's, a 定性 that sets it, as
 * saws-2014's PROPOSE) taking only `categories`: the plan version's own, not every category
 * of the shared vocabulary.
 */
export function withCategories(
  specs: readonly EventSpec[],
  categories: readonly [Category, ...Category[]],
): EventSpec[] {
  const words = `涉事原因：${categories.map((c) => `${c} ${CATEGORY_LABELS[c]}`).join('；')}`
  return specs.map((e) => {
    const field = e.schema.shape.category
    if (field === undefined) return e
    const narrowed = z.enum(categories).describe(field.description ?? words)
    // An optional category (none set) stays optional: only its values narrow.
    const category = field.safeParse(undefined).success ? narrowed.optional() : narrowed
    return { ...e, schema: e.schema.extend({ category }) }
  })
}

/**
 * Specs of the events every open phase accepts. Pass the plan's grades so that
 * SET_SEVERITY refuses a grade the plan does not use, and the draft purposes it knows.
 */
export function commonEventSpecs(
  m: CommonEventMeta,
  grades?: readonly Severity[],
  purposes: readonly [string, ...string[]] = ['release'],
): EventSpec[] {
  const severity = grades && grades.length > 0 ? z.enum(grades as [Severity, ...Severity[]]) : SeveritySchema
  return [
    {
      type: 'METRICS_UPDATED',
      label: '监测数据更新',
      ...m.monitor,
      schema: z.object({ facts: FactsSchema, note: fields.note }).strict(),
    },
    {
      type: 'SET_SEVERITY',
      label: '调整级别',
      ...m.regrade,
      schema: z.object({ severity, reason: fields.reason }).strict(),
    },
    {
      type: 'SET_CATEGORY',
      label: '认定涉事原因',
      ...m.categorize,
      schema: z.object({ category: CategorySchema, note: fields.note }).strict(),
    },
    {
      type: 'ESCALATE',
      label: '超时上报',
      ...m.escalate,
      schema: z.object({ to: fields.to, note: fields.note }).strict(),
    },
    {
      type: 'DRAFT',
      label: '起草稿件',
      ...m.draft,
      schema: z
        .object({
          content: fields.content,
          purpose: z.enum(purposes).default(purposes[0]).describe('用途'),
          note: fields.note,
        })
        .strict(),
    },
    {
      type: 'WITHDRAW_DRAFT',
      label: '撤回稿件',
      ...m.draft,
      schema: z.object({ draftId: fields.draftId, reason: fields.reason }).strict(),
    },
    {
      type: 'WAIVE',
      label: '免除应办事项',
      ...m.waive,
      schema: z
        .object({
          obligation: z.string().trim().min(1).max(200).describe('应办事项编号'),
          reason: fields.reason,
        })
        .strict(),
    },
    {
      type: 'DECIDE',
      label: '作出决定',
      ...m.decide,
      schema: z
        .object({
          decision: z.string().trim().min(1).max(200).describe('决定事项'),
          answer: z.enum(['yes', 'no']).describe('是否'),
          reason: fields.reason,
        })
        .strict(),
    },
  ]
}
