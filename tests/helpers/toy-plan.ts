/**
 * A small plan that exercises every part of the obligations kit, for the kit's and
 * the engine's own tests (the five real plans have their own suites): a report per
 * recipient with a rise that owes a new report (续报), an upper report owed level by
 * level, an answer owed for one category, approvals bound to drafts in order (the
 * second separated from the author), a release, a decision, and a review.
 */
import { setup } from 'xstate'
import { z } from 'zod'
import {
  commonEventSpecs,
  commonTransitions,
  createKit,
  escalationRule,
  fields,
  withLedger,
} from '../../machines/kit/kit.js'
import type { KitOptions } from '../../machines/kit/options.js'
import type {
  ApprovalRequirement,
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  ObligationRule,
  PlanDefinition,
} from '../../machines/kit/types.js'
import { clause, policy, type Severity } from '../../machines/vocabulary.js'

const common = {
  monitor: { roles: ['monitor', 'office'] as const, meta: clause('1', '监测') },
  regrade: { roles: ['office', 'group'] as const, meta: clause('1', '调整级别') },
  categorize: { roles: ['monitor', 'office'] as const, meta: clause('1', '分类') },
  escalate: { roles: ['office', 'group'] as const, meta: policy('超时须上报', '超时上报') },
  draft: { roles: ['office', 'unit'] as const, meta: clause('4', '起草') },
  waive: { roles: ['group'] as const, meta: policy('领导小组可免除', '免除') },
  decide: { roles: ['group'] as const, meta: clause('5', '决定') },
}
const escalation = escalationRule(common)

export const toyRules: ObligationRule[] = [
  {
    id: 'report:group',
    kind: 'report',
    label: '向领导小组报告',
    clause: '2',
    policy: null,
    owedBy: ['monitor', 'office'],
    recipient: { code: 'group', label: '领导小组' },
    due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
    deadline: 'report',
    discharge: { type: 'REPORT', fields: { to: ['group'] } },
    again: { raise: true, events: ['RELAPSE'] },
    prior: 'sameGrade',
  },
  {
    id: 'report:city',
    kind: 'report',
    label: '向市里报告',
    clause: '2',
    policy: null,
    owedBy: ['office'],
    recipient: { code: 'city', label: '市委办' },
    severities: ['major', 'critical'],
    due: { anchor: 'discoveredAt', amount: 2, unit: 'hours' },
    discharge: { type: 'REPORT', fields: { to: ['city'] } },
    prior: 'sameGrade',
  },
  {
    id: 'report:higher',
    kind: 'report',
    label: '领导小组逐级上报',
    clause: '2',
    policy: '逐级：领导小组收到报告后 1 小时内',
    owedBy: ['group'],
    recipient: { code: 'higher', label: '上级' },
    severities: ['major', 'critical'],
    when: { met: 'report:group' },
    due: { anchor: 'start', amount: 60, unit: 'minutes' },
    discharge: { type: 'REPORT', fields: { to: ['higher'] } },
  },
  {
    id: 'answer',
    kind: 'answer',
    label: '答复网民',
    clause: '3',
    policy: null,
    owedBy: ['unit'],
    categories: ['doubt', 'demand'],
    due: { anchor: 'knownAt', amount: 3, unit: 'workingHours' },
    deadline: 'initialResponse',
    discharge: { type: 'ANSWER', fields: {} },
  },
  {
    id: 'release',
    kind: 'release',
    label: '发布权威信息',
    clause: '4',
    policy: null,
    owedBy: ['office'],
    when: { step: 'convened' },
    discharge: { type: 'RELEASE', fields: {} },
    draftPurpose: 'release',
  },
  {
    id: 'decision:review',
    kind: 'decision',
    label: '是否总结评估',
    clause: '5',
    policy: null,
    owedBy: ['group'],
    when: { step: 'subsided' },
    discharge: { type: 'DECIDE', fields: { decision: 'decision:review' } },
  },
  {
    id: 'review',
    kind: 'review',
    label: '总结评估',
    clause: '5',
    policy: null,
    owedBy: ['office'],
    when: { decided: 'decision:review' },
    discharge: { type: 'REVIEW', fields: {} },
  },
  escalation,
]

const approvalsTable: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [{ code: 'leader', label: '分管领导审定', event: 'APPROVE', clause: '4', owedBy: ['leader'] }],
  major: [
    { code: 'section', label: '科室负责人审核', event: 'REVIEW_DRAFT', clause: '4', owedBy: ['unit'] },
    {
      code: 'group',
      label: '领导小组审定',
      event: 'APPROVE',
      clause: '4',
      owedBy: ['group'],
      separate: true,
    },
  ],
}
const table = approvalsTable

/**
 * The toy plan at `version`, owing `extra` obligations besides its own (a later release
 * of it), with the kit `options` it opts into (kit/options.ts).
 */
export function makeToyPlan(
  version = 1,
  extra: readonly ObligationRule[] = [],
  options?: KitOptions,
): PlanDefinition {
  const obligations = [...toyRules, ...extra]
  const kit = createKit({
    classify: () => ({ severity: null, rule: '人工定级' }),
    obligations,
    approvals: table,
    escalation,
    ...(options ? { options } : {}),
  })
  return { ...planData, version, obligations, machine: toyMachineOf(kit) }
}

