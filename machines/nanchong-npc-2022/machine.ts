/**
 * The chart of 南充市人大常委会机关网络舆情应急处置预案. Clause references use the
 * text's numbering (三(四)1 = chapter 三, item (四), point 1). What the incident owes is
 * data (rules.ts); the guards named below decide the plan's own rules.
 *
 * One file per top-level phase, in chart/: discovery.ts, reporting.ts, consultation.ts,
 * response.ts (with what stays possible after the response), disposal.ts, review.ts (closed
 * is below); any-phase.ts holds what every open phase accepts, guards.ts the plan's own
 * guards, helpers.ts what they share.
 */
import { setup } from 'xstate'
import { createKit, withLedger } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import { anyPhase } from './chart/any-phase.js'
import { consultation } from './chart/consultation.js'
import { discovery } from './chart/discovery.js'
import { disposal } from './chart/disposal.js'
import { guardsOf } from './chart/guards.js'
import type { Version } from './chart/helpers.js'
import { reporting } from './chart/reporting.js'
import { response } from './chart/response.js'
import { review } from './chart/review.js'
import {
  approvals,
  approvalsV4,
  classify,
  escalation,
  obligations,
  obligationsV2,
  obligationsV4,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV11,
  obligationsV12,
  obligationsV13,
  obligationsV14,
  PLAN_ID,
} from './rules.js'

/**
 * Version 7's kit options besides version 5's (README "Kit options"): a lowering at the very
 * instant a report is due withdraws it (`lowerAtDue`: OBLIGATIONS.md rule 5, its due time has
 * not passed, as a report at that instant is on time; version 6 left 三(二)'s report to 市网信办
 * owed, to breach a moment later), and a category change withdraws only what the rule's
 * categories no longer admit (`categoryChange`: never what a rise kept, rule 4).
 */
const OPTIONS_V7 = {
  waiveApprovals: false,
  supersededDrafts: 'refused',
  lowerAtDue: 'withdraws',
  categoryChange: 'categoriesOnly',
} as const

/**
 * The chart of a version: `rules` are what an incident owes; from version 3 a waived
 * obligation frees what waits for it (OBLIGATIONS.md rule 2): a waived decision on the
 * measures lets the response start, and 市网信办's opinion may be heard once it has a
 * report though the duty to send one was waived. From version 5 the kit's options
 * (README "Kit options"): an approval is not waived (OBLIGATIONS.md rule 8: a waived
 * sign-off is no sign-off; WITHDRAW_DRAFT is the way out), and a draft superseded by a
 * newer one of its purpose is neither signed off nor published (已有新稿，旧稿不再审批).
 * Version 6 has version 5's chart and options; its rules (`obligationsV6`) owe no 续报 to a
 * recipient already told of the grade risen to (OBLIGATIONS.md rule 6).
 * Version 7 (`obligationsV7`, guards.ts): a lowering withdraws the follow-ups a rise added,
 * the group may send 市网信办 the report it owes after a rise, the opinion after a rise waits
 * for the new grade's report, a waived stance frees the replies, every consent owes a block.
 * Version 8 has version 7's chart, guards and options; its rules (`obligationsV8`) differ.
 * Version 9 has version 8's chart, guards, options and rules; its migration from 8 differs.
 * Version 10 has version 9's chart, guards, options and rules; its migration from 9 differs.
 * Version 11 (`obligationsV11`): the category is owed while none is set and the response ends
 * (SUBSIDE, guard `responseEnds`) only once it is set or waived (三(四)1, local policy); version
 * 10's options.
 * Version 12 (`obligationsV12`): version 11's chart, guards and options; it owes 市网信办 the report
 * of the handling work from the subsiding (二(三)6), which holds the close (rule 2).
 * Version 13 (`obligationsV13`): version 12's options; its guards let the group report the handling
 * work to the 相关部门 (二(三)6, `mayReport`) and hold the press conference a yes asked again at
 * 特别重大 ordered (三(四)3).
 * Version 14 (`obligationsV14`): version 13's chart and options; `mayReport` lets the group report the
 * handling work to 四(一)'s 市委宣传部 and 市公安部门 too (二(三)6, each its own recipient).
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const kit = createKit({
    classify,
    obligations: [...rules, escalation],
    approvals: version >= 4 ? approvalsV4 : approvals,
    escalation,
    ...(version >= 7
      ? { options: OPTIONS_V7 }
      : version >= 5
        ? { options: { waiveApprovals: false, supersededDrafts: 'refused' } as const }
        : {}),
  })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: { ...kit.guards, ...guardsOf(version, kit) },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      meta: clause('三', '网络舆情应急程序'),
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: anyPhase(version),
          states: {
            discovery,
            reporting,
            consultation: consultation(version),
            response: response(version),
            disposal: disposal(version),
            review: review(version),
            closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

export const machine = chart(obligationsV14, 14)
/** Version 13's chart (the same options as 14; `obligationsV13`, its guards), for the incidents opened on it. */
export const machineV13 = chart(obligationsV13, 13)
/** Version 12's chart (the same options as 13; `obligationsV12`, its guards), for the incidents opened on it. */
export const machineV12 = chart(obligationsV12, 12)
/** Version 11's chart (the same guards and options as 12; `obligationsV11`), for the incidents opened on it. */
export const machineV11 = chart(obligationsV11, 11)
/** Version 10's chart (the same rules, guards and options as 9), for the incidents opened on it. */
export const machineV10 = chart(obligationsV8, 10)
/** Version 9's chart (the same rules, guards and options as 10), for the incidents opened on it. */
export const machineV9 = chart(obligationsV8, 9)
/** Version 8's chart (the same rules, guards and options as 9), for the incidents opened on it. */
export const machineV8 = chart(obligationsV8, 8)
/** Version 7's chart (the same guards and options as 8; `obligationsV7`), for the incidents opened on it. */
export const machineV7 = chart(obligationsV7, 7)
/** Version 6's chart (version 5's guards and options; `obligationsV6`), for the incidents opened on it. */
export const machineV6 = chart(obligationsV6, 6)
/** Version 5's chart (the same states and options as 6; version 4's rules), for the incidents opened on it. */
export const machineV5 = chart(obligationsV4, 5)
/** Version 4's chart, for the incidents opened on it. */
export const machineV4 = chart(obligationsV4, 4)
/** Version 3's chart, for the incidents opened on it. */
export const machineV3 = chart(obligations, 3)
/** Version 2's chart (rules.ts `obligationsV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationsV2, 2)
