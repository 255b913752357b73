/**
 * The toy plan's chart (see ../toy-plan.ts): a phase region from discovery to closed, with the
 * kit's shared transitions, built on the kit it is given (its obligations, approvals, options).
 */
import { setup } from 'xstate'
import { commonTransitions, type createKit, withLedger } from '../../../machines/kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from '../../../machines/kit/types.js'
import { clause, policy } from '../../../machines/vocabulary.js'
import { common } from './rules.js'

/** The toy machine on `kit`. */
export const toyMachineOf = (kit: ReturnType<typeof createKit>) =>
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