const toyMachineOf = (kit: ReturnType<typeof createKit>) =>
  setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: kit.guards,
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: 'toy',
      type: 'parallel',
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段', '阶段'),
          on: {
            ...commonTransitions(common),
            REPORT: { guard: 'isOpen', actions: 'recordReport', meta: clause('2', '报告') },
            ANSWER: { guard: 'isOpen', meta: clause('3', '答复') },
            REVIEW_DRAFT: {
              guard: { type: 'canApprove', params: { code: 'section' } },
              actions: { type: 'approve', params: { code: 'section' } },
              meta: clause('4', '审核'),
            },
            APPROVE: [
              {
                guard: { type: 'canApprove', params: { code: 'leader' } },
                actions: { type: 'approve', params: { code: 'leader' } },
                meta: clause('4', '审定'),
              },
              {
                guard: { type: 'canApprove', params: { code: 'group' } },
                actions: { type: 'approve', params: { code: 'group' } },
                meta: clause('4', '审定'),
              },
            ],
            RELEASE: { guard: 'approvalsComplete', actions: 'release', meta: clause('4', '发布') },
          },
          states: {
            discovery: {
              meta: clause('1', '发现'),
              on: {
                CLASSIFY: { guard: 'isUnclassified', actions: 'setSeverity', meta: clause('1', '定级') },
              },
              always: { guard: 'isClassified', target: 'reporting', meta: clause('1', '已定级') },
            },
            reporting: {
              meta: clause('2', '报告'),
              on: {
                CONVENE: {
                  target: 'response',
                  guard: { type: 'settled', params: { rules: ['report:group'] } },
                  actions: { type: 'completeStep', params: { step: 'convened' } },
                  meta: clause('3', '会商'),
                },
              },
            },
            consultation: { meta: clause('3', '会商') },
            response: {
              meta: clause('4', '回应'),
              on: {
                SUBSIDE: {
                  target: 'disposal',
                  guard: { type: 'settled', params: { rules: ['release'] } },
                  actions: { type: 'completeStep', params: { step: 'subsided' } },
                  meta: clause('4', '平息'),
                },
              },
            },
            disposal: {
              meta: clause('5', '善后'),
              on: {
                RELAPSE: { target: 'response', meta: clause('4', '反复') },
                FINISH: { target: 'review', meta: clause('5', '处置结束') },
              },
            },
            review: {
              meta: clause('5', '总结'),
              on: {
                REVIEW: { target: 'closed', meta: clause('5', '总结评估') },
                CLOSE: { target: 'closed', meta: policy('不总结时结案', '结案') },
              },
            },
            closed: { type: 'final', entry: 'closeIncident', meta: policy('结束', '结束') },
          },
        },
      },
    }),
  )

const schema = (shape: z.ZodRawShape = {}) => z.object({ ...shape, note: fields.note }).strict()
const grades = ['general', 'major', 'critical'] as const

const planData: Omit<PlanDefinition, 'machine' | 'version' | 'obligations'> = {
  id: 'toy',
  title: '测试预案',
  issuer: '测试',
  severities: grades.map((code) => ({ code, label: code })),
  hasCriteria: false,
  classify: () => ({ severity: null, rule: '人工定级' }),
  approvals: table,
  waivers: { roles: common.waive.roles, clause: null, policy: common.waive.meta.policy },
  events: [
    ...commonEventSpecs(common, grades),
    {
      type: 'CLASSIFY',
      label: '定级',
      roles: ['office'],
      meta: clause('1', '定级'),
      schema: schema({ severity: z.enum(grades) }),
    },
    {
      type: 'REPORT',
      label: '报告',
      roles: ['monitor', 'office', 'group'],
      meta: clause('2', '报告'),
      schema: schema({ to: fields.to }),
    },
    {
      type: 'ANSWER',
      label: '答复',
      roles: ['unit'],
      meta: clause('3', '答复'),
      schema: schema({ content: fields.content }),
    },
    { type: 'CONVENE', label: '会商', roles: ['group'], meta: clause('3', '会商'), schema: schema() },
    {
      type: 'REVIEW_DRAFT',
      label: '审核',
      roles: ['unit'],
      meta: clause('4', '审核'),
      schema: schema({ draftId: fields.draftId }),
    },
    {
      type: 'APPROVE',
      label: '审定',
      roles: ['leader', 'group'],
      meta: clause('4', '审定'),
      schema: schema({ draftId: fields.draftId }),
    },
    {
      type: 'RELEASE',
      label: '发布',
      roles: ['office'],
      meta: clause('4', '发布'),
      schema: schema({ draftId: fields.draftId }),
    },
    { type: 'SUBSIDE', label: '平息', roles: ['office'], meta: clause('4', '平息'), schema: schema() },
    { type: 'RELAPSE', label: '反复', roles: ['office'], meta: clause('4', '反复'), schema: schema() },
    { type: 'FINISH', label: '处置结束', roles: ['office'], meta: clause('5', '处置结束'), schema: schema() },
    {
      type: 'REVIEW',
      label: '总结评估',
      roles: ['office'],
      meta: clause('5', '总结'),
      schema: schema({ summary: fields.content }),
    },
    { type: 'CLOSE', label: '结案', roles: ['group'], meta: policy('结案', '结案'), schema: schema() },
  ],
  clauses: [],
}

export const toyPlan: PlanDefinition = makeToyPlan()

/** A later toy version that opts into both kit options of plan version 5 (kit/options.ts). */
export const toyPlanStrict: PlanDefinition = makeToyPlan(5, [], {
  waiveApprovals: false,
  supersededDrafts: 'refused',
})

/** A registry that serves the toy plan (and nothing else), for the engine's own tests. */
export const toyRegistry = {
  getPlan: (id: string, version?: number) =>
    id === toyPlan.id && (version === undefined || version === toyPlan.version) ? toyPlan : undefined,
}
