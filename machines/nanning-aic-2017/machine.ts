/**
 * The machine of 南宁市工商局突发事件舆情应对预案: 发现并固定证据 (四(一)) → 逐级报告
 * (四(二)) → 办公室评估、领导小组决定措施 (四(三)、三(一)) → 按等级审定后统一发布
 * (四(四)) → 处置结束，领导小组决定是否回顾总结 (四(五)). Reports, drafts, approvals,
 * releases, the 五(二) answers to netizens, the notifications and 源头化解 are accepted in
 * every open phase (a rise during disposal or review owes them there). What is owed is
 * the ledger's (rules.ts); the guards below decide the plan's own rules.
 *
 * One file per top-level phase, in chart/: discovery.ts, reporting.ts, consultation.ts,
 * response.ts, disposal.ts, review.ts (closed is below); any-phase.ts holds what every open
 * phase accepts, guards.ts the plan's own guards, helpers.ts what they share. The plan's
 * own action (extending the formal reply, 五(二)) is in the setup below.
 */
import { assign, setup } from 'xstate'
import { createKit, withLedger } from '../kit/kit.js'
import type { KitOptions } from '../kit/options.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import { anyPhase } from './chart/any-phase.js'
import { consultation } from './chart/consultation.js'
import { discovery } from './chart/discovery.js'
import { disposal } from './chart/disposal.js'
import { guardsOf } from './chart/guards.js'
import type { Args, Version } from './chart/helpers.js'
import { reporting } from './chart/reporting.js'
import { response } from './chart/response.js'
import { review } from './chart/review.js'
import {
  approvals,
  approvalsV3,
  approvalsV10,
  approvalsV12,
  classify,
  escalation,
  escalationV10,
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV10,
  obligationsV11,
  obligationsV12,
  obligationsV13,
  obligationsV14,
  obligationsV15,
  PLAN_ID,
} from './rules.js'

/**
 * Version 5's kit options (README "Kit options"). 四(四) 审定后统一发布: a superseded draft
 * (已有新稿，旧稿不再审批: its approvals are withdrawn) is neither approved nor released —
 * version 4 published it while the newer draft's approvals stayed owed. Approvals are not
 * waived (OBLIGATIONS.md rule 8; `mayWaive` refused them already, the engine now says why).
 */
const V5_OPTIONS: KitOptions = { waiveApprovals: false, supersededDrafts: 'refused' }

/**
 * The chart of a version: `obligations` are what an incident owes; from version 3 a draft is
 * never published twice; from version 4 the office reviews what goes online (三(二)1) and a
 * waived level of 四(二) lets the report go on above it; from version 5 a superseded draft is
 * neither approved nor released, and a waived review lets CLOSE end the handling (四(五));
 * version 6's obligations (rules/versions.ts) owe a review ordered again after one waived,
 * version 7's ask whether to review once at a time, version 8's whether to authorize an
 * interview too; version 10 (review of version 9) takes its own approvals and escalation
 * (rules/approvals.ts, rules/versions.ts) and chart/any-phase.ts's releases and interviews;
 * version 11 takes LIAISE in every open phase (the liaison the group decided may be owed there),
 * version 12 GUIDE_COMMENTS and LEGAL_OPINION (the comment work and the legal support it owes);
 * version 13 holds GUIDE_COMMENTS to its sender's part and RESOLVE_SOURCE from 新闻宣传分管领导 to 重大
 * and above (chart/any-phase.ts, chart/guards.ts); version 14 has version 13's chart and its own rules;
 * version 15 holds LIAISE from 新闻宣传分管领导 to 重大 and above (chart/any-phase.ts, chart/guards.ts).
 */
