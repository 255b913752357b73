/**
 * What every plan's machine shares: the incident context, the named guards, actions
 * and delays for severity, steps, approvals and deadlines, the deadline regions, and
 * the events every open phase accepts (monitoring, re-grading, escalation).
 * A plan spreads these into its own `setup({...})` and adds its own.
 */
import { assign } from 'xstate'
import { z } from 'zod'
import {
  type Actor,
  CategorySchema,
  type ClauseMeta,
  DEADLINE_NAMES,
  type DeadlineName,
  FactsSchema,
  isAbove,
  policy,
  type Role,
  type Severity,
  SeveritySchema,
} from '../vocabulary.js'
import {
  cancelPending,
  completeStep,
  escalateAll,
  hasUnescalatedBreach,
  type RegionStatus,
  recordBreach,
  reevaluate,
  regionStatus,
  windowMs,
} from './deadlines.js'
import type {
  ApprovalRequirement,
  Classification,
  DeadlineRule,
  EventSpec,
  IncidentContext,
  IncidentEvent,
  IncidentInput,
} from './types.js'

export interface KitSpec {
  classify: (facts: IncidentContext['facts']) => Classification
  deadlines: readonly DeadlineRule[]
  approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>>
}

type Args = { context: IncidentContext; event: IncidentEvent }

/** `assign` typed for the incident context and events, with optional params. */
const update = <P = undefined>(fn: (args: Args, params: P) => Partial<IncidentContext>) =>
  assign<IncidentContext, IncidentEvent, P, IncidentEvent, never>(fn)

