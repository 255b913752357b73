/**
 * The chart of 安全生产网络舆情应对预案. What each grade owes (reports, activation, the
 * special report and both 批示, the meeting, approvals of each draft, the aftercare) is
 * data in rules.ts, tracked by the kit's ledger; the chart orders the phases and names
 * the guards that decide the plan's rules. Duties that follow the grade rather than the
 * phase (reports, 五(一)3, 五(一)4, approvals) are accepted in every open phase, so a rise
 * during disposal or review is reported there.
 *
 * Version 3 (`chart(rules, 3)`): a route step of 五(四) owed after a late category change
 * is taken in disposal or review; a route state whose step is no longer owed (waived, or
 * done before: rules 2 and 6) is left without it; the special report follows a waived
 * phone report too (rules.ts `PHONE_REPORT_SETTLED`). Version 2 keeps its chart.
 *
 * Version 4 (`chart(rules, 4)`): a waived report to 人事司 leaves discovery (rule 2); below
 * 重大 only 人事司 convenes (五(一)1, 五(三)2); at 较大 the leader in charge approves the
 * proposal (`APPROVE_PROPOSAL`) before the response and its measures (五(一)2, 五(三)2).
 *
 * Version 5 (`chart(rules, 5)`): the kit's options of version 5 (`V5_OPTIONS`: an approval
 * is not waived, OBLIGATIONS.md rule 8; a superseded draft is neither approved nor
 * released), which the plan's `publicStepAllowed` obeys too; every public step publishes
 * a draft not published before (六(一)、六(二): after a relapse the answer is a new text).
 *
 * One file per top-level phase, in chart/: discovery.ts, reporting.ts, consultation.ts,
 * response.ts, disposal.ts, review.ts (closed is below); any-phase.ts holds what every open
 * phase accepts, guards.ts the plan's own guards, helpers.ts what they share.
 */
import { setup } from 'xstate'
import { createKit, withLedger } from '../kit/kit.js'
import type { KitOptions } from '../kit/options.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import { anyPhase } from './chart/any-phase.js'
import { consultationOf } from './chart/consultation.js'
import { discovery } from './chart/discovery.js'
import { disposal } from './chart/disposal.js'
import { planGuards } from './chart/guards.js'
import type { Version } from './chart/helpers.js'
import { reporting } from './chart/reporting.js'
import { response } from './chart/response.js'
import { review } from './chart/review.js'
import {
  approvals,
  classify,
  escalation,
  obligationRules,
  obligationRulesV2,
  obligationRulesV4,
  obligationRulesV5,
  obligationRulesV6,
  obligationRulesV7,
  obligationRulesV8,
  obligationRulesV9,
  obligationRulesV10,
  obligationRulesV11,
  obligationRulesV12,
  obligationRulesV13,
  PLAN_ID,
} from './rules.js'

/**
 * Version 5's kit options (machines/kit/options.ts): OBLIGATIONS.md rule 8, a release
 * needs every approval of its draft, so an approval is not waived (a draft that will not
 * be approved is withdrawn, WITHDRAW_DRAFT); and a draft superseded by a newer draft of
 * its purpose (whose approvals the ledger withdrew) is neither approved nor published.
 */
export const V5_OPTIONS: KitOptions = Object.freeze({ waiveApprovals: false, supersededDrafts: 'refused' })

/**
 * The chart of a version, with `rules` as what an incident owes. Version 3 adds the route
 * steps of 五(四) to disposal and review (`routeSteps`), the ways out of a route state
 * whose step is no longer owed (`leave`), publishes the result once the solving or the
 * investigation is settled, and lets the special report follow a waived phone report.
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const options = version >= 6 ? V6_OPTIONS : version >= 5 ? V5_OPTIONS : {}
  const kit = createKit({ classify, obligations: [...rules, escalation], approvals, escalation, options })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: { ...kit.guards, ...planGuards(options) },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      meta: clause('五', '安全生产网络舆情应对程序'),
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: anyPhase(version),
          states: {
            discovery: discovery(version),
            reporting: reporting(version),
            consultation: consultationOf(version),
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

/**
 * Version 6's kit options: version 5's, and what a change of grade or category withdraws
 * (README "Kit options"): a category change withdraws only what the rule's categories no
 * longer admit (五(一)'s report to 办公厅 begun at a lower grade and kept owed by a rise
 * stays owed across it, rule 4), and a lowering at the very instant a report is due
 * withdraws it (rule 5). What a yes orders here is never asked again, so `orderedDuties`
 * would change nothing; it is not set.
 */