function chart(obligations: ObligationRule[], version: Version) {
  const kit = createKit({
    classify,
    obligations,
    approvals:
      version >= 12 ? approvalsV12 : version >= 10 ? approvalsV10 : version >= 4 ? approvals : approvalsV3,
    escalation: version >= 10 ? escalationV10 : escalation,
    ...(version >= 9 ? { options: V9_OPTIONS } : version >= 5 ? { options: V5_OPTIONS } : {}),
  })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: { ...kit.guards, ...guardsOf(version) },
    actions: {
      ...kit.actions,
      /**
       * 五(二) 确需延长办理时间的应当作出说明: the 5-working-day reply gives way to the
       * 10-working-day one, withdrawn on the record with the explanation (never breached:
       * `canExtend` refuses once its limit passed).
       */
      extendFormalReply: assign(({ context, event }: Args) => ({
        obligations: context.obligations.map((o) =>
          o.rule === 'answer:formal' && o.status === 'owed' && o.breachedAt === null
            ? {
                ...o,
                status: 'withdrawn' as const,
                withdrawn: {
                  by: event.actor,
                  reason: `延长办理时间：${typeof event.explanation === 'string' ? event.explanation : ''}`,
                  at: event.at,
                },
              }
            : o,
        ),
      })),
    },
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: anyPhase(version),
          states: {
            discovery,
            reporting,
            consultation,
            response: response(version),
            disposal,
            review: review(version),
            closed: { type: 'final', meta: clause('四(五)', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

/**
 * Version 9's kit options: version 5's, and what a change of grade or category withdraws
 * (README "Kit options"): the review the group's yes ordered (四(五)) ends only with the
 * group's own no, a waiver, or its question made unrequired — not with the question asked
 * again after a relapse and then a change of grade or category (rule 3); a lowering at the
 * very instant a report is due withdraws it (rule 5); a category change withdraws only what
 * the rule's categories no longer admit (rule 4).
 */
const V9_OPTIONS: KitOptions = {
  ...V5_OPTIONS,
  categoryChange: 'categoriesOnly',
  orderedDuties: 'withDecision',
  lowerAtDue: 'withdraws',
}

/**
 * Version 15's chart: version 14's, with 四(四)'s liaison owed by 新闻宣传分管领导 at 重大 and above only
 * (rules/version15.ts `obligationsV15`), and LIAISE from that leader refused at 一般 (chart/guards.ts
 * `liaisesAtGrade`).
 */
export const machine = chart(obligationsV15, 15)
/**
 * Version 14's chart: version 13's, its own rules (rules/version14.ts `obligationsV14`: a report to
 * 上级 a rise begins keeps the due time its own ower's lowering withdrew, OBLIGATIONS.md rules 4, 5).
 */
export const machineV14 = chart(obligationsV14, 14)
/**
 * Version 13's chart: version 12's, with the comment work decided and done by each body for its own
 * part (三(二)1 the office, 三(二)3 the units: GUIDE_COMMENTS names its part, from that body alone), the
 * liaison and 源头化解 owed by the people the text names, and RESOLVE_SOURCE from 新闻宣传分管领导 only at
 * 重大 and above (rules/version13.ts, chart/guards.ts).
 */
export const machineV13 = chart(obligationsV13, 13)
/**
 * Version 12's chart: version 11's, with 三(二)1、三(二)3's comment work decided by the office or the
 * units and 三(二)2's legal support owed (rules/version12.ts); GUIDE_COMMENTS and LEGAL_OPINION are
 * accepted in every open phase (chart/any-phase.ts).
 */
export const machineV12 = chart(obligationsV12, 12)
/**
 * Version 11's chart: version 10's, with 四(四)'s liaison decided by the group and 三(二)3's 汇报
 * owed (rules/version11.ts); LIAISE is accepted in every open phase (chart/any-phase.ts).
 */
export const machineV11 = chart(obligationsV11, 11)
/** Version 10's chart: version 9's options, the review's findings (rules/versions.ts, chart/any-phase.ts). */
export const machineV10 = chart(obligationsV10, 10)
/** Version 9's chart (version 8's rules, V9_OPTIONS), for the incidents opened on it. */
export const machineV9 = chart(obligationsV8, 9)
/** Version 8's chart (the same states and rules as 9, version 5's options), for the incidents opened on it. */
export const machineV8 = chart(obligationsV8, 8)
/** Version 7's chart, for the incidents opened on it. */
export const machineV7 = chart(obligationsV7, 7)
/** Version 6's chart, for the incidents opened on it. */
export const machineV6 = chart(obligationsV6, 6)
/** Version 5's chart, for the incidents opened on it. */
export const machineV5 = chart(obligations, 5)
/** Version 4's chart, for the incidents opened on it. */
export const machineV4 = chart(obligations, 4)
/** Version 3's chart (rules/versions.ts), for the incidents opened on it. */
export const machineV3 = chart(obligationsV3, 3)
/** Version 2's chart (rules/versions.ts `rulesV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationsV2, 2)