const text = (event: IncidentEvent, field: string): string | null => {
  const v = event[field]
  return typeof v === 'string' && v.trim() !== '' ? v : null
}
const list = (event: IncidentEvent, field: string): string[] => {
  const v = event[field]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** Approvals the current grade still lacks before a release. */
export const missingApprovals = (spec: KitSpec, ctx: IncidentContext): ApprovalRequirement[] =>
  ctx.severity === null
    ? []
    : (spec.approvals[ctx.severity] ?? []).filter((a) => !ctx.approvals.includes(a.code))

export function initialContext(spec: KitSpec, input: IncidentInput): IncidentContext {
  const computed = spec.classify(input.facts).severity
  const severity = input.severity ?? computed
  const base: IncidentContext = {
    title: input.title,
    discoveredAt: input.discoveredAt,
    knownAt: input.knownAt,
    occurredAt: input.occurredAt,
    category: input.category,
    facts: input.facts,
    severity,
    // A grade given below what the facts compute is a lowering: it pins like one.
    severityPin: isAbove(computed, severity) ? { computed, at: input.discoveredAt } : null,
    severityLog:
      severity === null
        ? []
        : [
            {
              from: null,
              to: severity,
              reason: input.severityReason,
              automatic: input.severity === null,
              at: input.discoveredAt,
              by: input.actor,
            },
          ],
    approvals: [],
    steps: {},
    reportedTo: [],
    deadlines: [],
    breaches: [],
    closedAt: null,
  }
  return { ...base, ...reevaluate(base, spec.deadlines, input.quotes, input.discoveredAt, 'first') }
}

function regrade(
  spec: KitSpec,
  ctx: IncidentContext,
  event: IncidentEvent,
  to: Severity,
  reason: string | null,
  automatic: boolean,
): Partial<IncidentContext> {
  const from = ctx.severity
  if (from === to) {
    return {
      severityLog: [...ctx.severityLog, { from, to, reason, automatic, at: event.at, by: event.actor }],
    }
  }
  const lowering = from !== null && isAbove(from, to)
  const next: IncidentContext = {
    ...ctx,
    severity: to,
    severityPin: lowering ? { computed: spec.classify(ctx.facts).severity, at: event.at } : null,
    // A rise obliges a new report to everyone the higher grade requires (PLANS.md "Severity changes").
    reportedTo: lowering || from === null ? ctx.reportedTo : [],
    severityLog: [...ctx.severityLog, { from, to, reason, automatic, at: event.at, by: event.actor }],
  }
  const change = from === null ? 'first' : lowering ? 'lower' : 'raise'
  return { ...next, ...reevaluate(next, spec.deadlines, event.quotes, event.at, change) }
}

export function createKit(spec: KitSpec) {
  const guards = {
    /** Every phase but `closed`. */
    isOpen: ({ context }: Args) => context.closedAt === null,
    isUnclassified: ({ context }: Args) => context.severity === null,
    isClassified: ({ context }: Args) => context.severity !== null,
    severityAtLeast: ({ context }: Args, p: { min: Severity }) =>
      context.severity !== null && !isAbove(p.min, context.severity),
    severityBelow: ({ context }: Args, p: { min: Severity }) =>
      context.severity === null || isAbove(p.min, context.severity),
    categoryIn: ({ context }: Args, p: { categories: readonly string[] }) =>
      context.category !== null && p.categories.includes(context.category),
    stepDone: ({ context }: Args, p: { step: string }) => context.steps[p.step] !== undefined,
    /** Every approval the current grade requires is in; an ungraded incident has none to give. */
    approvalsComplete: ({ context }: Args) =>
      context.severity !== null && missingApprovals(spec, context).length === 0,
    hasUnescalatedBreach: ({ context }: Args) => context.closedAt === null && hasUnescalatedBreach(context),
    deadlineIs: ({ context }: Args, p: { name: DeadlineName; status: RegionStatus }) =>
      regionStatus(context, p.name) === p.status,
  }

  const actions = {
    /** A step of the plan was done: meets its deadlines and starts the ones it triggers. */
    completeStep: update(({ context, event }: Args, p: { step: string }) =>
      completeStep(context, spec.deadlines, p.step, event.quotes, event.at),
    ),
    /** A report reached `event.to`; the report step is done once every recipient the grade needs is reached. */
    recordReport: update(
      ({ context, event }: Args, p: { required: Partial<Record<Severity, readonly string[]>> }) => {
        const reportedTo = [...new Set([...context.reportedTo, ...list(event, 'to')])]
        const needed = context.severity === null ? [] : (p.required[context.severity] ?? [])
        const done = needed.every((r) => reportedTo.includes(r))
        return done
          ? { reportedTo, ...completeStep(context, spec.deadlines, 'report', event.quotes, event.at) }
          : { reportedTo }
      },
    ),
    approve: update(({ context }: Args, p: { code: string }) => ({
      approvals: context.approvals.includes(p.code) ? context.approvals : [...context.approvals, p.code],
    })),
    applyFacts: update(({ context, event }: Args) => {
      const facts = { ...context.facts, ...FactsSchema.parse(event.facts ?? {}) }
      const next = { ...context, facts }
      const computed = spec.classify(facts).severity
      const pinned = context.severityPin !== null && !isAbove(computed, context.severityPin.computed)
      if (computed === null || !isAbove(computed, context.severity) || pinned) return { facts }
      return regrade(spec, next, event, computed, 'facts', true)
    }),
    setSeverity: update(({ context, event }: Args) =>
      regrade(spec, context, event, SeveritySchema.parse(event.severity), text(event, 'reason'), false),
    ),
    setCategory: update(({ context, event }: Args) => {
      const next = { ...context, category: CategorySchema.parse(event.category) }
      return { ...next, ...reevaluate(next, spec.deadlines, event.quotes, event.at, 'category') }
    }),
    recordBreach: update(({ context, event }: Args, p: { name: DeadlineName }) =>
      recordBreach(context, p.name, event.instance, event.at),
    ),
    escalate: update(({ context, event }: Args) => escalateAll(context, event.at)),
    closeIncident: update(({ context, event }: Args) => ({
      ...cancelPending(context, 'incident closed'),
      closedAt: event.at,
    })),
  }

  const delays = Object.fromEntries(
    DEADLINE_NAMES.map((name) => [`${name}Due`, ({ context }: Args) => windowMs(context, name)]),
  ) as Record<`${DeadlineName}Due`, (a: Args) => number>

  return { guards, actions, delays, initialContext: (input: IncidentInput) => initialContext(spec, input) }
}

const REGION_STATES: readonly RegionStatus[] = ['idle', 'pending', 'met', 'missed', 'escalated', 'cancelled']
const REGION_LABELS: Record<RegionStatus, string> = {
  idle: '未起算',
  pending: '计时中',
  met: '按时完成',
  missed: '已超时，须上报',
  escalated: '已超时，已上报',
  cancelled: '已取消',
}

/**
 * One parallel region per deadline the plan has. Its state mirrors the latest
 * instance in context (eventless transitions); in `pending`, the timed transition
 * `<name>Due` records the breach. The engine, not XState, fires it (durable timers).
 */
export function deadlineRegions(rules: readonly DeadlineRule[]) {
  const names = [...new Set(rules.map((r) => r.name))]
  const regionMeta = policy('每项时限一个并行区域，状态取自该时限最近一次起算（引擎持久计时）', '时限')
  return {
    type: 'parallel' as const,
    meta: regionMeta,
    states: Object.fromEntries(
      names.map((name) => {
        const first = rules.find((r) => r.name === name)!
        const meta: ClauseMeta = first.clause
          ? { clause: first.clause, policy: first.policy, label: name }
          : policy(first.policy ?? 'local policy', name)
        const mirror = (self: RegionStatus) =>
          REGION_STATES.filter((s) => s !== self).map((s) => ({
            guard: { type: 'deadlineIs' as const, params: { name, status: s } },
            target: s,
            meta,
          }))
        const states = Object.fromEntries(
          REGION_STATES.map((s) => [
            s,
            {
              meta: { ...meta, label: REGION_LABELS[s] },
              always: mirror(s),
              ...(s === 'pending'
                ? {
                    after: {
                      [`${name}Due`]: {
                        actions: { type: 'recordBreach' as const, params: { name } },
                        meta: { ...meta, label: `超时：${name}` },
                      },
                    },
                  }
                : {}),
            },
          ]),
        )
        return [name, { initial: 'idle' as const, meta, states }]
      }),
    ),
  }
}

export interface CommonEventMeta {
  monitor: { roles: readonly Role[]; meta: ClauseMeta }
  regrade: { roles: readonly Role[]; meta: ClauseMeta }
  categorize: { roles: readonly Role[]; meta: ClauseMeta }
  escalate: { roles: readonly Role[]; meta: ClauseMeta }
}

/** Transitions every open phase accepts; put them in the `phase` region's `on`. */
export const commonTransitions = (m: CommonEventMeta) => ({
  METRICS_UPDATED: { guard: 'isOpen' as const, actions: 'applyFacts' as const, meta: m.monitor.meta },
  SET_SEVERITY: { guard: 'isOpen' as const, actions: 'setSeverity' as const, meta: m.regrade.meta },
  SET_CATEGORY: { guard: 'isOpen' as const, actions: 'setCategory' as const, meta: m.categorize.meta },
  ESCALATE: { guard: 'hasUnescalatedBreach' as const, actions: 'escalate' as const, meta: m.escalate.meta },
})

/** Field schemas shared by many events. */
export const fields = {
  note: z.string().trim().min(1).max(4000).optional().describe('说明'),
  reason: z.string().trim().min(1).max(4000).describe('理由'),
  to: z.array(z.string().trim().min(1).max(200)).min(1).max(50).describe('报送对象'),
}

/**
 * Specs of the events every open phase accepts. Pass the plan's grades so that
 * SET_SEVERITY refuses a grade the plan does not use.
 */
export function commonEventSpecs(m: CommonEventMeta, grades?: readonly Severity[]): EventSpec[] {
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
  ]
}

export type { Actor }