export const V6_OPTIONS: KitOptions = Object.freeze({
  ...V5_OPTIONS,
  categoryChange: 'categoriesOnly',
  lowerAtDue: 'withdraws',
})

/**
 * Version 7's chart (`chart(rules, 7)`, version 6's kit options), from the review of version 6: the
 * proposal is made in the consultation or where it is owed, a SET_CATEGORY must change the
 * category (it owes the approval or the meeting again, rules/version7.ts); solving and
 * investigating wait for what authorises the response (五(一)3); the 简报 follows the latest answer.
 * For the incidents opened on it.
 */
export const machineV7 = chart(obligationRulesV7, 7)
/**
 * Version 9 (`chart(rules, 9)`, version 8's chart and kit options): 三's 协调跟踪办理 by 人事司 is owed
 * once the fact `coalOrLocalBureau` is true (rules/version9.ts), and `COORDINATE_TRACKING` records it
 * in any open phase while it is owed (chart/any-phase.ts). For the incidents opened on it.
 */
export const machineV9 = chart(obligationRulesV9, 9)
/**
 * Version 10 (`chart(rules, 10)`, version 9's chart and kit options): 三's 协调跟踪办理 waived (set in
 * error) is owed again when the monitoring turns the fact true (rules/version10.ts). For the incidents
 * opened on it.
 */
export const machineV10 = chart(obligationRulesV10, 10)
/**
 * Version 11 (`chart(rules, 11)`, version 10's chart and kit options): after a lowering, a report to
 * 人事司 counts only when made since the latest relapse (五(二)); a referral to the police decided yes
 * stays owed whatever the category (四(四)、五(五)2; rules/version11.ts). For the incidents opened on it.
 */
export const machineV11 = chart(obligationRulesV11, 11)
/**
 * Version 12 (`chart(rules, 12)`, version 11's chart and kit options): a lowering after a relapse owes
 * the lower grade's report again when it was settled before the relapse (五(二)), none after a waived
 * relapse report of a higher grade; the contact with the first poster waits for the subsiding after
 * a relapse (五(五)1; rules/version12.ts). For the incidents opened on it.
 */
export const machineV12 = chart(obligationRulesV12, 12)
/**
 * Version 13 (`chart(rules, 13)`, version 12's chart and kit options): 五(五)2's duties (是否属恶意诋毁,
 * the legal statement, the local clearance of 重大以上, the referral's question and the referral) are
 * owed once the incident has subsided since the latest relapse, as 五(五)1's contact is from version 12
 * (rules/version13.ts).
 */
export const machine = chart(obligationRulesV13, 13)
/**
 * Version 8 (`chart(rules, 8)`, version 7's chart and kit options): the response meeting is owed
 * again at a rise to 重大以上 after a 定性 changed below 重大 (rules/version8.ts). For the incidents
 * opened on it.
 */
export const machineV8 = chart(obligationRulesV8, 8)
/** Version 6's chart, for the incidents opened on it. */
export const machineV6 = chart(obligationRulesV6, 6)
/** Version 5's chart (the same states as 6; without its withdrawal options and amendments), for the incidents opened on it. */
export const machineV5 = chart(obligationRulesV5, 5)
/** Version 4's chart (rules.ts `obligationRulesV4`), for the incidents opened on it. */
export const machineV4 = chart(obligationRulesV4, 4)
/** Version 3's chart (rules.ts `obligationRules`), for the incidents opened on it. */
export const machineV3 = chart(obligationRules, 3)
/** Version 2's chart (rules.ts `obligationRulesV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationRulesV2, 2)
